package org.maptem.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Tile;
import org.maptem.frames.FrameLayout;
import org.maptem.frames.MappedFrameSource;

/** Raw files written by the generator, decoded by the test's own byte arithmetic. */
class SyntheticRawFileTest {

	/** 5 × 7 frames of 9 × 11 pixels (odd, so packed 12-bit frames end in a half pair); counts fit every dtype. */
	private static SyntheticParams params(final DType type) {
		return SyntheticParams.builder().navShape(5, 7).sigShape(9, 11).dtype(type).noise(true).seed(99).background(1)
				.brightField(2, 20).bragg(0.75, 5, 1).lattice(new double[] { 0, 3.5 }, new double[] { 3.5, 0 }).ring(3.9, 4.5)
				.ringValues(4, 1).build();
	}

	static Stream<Arguments> dtypesAndByteOrders() {
		return Stream.of(DType.values()).flatMap(t -> Stream.of(Arguments.of(t, true), Arguments.of(t, false)));
	}

	/** Unsigned value of {@code n} bytes at {@code at}, in the given order, assembled byte by byte. */
	private static long bytesAt(final byte[] b, final int at, final int n, final boolean littleEndian) {
		long v = 0;
		for (int i = 0; i < n; i++) {
			final int idx = littleEndian ? at + n - 1 - i : at + i;
			v = v << 8 | (b[idx] & 0xFF);
		}
		return v;
	}

	/** Value {@code i} of a frame starting at byte {@code base}, decoded from the dtype definition. */
	private static double decode(final byte[] b, final int base, final int i, final DType t, final boolean le) {
		switch (t) {
		case UINT8: return b[base + i] & 0xFF;
		case INT8: return b[base + i];
		case UINT16: return bytesAt(b, base + 2 * i, 2, le);
		case INT16: return (short) bytesAt(b, base + 2 * i, 2, le);
		case UINT32: return bytesAt(b, base + 4 * i, 4, le);
		case INT32: return (int) bytesAt(b, base + 4 * i, 4, le);
		case FLOAT32: return Float.intBitsToFloat((int) bytesAt(b, base + 4 * i, 4, le));
		case FLOAT64: return Double.longBitsToDouble(bytesAt(b, base + 8 * i, 8, le));
		case UINT12_PACKED: {
			// pair p at bytes 3p..3p+2: v0 = b0 | (b1 & 0x0F) << 8, v1 = b1 >> 4 | b2 << 4
			final int at = base + 3 * (i / 2);
			final int b0 = b[at] & 0xFF;
			final int b1 = b[at + 1] & 0xFF;
			return i % 2 == 0 ? b0 | (b1 & 0x0F) << 8 : b1 >> 4 | (b[at + 2] & 0xFF) << 4;
		}
		default:
			throw new AssertionError(t);
		}
	}

	@ParameterizedTest
	@MethodSource("dtypesAndByteOrders")
	void rawFileDecodesToTheGeneratorsFrames(final DType type, final boolean littleEndian, @TempDir final Path dir)
			throws IOException {
		final SyntheticStem stem = new SyntheticStem(params(type));
		final Path file = dir.resolve("synthetic.raw");
		stem.writeRaw(file, littleEndian, 2);
		final byte[] bytes = Files.readAllBytes(file);
		final int frameBytes = type == DType.UINT12_PACKED ? (99 / 2) * 3 + 2 : 99 * type.bytes();
		assertEquals(35L * frameBytes, bytes.length, "35 packed frames of " + frameBytes + " bytes");
		final float[] frame = new float[99];
		double total = 0;
		for (int f = 0; f < 35; f++) {
			stem.frame(f, frame);
			for (int i = 0; i < 99; i++) {
				assertEquals(frame[i], decode(bytes, f * frameBytes, i, type, littleEndian), 0.0, "frame " + f + " pixel " + i);
				total += frame[i];
			}
		}
		assertTrue(total > 35 * 99, "frames hold more than the background: " + total);
	}

	/**
	 * MapTEM's own raw read path sees the generator's frames. Frames of 10 × 12 pixels: the read path addresses
	 * packed 12-bit rows by whole bytes, which needs an even width.
	 */
	@ParameterizedTest
	@MethodSource("dtypesAndByteOrders")
	void rawFileReadsBackThroughTheMappedReadPath(final DType type, final boolean littleEndian, @TempDir final Path dir) {
		final SyntheticStem stem = new SyntheticStem(params(type).toBuilder().sigShape(10, 12).build());
		final Path file = dir.resolve("even.raw");
		stem.writeRaw(file, littleEndian, 2);
		final float[] tile = new float[35 * 120];
		try (MappedFrameSource src = new MappedFrameSource(file, FrameLayout.packed(0, 35, type, littleEndian, 10, 12), 0)) {
			src.read(new Tile(0, 35, 0, 10, 12), tile);
		}
		final float[] frame = new float[120];
		for (int f = 0; f < 35; f++) {
			stem.frame(f, frame);
			assertArrayEquals(frame, java.util.Arrays.copyOfRange(tile, f * 120, f * 120 + 120), "frame " + f);
		}
	}

	@Test
	void fileBytesDoNotDependOnThreadsBatchesOrGenerationOrder(@TempDir final Path dir) throws IOException {
		final SyntheticStem stem = new SyntheticStem(params(DType.UINT12_PACKED));
		final int frameBytes = (int) stem.frameBytes();
		final ByteBuffer backward = ByteBuffer.allocate(35 * frameBytes).order(ByteOrder.LITTLE_ENDIAN);
		for (int f = 34; f >= 0; f--) {
			backward.position(f * frameBytes);
			stem.encode(f, backward);
		}
		final Path one = dir.resolve("one.raw");
		new RawWriter(stem, one, true, 1, 3L * frameBytes).write();
		final Path three = dir.resolve("three.raw");
		new RawWriter(stem, three, true, 3, 2L * frameBytes).write();
		final Path whole = dir.resolve("whole.raw");
		stem.writeRaw(whole, true);
		assertArrayEquals(backward.array(), Files.readAllBytes(one), "one thread, batches of 3 frames");
		assertArrayEquals(backward.array(), Files.readAllBytes(three), "three threads, batches of 2 frames");
		assertArrayEquals(backward.array(), Files.readAllBytes(whole), "default threads and batches");
	}

	@Test
	void writingReplacesAnOldFileAndLeavesNoTemporaryFile(@TempDir final Path dir) throws IOException {
		final Path file = dir.resolve("data.raw");
		Files.write(file, new byte[] { 1, 2, 3 });
		final SyntheticStem stem = new SyntheticStem(params(DType.UINT16));
		stem.writeRaw(file, false, 2);
		assertEquals(35 * 99 * 2, Files.size(file));
		try (Stream<Path> s = Files.list(dir)) {
			assertEquals(List.of(file), s.collect(Collectors.toList()));
		}
	}

	@Test
	void aFailedWriteNamesTheFileAndLeavesNothingBehind(@TempDir final Path dir) throws IOException {
		final SyntheticStem stem = new SyntheticStem(params(DType.UINT16));
		final Path missing = dir.resolve("no-such-dir").resolve("data.raw");
		final LayoutException e1 = assertThrows(LayoutException.class, () -> stem.writeRaw(missing, true));
		assertTrue(e1.getMessage().contains(missing.toString()), e1.getMessage());
		// a non-empty directory where the file should go: generation succeeds, the final rename fails
		final Path occupied = dir.resolve("occupied.raw");
		Files.createDirectory(occupied);
		Files.write(occupied.resolve("keep"), new byte[] { 7 });
		final LayoutException e2 = assertThrows(LayoutException.class, () -> stem.writeRaw(occupied, true, 2));
		assertTrue(e2.getMessage().contains(occupied.toString()), e2.getMessage());
		try (Stream<Path> s = Files.list(dir)) {
			assertEquals(List.of(occupied), s.collect(Collectors.toList()), "no temporary file left");
		}
	}
}
