package org.maptem.udf.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.maptem.dataset.DType;
import org.maptem.udf.ArrayDataset;
import org.maptem.udf.EngineRuns;
import org.maptem.udf.Roi;

class SumSigUdfTest {

	private static final ArrayDataset DATA = ArrayDataset.counts(new long[] { 6, 7 }, 13, 11, 1000, 2, DType.FLOAT32);

	static java.util.stream.Stream<EngineRuns> runs() {
		return EngineRuns.all();
	}

	@ParameterizedTest
	@MethodSource("runs")
	void frameSumsMatchNaiveLoop(final EngineRuns run) {
		final SumSigUdf udf = new SumSigUdf();
		final double[] got = run.run(DATA, null, udf).get(udf).buffer(SumSigUdf.INTENSITY).doubles();
		assertArrayEquals(naive(DATA, null), got, 0);
	}

	@ParameterizedTest
	@MethodSource("runs")
	void positionsOutsideRoiAreNaN(final EngineRuns run) {
		final Roi roi = EngineRuns.randomRoi(DATA, 3);
		final SumSigUdf udf = new SumSigUdf();
		final double[] got = run.run(DATA, roi, udf).get(udf).buffer(SumSigUdf.INTENSITY).doubles();
		assertArrayEquals(naive(DATA, roi), got, 0);
	}

	@Test
	void resultHasNavShape() {
		final SumSigUdf udf = new SumSigUdf();
		final long[] shape = new EngineRuns(2, null, 1).run(DATA, null, udf).get(udf).buffer(SumSigUdf.INTENSITY).shape();
		assertArrayEquals(new long[] { 6, 7 }, shape);
	}

	@Test
	void longRowsOfFractionalValuesStayAccurate() {
		// one 1 × 5000 frame of 0.1s: a single float accumulator would drift by ~1e-4 relative
		final float[] v = new float[5000];
		java.util.Arrays.fill(v, 0.1f);
		final ArrayDataset d = ArrayDataset.of(new long[] { 1 }, 1, 5000, v, DType.FLOAT32);
		final SumSigUdf udf = new SumSigUdf();
		final double got = new EngineRuns(1, null, 1).run(d, null, udf).get(udf).buffer(SumSigUdf.INTENSITY).doubles()[0];
		final double expected = 5000 * (double) 0.1f;
		assertTrue(Math.abs(got - expected) < expected * 1e-6, "got " + got + ", expected " + expected);
	}

	private static double[] naive(final ArrayDataset d, final Roi roi) {
		final double[] s = new double[(int) d.meta().frameCount()];
		for (int f = 0; f < s.length; f++) {
			if (roi != null && !roi.contains(f)) {
				s[f] = Double.NaN;
				continue;
			}
			for (int y = 0; y < 13; y++)
				for (int x = 0; x < 11; x++)
					s[f] += d.value(f, y, x);
		}
		return s;
	}
}
