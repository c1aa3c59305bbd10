package org.maptem.udf.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.maptem.dataset.DType;
import org.maptem.exec.JobResults;
import org.maptem.udf.ArrayDataset;
import org.maptem.udf.EngineRuns;
import org.maptem.udf.Results;
import org.maptem.udf.Roi;

class StdUdfTest {

	private static final int H = 9;
	private static final int W = 7;

	/** Values 10000 + noise of ±0.5: a naive Σx² - n·mean² loses every digit of the variance in float. */
	private static final ArrayDataset OFFSET = offsetData();

	static java.util.stream.Stream<EngineRuns> runs() {
		return EngineRuns.all();
	}

	@ParameterizedTest
	@MethodSource("runs")
	void meanVarianceAndStdMatchTwoPassReference(final EngineRuns run) {
		check(run, null);
	}

	@ParameterizedTest
	@MethodSource("runs")
	void roiRestrictsTheStatistics(final EngineRuns run) {
		check(run, EngineRuns.randomRoi(OFFSET, 11));
	}

	@Test
	void constantFramesHaveZeroVariance() {
		final float[] v = new float[12 * H * W];
		java.util.Arrays.fill(v, 4321.5f);
		final ArrayDataset d = ArrayDataset.of(new long[] { 12 }, H, W, v, DType.FLOAT32);
		final StdUdf std = new StdUdf();
		final Results r = new EngineRuns(5, null, 2).run(d, null, std).get(std);
		for (int k = 0; k < H * W; k++) {
			assertEquals(0, r.buffer(StdUdf.VAR).doubles()[k], 0);
			assertEquals(4321.5, r.buffer(StdUdf.MEAN).doubles()[k], 0);
			assertEquals(12, r.buffer(StdUdf.COUNT).longs()[k]);
		}
	}

	private static void check(final EngineRuns run, final Roi roi) {
		final StdUdf std = new StdUdf();
		final JobResults res = run.run(OFFSET, roi, std);
		final Results r = res.get(std);
		final long frames = OFFSET.meta().frameCount();
		final double[] mean = new double[H * W];
		final double[] var = new double[H * W];
		long n = 0;
		for (long f = 0; f < frames; f++)
			if (roi == null || roi.contains(f)) {
				n++;
				for (int k = 0; k < H * W; k++)
					mean[k] += OFFSET.value(f, k / W, k % W);
			}
		for (int k = 0; k < H * W; k++)
			mean[k] /= n;
		for (long f = 0; f < frames; f++)
			if (roi == null || roi.contains(f))
				for (int k = 0; k < H * W; k++) {
					final double d = OFFSET.value(f, k / W, k % W) - mean[k];
					var[k] += d * d / n;
				}
		final double[] std2 = new double[H * W];
		for (int k = 0; k < H * W; k++)
			std2[k] = Math.sqrt(var[k]);
		assertArrayEquals(mean, r.buffer(StdUdf.MEAN).doubles(), 1e-9);
		assertArrayEquals(var, r.buffer(StdUdf.VAR).doubles(), 1e-9);
		assertArrayEquals(std2, r.buffer(StdUdf.STD).doubles(), 1e-9);
		for (final long c : r.buffer(StdUdf.COUNT).longs())
			assertEquals(n, c);
	}

	private static ArrayDataset offsetData() {
		final long[] nav = { 5, 9 };
		final float[] v = new float[45 * H * W];
		final Random r = new Random(5);
		for (int i = 0; i < v.length; i++)
			v[i] = 10000f + (float) (r.nextDouble() - 0.5);
		return ArrayDataset.of(nav, H, W, v, DType.FLOAT32);
	}
}
