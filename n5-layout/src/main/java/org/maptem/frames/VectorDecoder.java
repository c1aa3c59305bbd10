package org.maptem.frames;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector loops of {@link TileDecoder}: integers widened (or, 32-bit, converted) to float eight at a time, and
 * packed 12-bit values unpacked eight at a time ({@link #unpack12}, also used by the K2IS reader). Only called when
 * {@link Simd#enabled()}; loading this class needs the {@code jdk.incubator.vector} module.
 *
 * <p>Each method converts the leading multiple of eight values and returns how many it converted; the caller decodes
 * the rest with its scalar loop. Stateless and thread-safe.
 */
public final class VectorDecoder {

	private static final VectorSpecies<Byte> B64 = ByteVector.SPECIES_64;
	private static final VectorSpecies<Byte> B128 = ByteVector.SPECIES_128;
	private static final VectorSpecies<Short> S128 = ShortVector.SPECIES_128;
	private static final VectorSpecies<Integer> I256 = IntVector.SPECIES_256;
	private static final VectorSpecies<Float> F256 = FloatVector.SPECIES_256;

	/**
	 * Byte {@code 4k + b} of the shuffled vector: the little-endian 16-bit word holding packed value {@code 2k + b / 2}:
	 * bytes {@code 3k, 3k+1} for the even value, {@code 3k+1, 3k+2} for the odd one.
	 */
	private static final VectorShuffle<Byte> PAIRS_TO_WORDS;
	/** Odd 16-bit lanes: their value is the word's top 12 bits, the even ones' the low 12 bits. */
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

	private VectorDecoder() {
	}

	/** Lanes of the platform's preferred float vector. */
	static int preferredFloatLanes() {
		return FloatVector.SPECIES_PREFERRED.length();
	}

	/**
	 * Widens {@code src[0 .. n)} (16-bit, unsigned unless {@code signed}) to {@code dst[off ...]}; returns the count
	 * converted, {@code n} rounded down to a multiple of 8.
	 */
	static int shorts(final short[] src, final int n, final boolean signed, final float[] dst, final int off) {
		final int end = n & ~7;
		for (int k = 0; k < end; k += 8) {
			IntVector v = (IntVector) ShortVector.fromArray(S128, src, k).convertShape(VectorOperators.S2I, I256, 0);
			if (!signed)
				v = v.lanewise(VectorOperators.AND, 0xFFFF);
			((FloatVector) v.convertShape(VectorOperators.I2F, F256, 0)).intoArray(dst, off + k);
		}
		return end;
	}

	/**
	 * Widens {@code rows} rows of {@code width} 16-bit values (unsigned unless {@code signed}): row {@code k} of
	 * {@code src[k·width ...]} goes to {@code dst[off + k·step ...]}, a negative {@code step} turning the rows upside
	 * down. The whole row, tail included, in one call: rows of formats that store images upward are short (128 values),
	 * and a call per row cost as much as its values.
	 */
	static void shortRows(final short[] src, final int rows, final int width, final boolean signed, final float[] dst,
			final int off, final int step) {
		final int end = width & ~7;
		for (int k = 0; k < rows; k++) {
			final int s = k * width;
			final int d = off + k * step;
			for (int x = 0; x < end; x += 8) {
				IntVector v = (IntVector) ShortVector.fromArray(S128, src, s + x).convertShape(VectorOperators.S2I, I256, 0);
				if (!signed)
					v = v.lanewise(VectorOperators.AND, 0xFFFF);
				((FloatVector) v.convertShape(VectorOperators.I2F, F256, 0)).intoArray(dst, d + x);
			}
			for (int x = end; x < width; x++)
				dst[d + x] = signed ? src[s + x] : src[s + x] & 0xFFFF;
		}
	}

	/**
	 * Widens {@code src[0 .. n)} (8-bit, unsigned unless {@code signed}) to {@code dst[off ...]}; returns the count
	 * converted, {@code n} rounded down to a multiple of 8.
	 */
	static int bytes(final byte[] src, final int n, final boolean signed, final float[] dst, final int off) {
		final int end = n & ~7;
		for (int k = 0; k < end; k += 8) {
			IntVector v = (IntVector) ByteVector.fromArray(B64, src, k).convertShape(VectorOperators.B2I, I256, 0);
			if (!signed)
				v = v.lanewise(VectorOperators.AND, 0xFF);
			((FloatVector) v.convertShape(VectorOperators.I2F, F256, 0)).intoArray(dst, off + k);
		}
		return end;
	}

	/**
	 * Converts {@code src[0 .. n)} (32-bit, unsigned unless {@code signed}) to {@code dst[off ...]}, rounded to
	 * nearest as {@code (float) value} rounds; returns the count converted, {@code n} rounded down to a multiple of 8.
	 * An unsigned value is {@code hi·65536 + lo} of its 16-bit halves: both terms are exact floats, so their sum is
	 * rounded once, as the scalar conversion of the {@code long} is. With {@code swap}, the bytes of each value are
	 * reversed first (values stored in the other byte order), in the same pass.
	 */
	static int ints(final int[] src, final int n, final boolean signed, final boolean swap, final float[] dst,
			final int off) {
		final int end = n & ~7;
		for (int k = 0; k < end; k += 8) {
			final IntVector v = swap ? swapBytes(IntVector.fromArray(I256, src, k)) : IntVector.fromArray(I256, src, k);
			final FloatVector f;
			// counts below 2^31 (every lane's sign bit clear) convert as signed ints, exactly as their longs would
			if (signed || !v.lt(0).anyTrue())
				f = (FloatVector) v.convertShape(VectorOperators.I2F, F256, 0);
			else {
				final FloatVector hi = (FloatVector) v.lanewise(VectorOperators.LSHR, 16).convertShape(VectorOperators.I2F,
						F256, 0);
				final FloatVector lo = (FloatVector) v.lanewise(VectorOperators.AND, 0xFFFF).convertShape(VectorOperators.I2F,
						F256, 0);
				f = hi.mul(65536f).add(lo);
			}
			f.intoArray(dst, off + k);
		}
		return end;
	}

	/** Each lane with its four bytes reversed: shifts and masks, which C2 compiles to a few AVX2 instructions. */
	private static IntVector swapBytes(final IntVector x) {
		return x.lanewise(VectorOperators.LSHL, 24)
				.or(x.lanewise(VectorOperators.AND, 0xFF00).lanewise(VectorOperators.LSHL, 8))
				.or(x.lanewise(VectorOperators.LSHR, 8).lanewise(VectorOperators.AND, 0xFF00))
				.or(x.lanewise(VectorOperators.LSHR, 24));
	}

	/**
	 * Unpacks 12-bit values (two per three bytes, low bits first; see {@link TileDecoder}) from {@code bytes[0 ...]}
	 * to {@code dst[off ...]}, at most {@code n}; returns the count unpacked, a multiple of 8. Each step reads 16 bytes
	 * for 12, so it stops where fewer than 16 bytes are left in {@code bytes}.
	 */
	static int packed12(final byte[] bytes, final int n, final float[] dst, final int off) {
		int k = 0;
		for (int j = 0; k + 8 <= n && j + 16 <= bytes.length; k += 8, j += 12)
			unpack12(bytes, j, dst, off + k);
		return k;
	}

	/**
	 * Unpacks the eight 12-bit values of {@code b[p .. p + 12)} (two per three bytes, low bits first, as
	 * {@link TileDecoder}'s {@code UINT12_PACKED}) to {@code dst[d .. d + 8)}; reads 16 bytes, so {@code b} needs 4
	 * after them. For the other packed-12-bit decoders (K2IS); needs the {@code jdk.incubator.vector} module.
	 */
	public static void unpack12(final byte[] b, final int p, final float[] dst, final int d) {
		final ShortVector w = ByteVector.fromArray(B128, b, p).rearrange(PAIRS_TO_WORDS).reinterpretAsShorts();
		final ShortVector v = w.lanewise(VectorOperators.AND, (short) 0x0FFF).blend(w.lanewise(VectorOperators.LSHR, 4),
				ODD);
		((FloatVector) v.convertShape(VectorOperators.S2F, F256, 0)).intoArray(dst, d);
	}
}
