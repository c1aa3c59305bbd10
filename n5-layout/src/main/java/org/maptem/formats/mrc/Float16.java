package org.maptem.formats.mrc;

/**
 * IEEE 754 half-precision (binary16) values widened to float: sign bit, 5 exponent bits (bias 15), 10 fraction
 * bits; exponent 0 holds zeros and subnormals, exponent 31 infinities and NaNs. Widening is exact.
 */
final class Float16 {

	/** Every half value as a float, indexed by its 16 bits: one table lookup per value in the hot loop. */
	private static final float[] TABLE = new float[1 << 16];

	static {
		for (int i = 0; i < TABLE.length; i++)
			TABLE[i] = widen((short) i);
	}

	private Float16() {
	}

	/** The float with the value of the half whose bits are {@code h}. */
	static float toFloat(final short h) {
		return TABLE[h & 0xFFFF];
	}

	/** The lookup table (read-only by contract). */
	static float[] table() {
		return TABLE;
	}

	private static float widen(final short h) {
		final int bits = h & 0xFFFF;
		final int sign = (bits & 0x8000) << 16;
		final int exp = (bits >>> 10) & 0x1F;
		final int frac = bits & 0x3FF;
		if (exp == 0x1F)
			return Float.intBitsToFloat(sign | 0x7F800000 | frac << 13);
		if (exp != 0)
			return Float.intBitsToFloat(sign | (exp - 15 + 127) << 23 | frac << 13);
		// zero or subnormal: frac × 2^-24, exact in float
		final float v = frac * 0x1p-24f;
		return sign == 0 ? v : -v;
	}
}
