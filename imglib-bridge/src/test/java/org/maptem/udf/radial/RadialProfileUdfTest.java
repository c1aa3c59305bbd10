package org.maptem.udf.radial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.maptem.dataset.DType;
import org.maptem.exec.Job;
import org.maptem.exec.LocalExecutor;
import org.maptem.udf.ArrayDataset;
import org.maptem.udf.EngineRuns;
import org.maptem.udf.Results;
import org.maptem.udf.Roi;
import org.maptem.udf.UdfException;

class RadialProfileUdfTest {

	private static final int H = 13;
	private static final int W = 11;
	private static final ArrayDataset COUNTS = ArrayDataset.counts(new long[] { 6, 7 }, H, W, 400, 23, DType.UINT16);

	static Stream<EngineRuns> runs() {
		return EngineRuns.all();
	}

	@ParameterizedTest
	@MethodSource("runs")
	void ringMeansMatchNaiveBinning(final EngineRuns run) {
		check(run, RadialProfileUdf.mean(4.5, 6.25, 1.5, 7), null);
	}

	@ParameterizedTest
	@MethodSource("runs")
	void ringSumsWithRoiMatchNaiveBinning(final EngineRuns run) {
		check(run, RadialProfileUdf.sum(5, 6, 1, RadialProfileUdf.wholeFrameRmax(5, 6, 1, H, W)),
				EngineRuns.randomRoi(COUNTS, 3));
	}

	@Test
	void wholeFrameSumsAddUpToTheFrameTotalAndCountEveryPixel() {
		final double rmax = RadialProfileUdf.wholeFrameRmax(-2.5, 14, 0.75, H, W);
		final RadialProfileUdf radial = RadialProfileUdf.sum(-2.5, 14, 0.75, rmax);
		final Results r = new EngineRuns(4, null, 2).run(COUNTS, null, radial).get(radial);
		final int bins = radial.bins();
		long pixels = 0;
		for (final long p : r.buffer(RadialProfileUdf.PIXELS).longs())
			pixels += p;
		assertEquals(H * W, pixels);
		final double[] profile = r.buffer(RadialProfileUdf.PROFILE).doubles();
		for (int f = 0; f < 42; f++) {
			double total = 0;
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++)
					total += COUNTS.value(f, y, x);
			double rings = 0;
			for (int b = 0; b < bins; b++)
				rings += profile[f * bins + b];
			assertEquals(total, rings, 0, "frame " + f);
		}
	}

	@Test
	void binsWithoutPixelCentresHaveNoMean() {
		// around a pixel centre, pixels lie at distances 0, 1 and sqrt(2): bins 1 to 3 (0.25 <= d < 1) hold none
		final RadialProfileUdf radial = RadialProfileUdf.mean(5, 6, 0.25, 1.5);
		final Results r = new EngineRuns(7, null, 1).run(COUNTS, null, radial).get(radial);
		assertArrayEquals(new long[] { 1, 0, 0, 0, 4, 4 }, r.buffer(RadialProfileUdf.PIXELS).longs());
		assertArrayEquals(new long[] { 6, 7, 6 }, r.buffer(RadialProfileUdf.PROFILE).shape());
		final double[] p = r.buffer(RadialProfileUdf.PROFILE).doubles();
		assertEquals(COUNTS.value(0, 6, 5), p[0]);
		assertTrue(Double.isNaN(p[1]) && Double.isNaN(p[2]) && Double.isNaN(p[3]));
		assertEquals((COUNTS.value(0, 5, 5) + COUNTS.value(0, 7, 5) + COUNTS.value(0, 6, 4) + COUNTS.value(0, 6, 6)) / 4.0,
				p[4], 1e-12);
	}

	@Test
	void badParametersAndRingsOffTheDetectorAreRejected() {
		assertTrue(assertThrows(UdfException.class, () -> RadialProfileUdf.mean(1, 1, 0, 5)).getMessage().contains("'dr'"));
		assertTrue(assertThrows(UdfException.class, () -> RadialProfileUdf.sum(1, 1, 1, -5)).getMessage()
				.contains("'rmax'"));
		assertTrue(assertThrows(UdfException.class, () -> RadialProfileUdf.mean(Double.NaN, 1, 1, 5)).getMessage()
				.contains("'cx'"));
		assertTrue(assertThrows(UdfException.class, () -> RadialProfileUdf.mean(1, 1, 1e-9, 5)).getMessage()
				.contains("rings"));
		final UdfException e = assertThrows(UdfException.class,
				() -> new LocalExecutor(1).runAsync(Job.of(COUNTS, RadialProfileUdf.mean(100, 5, 1, 20)), null));
		assertTrue(e.getMessage().contains("RadialProfileUdf") && e.getMessage().contains("13 × 11 detector"),
				e.getMessage());
	}

	private static void check(final EngineRuns run, final RadialProfileUdf radial, final Roi roi) {
		final Results r = run.run(COUNTS, roi, radial).get(radial);
		final int bins = (int) Math.ceil(radial.rmax() / radial.dr());
		final long[] pixels = new long[bins];
		final int frames = (int) COUNTS.meta().frameCount();
		final double[] expected = new double[frames * bins];
		for (int f = 0; f < frames; f++) {
			if (roi != null && !roi.contains(f)) {
				java.util.Arrays.fill(expected, f * bins, (f + 1) * bins, Double.NaN);
				continue;
			}
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++) {
					final double d = Math.hypot(x - radial.cx(), y - radial.cy());
					if (d >= radial.rmax())
						continue;
					final int b = Math.min(bins - 1, (int) (d / radial.dr()));
					expected[f * bins + b] += COUNTS.value(f, y, x);
					if (f == roiFirst(roi))
						pixels[b]++;
				}
		}
		if (radial.isMean())
			for (int f = 0; f < frames; f++)
				for (int b = 0; b < bins; b++)
					expected[f * bins + b] /= pixels[b];
		assertArrayEquals(pixels, r.buffer(RadialProfileUdf.PIXELS).longs());
		assertArrayEquals(expected, r.buffer(RadialProfileUdf.PROFILE).doubles(), 1e-9);
	}

	private static int roiFirst(final Roi roi) {
		return roi == null ? 0 : (int) roi.nextIn(0);
	}
}
