package org.maptem.formats.mib;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector loops of {@link RawFrameDecoder}: raw 64-bit Merlin words unpacked to floats eight values at a time.
 * Only called when {@link org.maptem.frames.Simd#enabled()}; loading this class needs the {@code jdk.incubator.vector}
 * module. Each method gives exactly the values of the decoder's scalar loop for the same words. Stateless and
 * thread-safe.
 *
 * <p>Vectors never cross a method boundary here: a vector passed to or returned from a method that C2 does not
 * inline is boxed, which makes a loop many times slower.
 *
 * <p>A raw word's 8 bytes reversed are a little-endian word whose values follow each other from the least
 * significant bit, so 8-bit values are the reversed bytes and 16-bit values the reversed bytes read as little-endian
 * shorts; 1-bit values are copied eight at a time from a table of the 8 bits of every byte value.
 */
final class RawVectors {

	private static final VectorSpecies<Byte> B64 = ByteVector.SPECIES_64;
	private static final VectorSpecies<Byte> B128 = ByteVector.SPECIES_128;
	private static final VectorSpecies<Integer> I256 = IntVector.SPECIES_256;
	private static final VectorSpecies<Float> F256 = FloatVector.SPECIES_256;

	/** Reverses the 8 bytes of a word. */
	private static final VectorShuffle<Byte> REVERSE8;
	/** Reverses the 8 bytes of each of two words. */
	private static final VectorShuffle<Byte> REVERSE_EACH;
	/** Two words: the second's big-endian shorts in order, then the first's, as little-endian shorts. */
	private static final VectorShuffle<Byte> SWAP_SHORTS_HALVES;

	static {
		final int[] r8 = new int[8];
		for (int i = 0; i < 8; i++)
			r8[i] = 7 - i;
		REVERSE8 = VectorShuffle.fromArray(B64, r8, 0);
		final int[] re = new int[16];
		final int[] sw = new int[16];
		for (int i = 0; i < 8; i++) {
			re[i] = 7 - i;
			re[8 + i] = 15 - i;
		}
		for (int k = 0; k < 8; k++) {
			final int word = k < 4 ? 8 : 0;
			final int s = k % 4;
			sw[2 * k] = word + 2 * s + 1;
			sw[2 * k + 1] = word + 2 * s;
		}
		REVERSE_EACH = VectorShuffle.fromArray(B128, re, 0);
		SWAP_SHORTS_HALVES = VectorShuffle.fromArray(B128, sw, 0);
	}

	private RawVectors() {
	}

	/** 1-bit: byte {@code 7 - r} of word {@code j} gives values {@code 64j + 8r ...} through the bit table. */
	static void bits1(final float[] bits, final byte[] b, final int bOff, final int words, final float[] dst,
			final int off) {
		for (int j = 0; j < words; j++)
			for (int r = 0; r < 8; r++)
				FloatVector.fromArray(F256, bits, (b[bOff + 8 * j + 7 - r] & 0xFF) << 3).intoArray(dst, off + 64 * j + 8 * r);
	}

	/** 1-bit reversed: byte {@code q} of word {@code words-1-i} gives 8 values through the reversed bit table. */
	static void bits1Reversed(final float[] reversedBits, final byte[] b, final int bOff, final int words,
			final float[] dst, final int start) {
		for (int i = 0; i < words; i++) {
			final int s = bOff + 8 * (words - 1 - i);
			for (int q = 0; q < 8; q++)
				FloatVector.fromArray(F256, reversedBits, (b[s + q] & 0xFF) << 3).intoArray(dst, start + 64 * i + 8 * q);
		}
	}

	/** 8-bit: value {@code k} of a word is its byte {@code 7 - k}. */
	static void bytes8(final byte[] b, final int bOff, final int words, final float[] dst, final int off) {
		for (int j = 0; j < words; j++) {
			final ByteVector v = ByteVector.fromArray(B64, b, bOff + 8 * j).rearrange(REVERSE8);
			final IntVector i = ((IntVector) v.convertShape(VectorOperators.B2I, I256, 0)).lanewise(VectorOperators.AND,
					0xFF);
			((FloatVector) i.convertShape(VectorOperators.I2F, F256, 0)).intoArray(dst, off + 8 * j);
		}
	}

	/** 8-bit reversed: the bytes of word {@code words-1-i} in file order. */
	static void bytes8Reversed(final byte[] b, final int bOff, final int words, final float[] dst, final int start) {
		for (int k = 0; k < words; k++) {
			final ByteVector v = ByteVector.fromArray(B64, b, bOff + 8 * (words - 1 - k));
			final IntVector i = ((IntVector) v.convertShape(VectorOperators.B2I, I256, 0)).lanewise(VectorOperators.AND,
					0xFF);
			((FloatVector) i.convertShape(VectorOperators.I2F, F256, 0)).intoArray(dst, start + 8 * k);
		}
	}

	/** 16-bit, words in pairs: returns the words done (even); the caller decodes a last odd word. */
	static int words16(final byte[] b, final int bOff, final int words, final float[] dst, final int off) {
		final int end = words & ~1;
		for (int j = 0; j < end; j += 2) {
			final ByteVector v = ByteVector.fromArray(B128, b, bOff + 8 * j).rearrange(REVERSE_EACH);
			final IntVector i = ((IntVector) v.reinterpretAsShorts().convertShape(VectorOperators.S2I, I256, 0))
					.lanewise(VectorOperators.AND, 0xFFFF);
			((FloatVector) i.convertShape(VectorOperators.I2F, F256, 0)).intoArray(dst, off + 4 * j);
		}
		return end;
	}

	/**
	 * 16-bit reversed, words in pairs from the last: values of word {@code words-1-i} to {@code dst[start + 4i ...]}
	 * highest first; returns the words done (even), the caller decodes the remaining first word.
	 */
	static int words16Reversed(final byte[] b, final int bOff, final int words, final float[] dst, final int start) {
		final int end = words & ~1;
		for (int k = 0; k < end; k += 2) {
			final ByteVector v = ByteVector.fromArray(B128, b, bOff + 8 * (words - 2 - k)).rearrange(SWAP_SHORTS_HALVES);
			final IntVector i = ((IntVector) v.reinterpretAsShorts().convertShape(VectorOperators.S2I, I256, 0))
					.lanewise(VectorOperators.AND, 0xFFFF);
			((FloatVector) i.convertShape(VectorOperators.I2F, F256, 0)).intoArray(dst, start + 4 * k);
		}
		return end;
	}

	/**
	 * 16-bit quad: the {@code n} raw rows {@code r0 ...} copied to {@code b[0 ...]} ({@code 8s} bytes each, chip side
	 * {@code s} a multiple of 8) into the frame rows among {@code rowStart ... end - 1} they hold, frame row {@code y}
	 * at {@code dst[off + 2s(y - rowStart) ...]}. Raw row {@code r} gives top row {@code r} (chip segment 3 then
	 * segment 2, in order) and bottom row {@code 2s-1-r} (segments 0 and 1 together, reversed): the values of
	 * {@link #words16} and {@link #words16Reversed} per segment.
	 */
	static void quad16(final byte[] b, final int r0, final int n, final int s, final int rowStart, final int end,
			final float[] dst, final int off) {
		final int cb = 2 * s;
		final int rawRowBytes = 4 * cb;
		for (int k = 0; k < n; k++) {
			final int r = r0 + k;
			final int at = k * rawRowBytes;
			if (r >= rowStart && r < end) {
				final int o = off + 2 * s * (r - rowStart);
				final int seg2 = at + 2 * cb;
				final int seg3 = seg2 + cb;
				// value x of a segment: bytes 2x of the copy, indices linear in x for the bounds-check elimination
				for (int x = 0; x < s; x += 8) {
					final ByteVector v = ByteVector.fromArray(B128, b, seg3 + 2 * x).rearrange(REVERSE_EACH);
					final IntVector i = ((IntVector) v.reinterpretAsShorts().convertShape(VectorOperators.S2I, I256, 0))
							.lanewise(VectorOperators.AND, 0xFFFF);
					((FloatVector) i.convertShape(VectorOperators.I2F, F256, 0)).intoArray(dst, o + x);
					final ByteVector u = ByteVector.fromArray(B128, b, seg2 + 2 * x).rearrange(REVERSE_EACH);
					final IntVector j = ((IntVector) u.reinterpretAsShorts().convertShape(VectorOperators.S2I, I256, 0))
							.lanewise(VectorOperators.AND, 0xFFFF);
					((FloatVector) j.convertShape(VectorOperators.I2F, F256, 0)).intoArray(dst, o + s + x);
				}
			}
			final int y = 2 * s - 1 - r;
			if (y >= rowStart && y < end) {
				// segments 0 and 1 reversed as one run: the last word pair first, its shorts in file order
				final int o = off + 2 * s * (y - rowStart);
				final int last = at + 2 * cb - 16;
				for (int x = 0; x < 2 * s; x += 8) {
					final ByteVector v = ByteVector.fromArray(B128, b, last - 2 * x).rearrange(SWAP_SHORTS_HALVES);
					final IntVector i = ((IntVector) v.reinterpretAsShorts().convertShape(VectorOperators.S2I, I256, 0))
							.lanewise(VectorOperators.AND, 0xFFFF);
					((FloatVector) i.convertShape(VectorOperators.I2F, F256, 0)).intoArray(dst, o + x);
				}
			}
		}
	}

	/**
	 * Counter depth 24, words in pairs: value {@code k} is {@code (hi_k & 0xFFF) << 12 | (lo_k & 0xFFF)} of the 16-bit
	 * values of the words at {@code b[hiOff ...]} and {@code b[loOff ...]}; returns the words done (even).
	 */
	static int combine24(final byte[] b, final int hiOff, final int loOff, final int words, final float[] dst,
			final int off) {
		final int end = words & ~1;
		for (int j = 0; j < end; j += 2) {
			final IntVector hi = ((IntVector) ByteVector.fromArray(B128, b, hiOff + 8 * j).rearrange(REVERSE_EACH)
					.reinterpretAsShorts().convertShape(VectorOperators.S2I, I256, 0)).lanewise(VectorOperators.AND, 0xFFF);
			final IntVector lo = ((IntVector) ByteVector.fromArray(B128, b, loOff + 8 * j).rearrange(REVERSE_EACH)
					.reinterpretAsShorts().convertShape(VectorOperators.S2I, I256, 0)).lanewise(VectorOperators.AND, 0xFFF);
			((FloatVector) hi.lanewise(VectorOperators.LSHL, 12).lanewise(VectorOperators.OR, lo)
					.convertShape(VectorOperators.I2F, F256, 0)).intoArray(dst, off + 4 * j);
		}
		return end;
	}
}
