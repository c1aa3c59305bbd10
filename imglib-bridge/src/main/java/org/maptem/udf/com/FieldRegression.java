package org.maptem.udf.com;

/**
 * Fits and subtracts the background of a shift field over the scan, for {@link CenterOfMassUdf}'s regression.
 *
 * <p>Scan coordinates: with {@code width} the last nav axis, position {@code k} is at row {@code k / width} and column
 * {@code k % width} (a 1D scan is one row; a 3D scan's planes are stacked rows). Positions whose field is NaN (not
 * computed yet, outside the ROI) take no part. The background is {@code [y, x, dy/dy, dx/dy, dy/dx, dx/dx]}:
 * {@code fieldY ≈ m[0] + m[2]·row + m[4]·column}, {@code fieldX ≈ m[1] + m[3]·row + m[5]·column}.
 */
final class FieldRegression {

	private FieldRegression() {
	}

	/**
	 * Writes the background of {@code option} fitted to the finite positions of {@code fy, fx} to {@code out[0..5]}:
	 * zeros for none (or no finite position), the means, or the least-squares plane (ordinary least squares with an
	 * intercept, on centred sums; a direction in which the positions do not vary, such as the rows of a scan whose
	 * first row alone is computed, gets slope 0).
	 */
	static void fit(final CenterOfMassUdf.Regression option, final double[] fy, final double[] fx, final long[] nav,
			final double[] out) {
		java.util.Arrays.fill(out, 0, 6, 0);
		if (option == CenterOfMassUdf.Regression.NONE)
			return;
		final int width = width(nav);
		long n = 0;
		double my = 0, mx = 0, mvy = 0, mvx = 0;
		for (int k = 0; k < fy.length; k++)
			if (valid(fy[k], fx[k])) {
				n++;
				my += k / width;
				mx += k % width;
				mvy += fy[k];
				mvx += fx[k];
			}
		if (n == 0)
			return;
		my /= n;
		mx /= n;
		mvy /= n;
		mvx /= n;
		out[0] = mvy;
		out[1] = mvx;
		if (option == CenterOfMassUdf.Regression.SUBTRACT_MEAN)
			return;
		double syy = 0, sxx = 0, syx = 0, syvy = 0, sxvy = 0, syvx = 0, sxvx = 0;
		for (int k = 0; k < fy.length; k++)
			if (valid(fy[k], fx[k])) {
				final double y = k / width - my;
				final double x = k % width - mx;
				final double vy = fy[k] - mvy;
				final double vx = fx[k] - mvx;
				syy += y * y;
				sxx += x * x;
				syx += y * x;
				syvy += y * vy;
				sxvy += x * vy;
				syvx += y * vx;
				sxvx += x * vx;
			}
		final double det = syy * sxx - syx * syx;
		final double[] slopesY;
		final double[] slopesX;
		if (syy > 0 && sxx > 0 && det > 1e-9 * syy * sxx) {
			slopesY = new double[] { (sxx * syvy - syx * sxvy) / det, (syy * sxvy - syx * syvy) / det };
			slopesX = new double[] { (sxx * syvx - syx * sxvx) / det, (syy * sxvx - syx * syvx) / det };
		} else if (syy >= sxx && syy > 0) {
			// the positions vary along rows only (or along one line): fit that direction alone
			slopesY = new double[] { syvy / syy, 0 };
			slopesX = new double[] { syvx / syy, 0 };
		} else if (sxx > 0) {
			slopesY = new double[] { 0, sxvy / sxx };
			slopesX = new double[] { 0, sxvx / sxx };
		} else
			return;
		out[2] = slopesY[0];
		out[3] = slopesX[0];
		out[4] = slopesY[1];
		out[5] = slopesX[1];
		// the plane passes through the means
		out[0] = mvy - out[2] * my - out[4] * mx;
		out[1] = mvx - out[3] * my - out[5] * mx;
	}

	/** Subtracts background {@code m} from the field at every position (NaN stays NaN). */
	static void subtract(final double[] m, final double[] fy, final double[] fx, final long[] nav) {
		if (m[0] == 0 && m[1] == 0 && m[2] == 0 && m[3] == 0 && m[4] == 0 && m[5] == 0)
			return;
		final int width = width(nav);
		for (int k = 0; k < fy.length; k++) {
			final int row = k / width;
			final int col = k % width;
			fy[k] -= m[0] + m[2] * row + m[4] * col;
			fx[k] -= m[1] + m[3] * row + m[5] * col;
		}
	}

	private static int width(final long[] nav) {
		return (int) Math.max(1, nav[nav.length - 1]);
	}

	private static boolean valid(final double a, final double b) {
		return Double.isFinite(a) && Double.isFinite(b);
	}
}
