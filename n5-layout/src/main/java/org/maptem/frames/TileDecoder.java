package org.maptem.frames;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.ShortBuffer;
import java.util.Objects;

import org.maptem.dataset.DType;

/**
 * Decodes runs of stored elements from a byte buffer straight into float or double tile arrays.
 *
 * <p>The hot path of every read. Native-order float data is one bulk copy into the tile. Everything else goes in
 * chunks of {@value #CHUNK} elements, so that what a chunk is copied into stays in the L1 cache while it is converted:
 * a bulk copy into the tile or a scratch array, then a flat loop the JIT vectorises (a byte swap, a widening). Byte
 * order is handled by plain copies followed by a vectorised swap where the JDK's byte-swapping copy is a slow scalar
 * loop (4-byte types, see {@link ByteSwaps}); 2-byte swapping copies are fast and used as they are. One decoder per
 * thread: it owns the scratch arrays.
 *
 * <p>Packed 12-bit data holds two values in three bytes, low bits first:
 * {@code v0 = b0 | (b1 & 0x0F) << 8}, {@code v1 = (b1 >>> 4) | b2 << 4}; an odd last value takes {@code b0} and the
 * low nibble of {@code b1}.
 *
 * <p>8-bit, 16-bit, 32-bit and packed 12-bit integers are converted by {@link VectorDecoder} when
 * {@link Simd#enabled()}: C2 does not vectorise int-to-float conversions, and the scalar loops convert about one value
 * per cycle (unsigned 32-bit ones, through {@code long}, fewer).
 */
public final class TileDecoder {

	/** Elements per chunk: a 32 KiB chunk of int or float, within the L1 data cache. */
	static final int CHUNK = 8192;

	/** Whether integers may be widened by {@link VectorDecoder}: when {@link Simd#enabled()} at each call too. */
	private final boolean vectors;

	/** Scratch chunks, allocated on first use: a decoder for float32 tiles needs none of them. */
	private byte[] bytes;
	private short[] shorts;
	private int[] ints;
	private float[] floats;
	private double[] doubles;

	/** A decoder using the vector loops when {@link Simd#enabled()}. */
	public TileDecoder() {
		this(Simd.available());
	}

	/** A decoder using the vector loops only when {@code vectors} (which needs {@link Simd#available()}); for tests. */
	TileDecoder(final boolean vectors) {
		if (vectors && !Simd.available())
			throw new IllegalStateException("vector loops asked for, but " + Simd.class.getName() + " is not enabled");
		this.vectors = vectors;
	}

	/**
	 * Decodes {@code count} elements of type {@code type} starting at byte {@code pos} of {@code src} (whose byte
	 * order is used) into {@code dst[dstOff ...]}.
	 *
	 * @throws IndexOutOfBoundsException if the bytes are not all in {@code src} or the values do not fit in {@code dst}
	 */
	public void decode(final ByteBuffer src, final int pos, final int count, final DType type, final float[] dst,
			final int dstOff) {
		Objects.checkFromIndexSize(dstOff, count, dst.length);
		// per call: a thread may be inside Simd.scalarWhile
		final boolean vectors = this.vectors && Simd.enabled();
		// one method per type: each compiles on its own, so C2 inlines its vector loop into a small method, where the
		// Vector API's intrinsics hold (inlined into one large method, they were seen to fall back to the boxed Java
		// code in long runs, ten times slower)
		switch (type) {
		case FLOAT32 -> decodeFloat32(src, pos, count, dst, dstOff);
		case FLOAT64 -> decodeFloat64(src, pos, count, dst, dstOff);
		case UINT8, INT8 -> decode8(src, pos, count, type == DType.INT8, vectors, dst, dstOff);
		case UINT16, INT16 -> decode16(src, pos, count, type == DType.INT16, vectors, dst, dstOff);
		case UINT32, INT32 -> decode32(src, pos, count, type == DType.INT32, vectors, dst, dstOff);
		case UINT12_PACKED -> decode12(src, pos, count, vectors, dst, dstOff);
		default -> throw new IllegalStateException("no decoder for " + type);
		}
	}

	/**
	 * Decodes {@code rows} rows of {@code width} elements stored bottom row first from byte {@code pos} of {@code src}
	 * into {@code dst[dstOff ...]} top row first: stored row {@code k} becomes row {@code rows - 1 - k}. For formats that
	 * store images upward (TIA {@code .ser}): each row goes straight to its place, with no second pass over the frame.
	 * 16-bit rows are copied out a chunk of rows at a time and widened row by row; other types decode row by row.
	 *
	 * @throws IllegalArgumentException for packed 12-bit data, whose rows need not start on a byte
	 * @throws IndexOutOfBoundsException if the bytes are not all in {@code src} or the values do not fit in {@code dst}
	 */
	public void decodeRowsUpward(final ByteBuffer src, final int pos, final int rows, final int width, final DType type,
			final float[] dst, final int dstOff) {
		Objects.checkFromIndexSize(dstOff, Math.multiplyExact(rows, width), dst.length);
		final boolean vectors = this.vectors && Simd.enabled();
		if ((type == DType.UINT16 || type == DType.INT16) && width <= CHUNK) {
			upward16(src, pos, rows, width, type == DType.INT16, vectors, dst, dstOff);
			return;
		}
		final long rowBytes = rowBytes(type, width);
		for (int r = 0; r < rows; r++)
			decode(src, Math.toIntExact(pos + (rows - 1 - r) * rowBytes), width, type, dst, dstOff + r * width);
	}

	/** {@link #decodeRowsUpward(ByteBuffer, int, int, int, DType, float[], int)} into doubles, row by row. */
	public void decodeRowsUpward(final ByteBuffer src, final int pos, final int rows, final int width, final DType type,
			final double[] dst, final int dstOff) {
		Objects.checkFromIndexSize(dstOff, Math.multiplyExact(rows, width), dst.length);
		final long rowBytes = rowBytes(type, width);
		for (int r = 0; r < rows; r++)
			decode(src, Math.toIntExact(pos + (rows - 1 - r) * rowBytes), width, type, dst, dstOff + r * width);
	}

	private static long rowBytes(final DType type, final int width) {
		if (type == DType.UINT12_PACKED)
			throw new IllegalArgumentException("rows of packed 12-bit data need not start on a byte; no upward decoder");
		return type.bytesFor(width);
	}

	/** 16-bit rows, stored upward, copied out as many whole rows as a chunk holds at a time and widened into place. */
	private void upward16(final ByteBuffer src, final int pos, final int rows, final int width, final boolean signed,
			final boolean vectors, final float[] dst, final int dstOff) {
		final ShortBuffer v = src.slice(pos, Math.multiplyExact(rows, width) * 2).order(src.order()).asShortBuffer();
		final short[] shorts = shorts();
		final int perChunk = CHUNK / width;
		for (int s = 0; s < rows; s += perChunk) {
			final int n = Math.min(perChunk, rows - s);
			v.get(s * width, shorts, 0, n * width);
			final int top = dstOff + (rows - 1 - s) * width; // where the chunk's first stored row goes
			if (vectors) {
				VectorDecoder.shortRows(shorts, n, width, signed, dst, top, -width);
				continue;
			}
			for (int k = 0; k < n; k++) {
				final int from = k * width;
				final int o = top - k * width;
				if (signed)
					for (int x = 0; x < width; x++)
						dst[o + x] = shorts[from + x];
				else
					for (int x = 0; x < width; x++)
						dst[o + x] = shorts[from + x] & 0xFFFF;
			}
		}
	}

	private void decodeFloat64(final ByteBuffer src, final int pos, final int count, final float[] dst, final int dstOff) {
		final DoubleBuffer v = src.slice(pos, count * 8).order(src.order()).asDoubleBuffer();
		final double[] doubles = doubles();
		for (int i = 0; i < count; i += CHUNK) {
			final int n = Math.min(CHUNK, count - i);
			v.get(i, doubles, 0, n);
			for (int k = 0; k < n; k++)
				dst[dstOff + i + k] = (float) doubles[k];
		}
	}

	private void decode8(final ByteBuffer src, final int pos, final int count, final boolean signed, final boolean vectors,
			final float[] dst, final int dstOff) {
		final byte[] bytes = bytes();
		for (int i = 0; i < count; i += CHUNK) {
			final int n = Math.min(CHUNK, count - i);
			src.get(pos + i, bytes, 0, n);
			final int o = dstOff + i;
			final int done = vectors ? VectorDecoder.bytes(bytes, n, signed, dst, o) : 0;
			if (signed)
				for (int k = done; k < n; k++)
					dst[o + k] = bytes[k];
			else
				for (int k = done; k < n; k++)
					dst[o + k] = bytes[k] & 0xFF;
		}
	}

	private void decode16(final ByteBuffer src, final int pos, final int count, final boolean signed, final boolean vectors,
			final float[] dst, final int dstOff) {
		final ShortBuffer v = src.slice(pos, count * 2).order(src.order()).asShortBuffer();
		final short[] shorts = shorts();
		for (int i = 0; i < count; i += CHUNK) {
			final int n = Math.min(CHUNK, count - i);
			v.get(i, shorts, 0, n);
			final int o = dstOff + i;
			final int done = vectors ? VectorDecoder.shorts(shorts, n, signed, dst, o) : 0;
			if (signed)
				for (int k = done; k < n; k++)
					dst[o + k] = shorts[k];
			else
				for (int k = done; k < n; k++)
					dst[o + k] = shorts[k] & 0xFFFF;
		}
	}

	private void decode32(final ByteBuffer src, final int pos, final int count, final boolean signed, final boolean vectors,
			final float[] dst, final int dstOff) {
		final IntBuffer v = intView(src, pos, count);
		final boolean swap = src.order() != ByteOrder.nativeOrder();
		final int[] ints = ints();
		for (int i = 0; i < count; i += CHUNK) {
			final int n = Math.min(CHUNK, count - i);
			v.get(i, ints, 0, n);
			final int o = dstOff + i;
			// the vector loop swaps bytes as it converts: one pass over the chunk, not two
			final int done = vectors ? VectorDecoder.ints(ints, n, signed, swap, dst, o) : 0;
			if (swap)
				ByteSwaps.swapInPlace(ints, done, n - done);
			if (signed)
				for (int k = done; k < n; k++)
					dst[o + k] = ints[k];
			else
				for (int k = done; k < n; k++)
					dst[o + k] = ints[k] & 0xFFFFFFFFL;
		}
	}

	private void decode12(final ByteBuffer src, final int pos, final int count, final boolean vectors, final float[] dst,
			final int dstOff) {
		final DType type = DType.UINT12_PACKED;
		final byte[] bytes = bytes();
		for (int i = 0; i < count; i += CHUNK) {
			final int n = Math.min(CHUNK, count - i);
			final int nb = (int) type.bytesFor(n);
			// chunks hold an even number of values, so each starts on a whole byte
			src.get(pos + (int) type.bytesFor(i), bytes, 0, nb);
			final int o = dstOff + i;
			final int pairs = n / 2;
			// the vector loop unpacks a multiple of 8 values, so the scalar one starts on a whole pair
			final int done = vectors ? VectorDecoder.packed12(bytes, n, dst, o) / 2 : 0;
			for (int k = done, j = 3 * done; k < pairs; k++, j += 3) {
				final int b1 = bytes[j + 1] & 0xFF;
				dst[o + 2 * k] = (bytes[j] & 0xFF) | (b1 & 0x0F) << 8;
				dst[o + 2 * k + 1] = (b1 >>> 4) | (bytes[j + 2] & 0xFF) << 4;
			}
			if ((n & 1) == 1)
				dst[o + n - 1] = (bytes[3 * pairs] & 0xFF) | (bytes[3 * pairs + 1] & 0x0F) << 8;
		}
	}

	/** As {@link #decode(ByteBuffer, int, int, DType, float[], int)}, into doubles. */
	public void decode(final ByteBuffer src, final int pos, final int count, final DType type, final double[] dst,
			final int dstOff) {
		Objects.checkFromIndexSize(dstOff, count, dst.length);
		switch (type) {
		case FLOAT64 -> src.slice(pos, count * 8).order(src.order()).asDoubleBuffer().get(dst, dstOff, count);
		case FLOAT32 -> {
			final float[] floats = floats();
			for (int i = 0; i < count; i += CHUNK) {
				final int n = Math.min(CHUNK, count - i);
				decodeFloat32(src, pos + 4 * i, n, floats, 0);
				for (int k = 0; k < n; k++)
					dst[dstOff + i + k] = floats[k];
			}
		}
		case UINT32, INT32 -> {
			final boolean signed = type == DType.INT32;
			final IntBuffer v = intView(src, pos, count);
			final boolean swap = src.order() != ByteOrder.nativeOrder();
			final int[] ints = ints();
			for (int i = 0; i < count; i += CHUNK) {
				final int n = Math.min(CHUNK, count - i);
				v.get(i, ints, 0, n);
				if (swap)
					ByteSwaps.swapInPlace(ints, 0, n);
				final int o = dstOff + i;
				if (signed)
					for (int k = 0; k < n; k++)
						dst[o + k] = ints[k];
				else
					for (int k = 0; k < n; k++)
						dst[o + k] = ints[k] & 0xFFFFFFFFL;
			}
		}
		default -> {
			// 8-, 12- and 16-bit values are exact in float: decode as float, widen
			final float[] floats = floats();
			for (int i = 0; i < count; i += CHUNK) {
				final int n = Math.min(CHUNK, count - i);
				decode(src, pos + (int) type.bytesFor(i), n, type, floats, 0);
				for (int k = 0; k < n; k++)
					dst[dstOff + i + k] = floats[k];
			}
		}
		}
	}

	/**
	 * Float32 in either byte order: a plain bulk copy, then, for the non-native order, a vectorised in-place swap
	 * ({@link ByteSwaps}) of each chunk while it is still in the L1 cache, instead of the JDK's scalar byte-swapping
	 * copy.
	 */
	private static void decodeFloat32(final ByteBuffer src, final int pos, final int count, final float[] dst,
			final int dstOff) {
		final boolean swap = src.order() != ByteOrder.nativeOrder();
		if (swap && !ByteSwaps.AVAILABLE) {
			src.slice(pos, count * 4).order(src.order()).asFloatBuffer().get(dst, dstOff, count);
			return;
		}
		final FloatBuffer v = src.slice(pos, count * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
		if (!swap) {
			v.get(dst, dstOff, count);
			return;
		}
		for (int i = 0; i < count; i += CHUNK) {
			final int n = Math.min(CHUNK, count - i);
			v.get(i, dst, dstOff + i, n);
			ByteSwaps.swapInPlace(dst, dstOff + i, n);
		}
	}

	private byte[] bytes() {
		// room for a whole packed chunk plus the 4 bytes a vector step reads past its 12
		if (bytes == null)
			bytes = new byte[CHUNK * 3 / 2 + 16];
		return bytes;
	}

	private short[] shorts() {
		if (shorts == null)
			shorts = new short[CHUNK];
		return shorts;
	}

	private int[] ints() {
		if (ints == null)
			ints = new int[CHUNK];
		return ints;
	}

	private float[] floats() {
		if (floats == null)
			floats = new float[CHUNK];
		return floats;
	}

	private double[] doubles() {
		if (doubles == null)
			doubles = new double[CHUNK];
		return doubles;
	}

	/** A native-order int view: the caller swaps with {@link ByteSwaps#swapInPlace(int[], int)} when needed. */
	private static IntBuffer intView(final ByteBuffer src, final int pos, final int count) {
		return src.slice(pos, count * 4).order(ByteOrder.nativeOrder()).asIntBuffer();
	}
}
