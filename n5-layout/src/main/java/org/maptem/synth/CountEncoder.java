package org.maptem.synth;

import java.nio.ByteBuffer;

import org.maptem.dataset.DType;

/**
 * One thread's frame buffer of counts, and the writer of those counts as stored elements of a dtype in a byte
 * buffer's order.
 *
 * <p>Counts are first narrowed into a typed scratch array (a flat loop the JIT vectorises), then copied with one
 * bulk typed-view put, which the JDK turns into a memory copy or byte-swapping copy: element-wise
 * {@code putShort} on a big-endian buffer is several times slower. Counts were validated to fit the dtype
 * exactly, so every conversion is lossless. Packed 12-bit data uses the layout
 * {@link org.maptem.frames.TileDecoder} reads: two values in three bytes, low bits first ({@code b0 = v0 & 0xFF},
 * {@code b1 = v0 >>> 8 | (v1 & 0x0F) << 4}, {@code b2 = v1 >>> 4}); an odd last value takes two bytes
 * ({@code v & 0xFF}, {@code v >>> 8}). Not thread-safe: one per thread.
 */
final class CountEncoder {

	private final int[] counts;
	private byte[] bytes = new byte[0];
	private short[] shorts = new short[0];
	private float[] floats = new float[0];
	private double[] doubles = new double[0];

	CountEncoder(final int pixels) {
		counts = new int[pixels];
	}

	/** The frame buffer the counts are rendered into. */
	int[] counts() {
		return counts;
	}

	/** Writes {@code counts()[0 .. n)} at {@code dst}'s position and advances it by {@code type.bytesFor(n)}. */
	void put(final int n, final DType type, final ByteBuffer dst) {
		final int pos = dst.position();
		final int len = (int) type.bytesFor(n);
		final int[] c = counts;
		switch (type) {
		case UINT8:
		case INT8: {
			final byte[] b = bytes(n);
			for (int i = 0; i < n; i++)
				b[i] = (byte) c[i];
			dst.put(pos, b, 0, n);
			break;
		}
		case UINT16:
		case INT16: {
			if (shorts.length < n)
				shorts = new short[n];
			final short[] s = shorts;
			for (int i = 0; i < n; i++)
				s[i] = (short) c[i];
			dst.slice(pos, len).order(dst.order()).asShortBuffer().put(s, 0, n);
			break;
		}
		case UINT32:
		case INT32:
			dst.slice(pos, len).order(dst.order()).asIntBuffer().put(c, 0, n);
			break;
		case FLOAT32: {
			if (floats.length < n)
				floats = new float[n];
			final float[] f = floats;
			for (int i = 0; i < n; i++)
				f[i] = c[i];
			dst.slice(pos, len).order(dst.order()).asFloatBuffer().put(f, 0, n);
			break;
		}
		case FLOAT64: {
			if (doubles.length < n)
				doubles = new double[n];
			final double[] d = doubles;
			for (int i = 0; i < n; i++)
				d[i] = c[i];
			dst.slice(pos, len).order(dst.order()).asDoubleBuffer().put(d, 0, n);
			break;
		}
		case UINT12_PACKED:
			dst.put(pos, pack12(n), 0, len);
			break;
		default:
			throw new IllegalStateException("no encoder for " + type);
		}
		dst.position(pos + len);
	}

	private byte[] pack12(final int n) {
		final byte[] b = bytes((int) DType.UINT12_PACKED.bytesFor(n));
		final int[] c = counts;
		final int pairs = n / 2;
		for (int i = 0, j = 0; i < pairs; i++, j += 3) {
			final int v0 = c[2 * i];
			final int v1 = c[2 * i + 1];
			b[j] = (byte) v0;
			b[j + 1] = (byte) (v0 >>> 8 | (v1 & 0x0F) << 4);
			b[j + 2] = (byte) (v1 >>> 4);
		}
		if ((n & 1) == 1) {
			final int v = c[n - 1];
			b[3 * pairs] = (byte) v;
			b[3 * pairs + 1] = (byte) (v >>> 8);
		}
		return b;
	}

	private byte[] bytes(final int n) {
		if (bytes.length < n)
			bytes = new byte[n];
		return bytes;
	}
}
