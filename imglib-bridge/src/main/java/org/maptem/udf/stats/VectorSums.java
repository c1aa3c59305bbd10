package org.maptem.udf.stats;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The pixel-wise sum of {@link SumUdf} on the incubating Vector API, used when
 * {@link org.maptem.frames.Simd#enabled()}; loading this class needs the {@code jdk.incubator.vector} module.
 *
 * <p>Each float is widened to double and added to its pixel's sum frame after frame, the order of the scalar loop, so
 * both give the same bits; C2 vectorises neither the widening nor a loop whose arrays have different offsets. Frames
 * go four at a time over a block of pixels whose double sums stay in the L1 cache. Stateless and thread-safe.
 */
final class VectorSums {

	private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
	private static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;
	/** Pixels per block: 8 KiB of double sums. */
	private static final int BLOCK = 1024;

	private VectorSums() {
	}

	/**
	 * Adds pixel {@code i} of each of {@code frames} frames of {@code per} values in {@code t} to {@code sum[off + i]},
	 * frame by frame.
	 */
	static void addFrames(final float[] t, final int frames, final int per, final double[] sum, final int off) {
		final int lanes = F.length();
		for (int b = 0; b < per; b += BLOCK) {
			final int end = Math.min(per, b + BLOCK);
			final int vecEnd = b + ((end - b) & -lanes);
			int f = 0;
			for (; f + 4 <= frames; f += 4) {
				final int p = f * per;
				for (int i = b; i < vecEnd; i += lanes) {
					DoubleVector lo = DoubleVector.fromArray(D, sum, off + i);
					DoubleVector hi = DoubleVector.fromArray(D, sum, off + i + lanes / 2);
					for (int k = 0; k < 4; k++) {
						final FloatVector v = FloatVector.fromArray(F, t, p + k * per + i);
						lo = lo.add(v.convertShape(VectorOperators.F2D, D, 0));
						hi = hi.add(v.convertShape(VectorOperators.F2D, D, 1));
					}
					lo.intoArray(sum, off + i);
					hi.intoArray(sum, off + i + lanes / 2);
				}
				for (int i = vecEnd; i < end; i++)
					sum[off + i] = (((sum[off + i] + t[p + i]) + t[p + per + i]) + t[p + 2 * per + i])
							+ t[p + 3 * per + i];
			}
			for (; f < frames; f++) {
				final int p = f * per;
				for (int i = b; i < vecEnd; i += lanes) {
					final FloatVector v = FloatVector.fromArray(F, t, p + i);
					DoubleVector.fromArray(D, sum, off + i).add(v.convertShape(VectorOperators.F2D, D, 0))
							.intoArray(sum, off + i);
					DoubleVector.fromArray(D, sum, off + i + lanes / 2).add(v.convertShape(VectorOperators.F2D, D, 1))
							.intoArray(sum, off + i + lanes / 2);
				}
				for (int i = vecEnd; i < end; i++)
					sum[off + i] += t[p + i];
			}
		}
	}
}
