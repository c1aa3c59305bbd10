package org.maptem.formats.raw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.TilePlan;
import org.maptem.formats.FormatReader;
import org.maptem.ingest.Samples;

class RawFormatTest {

	@TempDir
	Path dir;

	static Stream<Arguments> dtypesAndOrders() {
		final List<Arguments> a = new ArrayList<>();
		for (final DType t : DType.values())
			for (final boolean little : new boolean[] { true, false })
				a.add(Arguments.of(t, little));
		return a.stream();
	}

	static Path writeRaw(final Path file, final DType t, final boolean little, final double[] values, final int frames,
			final int framePixels, final int offset, final int header, final int footer) throws IOException {
		return Samples.writeRaw(file, t, little, values, frames, framePixels, offset, header, footer);
	}

	@ParameterizedTest(name = "{0} little-endian={1}")
	@MethodSource("dtypesAndOrders")
	void readsEveryDtypeInBothByteOrdersSkippingOffsetHeadersAndFooters(final DType t, final boolean little)
			throws IOException {
		final long[] nav = { 3, 2 };
		final int[] sig = { 5, 6 };
		final double[] values = Samples.values(t, 6 * 30, 17);
		final Path file = writeRaw(dir.resolve("x.raw"), t, little, values, 6, 30, 7, 5, 3);
		final RawParams p = RawParams.of(nav, sig, t).withOffset(7).withFrameGaps(5, 3)
				.withByteOrder(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
		// a 2-frame budget gives 3 partitions; tiles of 2 frames × 3 rows cut frames into unaligned row bands
		try (RawDataset d = RawFormat.open(file, p, OpenOptions.DEFAULTS.withPartitionBytes(2 * t.bytesFor(30)))) {
			assertEquals(3, d.partitions().size());
			assertArrayEquals(values, Samples.readAll(d, new TilePlan(2, 3)));
			assertArrayEquals(values, Samples.readAll(d, new TilePlan(4, 5)));
			assertArrayEquals(nav, d.meta().navShape());
			assertArrayEquals(sig, d.meta().sigShape());
			assertEquals(t, d.meta().dtype());
			assertEquals("raw", d.meta().provenance().format());
			assertEquals("5", d.meta().provenance().details().get("frame_header_bytes"));
		}
	}

	@Test
	void readsGapFreePackedTwelveBitFramesInBulk() throws IOException {
		final double[] values = Samples.values(DType.UINT12_PACKED, 5 * 12, 3);
		final Path file = writeRaw(dir.resolve("p.raw"), DType.UINT12_PACKED, true, values, 5, 12, 0, 0, 0);
		final RawParams p = RawParams.of(new long[] { 5 }, new int[] { 3, 4 }, DType.UINT12_PACKED);
		try (RawDataset d = RawFormat.open(file, p, OpenOptions.DEFAULTS)) {
			assertArrayEquals(values, Samples.readAll(d, new TilePlan(3, 3)));
		}
	}

	@Test
	void packedTwelveBitOfOddWidthIsRejectedBecauseRowsWouldStartMidByte() throws IOException {
		final Path file = dir.resolve("o.raw");
		Files.write(file, new byte[4 * 23]);
		final RawParams p = RawParams.of(new long[] { 4 }, new int[] { 3, 5 }, DType.UINT12_PACKED);
		final LayoutException e = assertThrows(LayoutException.class, () -> RawFormat.open(file, p, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().contains("field 'sig width': expected an even width"), e.getMessage());
		assertTrue(e.getMessage().endsWith("found 5"), e.getMessage());
	}

	@Test
	void navShapeOptionReinterpretsTheFrameStack() throws IOException {
		final double[] values = Samples.values(DType.UINT16, 6 * 4, 5);
		final Path file = writeRaw(dir.resolve("s.raw"), DType.UINT16, true, values, 6, 4, 0, 0, 0);
		final RawParams p = RawParams.of(new long[] { 6 }, new int[] { 2, 2 }, DType.UINT16);
		try (RawDataset d = RawFormat.open(file, p, OpenOptions.DEFAULTS.withNavShape(2, 3))) {
			assertArrayEquals(new long[] { 2, 3 }, d.meta().navShape());
			assertArrayEquals(values, Samples.readAll(d, new TilePlan(5, 2)));
		}
	}

	@Test
	void truncatedFileIsRejectedNamingFileExpectedAndFoundBytes() throws IOException {
		final double[] values = Samples.values(DType.UINT16, 6 * 4, 5);
		final Path file = writeRaw(dir.resolve("t.raw"), DType.UINT16, true, values, 6, 4, 16, 4, 0);
		// 16 + 6 × (4 + 8) = 88 bytes; cut the last frame short
		try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
			ch.truncate(80);
		}
		final RawParams p = RawParams.of(new long[] { 2, 3 }, new int[] { 2, 2 }, DType.UINT16).withOffset(16)
				.withFrameGaps(4, 0);
		final LayoutException e = assertThrows(LayoutException.class, () -> RawFormat.open(file, p, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
		assertTrue(e.getMessage().contains("file size"), e.getMessage());
		assertTrue(e.getMessage().contains("expected 88 bytes"), e.getMessage());
		assertTrue(e.getMessage().contains("found 80 bytes"), e.getMessage());
	}

	@Test
	void shapeThatDoesNotMatchTheFileSizeIsRejected() throws IOException {
		final Path file = dir.resolve("m.raw");
		Files.write(file, new byte[100]);
		final RawParams p = RawParams.of(new long[] { 4, 4 }, new int[] { 2, 2 }, DType.UINT8);
		final LayoutException e = assertThrows(LayoutException.class, () -> RawFormat.open(file, p, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().contains(file.toAbsolutePath() + ": field 'file size': expected 64 bytes"), e.getMessage());
		assertTrue(e.getMessage().endsWith("found 100 bytes"), e.getMessage());
	}

	@Test
	void invalidShapeIsRejectedNamingTheFile() throws IOException {
		final Path file = dir.resolve("z.raw");
		Files.write(file, new byte[8]);
		final RawParams p = RawParams.of(new long[] { 0, 4 }, new int[] { 2, 2 }, DType.UINT8);
		final LayoutException e = assertThrows(LayoutException.class, () -> RawFormat.open(file, p, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().startsWith(file.toAbsolutePath().toString()), e.getMessage());
		assertTrue(e.getMessage().contains("nav shape"), e.getMessage());
	}

	@Test
	void serviceInstanceIsListedNeverProbesAndRefusesToOpenWithoutParameters() throws IOException {
		final Path file = dir.resolve("a.raw");
		Files.write(file, new byte[16]);
		final List<String> names = new ArrayList<>();
		FormatReader raw = null;
		for (final FormatReader r : ServiceLoader.load(FormatReader.class)) {
			names.add(r.name());
			if (r.name().equals("raw"))
				raw = r;
		}
		assertTrue(names.contains("raw") && names.contains("npy"), names.toString());
		assertEquals(0, raw.probe(file, new byte[16]));
		final FormatReader service = raw;
		final LayoutException e = assertThrows(LayoutException.class, () -> service.open(file, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().contains("raw parameters"), e.getMessage());
		final RawParams p = RawParams.of(new long[] { 4 }, new int[] { 2, 2 }, DType.UINT8);
		try (var d = new RawFormat(p).open(file, OpenOptions.DEFAULTS)) {
			assertEquals(4, d.meta().frameCount());
		}
	}
}
