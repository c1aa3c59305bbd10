package org.maptem.udf.masks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.maptem.dataset.DType;
import org.maptem.exec.Job;
import org.maptem.exec.LocalExecutor;
import org.maptem.udf.ArrayDataset;
import org.maptem.udf.EngineRuns;
import org.maptem.udf.Roi;
import org.maptem.udf.UdfException;

class ApplyMasksUdfTest {

	private static final int H = 13;
	private static final int W = 11;
	private static final ArrayDataset COUNTS = ArrayDataset.counts(new long[] { 6, 7 }, H, W, 300, 3, DType.UINT16);

	static Stream<EngineRuns> runs() {
		return EngineRuns.all();
	}

	/**
	 * Binary shapes of every kind, three dense weighted masks (a pair and a single for the blocked kernel) and a
	 * gradient between them, sparse masks (weighted, all ones, with repeats and entries off the detector).
	 */
	private static List<Mask> masks() {
		final List<Mask> m = new ArrayList<>();
		m.add(Masks.disk(5, 6, 3.5));
		m.add(Masks.ring(5.5, 6.2, 2, 6));
		m.add(Masks.point(10, 12));
		m.add(Masks.rect(-2, 3, 6, 4));
		m.add(Masks.disk(0, 0, 100));
		final Random r = new Random(4);
		for (int k = 0; k < 3; k++) {
			final float[] w = new float[H * W];
			for (int i = 0; i < w.length; i++)
				if (r.nextInt(3) > 0 && i / W >= 2 * k)
					w[i] = (r.nextInt(9) - 4) / 4f;
			m.add(Masks.weights(H, W, w));
		}
		m.add(Masks.disk(9, 2, 1.5));
		m.add(Masks.polygon(new double[] { 1, 9.5, 4, 10, 0.5 }, new double[] { 0.5, 2, 12.5, 7, 9 }, FillRule.NONZERO));
		m.add(Masks.sparse(new int[] { 0, 12, 5, 5, 5, 5, 5, -1, 3 }, new int[] { 0, 10, 3, 4, 5, 4, 9, 2, 11 },
				new float[] { 0.5f, -2, 1.25f, 1.25f, 1.25f, 0.25f, 3, 7, 9 }));
		m.add(Masks.gradientY(Masks.disk(5, 6, 4)));
		m.add(Masks.sparse(new int[] { 2, 2, 2, 7 }, new int[] { 1, 2, 3, 3 }, new float[] { 1, 1, 1, 1 }));
		m.add(Masks.gradientX());
		return m;
	}

	@ParameterizedTest
	@MethodSource("runs")
	void everyMaskMatchesNaiveWeightedSum(final EngineRuns run) {
		final List<Mask> masks = masks();
		final ApplyMasksUdf udf = new ApplyMasksUdf(masks);
		final double[] got = run.run(COUNTS, null, udf).get(udf).buffer(ApplyMasksUdf.INTENSITY).doubles();
		assertArrayEquals(naive(COUNTS, masks, null), got, 0, "integer counts times quarter weights are exact");
	}

	@ParameterizedTest
	@MethodSource("runs")
	void roiLeavesOtherPositionsNaN(final EngineRuns run) {
		final List<Mask> masks = masks();
		final Roi roi = EngineRuns.randomRoi(COUNTS, 9);
		final ApplyMasksUdf udf = new ApplyMasksUdf(masks);
		final double[] got = run.run(COUNTS, roi, udf).get(udf).buffer(ApplyMasksUdf.INTENSITY).doubles();
		assertArrayEquals(naive(COUNTS, masks, roi), got, 0);
	}

	@Test
	void fractionalDataMatchWithinFloatPrecision() {
		final float[] v = new float[20 * H * W];
		final Random r = new Random(8);
		for (int i = 0; i < v.length; i++)
			v[i] = (float) (r.nextGaussian() * 3 + 50);
		final ArrayDataset d = ArrayDataset.of(new long[] { 4, 5 }, H, W, v, DType.FLOAT32);
		final List<Mask> masks = masks();
		final ApplyMasksUdf udf = new ApplyMasksUdf(masks);
		final double[] got = new EngineRuns(3, null, 2).run(d, null, udf).get(udf).buffer(ApplyMasksUdf.INTENSITY).doubles();
		final double[] expected = naive(d, masks, null);
		for (int i = 0; i < got.length; i++)
			assertEquals(expected[i], got[i], 1e-5 * Math.max(1, Math.abs(expected[i])), "value " + i);
	}

	@Test
	void resultHasNavShapeWithMaskAxisLast() {
		final ApplyMasksUdf udf = ApplyMasksUdf.of(Masks.point(0, 0), Masks.point(1, 0), Masks.point(2, 0));
		final long[] shape = new EngineRuns(4, null, 1).run(COUNTS, null, udf).get(udf).buffer(ApplyMasksUdf.INTENSITY)
				.shape();
		assertArrayEquals(new long[] { 6, 7, 3 }, shape);
	}

	@Test
	void aSingleMaskGivesAnImageOfTheNavShape() {
		final ApplyMasksUdf udf = ApplyMasksUdf.of(Masks.disk(5, 6, 3));
		final long[] shape = new EngineRuns(4, null, 1).run(COUNTS, null, udf).get(udf).buffer(ApplyMasksUdf.INTENSITY)
				.shape();
		assertArrayEquals(new long[] { 6, 7 }, shape);
	}

	@Test
	void sparseAndPolygonMasksUseTheSegmentKernel() {
		for (final Mask m : masks())
			if (m.toString().startsWith("sparse") || m.toString().startsWith("polygon"))
				assertTrue(!m.rasterize(H, W).dense(), m.toString());
	}

	@Test
	void maskOutsideTheDetectorFailsBeforeRunningNamingItsIndex() {
		final ApplyMasksUdf udf = ApplyMasksUdf.of(Masks.disk(5, 5, 2), Masks.disk(50, 5, 2));
		final UdfException e = assertThrows(UdfException.class,
				() -> new LocalExecutor(1).runAsync(Job.of(COUNTS, udf), null));
		assertTrue(e.getMessage().contains("masks[1]"), e.getMessage());
		assertTrue(e.getMessage().contains("13 × 11 detector"), e.getMessage());
	}

	@Test
	void noMasksIsRejected() {
		final UdfException e = assertThrows(UdfException.class, () -> ApplyMasksUdf.of());
		assertTrue(e.getMessage().contains("'masks'"), e.getMessage());
		assertThrows(UdfException.class, () -> ApplyMasksUdf.of(Masks.point(1, 1), null));
	}

	@Test
	void weightedMaskOfAnotherShapeIsRejected() {
		final ApplyMasksUdf udf = ApplyMasksUdf.of(Masks.weights(H, W + 1, new float[H * (W + 1)]));
		final UdfException e = assertThrows(UdfException.class, () -> new LocalExecutor(1).run(Job.of(COUNTS, udf)));
		assertTrue(e.getMessage().contains("masks[0]") && e.getMessage().contains("13 × 12"), e.getMessage());
	}

	private static double[] naive(final ArrayDataset d, final List<Mask> masks, final Roi roi) {
		final int frames = (int) d.meta().frameCount();
		final int k = masks.size();
		final double[] out = new double[frames * k];
		for (int m = 0; m < k; m++) {
			final float[] w = masks.get(m).rasterize(H, W).toDense();
			for (int f = 0; f < frames; f++) {
				if (roi != null && !roi.contains(f)) {
					out[f * k + m] = Double.NaN;
					continue;
				}
				double s = 0;
				for (int y = 0; y < H; y++)
					for (int x = 0; x < W; x++)
						s += (double) d.value(f, y, x) * w[y * W + x];
				out[f * k + m] = s;
			}
		}
		return out;
	}
}
