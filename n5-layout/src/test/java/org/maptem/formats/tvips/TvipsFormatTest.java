package org.maptem.formats.tvips;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.maptem.dataset.DType;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.ReadMode;
import org.maptem.dataset.TilePlan;
import org.maptem.formats.Formats;
import org.maptem.formats.HeaderFuzzer;
import org.maptem.formats.RealFileCheck;
import org.maptem.ingest.Ingest;
import org.maptem.ingest.IngestOptions;
import org.maptem.ingest.Samples;

import com.google.gson.JsonObject;

class TvipsFormatTest {

	@TempDir
	Path dir;

	/**
	 * An independent writer of a split TVIPS series following the documented layout: {@code prefix_000.tvips} starts
	 * with the 256-byte series header, every file holds {@code perFile[i]} frames of frame header (ICounter at 0,
	 * rotidx at 48 for version 2) + pixels.
	 */
	static void write(final Path dir, final String prefix, final int version, final int w, final int h, final int bpp,
			final int frameHeader, final int[] perFile, final double[] v, final int rotidxStart) throws IOException {
		final int px = w * h;
		int frame = 0;
		for (int i = 0; i < perFile.length; i++) {
			final int head = i == 0 ? 256 : 0;
			final ByteBuffer b = ByteBuffer.allocate(head + perFile[i] * (frameHeader + px * bpp / 8))
					.order(ByteOrder.LITTLE_ENDIAN);
			if (i == 0)
				b.putInt(256).putInt(version).putInt(w).putInt(h).putInt(bpp).putInt(0).putInt(0).putInt(2).putInt(2)
						.putInt(15500).putInt(300).putInt(1000).putInt(version == 2 ? frameHeader : 0).position(256);
			for (int f = 0; f < perFile[i]; f++, frame++) {
				final int at = b.position();
				b.putInt(at, frame);
				if (version == 2 && frameHeader >= 52)
					b.putInt(at + 48, rotidxStart + frame);
				b.position(at + frameHeader);
				for (int p = 0; p < px; p++)
					if (bpp == 8)
						b.put((byte) v[frame * px + p]);
					else
						b.putShort((short) v[frame * px + p]);
			}
			Files.write(dir.resolve(prefix + String.format(Locale.ROOT, "%03d", i) + ".tvips"), b.array());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "tvips/test_tvips_2233_000", "tvips/test_tvips_2345_000" })
	void realFilesMatchTheIndependentReaderThroughDetection(final String id) throws IOException {
		final JsonObject e = RealFileCheck.entry(id);
		final Path f = RealFileCheck.file(e, 0);
		assertInstanceOf(TvipsFormat.class, Formats.detect(f));
		try (Dataset d = Formats.open(f, OpenOptions.DEFAULTS)) {
			RealFileCheck.assertMatches(e, d, TilePlan.defaultFor(d.meta()));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "tvips/test_tvips_2233_000", "tvips/test_tvips_2345_000" })
	void realFilesMatchInOneFramePartitionsAndRowBandsEitherReadMode(final String id) throws IOException {
		final JsonObject e = RealFileCheck.entry(id);
		for (final ReadMode mode : new ReadMode[] { ReadMode.MMAP, ReadMode.DIRECT })
			try (TvipsDataset d = TvipsDataset.open(RealFileCheck.file(e, 0),
					OpenOptions.DEFAULTS.withPartitionBytes(1).withReadMode(mode))) {
				assertEquals(e.get("n_frames").getAsInt(), d.partitions().size());
				RealFileCheck.assertMatches(e, d, new TilePlan(1, 1));
			}
	}

	@Test
	void realFileHeaderFieldsReachCalibrationAndProvenance() throws IOException {
		final JsonObject e = RealFileCheck.entry("tvips/test_tvips_2345_000");
		final JsonObject th = e.getAsJsonObject("tvips_header");
		try (TvipsDataset d = TvipsDataset.open(RealFileCheck.file(e, 0), OpenOptions.DEFAULTS)) {
			assertEquals(th.get("version").getAsInt(), d.series().version());
			assertEquals(th.get("frameheaderbytes").getAsInt(), d.series().frameHeaderBytes());
			assertEquals(th.get("dimx").getAsInt(), d.series().width());
			assertEquals(th.get("dimy").getAsInt(), d.series().height());
			// bytes 40..43 of the file: IHT = 200 kV; the six frame headers hold rotidx 0..5
			assertEquals(200.0, d.meta().calibration().beamEnergy());
			assertEquals("0", d.meta().provenance().details().get("rotidx_first"));
			assertEquals("5", d.meta().provenance().details().get("rotidx_last"));
			assertEquals("true", d.meta().provenance().details().get("rotidx_steps_by_one"));
		}
	}

	@Test
	void ingestedRealFileHasTheSameSum(@TempDir final Path out) throws IOException {
		final JsonObject e = RealFileCheck.entry("tvips/test_tvips_2345_000");
		try (TvipsDataset d = TvipsDataset.open(RealFileCheck.file(e, 0), OpenOptions.DEFAULTS.withNavShape(2, 3))) {
			Ingest.run(d, out.resolve("x.n5"), IngestOptions.DEFAULTS);
		}
		try (Dataset n5 = Formats.open(out.resolve("x.n5"), OpenOptions.DEFAULTS)) {
			assertEquals(DType.UINT16, n5.meta().dtype());
			assertArrayEquals(new long[] { 2, 3 }, n5.meta().navShape());
			assertEquals(e.get("total_sum").getAsDouble(), RealFileCheck.sum(Samples.readAll(n5, new TilePlan(4, 4))));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "s_000.tvips", "s_001.tvips", "s_002.tvips" })
	void splitSeriesReadsAcrossFilesFromAnyOfThemWithPartitionsSpanningFiles(final String given) throws IOException {
		final int w = 5;
		final int h = 3;
		final double[] v = Samples.values(DType.UINT16, 9 * w * h, 11);
		write(dir, "s_", 2, w, h, 16, 60, new int[] { 4, 2, 3 }, v, 7);
		for (final ReadMode mode : new ReadMode[] { ReadMode.MMAP, ReadMode.DIRECT })
			try (TvipsDataset d = TvipsDataset.open(dir.resolve(given),
					OpenOptions.DEFAULTS.withPartitionBytes(3L * w * h * 2).withReadMode(mode))) {
				assertArrayEquals(new long[] { 9 }, d.meta().navShape());
				assertEquals(3, d.meta().provenance().files().size());
				assertEquals(3, d.partitions().size());
				assertArrayEquals(v, Samples.readAll(d, new TilePlan(2, 3)));
				assertArrayEquals(v, Samples.readAll(d, new TilePlan(3, 3)));
				assertArrayEquals(v, Samples.readAll(d, new TilePlan(1, 2)));
				assertEquals("7", d.meta().provenance().details().get("rotidx_first"));
				assertEquals("15", d.meta().provenance().details().get("rotidx_last"));
			}
		try (TvipsDataset d = TvipsDataset.open(dir.resolve(given), OpenOptions.DEFAULTS.withNavShape(3, 3))) {
			assertEquals(1, d.partitions().size());
			final float[] f = Samples.readAllFloat(d, new TilePlan(9, 3));
			for (int i = 0; i < v.length; i++)
				assertEquals(v[i], f[i]);
		}
	}

	@Test
	void laterFilesAreRecognisedByExtension() throws IOException {
		write(dir, "r_", 2, 2, 2, 8, 60, new int[] { 1, 1 }, new double[8], 0);
		assertInstanceOf(TvipsFormat.class, Formats.detect(dir.resolve("r_001.tvips")));
		assertEquals(50, new TvipsFormat().probe(dir.resolve("r_001.tvips"), Files.readAllBytes(dir.resolve("r_001.tvips"))));
		assertEquals(100, new TvipsFormat().probe(dir.resolve("r_000.tvips"), Files.readAllBytes(dir.resolve("r_000.tvips"))));
		assertEquals(0, new TvipsFormat().probe(dir.resolve("r_000.bin"), Files.readAllBytes(dir.resolve("r_000.tvips"))));
	}

	@Test
	void versionOneEightBitFramesHaveTwelveByteHeadersAndNoRotidx() throws IOException {
		final double[] v = Samples.values(DType.UINT8, 5 * 4 * 6, 12);
		write(dir, "v1_", 1, 4, 6, 8, 12, new int[] { 5 }, v, 0);
		try (TvipsDataset d = TvipsDataset.open(dir.resolve("v1_000.tvips"), OpenOptions.DEFAULTS)) {
			assertEquals(DType.UINT8, d.meta().dtype());
			assertArrayEquals(new int[] { 6, 4 }, d.meta().sigShape());
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(2, 4)));
			assertTrue(!d.meta().provenance().details().containsKey("rotidx_first"));
		}
	}

	@Test
	void singleFileWithoutSuffixIsASeriesOfOne() throws IOException {
		final double[] v = Samples.values(DType.UINT16, 2 * 4, 13);
		write(dir, "plain_", 2, 2, 2, 16, 60, new int[] { 2 }, v, 0);
		Files.move(dir.resolve("plain_000.tvips"), dir.resolve("plain.tvips"));
		try (TvipsDataset d = TvipsDataset.open(dir.resolve("plain.tvips"), OpenOptions.DEFAULTS)) {
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(2, 2)));
		}
	}

	// ------------------------------------------------------------------ bad input

	private LayoutException openFails(final Path f) {
		return assertThrows(LayoutException.class, () -> TvipsDataset.open(f, OpenOptions.DEFAULTS));
	}

	@Test
	void missingFileInTheMiddleOfASeriesIsNamed() throws IOException {
		write(dir, "g_", 2, 2, 2, 16, 60, new int[] { 1, 1, 1 }, new double[12], 0);
		Files.delete(dir.resolve("g_001.tvips"));
		final LayoutException e = openFails(dir.resolve("g_002.tvips"));
		assertTrue(e.getMessage().contains("field 'series files'") && e.getMessage().endsWith("found no g_001.tvips"),
				e.getMessage());
	}

	@Test
	void partialFrameInALaterFileIsReportedForThatFile() throws IOException {
		write(dir, "p_", 2, 2, 2, 16, 60, new int[] { 1, 2 }, new double[12], 0);
		final Path later = dir.resolve("p_001.tvips");
		Files.write(later, java.util.Arrays.copyOf(Files.readAllBytes(later), 100));
		final LayoutException e = openFails(dir.resolve("p_000.tvips"));
		assertTrue(e.getMessage().startsWith(later.toAbsolutePath() + ": field 'file size': expected a whole number of 68-byte "
				+ "frames (60-byte frame header + 2 × 2 × 2 bytes), found 100 bytes"), e.getMessage());
	}

	@Test
	void badHeaderFieldsAreNamedWithTheirOffsets() throws IOException {
		write(dir, "b_", 2, 2, 2, 16, 60, new int[] { 1 }, new double[4], 0);
		final Path f = dir.resolve("b_000.tvips");
		final byte[] good = Files.readAllBytes(f);
		final String[][] cases = { { "0", "3", "ISize (byte offset 0)" }, { "4", "3", "IVersion (byte offset 4)" },
				{ "8", "0", "IXDim, IYDim (byte offsets 8, 12)" }, { "16", "3", "IBPP (byte offset 16)" },
				{ "48", "3", "file size" } };
		for (final String[] c : cases) {
			final byte[] b = good.clone();
			b[Integer.parseInt(c[0])] = Byte.parseByte(c[1]);
			Files.write(f, b);
			assertTrue(openFails(f).getMessage().contains("field '" + c[2] + "'"), c[2] + ": " + openFails(f).getMessage());
		}
		Files.write(f, java.util.Arrays.copyOf(good, 256));
		assertTrue(openFails(f).getMessage().contains("expected at least one frame after the series header"));
		Files.write(f, java.util.Arrays.copyOf(good, 100));
		assertTrue(openFails(f).getMessage().contains("expected at least the 256-byte series header, found 100 bytes"));
	}

	@Test
	void navShapeThatDoesNotHoldTheFramesIsReportedWithTheFile() throws IOException {
		final Path f = RealFileCheck.file(RealFileCheck.entry("tvips/test_tvips_2233_000"), 0);
		final LayoutException e = assertThrows(LayoutException.class,
				() -> TvipsDataset.open(f, OpenOptions.DEFAULTS.withNavShape(3, 3)));
		assertTrue(e.getMessage().startsWith(f.toAbsolutePath().toString()), e.getMessage());
	}

	@ParameterizedTest
	@ValueSource(strings = { "tvips/test_tvips_2233_000", "tvips/test_tvips_2345_000" })
	void fuzzedRealFilesFailWithLayoutExceptionsNamingTheFile(final String id) throws IOException {
		final Path f = RealFileCheck.file(RealFileCheck.entry(id), 0);
		final int n = HeaderFuzzer.of(f, 256 + 60, 0x7F1 + id.length()).counts(40, 200, 60).run(dir, HeaderFuzzer.detecting());
		assertEquals(300, n);
	}

	@Test
	void fuzzedFirstFileOfASplitSeriesFailsWithLayoutExceptions() throws IOException {
		final Path src = Files.createDirectories(dir.resolve("src"));
		write(src, "z_", 2, 4, 3, 16, 60, new int[] { 3, 2 }, Samples.values(DType.UINT16, 60, 14), 1);
		final Path work = Files.createDirectories(dir.resolve("work"));
		Files.copy(src.resolve("z_001.tvips"), work.resolve("z_001.tvips"));
		final int n = HeaderFuzzer.of(src.resolve("z_000.tvips"), 256 + 60, 0x7F3).counts(40, 200, 60)
				.run(work, HeaderFuzzer.detecting());
		assertEquals(300, n);
	}
}
