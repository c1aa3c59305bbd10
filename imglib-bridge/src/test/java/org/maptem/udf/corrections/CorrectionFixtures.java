package org.maptem.udf.corrections;

import java.util.Random;

/**
 * Shared inputs of the correction tests on a 13 × 11 detector: a dark frame, a gain map, and excluded pixels placed
 * at corners, edges, in a cluster and on both sides of the row-band boundaries of 1, 3 and 5-row tiles.
 */
final class CorrectionFixtures {

	static final int H = 13;
	static final int W = 11;

	/** Excluded pixels (y, x): corners, edges, a cluster, a vertical pair across rows 2/3, rows 4/5, 9/10, 11/12. */
	static final int[] YS = { 0, 0, 12, 2, 3, 4, 4, 5, 9, 10, 12, 11, 6, 8, 7 };
	static final int[] XS = { 0, 5, 10, 3, 3, 4, 5, 4, 1, 10, 0, 0, 7, 8, 10 };

	private CorrectionFixtures() {
	}

	/** Dark values in [0, 20). */
	static float[] dark(final long seed) {
		final Random r = new Random(seed);
		final float[] d = new float[H * W];
		for (int i = 0; i < d.length; i++)
			d[i] = 20 * r.nextFloat();
		return d;
	}

	/** Gain values in [0.5, 1.5). */
	static float[] gain(final long seed) {
		final Random r = new Random(seed);
		final float[] g = new float[H * W];
		for (int i = 0; i < g.length; i++)
			g[i] = 0.5f + r.nextFloat();
		return g;
	}

	/** The excluded pixels as a row-major mask. */
	static boolean[] excludedMask() {
		final boolean[] m = new boolean[H * W];
		for (int i = 0; i < YS.length; i++)
			m[YS[i] * W + XS[i]] = true;
		return m;
	}

	/** Dark, gain and the excluded pixels, patched from {@code neighbours} neighbours. */
	static Corrections all(final int neighbours) {
		return Corrections.none().withDark(H, W, dark(1)).withGain(H, W, gain(2)).withExcludedPixels(H, W, YS, XS)
				.withNeighbours(neighbours);
	}

	/** The naive evaluation of {@link #all}. */
	static NaiveCorrection naiveAll(final int neighbours) {
		return new NaiveCorrection(H, W, dark(1), gain(2), excludedMask(), neighbours);
	}
}
