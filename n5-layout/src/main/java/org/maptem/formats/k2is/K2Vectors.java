package org.maptem.formats.k2is;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector loop of {@link K2isFrameSource}: block rows of sixteen packed 12-bit values unpacked eight at a time.
 * Only called when {@link org.maptem.frames.Simd#enabled()}; loading this class needs the {@code jdk.incubator.vector}
 * module. Gives exactly the values of the scalar loop. Stateless and thread-safe.
 *
 * <p>Twelve bytes hold eight values: a byte shuffle puts the two bytes of each value into one 16-bit lane
 * ({@code 3k, 3k+1} for the even value, {@code 3k+1, 3k+2} for the odd one), then even lanes keep their low 12 bits
 * and odd lanes their top 12. Each step loads 16 bytes for 12, so the scratch array needs 4 bytes after the last
 * row.
 */
final class K2Vectors {

	/** Bytes a step loads beyond the 12 it decodes. */
	static final int SLACK = 4;

	private static final VectorSpecies<Byte> B128 = ByteVector.SPECIES_128;
	private static final VectorSpecies<Short> S128 = ShortVector.SPECIES_128;
	private static final VectorSpecies<Float> F256 = FloatVector.SPECIES_256;
	private static final VectorShuffle<Byte> PAIRS_TO_WORDS;
	private static final VectorMask<Short> ODD;

	static {
		final int[] idx = new int[16];
		final boolean[] odd = new boolean[8];
		for (int k = 0; k < 4; k++) {
			idx[4 * k] = 3 * k;
			idx[4 * k + 1] = 3 * k + 1;
			idx[4 * k + 2] = 3 * k + 1;
			idx[4 * k + 3] = 3 * k + 2;
			odd[2 * k + 1] = true;
		}
		PAIRS_TO_WORDS = VectorShuffle.fromArray(B128, idx, 0);
		ODD = VectorMask.fromArray(S128, odd, 0);
	}

	private K2Vectors() {
	}

	/**
	 * Unpacks {@code rows} block rows of 24 bytes from {@code b[0 ...]} (at least {@link #SLACK} bytes after them) to
	 * {@code dst[o ...]}, {@code dst[o + stride ...]}, ...
	 */
	static void rows(final byte[] b, final int rows, final float[] dst, final int o, final int stride) {
		for (int r = 0, p = 0, d = o; r < rows; r++, p += K2Block.ROW_BYTES, d += stride) {
			eight(b, p, dst, d);
			eight(b, p + 12, dst, d + 8);
		}
	}

	private static void eight(final byte[] b, final int p, final float[] dst, final int d) {
		final ShortVector w = ByteVector.fromArray(B128, b, p).rearrange(PAIRS_TO_WORDS).reinterpretAsShorts();
		final ShortVector v = w.lanewise(VectorOperators.AND, (short) 0x0FFF).blend(w.lanewise(VectorOperators.LSHR, 4),
				ODD);
		((FloatVector) v.convertShape(VectorOperators.S2F, F256, 0)).intoArray(dst, d);
	}
}
