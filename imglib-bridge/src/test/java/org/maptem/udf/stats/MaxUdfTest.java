package org.maptem.udf.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.maptem.dataset.DType;
import org.maptem.udf.ArrayDataset;
import org.maptem.udf.EngineRuns;
import org.maptem.udf.Results;
import org.maptem.udf.Roi;

class MaxUdfTest {

	private static final int H = 9;
	private static final int W = 7;

	/** Negative and positive values: a maximum started at the buffers' 0 would be wrong. */
	private static final ArrayDataset SIGNED = signedData();

	static Stream<EngineRuns> runs() {
		return EngineRuns.all();
	}

	@ParameterizedTest
	@MethodSource("runs")
	void maximumMatchesNaiveLoopOnNegativeData(final EngineRuns run) {
		check(run, null);
	}

	@ParameterizedTest
	@MethodSource("runs")
	void roiRestrictsTheMaximum(final EngineRuns run) {
		check(run, EngineRuns.randomRoi(SIGNED, 21));
	}

	@Test
	void aNaNValueWinsAtItsPixelOnly() {
		final float[] v = new float[10 * H * W];
		java.util.Arrays.fill(v, -3f);
		v[4 * H * W + 2 * W + 5] = Float.NaN;
		v[7 * H * W + 2 * W + 6] = 8f;
		final ArrayDataset d = ArrayDataset.of(new long[] { 10 }, H, W, v, DType.FLOAT32);
		final MaxUdf max = new MaxUdf();
		final float[] got = new EngineRuns(3, null, 2).run(d, null, max).get(max).buffer(MaxUdf.MAX).floats();
		assertTrue(Float.isNaN(got[2 * W + 5]));
		assertEquals(8f, got[2 * W + 6]);
		assertEquals(-3f, got[0]);
	}

	private static void check(final EngineRuns run, final Roi roi) {
		final MaxUdf max = new MaxUdf();
		final Results r = run.run(SIGNED, roi, max).get(max);
		final float[] expected = new float[H * W];
		java.util.Arrays.fill(expected, Float.NEGATIVE_INFINITY);
		long n = 0;
		for (long f = 0; f < SIGNED.meta().frameCount(); f++)
			if (roi == null || roi.contains(f)) {
				n++;
				for (int y = 0; y < H; y++)
					for (int x = 0; x < W; x++)
						if (SIGNED.value(f, y, x) > expected[y * W + x])
							expected[y * W + x] = SIGNED.value(f, y, x);
			}
		assertArrayEquals(expected, r.buffer(MaxUdf.MAX).floats(), 0);
		for (final long c : r.buffer(MaxUdf.COUNT).longs())
			assertEquals(n, c);
	}

	private static ArrayDataset signedData() {
		final float[] v = new float[45 * H * W];
		final Random r = new Random(12);
		for (int i = 0; i < v.length; i++)
			v[i] = (float) (r.nextGaussian() * 50 - 200);
		return ArrayDataset.of(new long[] { 5, 9 }, H, W, v, DType.FLOAT32);
	}
}
