package org.maptem.udf.com;

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

class CenterOfMassUdfTest {

	private static final int H = 13;
	private static final int W = 11;
	private static final ArrayDataset COUNTS = ArrayDataset.counts(new long[] { 6, 7 }, H, W, 300, 6, DType.FLOAT32);

	static Stream<EngineRuns> runs() {
		return EngineRuns.all();
	}

	@ParameterizedTest
	@MethodSource("runs")
	void shiftsInDiskMatchNaiveCentreOfMass(final EngineRuns run) {
		check(run, CenterOfMassUdf.inDisk(4.5, 6.25, 4), null);
	}

	@ParameterizedTest
	@MethodSource("runs")
	void shiftsOfWholeFramesWithRoiMatchNaiveCentreOfMass(final EngineRuns run) {
		check(run, CenterOfMassUdf.wholeFrame(5, 6), EngineRuns.randomRoi(COUNTS, 13));
	}

	@Test
	void aSingleBrightPixelGivesItsOffsetAndAnEmptyFrameGivesZero() {
		final int frames = 12;
		final float[] v = new float[frames * H * W];
		final int[] xs = new int[frames];
		final int[] ys = new int[frames];
		for (int f = 0; f < frames - 1; f++) {
			xs[f] = 2 + f % 7;
			ys[f] = 3 + f % 5;
			v[f * H * W + ys[f] * W + xs[f]] = 5 + f;
			// far outside the disk: must not count
			v[f * H * W + 12 * W + 10] = 1000;
		}
		final ArrayDataset d = ArrayDataset.of(new long[] { 3, 4 }, H, W, v, DType.FLOAT32);
		final CenterOfMassUdf com = CenterOfMassUdf.inDisk(5, 5.5, 5);
		final Results r = new EngineRuns(5, null, 2).run(d, null, com).get(com);
		for (int f = 0; f < frames - 1; f++) {
			assertEquals(xs[f] - 5, r.buffer(CenterOfMassUdf.SHIFT_X).doubles()[f], 1e-12, "frame " + f);
			assertEquals(ys[f] - 5.5, r.buffer(CenterOfMassUdf.SHIFT_Y).doubles()[f], 1e-12, "frame " + f);
			assertEquals(Math.hypot(xs[f] - 5, ys[f] - 5.5), r.buffer(CenterOfMassUdf.MAGNITUDE).doubles()[f], 1e-12);
		}
		assertEquals(0, r.buffer(CenterOfMassUdf.SHIFT_X).doubles()[frames - 1]);
		assertEquals(0, r.buffer(CenterOfMassUdf.SHIFT_Y).doubles()[frames - 1]);
		assertEquals(0, r.buffer(CenterOfMassUdf.INTENSITY).doubles()[frames - 1]);
	}

	@Test
	void diskOutsideTheDetectorIsRejectedBeforeRunning() {
		final UdfException e = assertThrows(UdfException.class,
				() -> new LocalExecutor(1).runAsync(Job.of(COUNTS, CenterOfMassUdf.inDisk(-20, 4, 3)), null));
		assertTrue(e.getMessage().contains("CenterOfMassUdf") && e.getMessage().contains("13 × 11 detector"),
				e.getMessage());
	}

	@Test
	void badParametersAreRejectedNamingThem() {
		assertTrue(assertThrows(UdfException.class, () -> CenterOfMassUdf.inDisk(1, 1, -2)).getMessage().contains("'r'"));
		assertTrue(assertThrows(UdfException.class, () -> CenterOfMassUdf.wholeFrame(Double.NaN, 1)).getMessage()
				.contains("'cx'"));
		assertTrue(assertThrows(UdfException.class, () -> CenterOfMassUdf.inDisk(1, 1, Double.POSITIVE_INFINITY))
				.getMessage().contains("wholeFrame"));
	}

	private static void check(final EngineRuns run, final CenterOfMassUdf com, final Roi roi) {
		final Results r = run.run(COUNTS, roi, com).get(com);
		final int frames = (int) COUNTS.meta().frameCount();
		final double[] sx = new double[frames];
		final double[] sy = new double[frames];
		for (int f = 0; f < frames; f++) {
			if (roi != null && !roi.contains(f)) {
				sx[f] = Double.NaN;
				sy[f] = Double.NaN;
				continue;
			}
			double s = 0, mx = 0, my = 0;
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++) {
					final double dx = x - com.cx();
					final double dy = y - com.cy();
					if (dx * dx + dy * dy <= com.r() * com.r()) {
						final double v = COUNTS.value(f, y, x);
						s += v;
						mx += v * x;
						my += v * y;
					}
				}
			sx[f] = s == 0 ? 0 : mx / s - com.cx();
			sy[f] = s == 0 ? 0 : my / s - com.cy();
		}
		assertArrayEquals(sx, r.buffer(CenterOfMassUdf.SHIFT_X).doubles(), 1e-12);
		assertArrayEquals(sy, r.buffer(CenterOfMassUdf.SHIFT_Y).doubles(), 1e-12);
		final double[] mag = r.buffer(CenterOfMassUdf.MAGNITUDE).doubles();
		for (int f = 0; f < frames; f++)
			assertEquals(Math.sqrt(sx[f] * sx[f] + sy[f] * sy[f]), mag[f], 1e-12);
	}
}
