package org.maptem.formats.frms6;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector loops of {@link Frms6FrameSource}: unsigned 16-bit pixels widened to float eight at a time, in order
 * (top half) or reversed (bottom half, turned by 180°). Only called when {@link org.maptem.frames.Simd#enabled()};
 * loading this class needs the {@code jdk.incubator.vector} module. Each method converts the leading multiple of
 * eight values, the same values as the scalar loop, and returns how many; the caller converts the rest. Stateless
 * and thread-safe.
 */
final class Frms6Vectors {

	private static final VectorSpecies<Short> S128 = ShortVector.SPECIES_128;
	private static final VectorSpecies<Integer> I256 = IntVector.SPECIES_256;
	private static final VectorSpecies<Float> F256 = FloatVector.SPECIES_256;
	private static final VectorShuffle<Short> REVERSE = VectorShuffle.fromValues(S128, 7, 6, 5, 4, 3, 2, 1, 0);

	private Frms6Vectors() {
	}

	/** {@code dst[o + x] = row[x]} for the leading multiple of 8 of {@code n}. */
	static int forward(final short[] row, final int n, final float[] dst, final int o) {
		final int end = n & ~7;
		for (int x = 0; x < end; x += 8) {
			final IntVector i = ((IntVector) ShortVector.fromArray(S128, row, x).convertShape(VectorOperators.S2I, I256, 0))
					.lanewise(VectorOperators.AND, 0xFFFF);
			((FloatVector) i.convertShape(VectorOperators.I2F, F256, 0)).intoArray(dst, o + x);
		}
		return end;
	}

	/** {@code dst[o + x] = row[n - 1 - x]} for the leading multiple of 8 of {@code n}. */
	static int reversed(final short[] row, final int n, final float[] dst, final int o) {
		final int end = n & ~7;
		for (int x = 0; x < end; x += 8) {
			final IntVector i = ((IntVector) ShortVector.fromArray(S128, row, n - 8 - x).rearrange(REVERSE)
					.convertShape(VectorOperators.S2I, I256, 0)).lanewise(VectorOperators.AND, 0xFFFF);
			((FloatVector) i.convertShape(VectorOperators.I2F, F256, 0)).intoArray(dst, o + x);
		}
		return end;
	}
}
