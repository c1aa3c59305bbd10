package org.maptem.formats.k2is;

import org.maptem.frames.VectorDecoder;

/**
 * The vector loop of {@link K2isFrameSource}: block rows of sixteen packed 12-bit values unpacked eight at a time.
 * Only called when {@link org.maptem.frames.Simd#enabled()}; loading this class needs the {@code jdk.incubator.vector}
 * module. Gives exactly the values of the scalar loop. Stateless and thread-safe.
 *
 * <p>A block row is twice twelve bytes of eight values, packed as MapTEM's own packed 12-bit data, so each half is
 * unpacked by {@link VectorDecoder#unpack12}; each step loads 16 bytes for 12, so the scratch array needs 4 bytes
 * after the last row.
 */
final class K2Vectors {

	/** Bytes a step loads beyond the 12 it decodes. */
	static final int SLACK = 4;

	private K2Vectors() {
	}

	/**
	 * Unpacks {@code rows} block rows of 24 bytes from {@code b[0 ...]} (at least {@link #SLACK} bytes after them) to
	 * {@code dst[o ...]}, {@code dst[o + stride ...]}, ...
	 */
	static void rows(final byte[] b, final int rows, final float[] dst, final int o, final int stride) {
		for (int r = 0, p = 0, d = o; r < rows; r++, p += K2Block.ROW_BYTES, d += stride) {
			VectorDecoder.unpack12(b, p, dst, d);
			VectorDecoder.unpack12(b, p + 12, dst, d + 8);
		}
	}
}
