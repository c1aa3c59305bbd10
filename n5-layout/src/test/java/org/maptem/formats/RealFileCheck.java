package org.maptem.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.maptem.dataset.Dataset;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.TilePlan;
import org.maptem.ingest.Samples;
import org.maptem.n5.TestData;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Checks a dataset read from a real sample file against its entry in {@code testdata/reference.json}, whose values
 * an independent reader computed: shape, dtype, frame count, total and per-frame sums, extremes, the sum image
 * (SHA-256 of its float64 little-endian bytes, min, max, mean, argmax) and chosen pixels.
 */
public final class RealFileCheck {

	private RealFileCheck() {
	}

	/** The reference entry with this {@code id}, e.g. {@code "blockfile/test1"}. */
	public static JsonObject entry(final String id) throws IOException {
		try (Reader r = Files.newBufferedReader(TestData.root().resolve("reference.json"))) {
			for (final JsonElement e : JsonParser.parseReader(r).getAsJsonObject().getAsJsonArray("datasets"))
				if (e.getAsJsonObject().get("id").getAsString().equals(id))
					return e.getAsJsonObject();
		}
		throw new AssertionError("reference.json has no entry " + id);
	}

	/** The path of the entry's {@code index}-th file. */
	public static Path file(final JsonObject entry, final int index) {
		return TestData.root().resolve("data").resolve(entry.getAsJsonArray("files").get(index).getAsString());
	}

	/** Reads every value of {@code d} through {@code plan} and asserts everything the entry records. */
	public static double[] assertMatches(final JsonObject e, final Dataset d, final TilePlan plan) {
		final DatasetMeta m = d.meta();
		final JsonArray shape = e.getAsJsonArray("shape");
		final long[] nav = m.navShape();
		final long[] got = new long[nav.length + 2];
		System.arraycopy(nav, 0, got, 0, nav.length);
		got[nav.length] = m.sigHeight();
		got[nav.length + 1] = m.sigWidth();
		final long[] want = new long[shape.size()];
		for (int i = 0; i < want.length; i++)
			want[i] = shape.get(i).getAsLong();
		assertArrayEquals(want, got, "shape");
		assertEquals(e.get("dtype").getAsString(), m.dtype().n5Name(), "dtype");
		assertEquals(e.get("n_frames").getAsLong(), m.frameCount(), "n_frames");

		final double[] all = Samples.readAll(d, plan);
		final int frame = m.framePixels();
		final int frames = (int) m.frameCount();
		double total = 0;
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		int argmax = 0;
		final double[] sumImage = new double[frame];
		final double[] frameSums = new double[frames];
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
		for (final double s : frameSums)
			total += s;
		assertEquals(e.get("total_sum").getAsDouble(), total, Math.abs(total) * 1e-12, "total_sum");
		assertEquals(e.get("first_frame_sum").getAsDouble(), frameSums[0], "first_frame_sum");
		final JsonArray fs = e.getAsJsonArray("frame_sums");
		for (int i = 0; i < fs.size(); i++)
			assertEquals(fs.get(i).getAsDouble(), frameSums[i], "frame_sums[" + i + "]");
		assertEquals(e.get("min_value").getAsDouble(), min, "min_value");
		assertEquals(e.get("max_value").getAsDouble(), max, "max_value");
		final JsonArray am = e.getAsJsonArray("argmax_index");
		assertEquals(flat(am, nav, m.sigHeight(), m.sigWidth()), argmax, "argmax_index");

		final JsonObject si = e.getAsJsonObject("sum_image");
		assertEquals(si.get("sha256_float64_le").getAsString(), sha256(sumImage), "sum_image sha256");
		double sMin = Double.POSITIVE_INFINITY;
		double sMax = Double.NEGATIVE_INFINITY;
		double sSum = 0;
		int sArg = 0;
		for (int p = 0; p < frame; p++) {
			if (sumImage[p] > sMax) {
				sMax = sumImage[p];
				sArg = p;
			}
			sMin = Math.min(sMin, sumImage[p]);
			sSum += sumImage[p];
		}
		assertEquals(si.get("min").getAsDouble(), sMin, "sum_image min");
		assertEquals(si.get("max").getAsDouble(), sMax, "sum_image max");
		assertEquals(si.get("mean").getAsDouble(), sSum / frame, Math.abs(sSum / frame) * 1e-12, "sum_image mean");
		final JsonArray yx = si.getAsJsonArray("argmax_yx");
		assertEquals(yx.get(0).getAsInt() * m.sigWidth() + yx.get(1).getAsInt(), sArg, "sum_image argmax_yx");

		int pixels = 0;
		for (final JsonElement pe : e.getAsJsonArray("pixels")) {
			final JsonObject px = pe.getAsJsonObject();
			final int at = flat(px.getAsJsonArray("index"), nav, m.sigHeight(), m.sigWidth());
			assertEquals(px.get("value").getAsDouble(), all[at], "pixel " + px.get("index"));
			pixels++;
		}
		assertTrue(pixels > 0, "the entry lists pixels");
		return all;
	}

	/** The sum over all values, as an ingested copy must reproduce it. */
	public static double sum(final double[] values) {
		double s = 0;
		for (final double v : values)
			s += v;
		return s;
	}

	/** SHA-256 hex of {@code values} as float64 little-endian bytes. */
	public static String sha256(final double[] values) {
		final ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
		for (final double v : values)
			b.putDouble(v);
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
		} catch (final NoSuchAlgorithmException ex) {
			throw new AssertionError(ex);
		}
	}

	/** The flat C-order position of a reference entry's {@code [nav..., y, x]} index. */
	public static int flat(final JsonArray index, final long[] nav, final int h, final int w) {
		assertEquals(nav.length + 2, index.size(), "index rank");
		long f = 0;
		for (int i = 0; i < nav.length; i++)
			f = f * nav[i] + index.get(i).getAsLong();
		return (int) ((f * h + index.get(nav.length).getAsLong()) * w + index.get(nav.length + 1).getAsLong());
	}
}
