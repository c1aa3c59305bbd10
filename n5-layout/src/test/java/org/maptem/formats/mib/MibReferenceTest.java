package org.maptem.formats.mib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.ReadMode;
import org.maptem.dataset.TilePlan;
import org.maptem.formats.Formats;
import org.maptem.ingest.Ingest;
import org.maptem.ingest.IngestOptions;
import org.maptem.ingest.Samples;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Every Merlin file of the shared test data decodes to the values an independent reader ({@code tools/mibref.py})
 * recorded in {@code reference.json}: shapes, dtype, sums, extrema, the sum image's hash and statistics, chosen
 * pixels and the hash of all values.
 */
class MibReferenceTest {

	@TempDir
	Path dir;

	static Stream<ReferenceEntry> entries() throws IOException {
		final List<ReferenceEntry> all = ReferenceEntry.all("mib/");
		if (all.size() < 21)
			throw new AssertionError("reference.json lists " + all.size() + " MIB datasets, expected 21");
		return all.stream();
	}

	/** The reference's scan shape: the 4×2 scans are not recorded in the files, so the test passes it. */
	private static OpenOptions options(final ReferenceEntry e) {
		final long[] nav = e.longs("nav_shape");
		return nav.length > 1 ? OpenOptions.DEFAULTS.withNavShape(nav) : OpenOptions.DEFAULTS;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("entries")
	void decodedValuesMatchTheIndependentReader(final ReferenceEntry e) {
		assertEquals(MibFormat.NAME, Formats.detect(e.file()).name());
		try (Dataset d = Formats.open(e.file(), options(e))) {
			final long[] shape = e.longs("shape");
			final long[] nav = d.meta().navShape();
			final long[] found = Arrays.copyOf(nav, nav.length + 2);
			found[nav.length] = d.meta().sigHeight();
			found[nav.length + 1] = d.meta().sigWidth();
			assertArrayEquals(shape, found, "shape");
			assertEquals(e.string("dtype"), d.meta().dtype().n5Name(), "dtype");
			assertEquals(e.number("n_frames"), d.meta().frameCount(), "frames");

			final double[] all = Samples.readAll(d, TilePlan.defaultFor(d.meta()));
			final int fp = d.meta().framePixels();
			final ReferenceEntry.Stats s = ReferenceEntry.Stats.of(all, fp);
			assertEquals(e.number("total_sum"), s.total(), "total sum");
			assertEquals(e.number("first_frame_sum"), s.frameSums()[0], "first frame sum");
			final double[] refSums = e.json().getAsJsonArray("frame_sums").asList().stream()
					.mapToDouble(JsonElement::getAsDouble).toArray();
			assertArrayEquals(refSums, Arrays.copyOf(s.frameSums(), refSums.length), "frame sums");
			assertEquals(e.number("min_value"), s.min(), "min");
			assertEquals(e.number("max_value"), s.max(), "max");
			assertArrayEquals(e.longs("argmax_index"), unravel(s.argmax(), shape), "argmax index");

			final JsonObject si = e.json().getAsJsonObject("sum_image");
			assertEquals(si.get("sha256_float64_le").getAsString(), ReferenceEntry.sha256Float64(s.sumImage()),
					"sum image sha256");
			final ReferenceEntry.Stats img = ReferenceEntry.Stats.of(s.sumImage(), s.sumImage().length);
			assertEquals(si.get("min").getAsDouble(), img.min(), "sum image min");
			assertEquals(si.get("max").getAsDouble(), img.max(), "sum image max");
			assertEquals(si.get("mean").getAsDouble(), img.total() / fp, 1e-12 * Math.max(1, img.total() / fp),
					"sum image mean");
			final long[] yx = { img.argmax() / d.meta().sigWidth(), img.argmax() % d.meta().sigWidth() };
			assertArrayEquals(new long[] { si.getAsJsonArray("argmax_yx").get(0).getAsLong(),
					si.getAsJsonArray("argmax_yx").get(1).getAsLong() }, yx, "sum image argmax");

			for (final JsonElement p : e.json().getAsJsonArray("pixels")) {
				final long[] idx = p.getAsJsonObject().getAsJsonArray("index").asList().stream()
						.mapToLong(JsonElement::getAsLong).toArray();
				assertEquals(p.getAsJsonObject().get("value").getAsDouble(), all[(int) ravel(idx, shape)],
						"pixel " + Arrays.toString(idx));
			}
			assertEquals(e.string("data_sha256_native_le"),
					ReferenceEntry.sha256Unsigned(all, d.meta().dtype().bytes()), "sha256 of all values");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("entries")
	void oneFramePartitionsRowBandsFloatsAndDirectIoGiveTheSameValues(final ReferenceEntry e) {
		final String expected = e.string("data_sha256_native_le");
		final OpenOptions tiny = options(e).withPartitionBytes(1);
		try (Dataset d = Formats.open(e.file(), tiny)) {
			assertEquals(d.meta().frameCount(), d.partitions().size(), "one frame per partition");
			final int bytes = d.meta().dtype().bytes();
			assertEquals(expected, ReferenceEntry.sha256Unsigned(Samples.readAll(d, new TilePlan(1, 7)), bytes),
					"7-row bands");
			final float[] f = Samples.readAllFloat(d, new TilePlan(3, 5));
			final double[] widened = new double[f.length];
			for (int i = 0; i < f.length; i++)
				widened[i] = f[i];
			assertEquals(expected, ReferenceEntry.sha256Unsigned(widened, bytes), "float tiles of 3 frames × 5 rows");
		}
		try (Dataset d = Formats.open(e.file(), options(e).withPartitionBytes(5 * 65536).withReadMode(ReadMode.DIRECT))) {
			assertEquals(expected, ReferenceEntry.sha256Unsigned(Samples.readAll(d, new TilePlan(2, 1000)),
					d.meta().dtype().bytes()), "direct IO, several frames per partition");
		}
	}

	@Test
	void hotPixelSitsAtX52Y39InFileOrder() {
		final Path file = ReferenceEntry.byId("mib/002_merlin_test_roi_sig256x128_nav4x2_hot_pixel_52x_39y").file();
		try (Dataset d = Formats.open(file, OpenOptions.DEFAULTS)) {
			final double[] all = Samples.readAll(d, TilePlan.defaultFor(d.meta()));
			final int w = d.meta().sigWidth();
			final int fp = d.meta().framePixels();
			for (int f = 0; f < d.meta().frameCount(); f++) {
				int arg = 0;
				for (int p = 1; p < fp; p++)
					if (all[f * fp + p] > all[f * fp + arg])
						arg = p;
				assertEquals(39, arg / w, "frame " + f + ": hot pixel row");
				assertEquals(52, arg % w, "frame " + f + ": hot pixel column");
			}
		}
	}

	@Test
	void ingestedRawQuadAndRoiScanReopenWithTheSameValues() throws IOException {
		for (final String id : new String[] { "mib/Quad_1_Frame_CounterDepth_1_Rows_256RAW", "mib/002_4x2_6bit_roi128" }) {
			final ReferenceEntry e = ReferenceEntry.byId(id);
			final Path out = dir.resolve(id.substring(4) + ".n5");
			try (Dataset d = Formats.open(e.file(), options(e))) {
				Ingest.run(d, out, IngestOptions.DEFAULTS.withPartitionBytes(3 * d.meta().frameBytes()));
			}
			try (Dataset n5 = Formats.open(out, OpenOptions.DEFAULTS)) {
				assertArrayEquals(e.longs("nav_shape"), n5.meta().navShape(), id + ": nav shape");
				assertEquals(e.string("data_sha256_native_le"), ReferenceEntry.sha256Unsigned(
						Samples.readAll(n5, TilePlan.defaultFor(n5.meta())), n5.meta().dtype().bytes()), id);
			}
		}
	}

	private static long[] unravel(final long flat, final long[] shape) {
		final long[] idx = new long[shape.length];
		long f = flat;
		for (int i = shape.length - 1; i >= 0; i--) {
			idx[i] = f % shape[i];
			f /= shape[i];
		}
		return idx;
	}

	private static long ravel(final long[] idx, final long[] shape) {
		long f = 0;
		for (int i = 0; i < shape.length; i++)
			f = f * shape[i] + idx[i];
		return f;
	}
}
