package org.maptem.frames;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.maptem.dataset.DType;

/**
 * Decodes runs of stored elements from a byte buffer straight into float or double tile arrays.
 *
 * <p>The hot path of every read: bulk, bounds-checked-once copies through typed buffer views (which the JDK turns
 * into a byte-swapping memory copy for big-endian N5 data), then a flat widening loop for integer types. One
 * decoder per thread: it owns scratch arrays for integer widening, grown on demand and reused.
 *
 * <p>Packed 12-bit data holds two values in three bytes, low bits first:
 * {@code v0 = b0 | (b1 & 0x0F) << 8}, {@code v1 = (b1 >>> 4) | b2 << 4}.
 */
public final class TileDecoder {

	private byte[] bytes = new byte[0];
	private short[] shorts = new short[0];
	private int[] ints = new int[0];

	/**
	 * Decodes {@code count} elements of type {@code type} starting at byte {@code pos} of {@code src} (whose byte
	 * order is used) into {@code dst[dstOff ...]}.
	 */
	public void decode(final ByteBuffer src, final int pos, final int count, final DType type, final float[] dst,
			final int dstOff) {
		final ByteOrder order = src.order();
		switch (type) {
		case FLOAT32:
			src.slice(pos, count * 4).order(order).asFloatBuffer().get(dst, dstOff, count);
			return;
		case FLOAT64: {
			final java.nio.DoubleBuffer b = src.slice(pos, count * 8).order(order).asDoubleBuffer();
			for (int i = 0; i < count; i++)
				dst[dstOff + i] = (float) b.get(i);
			return;
		}
		case UINT8: {
			final byte[] s = bytes(count);
			src.get(pos, s, 0, count);
			for (int i = 0; i < count; i++)
				dst[dstOff + i] = s[i] & 0xFF;
			return;
		}
		case INT8: {
			final byte[] s = bytes(count);
			src.get(pos, s, 0, count);
			for (int i = 0; i < count; i++)
				dst[dstOff + i] = s[i];
			return;
		}
		case UINT16: {
			final short[] s = shorts(count);
			src.slice(pos, count * 2).order(order).asShortBuffer().get(s, 0, count);
			for (int i = 0; i < count; i++)
				dst[dstOff + i] = s[i] & 0xFFFF;
			return;
		}
		case INT16: {
			final short[] s = shorts(count);
			src.slice(pos, count * 2).order(order).asShortBuffer().get(s, 0, count);
			for (int i = 0; i < count; i++)
				dst[dstOff + i] = s[i];
			return;
		}
		case UINT32: {
			final int[] s = ints(count);
			src.slice(pos, count * 4).order(order).asIntBuffer().get(s, 0, count);
			for (int i = 0; i < count; i++)
				dst[dstOff + i] = s[i] & 0xFFFFFFFFL;
			return;
		}
		case INT32: {
			final int[] s = ints(count);
			src.slice(pos, count * 4).order(order).asIntBuffer().get(s, 0, count);
			for (int i = 0; i < count; i++)
				dst[dstOff + i] = s[i];
			return;
		}
		case UINT12_PACKED: {
			final int n = (int) type.bytesFor(count);
			final byte[] s = bytes(n);
			src.get(pos, s, 0, n);
			final int pairs = count / 2;
			for (int i = 0, j = 0; i < pairs; i++, j += 3) {
				final int b1 = s[j + 1] & 0xFF;
				dst[dstOff + 2 * i] = (s[j] & 0xFF) | (b1 & 0x0F) << 8;
				dst[dstOff + 2 * i + 1] = (b1 >>> 4) | (s[j + 2] & 0xFF) << 4;
			}
			if ((count & 1) == 1)
				dst[dstOff + count - 1] = (s[3 * pairs] & 0xFF) | (s[3 * pairs + 1] & 0x0F) << 8;
			return;
		}
		default:
			throw new IllegalStateException("no decoder for " + type);
		}
	}

	/** As {@link #decode(ByteBuffer, int, int, DType, float[], int)}, into doubles. */
	public void decode(final ByteBuffer src, final int pos, final int count, final DType type, final double[] dst,
			final int dstOff) {
		final ByteOrder order = src.order();
		switch (type) {
		case FLOAT64:
			src.slice(pos, count * 8).order(order).asDoubleBuffer().get(dst, dstOff, count);
			return;
		case FLOAT32: {
			final java.nio.FloatBuffer b = src.slice(pos, count * 4).order(order).asFloatBuffer();
			for (int i = 0; i < count; i++)
				dst[dstOff + i] = b.get(i);
			return;
		}
		case UINT8: {
			final byte[] s = bytes(count);
			src.get(pos, s, 0, count);
			for (int i = 0; i < count; i++)
				dst[dstOff + i] = s[i] & 0xFF;
			return;
		}
		case INT8: {
			final byte[] s = bytes(count);
			src.get(pos, s, 0, count);
			for (int i = 0; i < count; i++)
				dst[dstOff + i] = s[i];
			return;
		}
		case UINT16: {
			final short[] s = shorts(count);
			src.slice(pos, count * 2).order(order).asShortBuffer().get(s, 0, count);
			for (int i = 0; i < count; i++)
				dst[dstOff + i] = s[i] & 0xFFFF;
			return;
		}
		case INT16: {
			final short[] s = shorts(count);
			src.slice(pos, count * 2).order(order).asShortBuffer().get(s, 0, count);
			for (int i = 0; i < count; i++)
				dst[dstOff + i] = s[i];
			return;
		}
		case UINT32: {
			final int[] s = ints(count);
			src.slice(pos, count * 4).order(order).asIntBuffer().get(s, 0, count);
			for (int i = 0; i < count; i++)
				dst[dstOff + i] = s[i] & 0xFFFFFFFFL;
			return;
		}
		case INT32: {
			final int[] s = ints(count);
			src.slice(pos, count * 4).order(order).asIntBuffer().get(s, 0, count);
			for (int i = 0; i < count; i++)
				dst[dstOff + i] = s[i];
			return;
		}
		case UINT12_PACKED: {
			final int n = (int) type.bytesFor(count);
			final byte[] s = bytes(n);
			src.get(pos, s, 0, n);
			final int pairs = count / 2;
			for (int i = 0, j = 0; i < pairs; i++, j += 3) {
				final int b1 = s[j + 1] & 0xFF;
				dst[dstOff + 2 * i] = (s[j] & 0xFF) | (b1 & 0x0F) << 8;
				dst[dstOff + 2 * i + 1] = (b1 >>> 4) | (s[j + 2] & 0xFF) << 4;
			}
			if ((count & 1) == 1)
				dst[dstOff + count - 1] = (s[3 * pairs] & 0xFF) | (s[3 * pairs + 1] & 0x0F) << 8;
			return;
		}
		default:
			throw new IllegalStateException("no decoder for " + type);
		}
	}

	private byte[] bytes(final int n) {
		if (bytes.length < n)
			bytes = new byte[n];
		return bytes;
	}

	private short[] shorts(final int n) {
		if (shorts.length < n)
			shorts = new short[n];
		return shorts;
	}

	private int[] ints(final int n) {
		if (ints.length < n)
			ints = new int[n];
		return ints;
	}
}
