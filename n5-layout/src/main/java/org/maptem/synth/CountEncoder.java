package org.maptem.synth;

import java.nio.ByteBuffer;

import org.maptem.dataset.DType;

/**
 * Writes integer counts as stored elements of a dtype, in the buffer's byte order.
 *
 * <p>Counts were validated to fit the dtype exactly, so every conversion here is lossless. Packed 12-bit data
 * uses the layout {@link org.maptem.frames.TileDecoder} reads: two values in three bytes, low bits first
 * ({@code b0 = v0 & 0xFF}, {@code b1 = v0 >>> 8 | (v1 & 0x0F) << 4}, {@code b2 = v1 >>> 4}); an odd last value
 * takes two bytes ({@code v & 0xFF}, {@code v >>> 8}).
 */
final class CountEncoder {

	private CountEncoder() {
	}

	/** Writes {@code counts[0 .. n)} at {@code dst}'s position and advances it by {@code type.bytesFor(n)}. */
	static void put(final int[] counts, final int n, final DType type, final ByteBuffer dst) {
		int pos = dst.position();
		switch (type) {
		case UINT8:
		case INT8:
			for (int i = 0; i < n; i++)
				dst.put(pos + i, (byte) counts[i]);
			pos += n;
			break;
		case UINT16:
		case INT16:
			for (int i = 0; i < n; i++, pos += 2)
				dst.putShort(pos, (short) counts[i]);
			break;
		case UINT32:
		case INT32:
			for (int i = 0; i < n; i++, pos += 4)
				dst.putInt(pos, counts[i]);
			break;
		case FLOAT32:
			for (int i = 0; i < n; i++, pos += 4)
				dst.putFloat(pos, counts[i]);
			break;
		case FLOAT64:
			for (int i = 0; i < n; i++, pos += 8)
				dst.putDouble(pos, counts[i]);
			break;
		case UINT12_PACKED: {
			final int pairs = n / 2;
			for (int i = 0; i < pairs; i++, pos += 3) {
				final int v0 = counts[2 * i];
				final int v1 = counts[2 * i + 1];
				dst.put(pos, (byte) v0);
				dst.put(pos + 1, (byte) (v0 >>> 8 | (v1 & 0x0F) << 4));
				dst.put(pos + 2, (byte) (v1 >>> 4));
			}
			if ((n & 1) == 1) {
				final int v = counts[n - 1];
				dst.put(pos, (byte) v);
				dst.put(pos + 1, (byte) (v >>> 8));
				pos += 2;
			}
			break;
		}
		default:
			throw new IllegalStateException("no encoder for " + type);
		}
		dst.position(pos);
	}
}
