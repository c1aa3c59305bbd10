package org.maptem.udf.corrections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.maptem.udf.corrections.CorrectionFixtures.H;
import static org.maptem.udf.corrections.CorrectionFixtures.W;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maptem.dataset.DType;
import org.maptem.exec.Job;
import org.maptem.exec.JobResults;
import org.maptem.exec.LocalExecutor;
import org.maptem.udf.ArrayDataset;
import org.maptem.udf.EngineRuns;
import org.maptem.udf.Roi;
import org.maptem.udf.masks.ApplyMasksUdf;
import org.maptem.udf.masks.Masks;
import org.maptem.udf.stats.StdUdf;
import org.maptem.udf.stats.SumUdf;

/**
 * Sum, standard deviation and virtual detectors over corrected data equal the same reductions of the naively
 * corrected frames, for every partitioning, tiling (including 1, 3 and 5-row bands, whose boundaries run next to
 * excluded pixels) and thread count, with 4 and 8-neighbour patches.
 */
class CorrectedUdfsTest {

	private static final ArrayDataset DATA = ArrayDataset.counts(new long[] { 6, 7 }, H, W, 200, 11, DType.UINT16);
	private static final float[] WEIGHTS = weights();

	static Stream<Arguments> runs() {
		return EngineRuns.all().flatMap(r -> Stream.of(Arguments.of(r, 8), Arguments.of(r, 4)));
	}

	@ParameterizedTest
	@MethodSource("runs")
	void sumStdAndMasksOfCorrectedDataMatchNaiveReference(final EngineRuns run, final int neighbours) {
		check(run, neighbours, null);
	}

	@ParameterizedTest
	@MethodSource("runs")
	void correctionsApplyInsideARoi(final EngineRuns run, final int neighbours) {
		check(run, neighbours, EngineRuns.randomRoi(DATA, 5));
	}

	private static void check(final EngineRuns run, final int neighbours, final Roi roi) {
		final SumUdf sum = new SumUdf();
		final StdUdf std = new StdUdf();
		// a rectangle across the bands holding the cluster at rows 4-5, and arbitrary weights over the whole frame
		final ApplyMasksUdf masks = ApplyMasksUdf.of(Masks.rect(2, 3, 5, 4), Masks.weights(H, W, WEIGHTS));
		final ArrayDataset d = DATA.withPartitionFrames(Math.min(run.partitionFrames(), DATA.meta().frameCount()));
		final JobResults r = new LocalExecutor(run.threads()).run(Job.of(d, sum, std, masks).withRoi(roi)
				.withTilePlan(run.plan()).withCorrections(CorrectionFixtures.all(neighbours)));
		final NaiveCorrection naive = CorrectionFixtures.naiveAll(neighbours);
		final int frames = (int) DATA.meta().frameCount();
		final double[] s = new double[H * W];
		final double[] s2 = new double[H * W];
		long n = 0;
		for (int f = 0; f < frames; f++) {
			if (roi != null && !roi.contains(f))
				continue;
			n++;
			final float[] v = naive.frame(DATA, f);
			double rect = 0;
			double weighted = 0;
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++) {
					final double p = v[y * W + x];
					s[y * W + x] += p;
					s2[y * W + x] += p * p;
					if (y >= 3 && y < 7 && x >= 2 && x < 7)
						rect += p;
					weighted += WEIGHTS[y * W + x] * p;
				}
			final double[] got = r.get(masks).buffer(ApplyMasksUdf.INTENSITY).doubles();
			assertEquals(rect, got[2 * f], 1e-5 * Math.abs(rect), "rect, frame " + f);
			assertEquals(weighted, got[2 * f + 1], 1e-4 * Math.abs(weighted) + 1e-3, "weights, frame " + f);
		}
		final double[] sumGot = r.get(sum).buffer(SumUdf.INTENSITY).doubles();
		final double[] var = r.get(std).buffer(StdUdf.VAR).doubles();
		for (int i = 0; i < H * W; i++) {
			assertEquals(s[i], sumGot[i], 1e-9 * Math.abs(s[i]), "sum at " + i);
			final double mean = s[i] / n;
			final double want = s2[i] / n - mean * mean;
			assertEquals(want, var[i], 1e-6 * Math.max(1, want), "var at " + i);
		}
		// the corrections matter: the raw sum differs
		double raw = 0;
		for (int f = 0; f < frames; f++)
			if (roi == null || roi.contains(f))
				raw += DATA.value(f, 0, 0);
		assertTrue(Math.abs(raw - s[0]) > 1, "corner pixel is patched and dark/gain corrected");
	}

	private static float[] weights() {
		final float[] w = new float[H * W];
		for (int i = 0; i < w.length; i++)
			w[i] = (i % 7) - 3 + 0.25f;
		return w;
	}
}
