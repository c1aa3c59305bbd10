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
import org.maptem.dataset.TilePlan;
import org.maptem.exec.Job;
import org.maptem.exec.JobResults;
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

	@ParameterizedTest
	@MethodSource("runs")
	void ringWithRotationFlipAndRoiMatchesNaiveFieldDivergenceAndCurl(final EngineRuns run) {
		check(run, CenterOfMassUdf.inRing(5.5, 6, 1.5, 5).withScanRotation(33).withFlipY(true),
				EngineRuns.randomRoi(COUNTS, 14));
	}

	@ParameterizedTest
	@MethodSource("runs")
	void rotatedDiskWithoutRoiMatchesNaiveFieldDivergenceAndCurl(final EngineRuns run) {
		check(run, CenterOfMassUdf.inDisk(4, 7, 5).withScanRotation(-71.5), null);
	}

	@Test
	void ringToInfinityTakesEveryPixelBeyondTheInnerRadius() {
		check(new EngineRuns(5, new TilePlan(2, 3), 2), CenterOfMassUdf.inRing(5, 6, 2, Double.POSITIVE_INFINITY), null);
	}

	@Test
	void linearShiftFieldsHaveTheirAnalyticDivergenceAndCurl() {
		// a bright pixel at (5 + ix - 2, 6 + iy - 2) in scan position (iy, ix): shift (dx, dy) = (ix - 2, iy - 2)
		final int ny = 5;
		final int nx = 6;
		final float[] v = new float[ny * nx * H * W];
		for (int iy = 0; iy < ny; iy++)
			for (int ix = 0; ix < nx; ix++)
				v[(iy * nx + ix) * H * W + (6 + iy - 2) * W + 5 + ix - 2] = 7;
		final ArrayDataset d = ArrayDataset.of(new long[] { ny, nx }, H, W, v, DType.FLOAT32);
		final CenterOfMassUdf plain = CenterOfMassUdf.wholeFrame(5, 6);
		final CenterOfMassUdf quarter = plain.withScanRotation(90);
		final CenterOfMassUdf flipped = plain.withFlipY(true);
		final JobResults r = new EngineRuns(4, new TilePlan(3, 5), 2).run(d, null, plain, quarter, flipped);
		for (int f = 0; f < ny * nx; f++) {
			final int ix = f % nx;
			final int iy = f / nx;
			// no correction: field = (dx, dy), divergence 1 + 1, curl 0
			assertField(r.get(plain), f, ix - 2, iy - 2, 2, 0);
			// 90°: fieldY = dx, fieldX = -dy, divergence 0, curl ∂dx/∂x + ∂dy/∂y = 2
			assertField(r.get(quarter), f, -(iy - 2), ix - 2, 0, 2);
			// flipped y: field = (dx, -dy), divergence 1 - 1, curl 0
			assertField(r.get(flipped), f, ix - 2, -(iy - 2), 0, 0);
		}
	}

	@Test
	void linearRegressionRemovesALinearFieldAndReportsItsPlane() {
		final ArrayDataset d = linearField(5, 6);
		final CenterOfMassUdf linear = CenterOfMassUdf.wholeFrame(5, 6).withRegression(CenterOfMassUdf.Regression.SUBTRACT_LINEAR);
		final CenterOfMassUdf mean = CenterOfMassUdf.wholeFrame(5, 6).withRegression(CenterOfMassUdf.Regression.SUBTRACT_MEAN);
		final JobResults r = new EngineRuns(4, new TilePlan(3, 5), 2).run(d, null, linear, mean);
		// the field is (dy, dx) = (row - 2, column - 2): the plane [[y, x], [dy/dy, dx/dy], [dy/dx, dx/dx]]
		assertArrayEquals(new double[] { -2, -2, 1, 0, 0, 1 }, r.get(linear).buffer(CenterOfMassUdf.REGRESSION).doubles(),
				1e-12);
		// means over 5 rows and 6 columns: row 2, column 2.5
		assertArrayEquals(new double[] { 0, 0.5, 0, 0, 0, 0 }, r.get(mean).buffer(CenterOfMassUdf.REGRESSION).doubles(),
				1e-12);
		for (int f = 0; f < 30; f++) {
			assertField(r.get(linear), f, 0, 0, 0, 0);
			assertField(r.get(mean), f, f % 6 - 2.5, f / 6 - 2, 2, 0);
			// the raw shifts are left as they are
			assertEquals(f % 6 - 2, r.get(linear).buffer(CenterOfMassUdf.SHIFT_X).doubles()[f], 1e-12);
		}
	}

	@Test
	void linearRegressionWithRoiIsTheLeastSquaresPlaneOfTheComputedPositions() {
		final Roi roi = EngineRuns.randomRoi(COUNTS, 21);
		final CenterOfMassUdf com = CenterOfMassUdf.inDisk(4.5, 6.25, 4).withScanRotation(17)
				.withRegression(CenterOfMassUdf.Regression.SUBTRACT_LINEAR);
		final Results r = new EngineRuns(5, new TilePlan(2, 13), 2).run(COUNTS, roi, com).get(com);
		final double[][] field = naiveField(COUNTS, com, roi);
		final double[] plane = new double[6];
		for (int c = 0; c < 2; c++) {
			final double[] abc = leastSquaresPlane(field[c], 7);
			plane[c] = abc[0];
			plane[2 + c] = abc[1];
			plane[4 + c] = abc[2];
		}
		assertArrayEquals(plane, r.buffer(CenterOfMassUdf.REGRESSION).doubles(), 1e-9);
		final double[] fy = r.buffer(CenterOfMassUdf.FIELD_Y).doubles();
		for (int k = 0; k < fy.length; k++)
			if (Double.isNaN(field[0][k]))
				assertTrue(Double.isNaN(fy[k]), "outside the ROI: " + k);
			else
				assertEquals(field[0][k] - plane[0] - plane[2] * (k / 7) - plane[4] * (k % 7), fy[k], 1e-9, "position " + k);
	}

	@Test
	void aGivenBackgroundIsSubtractedAsItIs() {
		final ArrayDataset d = linearField(5, 6);
		final double[] m = { 0.5, -1, 0.25, 0, 0, -0.5 };
		final CenterOfMassUdf com = CenterOfMassUdf.wholeFrame(5, 6).withRegression(m);
		final Results r = new EngineRuns(4, null, 2).run(d, null, com).get(com);
		assertArrayEquals(m, r.buffer(CenterOfMassUdf.REGRESSION).doubles());
		for (int f = 0; f < 30; f++) {
			final int row = f / 6;
			final int col = f % 6;
			assertEquals(row - 2 - (0.5 + 0.25 * row), r.buffer(CenterOfMassUdf.FIELD_Y).doubles()[f], 1e-12);
			assertEquals(col - 2 - (-1 - 0.5 * col), r.buffer(CenterOfMassUdf.FIELD_X).doubles()[f], 1e-12);
		}
		assertTrue(assertThrows(UdfException.class, () -> com.withRegression(1, 2, 3)).getMessage()
				.contains("'regression'"));
		assertTrue(assertThrows(UdfException.class, () -> com.withRegression(1, 2, 3, 4, 5, Double.NaN)).getMessage()
				.contains("'regression'"));
	}

	/** A bright pixel at (5 + ix - 2, 6 + iy - 2) in scan position (iy, ix): shift (dx, dy) = (ix - 2, iy - 2). */
	private static ArrayDataset linearField(final int ny, final int nx) {
		final float[] v = new float[ny * nx * H * W];
		for (int iy = 0; iy < ny; iy++)
			for (int ix = 0; ix < nx; ix++)
				v[(iy * nx + ix) * H * W + (6 + iy - 2) * W + 5 + ix - 2] = 7;
		return ArrayDataset.of(new long[] { ny, nx }, H, W, v, DType.FLOAT32);
	}

	/** {@code [a, b, c]} minimising Σ (v - a - b·row - c·column)² over the finite values: normal equations, Cramer. */
	private static double[] leastSquaresPlane(final double[] v, final int width) {
		final double[][] n = new double[3][3];
		final double[] t = new double[3];
		for (int k = 0; k < v.length; k++) {
			if (Double.isNaN(v[k]))
				continue;
			final double[] u = { 1, k / width, k % width };
			for (int i = 0; i < 3; i++) {
				t[i] += u[i] * v[k];
				for (int j = 0; j < 3; j++)
					n[i][j] += u[i] * u[j];
			}
		}
		final double det = det3(n);
		final double[] out = new double[3];
		for (int c = 0; c < 3; c++) {
			final double[][] m = { n[0].clone(), n[1].clone(), n[2].clone() };
			for (int i = 0; i < 3; i++)
				m[i][c] = t[i];
			out[c] = det3(m) / det;
		}
		return out;
	}

	private static double det3(final double[][] m) {
		return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
				+ m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
	}

	@Test
	void oneAndThreeDimensionalScansDifferentiateAlongTheirRowsAndPlanes() {
		final ArrayDataset line = ArrayDataset.counts(new long[] { 9 }, H, W, 50, 3, DType.UINT16);
		final ArrayDataset stack = ArrayDataset.counts(new long[] { 2, 3, 4 }, H, W, 50, 4, DType.UINT16);
		for (final ArrayDataset d : new ArrayDataset[] { line, stack }) {
			final CenterOfMassUdf com = CenterOfMassUdf.inDisk(5, 6, 4).withScanRotation(20);
			final Results r = new EngineRuns(5, null, 2).run(d, null, com).get(com);
			final long[] nav = d.meta().navShape();
			final int nx = (int) nav[nav.length - 1];
			final int ny = nav.length > 1 ? (int) nav[nav.length - 2] : 1;
			final double[][] field = naiveField(d, com, null);
			final double[] div = new double[field[0].length];
			final double[] curl = new double[div.length];
			for (int base = 0; base < div.length; base += nx * ny)
				for (int y = 0; y < ny; y++)
					for (int x = 0; x < nx; x++) {
						final int i = base + y * nx + x;
						div[i] = gradient(field[0], base, ny, nx, y, x, true) + gradient(field[1], base, ny, nx, y, x, false);
						curl[i] = gradient(field[0], base, ny, nx, y, x, false) - gradient(field[1], base, ny, nx, y, x, true);
					}
			assertArrayEquals(div, r.buffer(CenterOfMassUdf.DIVERGENCE).doubles(), 1e-9);
			assertArrayEquals(curl, r.buffer(CenterOfMassUdf.CURL).doubles(), 1e-9);
		}
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
		assertTrue(assertThrows(UdfException.class, () -> CenterOfMassUdf.inRing(1, 1, 3, 3)).getMessage().contains("'r'"));
		assertTrue(assertThrows(UdfException.class, () -> CenterOfMassUdf.inRing(1, 1, -1, 3)).getMessage()
				.contains("'ri'"));
		assertTrue(assertThrows(UdfException.class, () -> CenterOfMassUdf.wholeFrame(1, 1).withScanRotation(Double.NaN))
				.getMessage().contains("'scan_rotation'"));
	}

	private static void assertField(final Results r, final int f, final double fx, final double fy, final double div,
			final double curl) {
		assertEquals(fx, r.buffer(CenterOfMassUdf.FIELD_X).doubles()[f], 1e-12, "fieldX of frame " + f);
		assertEquals(fy, r.buffer(CenterOfMassUdf.FIELD_Y).doubles()[f], 1e-12, "fieldY of frame " + f);
		assertEquals(Math.hypot(fx, fy), r.buffer(CenterOfMassUdf.MAGNITUDE).doubles()[f], 1e-12);
		assertEquals(div, r.buffer(CenterOfMassUdf.DIVERGENCE).doubles()[f], 1e-12, "divergence of frame " + f);
		assertEquals(curl, r.buffer(CenterOfMassUdf.CURL).doubles()[f], 1e-12, "curl of frame " + f);
	}

	private static void check(final EngineRuns run, final CenterOfMassUdf com, final Roi roi) {
		final Results r = run.run(COUNTS, roi, com).get(com);
		final double[][] shifts = naiveShifts(COUNTS, com, roi);
		assertArrayEquals(shifts[0], r.buffer(CenterOfMassUdf.SHIFT_X).doubles(), 1e-12);
		assertArrayEquals(shifts[1], r.buffer(CenterOfMassUdf.SHIFT_Y).doubles(), 1e-12);
		final double[][] field = naiveField(COUNTS, com, roi);
		assertArrayEquals(field[1], r.buffer(CenterOfMassUdf.FIELD_X).doubles(), 1e-12);
		assertArrayEquals(field[0], r.buffer(CenterOfMassUdf.FIELD_Y).doubles(), 1e-12);
		final int frames = field[0].length;
		final double[] mag = r.buffer(CenterOfMassUdf.MAGNITUDE).doubles();
		for (int f = 0; f < frames; f++)
			assertEquals(Math.sqrt(shifts[0][f] * shifts[0][f] + shifts[1][f] * shifts[1][f]), mag[f], 1e-12);
		// np.gradient over the 6 × 7 scan; positions outside the ROI are missing, like positions past the edge
		final double[] div = new double[frames];
		final double[] curl = new double[frames];
		for (int y = 0; y < 6; y++)
			for (int x = 0; x < 7; x++) {
				div[y * 7 + x] = gradient(field[0], 0, 6, 7, y, x, true) + gradient(field[1], 0, 6, 7, y, x, false);
				curl[y * 7 + x] = gradient(field[0], 0, 6, 7, y, x, false) - gradient(field[1], 0, 6, 7, y, x, true);
			}
		assertArrayEquals(div, r.buffer(CenterOfMassUdf.DIVERGENCE).doubles(), 1e-9);
		assertArrayEquals(curl, r.buffer(CenterOfMassUdf.CURL).doubles(), 1e-9);
	}

	/** Shifts {x, y} of every frame from a naive loop over the region's pixels; NaN outside the ROI. */
	private static double[][] naiveShifts(final ArrayDataset d, final CenterOfMassUdf com, final Roi roi) {
		final int frames = (int) d.meta().frameCount();
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
					final double d2 = dx * dx + dy * dy;
					if (d2 <= com.r() * com.r() && (com.ri() == 0 || d2 > com.ri() * com.ri())) {
						final double v = d.value(f, y, x);
						s += v;
						mx += v * x;
						my += v * y;
					}
				}
			sx[f] = s == 0 ? 0 : mx / s - com.cx();
			sy[f] = s == 0 ? 0 : my / s - com.cy();
		}
		return new double[][] { sx, sy };
	}

	/** The field {y, x}: LiberTEM's rotate_deg(θ) @ flip_y applied to the naive (dy, dx). */
	private static double[][] naiveField(final ArrayDataset d, final CenterOfMassUdf com, final Roi roi) {
		final double[][] s = naiveShifts(d, com, roi);
		final double t = com.scanRotation() * Math.PI / 180;
		final double[][] rotate = { { Math.cos(t), Math.sin(t) }, { -Math.sin(t), Math.cos(t) } };
		final double[][] flip = com.flipY() ? new double[][] { { -1, 0 }, { 0, 1 } } : new double[][] { { 1, 0 }, { 0, 1 } };
		final double[][] m = new double[2][2];
		for (int i = 0; i < 2; i++)
			for (int j = 0; j < 2; j++)
				m[i][j] = rotate[i][0] * flip[0][j] + rotate[i][1] * flip[1][j];
		final double[] fy = new double[s[0].length];
		final double[] fx = new double[s[0].length];
		for (int f = 0; f < fy.length; f++) {
			fy[f] = m[0][0] * s[1][f] + m[0][1] * s[0][f];
			fx[f] = m[1][0] * s[1][f] + m[1][1] * s[0][f];
		}
		return new double[][] { fy, fx };
	}

	/**
	 * np.gradient of the ny × nx plane at {@code base}, at (y, x), along y or x: central inside, one-sided at the
	 * edges and next to missing (NaN) positions, NaN with no neighbour, 0 along an axis of extent 1.
	 */
	private static double gradient(final double[] f, final int base, final int ny, final int nx, final int y, final int x,
			final boolean alongY) {
		final int n = alongY ? ny : nx;
		final int k = alongY ? y : x;
		final java.util.function.IntToDoubleFunction at = j -> alongY ? f[base + j * nx + x] : f[base + y * nx + j];
		if (Double.isNaN(at.applyAsDouble(k)))
			return Double.NaN;
		if (n == 1)
			return 0;
		final boolean lo = k > 0 && !Double.isNaN(at.applyAsDouble(k - 1));
		final boolean hi = k < n - 1 && !Double.isNaN(at.applyAsDouble(k + 1));
		if (lo && hi)
			return (at.applyAsDouble(k + 1) - at.applyAsDouble(k - 1)) / 2;
		if (hi)
			return at.applyAsDouble(k + 1) - at.applyAsDouble(k);
		if (lo)
			return at.applyAsDouble(k) - at.applyAsDouble(k - 1);
		return Double.NaN;
	}
}
