package org.maptem.udf.com;

/**
 * Finite differences of a vector field sampled on the scan grid: divergence and curl of the centre-of-mass shifts.
 *
 * <p>Fields are flat in C order of a nav shape whose last axis is scan x and second-to-last scan y (a 1D scan is one
 * row, a 3D scan a stack of independent 2D scans). The derivative along an axis at a position is NumPy's
 * {@code np.gradient} with unit spacing: the central difference {@code (f[i+1] - f[i-1]) / 2} inside, the one-sided
 * difference at the scan edges, and 0 along an axis of extent 1 (where NumPy fails). Positions without a value (NaN:
 * outside the ROI or not computed yet) are treated like the scan edge: a one-sided difference where only one
 * neighbour has a value, NaN where neither has or the position itself has none. Stateless and thread-safe.
 */
final class VectorFields {

	private VectorFields() {
	}

	/** {@code out = ∂fy/∂y + ∂fx/∂x}. */
	static void divergence(final double[] fy, final double[] fx, final long[] navShape, final double[] out) {
		combine(fy, fx, navShape, out, true);
	}

	/** {@code out = ∂fy/∂x - ∂fx/∂y} (the z component of the curl, as LiberTEM's {@code curl_2d}). */
	static void curl(final double[] fy, final double[] fx, final long[] navShape, final double[] out) {
		combine(fy, fx, navShape, out, false);
	}

	private static void combine(final double[] fy, final double[] fx, final long[] navShape, final double[] out,
			final boolean divergence) {
		final int nx = (int) navShape[navShape.length - 1];
		final int ny = navShape.length >= 2 ? (int) navShape[navShape.length - 2] : 1;
		final int plane = nx * ny;
		for (int base = 0; base < out.length; base += plane)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++) {
					final int i = base + y * nx + x;
					out[i] = divergence ? derivative(fy, i, y, ny, nx) + derivative(fx, i, x, nx, 1)
							: derivative(fy, i, x, nx, 1) - derivative(fx, i, y, ny, nx);
				}
	}

	/**
	 * Derivative of {@code f} at flat index {@code i}, which is position {@code k} of {@code n} along an axis whose
	 * neighbours are {@code stride} apart.
	 */
	static double derivative(final double[] f, final int i, final int k, final int n, final int stride) {
		if (Double.isNaN(f[i]))
			return Double.NaN;
		if (n == 1)
			return 0;
		final boolean before = k > 0 && !Double.isNaN(f[i - stride]);
		final boolean after = k < n - 1 && !Double.isNaN(f[i + stride]);
		if (before && after)
			return (f[i + stride] - f[i - stride]) / 2;
		if (after)
			return f[i + stride] - f[i];
		if (before)
			return f[i] - f[i - stride];
		return Double.NaN;
	}
}
