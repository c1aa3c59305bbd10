package org.maptem.udf;

/**
 * Fast, accurate sums of float runs for UDF kernels.
 *
 * <p>C2 keeps the order of floating-point additions, so a loop with one accumulator neither vectorises nor
 * pipelines; these kernels use eight independent float accumulators over blocks of {@value #BLOCK} values and add
 * each block's total to a double, which keeps the error of a float sum of counts far below float precision of the
 * total. Stateless and thread-safe.
 */
public final class Sums {

	/** Values summed in float before the block total goes to the double accumulator. */
	static final int BLOCK = 512;

	private Sums() {
	}

	/** Sum of {@code a[from ... to-1]}. */
	public static double sum(final float[] a, final int from, final int to) {
		double total = 0;
		int i = from;
		while (to - i >= 8) {
			final int blockEnd = i + Math.min(BLOCK, (to - i) & ~7);
			float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
			for (; i < blockEnd; i += 8) {
				s0 += a[i];
				s1 += a[i + 1];
				s2 += a[i + 2];
				s3 += a[i + 3];
				s4 += a[i + 4];
				s5 += a[i + 5];
				s6 += a[i + 6];
				s7 += a[i + 7];
			}
			total += ((double) s0 + s1 + s2 + s3) + ((double) s4 + s5 + s6 + s7);
		}
		for (; i < to; i++)
			total += a[i];
		return total;
	}

	/** Dot product of {@code a[aFrom ...]} and {@code w[wFrom ...]} over {@code n} values. */
	public static double dot(final float[] a, final int aFrom, final float[] w, final int wFrom, final int n) {
		double total = 0;
		int i = 0;
		while (n - i >= 8) {
			final int blockEnd = i + Math.min(BLOCK, (n - i) & ~7);
			float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
			for (; i < blockEnd; i += 8) {
				final int p = aFrom + i;
				final int q = wFrom + i;
				s0 += a[p] * w[q];
				s1 += a[p + 1] * w[q + 1];
				s2 += a[p + 2] * w[q + 2];
				s3 += a[p + 3] * w[q + 3];
				s4 += a[p + 4] * w[q + 4];
				s5 += a[p + 5] * w[q + 5];
				s6 += a[p + 6] * w[q + 6];
				s7 += a[p + 7] * w[q + 7];
			}
			total += ((double) s0 + s1 + s2 + s3) + ((double) s4 + s5 + s6 + s7);
		}
		for (; i < n; i++)
			total += a[aFrom + i] * w[wFrom + i];
		return total;
	}
}
