package org.maptem.formats.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.maptem.dataset.Dataset;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.TilePlan;
import org.maptem.formats.RealFileCheck;
import org.maptem.ingest.Samples;
import org.maptem.n5.TestData;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * An entry of {@code testdata/reference.json} (values computed by h5py and, for ARINA, the bitshuffle library) and
 * the check of a dataset against it: shape, dtype, sums, extremes, sum image (SHA-256 of its float64 little-endian
 * bytes) and chosen pixels.
 */
final class Reference {

	final JsonObject entry;

	private Reference(final JsonObject entry) {
		this.entry = entry;
	}

	static Reference of(final String id) throws IOException {
		try (Reader r = Files.newBufferedReader(TestData.root().resolve("reference.json"))) {
			for (final JsonElement e : JsonParser.parseReader(r).getAsJsonObject().getAsJsonArray("datasets"))
				if (e.getAsJsonObject().get("id").getAsString().equals(id))
					return new Reference(e.getAsJsonObject());
		}
		throw new AssertionError("reference.json has no entry " + id);
	}

	/** The entry's {@code index}-th file. */
	Path file(final int index) {
		return TestData.root().resolve("data").resolve(entry.getAsJsonArray("files").get(index).getAsString());
	}

	/** The HDF5 path of the entry's dataset, from its origin. */
	String hdf5Dataset() {
		return entry.getAsJsonObject("origin").get("hdf5_dataset").getAsString();
	}

	double totalSum() {
		return entry.get("total_sum").getAsDouble();
	}

	/** Reads every value of {@code d} through {@code plan} and checks all the entry records; returns the values. */
	double[] assertMatches(final Dataset d, final TilePlan plan) {
		final DatasetMeta m = d.meta();
		final long[] nav = m.navShape();
		final long[] shape = new long[nav.length + 2];
		System.arraycopy(nav, 0, shape, 0, nav.length);
		shape[nav.length] = m.sigHeight();
		shape[nav.length + 1] = m.sigWidth();
		final JsonArray want = entry.getAsJsonArray("shape");
		final long[] expected = new long[want.size()];
		for (int i = 0; i < expected.length; i++)
			expected[i] = want.get(i).getAsLong();
		assertArrayEquals(expected, shape, "shape");
		assertEquals(entry.get("dtype").getAsString(), m.dtype().n5Name(), "dtype");
		assertEquals(entry.get("n_frames").getAsLong(), m.frameCount(), "n_frames");

		final double[] all = Samples.readAll(d, plan);
		final int frame = m.framePixels();
		final int frames = (int) m.frameCount();
		final double[] sumImage = new double[frame];
		final double[] frameSums = new double[frames];
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		int argmax = 0;
		for (int f = 0; f < frames; f++)
			for (int p = 0; p < frame; p++) {
				final double v = all[f * frame + p];
				frameSums[f] += v;
				sumImage[p] += v;
				if (v > max) {
					max = v;
					argmax = f * frame + p;
				}
				min = Math.min(min, v);
			}
		double total = 0;
		for (final double s : frameSums)
			total += s;
		assertEquals(totalSum(), total, Math.abs(total) * 1e-12, "total_sum");
		assertEquals(entry.get("first_frame_sum").getAsDouble(), frameSums[0], Math.abs(frameSums[0]) * 1e-12,
				"first_frame_sum");
		if (entry.get("frame_sums").isJsonArray()) {
			final JsonArray fs = entry.getAsJsonArray("frame_sums");
			for (int i = 0; i < fs.size(); i++)
				assertEquals(fs.get(i).getAsDouble(), frameSums[i], Math.abs(frameSums[i]) * 1e-12, "frame_sums[" + i + "]");
		}
		assertEquals(entry.get("min_value").getAsDouble(), min, "min_value");
		assertEquals(entry.get("max_value").getAsDouble(), max, "max_value");
		assertEquals(RealFileCheck.flat(entry.getAsJsonArray("argmax_index"), nav, m.sigHeight(), m.sigWidth()), argmax, "argmax_index");

		final JsonObject si = entry.getAsJsonObject("sum_image");
		assertEquals(si.get("sha256_float64_le").getAsString(), RealFileCheck.sha256(sumImage), "sum image sha256");
		double sMin = Double.POSITIVE_INFINITY;
		double sMax = Double.NEGATIVE_INFINITY;
		int sArg = 0;
		for (int p = 0; p < frame; p++) {
			if (sumImage[p] > sMax) {
				sMax = sumImage[p];
				sArg = p;
			}
			sMin = Math.min(sMin, sumImage[p]);
		}
		assertEquals(si.get("min").getAsDouble(), sMin, "sum image min");
		assertEquals(si.get("max").getAsDouble(), sMax, "sum image max");
		final JsonArray yx = si.getAsJsonArray("argmax_yx");
		assertEquals(yx.get(0).getAsInt() * m.sigWidth() + yx.get(1).getAsInt(), sArg, "sum image argmax");
		int pixels = 0;
		for (final JsonElement pe : entry.getAsJsonArray("pixels")) {
			final JsonObject px = pe.getAsJsonObject();
			assertEquals(px.get("value").getAsDouble(), all[RealFileCheck.flat(px.getAsJsonArray("index"), nav, m.sigHeight(), m.sigWidth())],
					"pixel " + px.get("index"));
			pixels++;
		}
		assertTrue(pixels > 0, "the entry lists pixels");
		return all;
	}

	static double sum(final double[] values) {
		return RealFileCheck.sum(values);
	}

}
