package org.maptem.formats.seq;

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
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.maptem.dataset.DType;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.ReadMode;
import org.maptem.dataset.TilePlan;
import org.maptem.formats.Formats;
import org.maptem.formats.HeaderFuzzer;
import org.maptem.ingest.Ingest;
import org.maptem.ingest.IngestOptions;
import org.maptem.ingest.Samples;

/** Norpix {@code .seq} files written by the test from the documented layout (no real sample was available). */
class SeqFormatTest {

	@TempDir
	Path dir;

	/**
	 * A {@code .seq} file with the documented header fields at their byte offsets (little-endian), frames at 8192
	 * (version 5) or 1024 (older), each followed by {@code footer} timestamp bytes.
	 */
	static byte[] seq(final int version, final int width, final int height, final int bitDepth, final int footer,
			final double[] values, final int frames, final Consumer<ByteBuffer> tweak) {
		final DType t = bitDepth == 8 ? DType.UINT8 : bitDepth == 16 ? DType.UINT16 : DType.UINT32;
		final int frameBytes = width * height * bitDepth / 8;
		final int start = version >= 5 ? 8192 : 1024;
		final ByteBuffer b = ByteBuffer.allocate(start + frames * (frameBytes + footer)).order(ByteOrder.LITTLE_ENDIAN);
		b.putInt(0, 0xFEED);
		b.put(4, "Norpix seq".getBytes(StandardCharsets.UTF_16LE));
		b.putInt(28, version);
		b.putInt(32, 1024);
		b.put(36, "test sequence".getBytes(StandardCharsets.UTF_16LE));
		b.putInt(548, width);
		b.putInt(552, height);
		b.putInt(556, bitDepth);
		b.putInt(560, bitDepth == 16 ? 12 : bitDepth);
		b.putInt(564, frameBytes);
		b.putInt(568, 100);
		b.putInt(572, frames + 5);
		b.putInt(580, frameBytes + footer);
		b.putDouble(584, 400.0);
		b.putInt(620, 0);
		tweak.accept(b);
		for (int f = 0; f < frames; f++) {
			final int at = start + f * (frameBytes + footer);
			b.put(at, Samples.encode(t, values, f * width * height, width * height, true));
			for (int k = 0; k < footer; k++)
				b.put(at + frameBytes + k, (byte) (0xC0 + f));
		}
		return b.array();
	}

	private Path write(final String name, final byte[] bytes) throws IOException {
		return Files.write(dir.resolve(name), bytes);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = ReadMode.class)
	void readsVersion5FramesAfter8192BytesSkippingTimestampFootersInEveryReadMode(final ReadMode mode) throws IOException {
		final double[] v = Samples.values(DType.UINT16, 6 * 5 * 7, 1);
		final Path f = write("a.seq", seq(5, 7, 5, 16, 8, v, 6, b -> { }));
		final OpenOptions o = OpenOptions.DEFAULTS.withReadMode(mode);
		for (final OpenOptions opts : new OpenOptions[] { o, o.withPartitionBytes(2 * 70) })
			try (Dataset d = Formats.open(f, opts)) {
				assertInstanceOf(SeqDataset.class, d);
				assertArrayEquals(new long[] { 6 }, d.meta().navShape());
				assertArrayEquals(new int[] { 5, 7 }, d.meta().sigShape());
				assertEquals(DType.UINT16, d.meta().dtype());
				assertArrayEquals(v, Samples.readAll(d, new TilePlan(4, 5)));
				assertArrayEquals(v, Samples.readAll(d, new TilePlan(1, 2)));
			}
		try (Dataset d = Formats.open(f, o.withPartitionBytes(70))) {
			assertEquals(6, d.partitions().size());
		}
	}

	@ParameterizedTest(name = "{0} bits")
	@ValueSource(ints = { 8, 16, 32 })
	void readsEveryBitDepthOfOldVersionsAfter1024Bytes(final int bits) throws IOException {
		final DType t = bits == 8 ? DType.UINT8 : bits == 16 ? DType.UINT16 : DType.UINT32;
		final double[] v = Samples.values(t, 4 * 3 * 4, bits);
		final Path f = write("old.seq", seq(4, 4, 3, bits, 0, v, 4, b -> { }));
		try (SeqDataset d = SeqDataset.open(f, OpenOptions.DEFAULTS.withPartitionBytes(1))) {
			assertEquals(1024, d.header().imageOffset());
			assertEquals(t, d.meta().dtype());
			// four frames: a square count is taken as a 2 × 2 scan
			assertArrayEquals(new long[] { 2, 2 }, d.meta().navShape());
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(3, 2)));
		}
	}

	@Test
	void scanShapeFromOptionsMayUseTheFirstFramesOnly() throws IOException {
		final double[] v = Samples.values(DType.UINT16, 7 * 6, 3);
		final Path f = write("s.seq", seq(5, 3, 2, 16, 4, v, 7, b -> { }));
		try (SeqDataset d = SeqDataset.open(f, OpenOptions.DEFAULTS.withNavShape(2, 3))) {
			assertArrayEquals(new long[] { 2, 3 }, d.meta().navShape());
			assertArrayEquals(java.util.Arrays.copyOf(v, 36), Samples.readAll(d, new TilePlan(2, 1)));
			assertEquals("7", d.meta().provenance().details().get("frames_in_file"));
		}
		final LayoutException e = assertThrows(LayoutException.class,
				() -> SeqDataset.open(f, OpenOptions.DEFAULTS.withNavShape(2, 4)));
		assertTrue(e.getMessage().contains("s.seq") && e.getMessage().contains("scan shape"), e.getMessage());
	}

	@Test
	void directElectronMetadataSideFileGoesToTheProvenance() throws IOException {
		final double[] v = Samples.values(DType.UINT16, 4 * 6, 12);
		final Path f = write("de.seq", seq(5, 3, 2, 16, 0, v, 4, b -> { }));
		// eleven little-endian i32 from byte 282, then the Okra mode byte
		final ByteBuffer m = ByteBuffer.allocate(400).order(ByteOrder.LITTLE_ENDIAN);
		final int[] fields = { 400, 3, 4096, 4096, 16, 32, 2, 12, 1100, 0, 1 };
		for (int i = 0; i < fields.length; i++)
			m.putInt(282 + 4 * i, fields[i]);
		m.put(282 + 44, (byte) 1);
		Files.write(dir.resolve("de.seq.metadata"), m.array());
		try (SeqDataset d = SeqDataset.open(f, OpenOptions.DEFAULTS)) {
			final java.util.Map<String, String> p = d.meta().provenance().details();
			assertEquals("2", p.get("de_HardwareBinning"));
			assertEquals("4096", p.get("de_UnbinnedFrameSizeX"));
			assertEquals("1100", p.get("de_FrameRate"));
			assertEquals("true", p.get("de_OkraMode"));
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(4, 2)));
		}
		Files.write(dir.resolve("de.seq.metadata"), new byte[100]);
		try (SeqDataset d = SeqDataset.open(f, OpenOptions.DEFAULTS)) {
			assertEquals(null, d.meta().provenance().details().get("de_HardwareBinning"));
		}
	}

	@Test
	void ignoresATrailingPartialFrame() throws IOException {
		final double[] v = Samples.values(DType.UINT8, 3 * 16, 4);
		final byte[] whole = seq(5, 4, 4, 8, 2, v, 3, b -> { });
		final Path f = write("p.seq", java.util.Arrays.copyOf(whole, whole.length - 5));
		try (SeqDataset d = SeqDataset.open(f, OpenOptions.DEFAULTS)) {
			assertArrayEquals(new long[] { 2 }, d.meta().navShape());
			assertArrayEquals(java.util.Arrays.copyOf(v, 32), Samples.readAll(d, new TilePlan(2, 4)));
		}
	}

	@Test
	void detectsByMagicAndByExtension() throws IOException {
		final byte[] bytes = seq(5, 2, 2, 8, 0, new double[4], 1, b -> { });
		final SeqFormat format = new SeqFormat();
		assertEquals(100, format.probe(Path.of("x.bin"), bytes));
		assertEquals(50, format.probe(Path.of("x.SEQ"), new byte[16]));
		assertEquals(0, format.probe(Path.of("x.bin"), new byte[16]));
		assertEquals("seq", Formats.detect(write("x.dat", bytes)).name());
	}

	@Test
	void rejectsCompressedColourAndOddDepthsNamingTheField() throws IOException {
		final double[] v = new double[16];
		assertRejects(seq(5, 4, 4, 16, 0, v, 1, b -> b.putInt(620, 1)), "compression format");
		assertRejects(seq(5, 4, 4, 16, 0, v, 1, b -> b.putInt(568, 200)), "image format");
		assertRejects(seq(5, 4, 4, 16, 0, v, 1, b -> b.putInt(556, 12)), "bit depth");
		assertRejects(seq(5, 4, 4, 16, 0, v, 1, b -> b.putInt(580, 31)), "true image size");
		assertRejects(seq(5, 4, 4, 16, 0, v, 1, b -> b.putInt(548, 0)), "width");
		assertRejects(seq(5, 4, 4, 16, 0, v, 1, b -> b.putInt(552, -1)), "height");
		assertRejects(seq(5, 4, 4, 16, 0, v, 1, b -> b.putInt(0, 0xFEEE)), "byte offset 0");
		assertRejects(java.util.Arrays.copyOf(seq(5, 4, 4, 16, 0, v, 1, b -> { }), 8192), "file size");
		assertRejects(java.util.Arrays.copyOf(seq(5, 4, 4, 16, 0, v, 1, b -> { }), 600), "1024-byte .seq header");
	}

	private void assertRejects(final byte[] bytes, final String what) throws IOException {
		final Path f = write("bad.seq", bytes);
		final LayoutException e = assertThrows(LayoutException.class, () -> Formats.open(f, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().contains("bad.seq") && e.getMessage().contains(what), e.getMessage());
	}

	@Test
	void ingestedContainerHoldsTheSameValues() throws IOException {
		final double[] v = Samples.values(DType.UINT16, 9 * 6 * 4, 5);
		final Path f = write("i.seq", seq(5, 4, 6, 16, 8, v, 9, b -> { }));
		try (Dataset d = Formats.open(f, OpenOptions.DEFAULTS)) {
			Ingest.run(d, dir.resolve("i.n5"), IngestOptions.DEFAULTS.withPartitionBytes(2 * 48));
		}
		try (Dataset n5 = Formats.open(dir.resolve("i.n5"), OpenOptions.DEFAULTS)) {
			assertArrayEquals(new long[] { 3, 3 }, n5.meta().navShape());
			assertEquals("seq", n5.meta().provenance().format());
			assertArrayEquals(v, Samples.readAll(n5, new TilePlan(2, 6)));
		}
	}

	@Test
	void fuzzedHeadersFailWithTheFileNamed() throws IOException {
		final Path valid = write("f.seq", seq(5, 6, 4, 16, 8, Samples.values(DType.UINT16, 5 * 24, 6), 5, b -> { }));
		final Path work = Files.createDirectories(dir.resolve("fuzz"));
		assertEquals(300, HeaderFuzzer.of(valid, 1024, 11).counts(40, 200, 60).run(work, HeaderFuzzer.detecting()));
	}
}
