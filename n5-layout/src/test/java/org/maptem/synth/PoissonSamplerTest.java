package org.maptem.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Draws against the Poisson probabilities computed independently in log space. */
class PoissonSamplerTest {

	/** {@code P(X = k)} for Poisson(λ), from {@code exp(k ln λ − λ − ln k!)} with {@code ln k!} summed directly. */
	private static double pmf(final double lambda, final int k) {
		double lnFactorial = 0;
		for (int i = 2; i <= k; i++)
			lnFactorial += Math.log(i);
		return Math.exp(k * Math.log(lambda) - lambda - lnFactorial);
	}

	@ParameterizedTest
	@ValueSource(doubles = { 0.3, 1, 4.5, 37, 2500 })
	void drawsFollowThePoissonDistribution(final double lambda) {
		final PoissonSampler s = new PoissonSampler(lambda);
		final SplittableRandom rng = new SplittableRandom(17);
		final int n = 200_000;
		final int max = (int) (lambda + 12 * Math.sqrt(lambda) + 11);
		final long[] hist = new long[max + 1];
		for (int i = 0; i < n; i++) {
			final int k = s.sample(rng);
			assertTrue(k >= 0 && k <= max, "draw " + k + " in range");
			hist[k]++;
		}
		// chi-square over bins of expected count >= 20, the tails pooled into one bin
		double chi2 = 0;
		int bins = 0;
		double pooledExpected = 0;
		long pooledObserved = 0;
		for (int k = 0; k <= max; k++) {
			final double e = n * pmf(lambda, k);
			if (e >= 20) {
				chi2 += (hist[k] - e) * (hist[k] - e) / e;
				bins++;
			} else {
				pooledExpected += e;
				pooledObserved += hist[k];
			}
		}
		if (pooledExpected >= 20) {
			chi2 += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected;
			bins++;
		}
		final int dof = bins - 1;
		assertTrue(dof >= 1, "enough bins");
		// mean dof, standard deviation sqrt(2 dof): 6 standard deviations is beyond any honest fluctuation
		assertTrue(chi2 < dof + 6 * Math.sqrt(2.0 * dof), "chi-square " + chi2 + " for " + dof + " degrees of freedom");
		double mean = 0;
		for (int k = 0; k <= max; k++)
			mean += k * (double) hist[k];
		assertEquals(lambda, mean / n, 5 * Math.sqrt(lambda / n), "sample mean");
	}

	@ParameterizedTest
	@ValueSource(doubles = { 0, 1, 37, 250_000 })
	void fillingARunDrawsWhatSingleDrawsWould(final double lambda) {
		final PoissonSampler s = new PoissonSampler(lambda);
		final SplittableRandom a = new SplittableRandom(3);
		final SplittableRandom b = new SplittableRandom(3);
		final int[] run = new int[1000];
		java.util.Arrays.fill(run, -1);
		s.fill(run, 100, 900, a);
		for (int i = 0; i < 1000; i++)
			assertEquals(i < 100 || i >= 900 ? -1 : s.sample(b), run[i], "element " + i);
		assertEquals(a.nextLong(), b.nextLong(), "both used the generator equally");
	}
}
