package org.maptem.udf.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.maptem.dataset.DType;
import org.maptem.udf.ArrayDataset;
import org.maptem.udf.EngineRuns;
import org.maptem.udf.Roi;
import org.maptem.udf.UdfException;

class LogSumUdfTest {

	private static final int H = 9;
	private static final int W = 7;
	private static final ArrayDataset COUNTS = ArrayDataset.counts(new long[] { 5, 9 }, H, W, 500, 17, DType.UINT16);

	static Stream<EngineRuns> runs() {
		return EngineRuns.all();
	}

	@ParameterizedTest
	@MethodSource("runs")
	void perFrameMinimumMatchesLiberTemsDefinition(final EngineRuns run) {
		check(run, LogSumUdf.perFrameMinimum(), null);
	}

	@ParameterizedTest
	@MethodSource("runs")
	void perFrameMinimumWithRoi(final EngineRuns run) {
		check(run, LogSumUdf.perFrameMinimum(), EngineRuns.randomRoi(COUNTS, 4));
	}

	@ParameterizedTest
	@MethodSource("runs")
	void fixedMinimumClipsValuesBelowIt(final EngineRuns run) {
		check(run, LogSumUdf.withMinimum(250.5), EngineRuns.randomRoi(COUNTS, 5));
	}

	@Test
	void twoFramesGiveTheLogarithmsOfTheirOffsetValues() {
		// LiberTEM's docstring example: per-frame minimum 1 makes 101 add log(101) and 1 add log(1) = 0
		final float[] v = { 11, 101, 7, 1, 11, 1, 7, 1 };
		final ArrayDataset d = ArrayDataset.of(new long[] { 2 }, 2, 2, v, DType.FLOAT32);
		final LogSumUdf udf = LogSumUdf.perFrameMinimum();
		final double[] got = new EngineRuns(1, null, 1).run(d, null, udf).get(udf).buffer(LogSumUdf.LOGSUM).doubles();
		assertEquals(Math.log(11) + Math.log(11), got[0], 1e-12);
		assertEquals(Math.log(101), got[1], 1e-12);
		assertEquals(Math.log(7) + Math.log(7), got[2], 1e-12);
		assertEquals(0, got[3], 0);
	}

	@Test
	void badMinimumIsRejected() {
		final UdfException e = assertThrows(UdfException.class, () -> LogSumUdf.withMinimum(Double.NaN));
		assertTrue(e.getMessage().contains("'minimum'"), e.getMessage());
	}

	private static void check(final EngineRuns run, final LogSumUdf udf, final Roi roi) {
		final double[] got = run.run(COUNTS, roi, udf).get(udf).buffer(LogSumUdf.LOGSUM).doubles();
		final double[] expected = new double[H * W];
		for (long f = 0; f < COUNTS.meta().frameCount(); f++) {
			if (roi != null && !roi.contains(f))
				continue;
			double m = udf.minimum();
			if (Double.isNaN(m)) {
				m = Double.POSITIVE_INFINITY;
				for (int y = 0; y < H; y++)
					for (int x = 0; x < W; x++)
						m = Math.min(m, COUNTS.value(f, y, x));
			}
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++)
					expected[y * W + x] += Math.log1p(Math.max(0, COUNTS.value(f, y, x) - m));
		}
		for (int k = 0; k < expected.length; k++)
			assertEquals(expected[k], got[k], 1e-12 * Math.max(1, expected[k]), "pixel " + k);
	}
}
