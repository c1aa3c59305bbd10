package org.maptem.udf.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.maptem.dataset.DType;
import org.maptem.udf.ArrayDataset;
import org.maptem.udf.EngineRuns;
import org.maptem.udf.Roi;

class SumUdfTest {

	private static final ArrayDataset DATA = ArrayDataset.counts(new long[] { 6, 7 }, 13, 11, 200, 1, DType.UINT16);

	static java.util.stream.Stream<EngineRuns> runs() {
		return EngineRuns.all();
	}

	@ParameterizedTest
	@MethodSource("runs")
	void sumMatchesNaiveLoopForAnyPartitioningTilingAndThreads(final EngineRuns run) {
		final SumUdf sum = new SumUdf();
		final double[] got = run.run(DATA, null, sum).get(sum).buffer(SumUdf.INTENSITY).doubles();
		assertArrayEquals(naive(DATA, null), got, 0, "integer counts sum exactly");
	}

	@ParameterizedTest
	@MethodSource("runs")
	void sumOverRoiCountsOnlyRoiFrames(final EngineRuns run) {
		final Roi roi = EngineRuns.randomRoi(DATA, 7);
		final SumUdf sum = new SumUdf();
		final double[] got = run.run(DATA, roi, sum).get(sum).buffer(SumUdf.INTENSITY).doubles();
		assertArrayEquals(naive(DATA, roi), got, 0);
	}

	@ParameterizedTest
	@MethodSource("runs")
	void sumHasSigShape(final EngineRuns run) {
		final SumUdf sum = new SumUdf();
		assertArrayEquals(new long[] { 13, 11 }, run.run(DATA, null, sum).get(sum).buffer(SumUdf.INTENSITY).shape());
		assertEquals(1, sum.buffers(DATA.meta()).size());
	}

	private static double[] naive(final ArrayDataset d, final Roi roi) {
		final double[] s = new double[13 * 11];
		for (long f = 0; f < d.meta().frameCount(); f++)
			if (roi == null || roi.contains(f))
				for (int y = 0; y < 13; y++)
					for (int x = 0; x < 11; x++)
						s[y * 11 + x] += d.value(f, y, x);
		return s;
	}
}
