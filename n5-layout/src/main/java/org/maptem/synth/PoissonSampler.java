package org.maptem.synth;

import java.util.SplittableRandom;

/**
 * Draws Poisson-distributed counts of one mean from a caller's generator.
 *
 * <p>Means up to {@link #TABLE_LIMIT} use inversion of a precomputed cumulative distribution table: one
 * {@code nextDouble()} u per draw, then the first k with {@code u < cdf[k]}. A guide table (Chen and Asau, 1974)
 * indexed by {@code u·M} gives the search its starting k, so almost every draw ends after one well-predicted
 * comparison: a draw costs a few nanoseconds whatever the mean, unlike Knuth's multiplication method whose cost
 * grows with the mean, or a plain search whose mispredicted branches cost more than the random number. The table
 * spans {@code [λ − 12√λ − 10, λ + 12√λ + 10]}; the probability outside is below 1e-30, far under double
 * resolution, so the draws are Poisson as far as any test can tell. Larger means use the normal approximation
 * {@code round(λ + √λ·z)}, clamped to the same range. Immutable and thread-safe; the generator is the caller's.
 */
final class PoissonSampler {

	/** Largest mean sampled from a table (a table holds about {@code 24√λ} entries: 7 600 at this limit). */
	static final double TABLE_LIMIT = 100_000;

	private final double mean;
	private final double sd;
	private final long lo;
	private final long hi;
	private final double[] cdf;
	private final int[] guide;

	PoissonSampler(final double mean) {
		this.mean = mean;
		this.sd = Math.sqrt(mean);
		this.lo = lowest(mean);
		this.hi = highest(mean);
		this.cdf = mean > 0 && mean <= TABLE_LIMIT ? table(mean, lo, hi) : null;
		this.guide = cdf == null ? null : guide(cdf);
	}

	/**
	 * {@code g[j]} = the first k with {@code cdf[k] > j/M}: no draw with {@code u ≥ j/M} ends below it. When the whole
	 * bucket {@code [j/M, (j+1)/M)} ends at that k ({@code cdf[k] ≥ (j+1)/M}), the entry is stored as {@code k},
	 * otherwise as {@code ~k}, so most draws need no comparison with the table at all.
	 */
	private static int[] guide(final double[] cdf) {
		final int m = Math.max(1024, Integer.highestOneBit(cdf.length) * 8);
		final int[] g = new int[m];
		int k = 0;
		for (int j = 0; j < m; j++) {
			while (cdf[k] <= (double) j / m)
				k++;
			g[j] = cdf[k] >= (double) (j + 1) / m ? k : ~k;
		}
		return g;
	}

	/** The smallest count a sampler of mean {@code mean} draws. */
	static long lowest(final double mean) {
		return Math.max(0, (long) Math.floor(mean - 12 * Math.sqrt(mean) - 10));
	}

	/** The largest count a sampler of mean {@code mean} draws. */
	static long highest(final double mean) {
		return mean <= 0 ? 0 : (long) Math.ceil(mean + 12 * Math.sqrt(mean) + 10);
	}

	private static double[] table(final double mean, final long lo, final long hi) {
		final int n = (int) (hi - lo + 1);
		final double[] w = new double[n];
		// unnormalised pmf from the mode outwards by the ratio p(k+1)/p(k) = λ/(k+1): no exp(-λ) underflow for big λ
		final int mode = (int) (Math.min(Math.floor(mean), hi) - lo);
		w[mode] = 1;
		for (int i = mode + 1; i < n; i++)
			w[i] = w[i - 1] * mean / (lo + i);
		for (int i = mode - 1; i >= 0; i--)
			w[i] = w[i + 1] * (lo + i + 1) / mean;
		double sum = 0;
		for (final double v : w)
			sum += v;
		double acc = 0;
		for (int i = 0; i < n; i++) {
			acc += w[i];
			w[i] = acc / sum;
		}
		w[n - 1] = 1.0;
		return w;
	}

	double mean() {
		return mean;
	}

	/**
	 * Replaces {@code out[from .. to)} by independent draws, in index order, exactly as {@link #sample} called once
	 * per element would: the per-run loop keeps the tables in registers, which the per-pixel call does not.
	 */
	void fill(final int[] out, final int from, final int to, final SplittableRandom rng) {
		if (mean <= 0 || cdf == null) {
			for (int i = from; i < to; i++)
				out[i] = sample(rng);
			return;
		}
		final double[] c = cdf;
		final int[] g = guide;
		final int base = (int) lo;
		// the guide has 2^b entries, so (int) (u·2^b) is the top b bits of the long u is made of
		final int shift = 64 - Integer.numberOfTrailingZeros(g.length);
		for (int i = from; i < to; i++) {
			// exactly SplittableRandom.nextDouble(): the top 53 bits of nextLong() times 2^-53
			final long bits = rng.nextLong();
			final double u = (bits >>> 11) * 0x1.0p-53;
			int k = g[(int) (bits >>> shift)];
			if (k < 0) {
				k = ~k;
				while (u >= c[k])
					k++;
			}
			out[i] = base + k;
		}
	}

	/** One draw, using {@code rng} once (table) or for one Gaussian (normal approximation). */
	int sample(final SplittableRandom rng) {
		if (mean <= 0)
			return 0;
		if (cdf == null) {
			final long k = Math.round(mean + sd * rng.nextGaussian());
			return (int) Math.max(lo, Math.min(hi, k));
		}
		final double u = rng.nextDouble();
		final double[] c = cdf;
		int k = guide[(int) (u * guide.length)];
		if (k >= 0)
			return (int) (lo + k);
		k = ~k;
		// c[last] = 1 > u, so the search stops inside the table
		while (u >= c[k])
			k++;
		return (int) (lo + k);
	}
}
