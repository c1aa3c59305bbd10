package org.maptem.formats.frms6;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.maptem.dataset.DType;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.TilePlan;
import org.maptem.formats.Formats;
import org.maptem.formats.HeaderFuzzer;
import org.maptem.ingest.Ingest;
import org.maptem.ingest.IngestOptions;
import org.maptem.ingest.Samples;

/** pnCCD FRMS6 data sets written by the test from the documented layout (no real sample was available). */
class Frms6FormatTest {

	static final int H = 3;
	static final int W = 8;

	@TempDir
	Path dir;

	/** Raw frames {@code [frames][H][W]} of random 16-bit counts. */
	static int[][][] raw(final int frames, final long seed) {
		final Random r = new Random(seed);
		final int[][][] out = new int[frames][H][W];
		for (final int[][] f : out)
			for (final int[] row : f)
				for (int x = 0; x < W; x++)
					row[x] = r.nextInt(65536);
		return out;
	}

	/**
	 * One {@code .frms6} file: header size 1024 at byte 0, frame header size 64 at byte 2, version 6 at byte 7, W at
	 * 88, H at 90, frame count at 1020 (or 0), then per frame 64 header bytes (frame number at +12) and H × W
	 * little-endian u16.
	 */
	static byte[] frms6(final int[][][] frames, final boolean writeCount, final Consumer<ByteBuffer> tweak) {
		final int stride = 64 + 2 * H * W;
		final ByteBuffer b = ByteBuffer.allocate(1024 + frames.length * stride).order(ByteOrder.LITTLE_ENDIAN);
		b.putShort(0, (short) 1024);
		b.putShort(2, (short) 64);
		b.put(7, (byte) 6);
		b.put(8, "pnCCD test".getBytes(StandardCharsets.US_ASCII));
		b.putShort(88, (short) W);
		b.putShort(90, (short) H);
		b.putInt(1020, writeCount ? frames.length : 0);
		tweak.accept(b);
		for (int f = 0; f < frames.length; f++) {
			final int at = 1024 + f * stride;
			b.putInt(at + 4, 1_000_000 + f);
			b.putInt(at + 12, f);
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++)
					b.putShort(at + 64 + 2 * (y * W + x), (short) frames[f][y][x]);
		}
		return b.array();
	}

	static String hdr(final String scan, final int bin) {
		return "[measurementInfo]\r\nDarkframes=2\r\nDwellTimeMicroseconds=50\r\nGain=3\r\nSignalFrames=7\r\n"
				+ (scan == null ? "" : "StemImageSize=" + scan + "\r\n")
				+ "ReadoutMode=\"bin: " + bin + ", windowing: " + (2 * H * bin) + " x " + W / 2 + "\"\r\n"
				+ "[other]\r\nstemimagesize=99x99\r\n";
	}

	/** The documented unfolding, pixel by pixel: top half as is, bottom half turned by 180°, rows repeated. */
	static double[] unfold(final int[][][] frames, final int bin, final int count) {
		final int outH = 2 * H * bin;
		final double[] out = new double[count * outH * (W / 2)];
		int i = 0;
		for (int f = 0; f < count; f++)
			for (int y = 0; y < outH; y++)
				for (int x = 0; x < W / 2; x++) {
					final int q = y / bin;
					out[i++] = q < H ? frames[f][q][x] : frames[f][2 * H - 1 - q][W - 1 - x];
				}
		return out;
	}

	/** A data set: dark file of constant 9999 frames, signal frames split over two files (the second without count). */
	private int[][][] writeSet(final String name, final String scan, final int bin) throws IOException {
		final int[][][] all = raw(7, 42);
		final int[][][] dark = new int[2][H][W];
		for (final int[][] f : dark)
			for (final int[] row : f)
				Arrays.fill(row, 9999);
		Files.writeString(dir.resolve(name + ".hdr"), hdr(scan, bin), StandardCharsets.ISO_8859_1);
		Files.write(dir.resolve(name + "_000.frms6"), frms6(dark, true, b -> { }));
		Files.write(dir.resolve(name + "_001.frms6"), frms6(Arrays.copyOfRange(all, 0, 3), true, b -> { }));
		Files.write(dir.resolve(name + "_002.frms6"), frms6(Arrays.copyOfRange(all, 3, 7), false, b -> { }));
		return all;
	}

	@ParameterizedTest(name = "binning {0}")
	@ValueSource(ints = { 1, 2, 4 })
	void unfoldsBothHalvesAcrossFilesSkippingTheDarkFrames(final int bin) throws IOException {
		final int[][][] all = writeSet("set", "2x3", bin);
		final double[] expected = unfold(all, bin, 6);
		for (final String open : new String[] { "set.hdr", "set_002.frms6", "set_000.frms6" })
			for (final long part : new long[] { 1L << 20, 1, 2L * 2 * H * bin * (W / 2) * 2 })
				try (Dataset d = Formats.open(dir.resolve(open), OpenOptions.DEFAULTS.withPartitionBytes(part))) {
					assertInstanceOf(Frms6Dataset.class, d);
					assertArrayEquals(new long[] { 2, 3 }, d.meta().navShape());
					assertArrayEquals(new int[] { 2 * H * bin, W / 2 }, d.meta().sigShape());
					assertEquals(DType.UINT16, d.meta().dtype());
					assertArrayEquals(expected, Samples.readAll(d, new TilePlan(4, 2 * H * bin)));
					assertArrayEquals(expected, Samples.readAll(d, new TilePlan(1, 1)));
					assertArrayEquals(expected, Samples.readAll(d, new TilePlan(3, 5)));
				}
	}

	@Test
	void withoutAScanSizeEverySignalFrameIsAStackAndOptionsMayReshape() throws IOException {
		final int[][][] all = writeSet("n", null, 1);
		try (Frms6Dataset d = Frms6Dataset.open(dir.resolve("n.hdr"), OpenOptions.DEFAULTS)) {
			assertArrayEquals(new long[] { 7 }, d.meta().navShape());
			assertArrayEquals(unfold(all, 1, 7), Samples.readAll(d, new TilePlan(2, 6)));
			assertEquals("3", d.hdr().values().get("gain"));
		}
		try (Frms6Dataset d = Frms6Dataset.open(dir.resolve("n.hdr"), OpenOptions.DEFAULTS.withNavShape(1, 5))) {
			assertArrayEquals(unfold(all, 1, 5), Samples.readAll(d, new TilePlan(2, 6)));
		}
		final LayoutException e = assertThrows(LayoutException.class,
				() -> Frms6Dataset.open(dir.resolve("n.hdr"), OpenOptions.DEFAULTS.withNavShape(2, 4)));
		assertTrue(e.getMessage().contains("n.hdr") && e.getMessage().contains("scan shape"), e.getMessage());
	}

	@Test
	void detectsHeaderAndDataFilesButNotOtherHdrFiles() throws IOException {
		writeSet("d", "1x1", 1);
		final Frms6Format format = new Frms6Format();
		assertEquals(100, format.probe(dir.resolve("d.hdr"), Files.readAllBytes(dir.resolve("d.hdr"))));
		assertEquals(100, format.probe(dir.resolve("d_001.frms6"), Files.readAllBytes(dir.resolve("d_001.frms6"))));
		assertEquals(50, format.probe(dir.resolve("d_001.frms6"), new byte[8]));
		assertEquals(0, format.probe(dir.resolve("m.hdr"), "HDR,\t\r\nTime and Date Stamp".getBytes(StandardCharsets.US_ASCII)));
		assertEquals("frms6", Formats.detect(dir.resolve("d.hdr")).name());
	}

	@Test
	void rejectsInconsistentFilesNamingFileAndField() throws IOException {
		writeSet("e", "2x4", 1);
		assertRejects("e.hdr", "stemimagesize");
		writeSet("e", "2x3", 3);
		assertRejects("e.hdr", "readoutmode");
		Files.writeString(dir.resolve("e.hdr"), "[other]\nreadoutmode=x\n");
		assertRejects("e.hdr", "[measurementInfo]");
		writeSet("e", "2x3", 1);
		final int[][][] two = raw(2, 1);
		Files.write(dir.resolve("e_002.frms6"), frms6(two, true, b -> b.put(7, (byte) 5)));
		assertRejects("e_002.frms6", "version");
		Files.write(dir.resolve("e_002.frms6"), frms6(two, true, b -> b.putShort(88, (short) 7)));
		assertRejects("e_002.frms6", "width");
		Files.write(dir.resolve("e_002.frms6"), frms6(two, true, b -> b.putShort(90, (short) 2)));
		assertRejects("e_002.frms6", "width × height");
		Files.write(dir.resolve("e_002.frms6"), frms6(two, true, b -> b.putInt(1020, 3)));
		assertRejects("e_002.frms6", "frame count");
		final byte[] whole = frms6(two, false, b -> { });
		Files.write(dir.resolve("e_002.frms6"), Arrays.copyOf(whole, whole.length - 1));
		assertRejects("e_002.frms6", "file size");
		Files.delete(dir.resolve("e.hdr"));
		assertRejects("e_001.frms6", "e.hdr");
	}

	private void assertRejects(final String open, final String what) {
		final LayoutException e = assertThrows(LayoutException.class,
				() -> Frms6Dataset.open(dir.resolve(open), OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().contains(dir.resolve("e").getFileName() + "") && e.getMessage().contains(what),
				e.getMessage());
	}

	@Test
	void ingestedContainerHoldsTheUnfoldedFrames() throws IOException {
		final int[][][] all = writeSet("i", "2x3", 2);
		try (Dataset d = Formats.open(dir.resolve("i.hdr"), OpenOptions.DEFAULTS)) {
			Ingest.run(d, dir.resolve("i.n5"), IngestOptions.DEFAULTS.withPartitionBytes(3L * 4 * H * W));
		}
		try (Dataset n5 = Formats.open(dir.resolve("i.n5"), OpenOptions.DEFAULTS)) {
			assertEquals("frms6", n5.meta().provenance().format());
			assertArrayEquals(unfold(all, 2, 6), Samples.readAll(n5, new TilePlan(2, 12)));
		}
	}

	@Test
	void fuzzedFileHeadersAndHdrTextFailWithTheFileNamed() throws IOException {
		writeSet("f", "2x3", 1);
		final Path work = Files.createDirectories(dir.resolve("fuzz"));
		for (final String side : new String[] { "f.hdr", "f_000.frms6", "f_002.frms6" })
			Files.copy(dir.resolve(side), work.resolve(side));
		final int data = HeaderFuzzer.of(dir.resolve("f_001.frms6"), 1024 + 64, 12).counts(40, 200, 60)
				.run(work, HeaderFuzzer.detecting());
		final int text = HeaderFuzzer.of(dir.resolve("f.hdr"), (int) Files.size(dir.resolve("f.hdr")), 13)
				.counts(30, 150, 30).run(work, HeaderFuzzer.detecting());
		assertEquals(300, data);
		assertEquals(210, text);
	}
}
