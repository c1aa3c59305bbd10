package org.maptem.frames;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.maptem.dataset.DType;

class TileDecoderTest {

	private static final int COUNT = 1001;
	private static final int POS = 3;
	private static final int DST_OFF = 5;
	private static final float SENTINEL = -7777f;

	static Stream<Arguments> typesOrdersBuffers() {
		final List<Arguments> out = new ArrayList<>();
		for (final DType t : DType.values())
			for (final ByteOrder o : new ByteOrder[] { ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN })
				for (final boolean direct : new boolean[] { false, true })
					out.add(Arguments.of(t, o, direct));
		return out.stream();
	}

	/** Bytes at an odd position: random bit patterns for integers, a spread of ordinary and special numbers for floats. */
	private static ByteBuffer input(final DType type, final ByteOrder order, final boolean direct, final long seed) {
		return input(type, order, direct, seed, COUNT);
	}

	private static ByteBuffer input(final DType type, final ByteOrder order, final boolean direct, final long seed,
			final int count) {
		final Random rnd = new Random(seed);
		final byte[] payload;
		if (type.isFloating()) {
			final double[] v = new double[count];
			final double[] special = { 0.0, -0.0, 1.5, -3.25, Float.MAX_VALUE, Float.MIN_VALUE, Float.MIN_NORMAL,
					Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 65535, 1e-30 };
			for (int i = 0; i < count; i++)
				v[i] = i < special.length ? special[i] : rnd.nextGaussian() * Math.pow(10, rnd.nextInt(13) - 6);
			payload = FrameFixtures.encode(type, order, v);
		} else {
			payload = new byte[(int) type.bytesFor(count)];
			rnd.nextBytes(payload);
		}
		final int n = POS + payload.length + 7;
		final ByteBuffer b = (direct ? ByteBuffer.allocateDirect(n) : ByteBuffer.allocate(n)).order(order);
		b.put(POS, payload);
		return b;
	}

	@ParameterizedTest(name = "{0} {1} direct={2}")
	@MethodSource("typesOrdersBuffers")
	void decodesEveryTypeToFloatLikeANaivePerElementLoop(final DType type, final ByteOrder order, final boolean direct) {
		final ByteBuffer src = input(type, order, direct, 42);
		final float[] dst = new float[DST_OFF + COUNT + 4];
		java.util.Arrays.fill(dst, SENTINEL);
		new TileDecoder().decode(src, POS, COUNT, type, dst, DST_OFF);
		final float[] want = new float[dst.length];
		java.util.Arrays.fill(want, SENTINEL);
		for (int i = 0; i < COUNT; i++)
			want[DST_OFF + i] = (float) FrameFixtures.naiveDecode(src, POS, i, type);
		assertArrayEquals(want, dst, 0f, () -> type + " " + order);
	}

	@ParameterizedTest(name = "{0} {1} direct={2}")
	@MethodSource("typesOrdersBuffers")
	void decodesEveryTypeToDoubleLikeANaivePerElementLoop(final DType type, final ByteOrder order, final boolean direct) {
		final ByteBuffer src = input(type, order, direct, 43);
		final double[] dst = new double[DST_OFF + COUNT + 4];
		java.util.Arrays.fill(dst, SENTINEL);
		new TileDecoder().decode(src, POS, COUNT, type, dst, DST_OFF);
		final double[] want = new double[dst.length];
		java.util.Arrays.fill(want, SENTINEL);
		for (int i = 0; i < COUNT; i++)
			want[DST_OFF + i] = FrameFixtures.naiveDecode(src, POS, i, type);
		assertArrayEquals(want, dst, 0.0, () -> type + " " + order);
	}

	@ParameterizedTest(name = "{0} {1} direct={2}")
	@MethodSource("typesOrdersBuffers")
	void runsOfSeveralChunksDecodeLikeANaivePerElementLoop(final DType type, final ByteOrder order, final boolean direct) {
		final int count = 2 * TileDecoder.CHUNK + 3;
		final ByteBuffer src = input(type, order, direct, 44, count);
		final float[] f = new float[DST_OFF + count];
		final double[] d = new double[DST_OFF + count];
		final TileDecoder decoder = new TileDecoder();
		decoder.decode(src, POS, count, type, f, DST_OFF);
		decoder.decode(src, POS, count, type, d, DST_OFF);
		for (int i = 0; i < count; i++) {
			final double want = FrameFixtures.naiveDecode(src, POS, i, type);
			if (Float.compare((float) want, f[DST_OFF + i]) != 0 || Double.compare(want, d[DST_OFF + i]) != 0)
				assertEquals(want, d[DST_OFF + i], type + " " + order + " value " + i + " (float " + f[DST_OFF + i] + ")");
		}
		assertEquals((float) FrameFixtures.naiveDecode(src, POS, count - 1, type), f[DST_OFF + count - 1]);
	}

	@ParameterizedTest(name = "{0} {1} direct={2}")
	@MethodSource("typesOrdersBuffers")
	void scalarLoopsDecodeLikeANaivePerElementLoop(final DType type, final ByteOrder order, final boolean direct) {
		// the fallback for JVMs without the vector module, on runs with partial chunks and odd tails
		final int count = TileDecoder.CHUNK + 13;
		final ByteBuffer src = input(type, order, direct, 45, count);
		final float[] f = new float[DST_OFF + count];
		new TileDecoder(false).decode(src, POS, count, type, f, DST_OFF);
		for (int i = 0; i < count; i++) {
			final float want = (float) FrameFixtures.naiveDecode(src, POS, i, type);
			if (Float.compare(want, f[DST_OFF + i]) != 0)
				assertEquals(want, f[DST_OFF + i], type + " " + order + " value " + i);
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "BIG_ENDIAN", "LITTLE_ENDIAN" })
	void unsigned32BitCountsRoundLikeTheirLongsWithAndWithoutTheSignBitInAVector(final String order) {
		// runs of eight counts below 2^31 take the signed conversion, runs with one above it the exact split; the
		// vector loop swaps big-endian bytes as it converts, the five values after the last whole vector are swapped
		// and converted on their own
		final Random rnd = new Random(46);
		final int count = 8 * 64 + 5;
		final ByteBuffer src = ByteBuffer.allocate(4 * count)
				.order(order.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
		final long[] values = new long[count];
		for (int i = 0; i < count; i++) {
			final boolean high = (i / 8) % 3 == 2 && i % 8 == rnd.nextInt(8);
			values[i] = high ? (1L << 31) + (rnd.nextLong() >>> 33) : rnd.nextInt(Integer.MAX_VALUE) >>> rnd.nextInt(31);
			src.putInt((int) values[i]);
		}
		final float[] f = new float[count];
		new TileDecoder().decode(src.flip(), 0, count, DType.UINT32, f, 0);
		for (int i = 0; i < count; i++)
			assertEquals((float) values[i], f[i], "value " + i + " = " + values[i]);
	}

	@Test
	void testsRunTheVectorLoops() {
		// surefire starts test JVMs with --add-modules jdk.incubator.vector, so the tests above cover the vector path
		assertTrue(Simd.enabled(), "vector kernels are off in the test JVM");
	}

	@Test
	void valuesThatDoNotFitTheTileArrayAreRejectedBeforeAnyIsWritten() {
		final ByteBuffer src = ByteBuffer.allocate(64);
		final float[] dst = new float[4];
		org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class,
				() -> new TileDecoder().decode(src, 0, 5, DType.UINT8, dst, 0));
		org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class,
				() -> new TileDecoder().decode(src, 60, 2, DType.FLOAT32, new float[2], 0));
	}

	@Test
	void uint12PackedFollowsTheDocumentedBitLayout() {
		// v0 = b0 | (b1 & 0x0F) << 8, v1 = (b1 >>> 4) | b2 << 4; an odd last value takes b0 and the low nibble of b1
		final ByteBuffer src = ByteBuffer.wrap(new byte[] { 0x12, 0x34, 0x56, (byte) 0xAB, (byte) 0xCD });
		final double[] dst = new double[3];
		new TileDecoder().decode(src, 0, 3, DType.UINT12_PACKED, dst, 0);
		assertArrayEquals(new double[] { 0x412, 0x563, 0xDAB }, dst);
	}

	@Test
	void integerExtremesWidenWithTheirSignedness() {
		final ByteBuffer be = ByteBuffer.wrap(new byte[] { (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE });
		final ByteBuffer le = ByteBuffer.wrap(new byte[] { (byte) 0xFE, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF })
				.order(ByteOrder.LITTLE_ENDIAN);
		final TileDecoder d = new TileDecoder();
		final double[] out = new double[4];
		d.decode(be, 0, 1, DType.UINT32, out, 0);
		d.decode(le, 0, 1, DType.INT32, out, 1);
		d.decode(be, 2, 1, DType.UINT16, out, 2);
		d.decode(be, 3, 1, DType.INT8, out, 3);
		assertArrayEquals(new double[] { 4294967294.0, -2.0, 65534.0, -2.0 }, out);
		final float[] f = new float[2];
		d.decode(be, 0, 2, DType.UINT8, f, 0);
		assertArrayEquals(new float[] { 255f, 255f }, f);
	}

	@Test
	void oneDecoderStaysCorrectAcrossGrowingAndShrinkingRuns() {
		final TileDecoder d = new TileDecoder();
		final int[] counts = { 10, 5000, 3, 777, 5000 };
		final DType[] types = { DType.UINT16, DType.INT32, DType.UINT12_PACKED, DType.UINT8, DType.UINT16 };
		for (int k = 0; k < counts.length; k++) {
			final byte[] bytes = new byte[(int) types[k].bytesFor(counts[k])];
			new Random(k).nextBytes(bytes);
			final ByteBuffer src = ByteBuffer.wrap(bytes);
			final float[] dst = new float[counts[k]];
			d.decode(src, 0, counts[k], types[k], dst, 0);
			for (int i = 0; i < counts[k]; i++)
				assertEquals((float) FrameFixtures.naiveDecode(src, 0, i, types[k]), dst[i], types[k] + " run " + k + " value " + i);
		}
	}

	static Stream<Arguments> upwardCases() {
		final List<Arguments> out = new ArrayList<>();
		for (final DType t : new DType[] { DType.UINT16, DType.INT16, DType.INT32, DType.FLOAT32, DType.UINT8 })
			for (final boolean vectors : new boolean[] { true, false })
				for (final int[] shape : new int[][] { { 1, 1 }, { 3, 7 }, { 5, 128 }, { 130, 128 }, { 2, 9000 } })
					out.add(Arguments.of(t, vectors, shape[0], shape[1]));
		return out.stream();
	}

	@ParameterizedTest(name = "{0}, vectors {1}, {2} rows of {3}")
	@MethodSource("upwardCases")
	void rowsStoredUpwardLandTopFirstInFloatAndDoubleTiles(final DType type, final boolean vectors, final int rows,
			final int width) {
		// 130 rows of 128 span two 8192-value chunks of rows; rows of 9000 are wider than a chunk; odd widths leave
		// scalar tails after the vector loop
		final Random rnd = new Random(rows * 31 + width);
		final ByteBuffer src = ByteBuffer.allocate(3 + type.bytes() * rows * width).order(ByteOrder.LITTLE_ENDIAN);
		final double[][] want = new double[rows][width];
		src.position(3);
		for (int k = 0; k < rows; k++) // stored row k is row rows - 1 - k of the image
			for (int x = 0; x < width; x++) {
				final int v = rnd.nextInt(65536);
				switch (type) {
				case UINT16 -> src.putShort((short) v);
				case INT16 -> src.putShort((short) (v - 32768));
				case INT32 -> src.putInt(v * 40000);
				case FLOAT32 -> src.putFloat(v / 7f);
				default -> src.put((byte) v);
				}
				want[rows - 1 - k][x] = switch (type) {
				case UINT16 -> v;
				case INT16 -> v - 32768;
				case INT32 -> (double) (v * 40000);
				case FLOAT32 -> v / 7f;
				default -> (byte) v & 0xFF;
				};
			}
		final TileDecoder d = new TileDecoder(vectors && Simd.available());
		final float[] f = new float[rows * width + 2];
		final double[] g = new double[rows * width + 2];
		d.decodeRowsUpward(src, 3, rows, width, type, f, 1);
		d.decodeRowsUpward(src, 3, rows, width, type, g, 1);
		for (int y = 0; y < rows; y++)
			for (int x = 0; x < width; x++) {
				assertEquals((float) want[y][x], f[1 + y * width + x], "float, row " + y + ", column " + x);
				assertEquals(want[y][x], g[1 + y * width + x], "double, row " + y + ", column " + x);
			}
		assertEquals(0, f[0]);
		assertEquals(0, f[f.length - 1]);
	}
}
