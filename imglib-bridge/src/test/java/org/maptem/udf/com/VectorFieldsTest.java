package org.maptem.udf.com;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class VectorFieldsTest {

	@Test
	void derivativesAreNumpyGradientsWithMissingPositionsLikeEdges() {
		// NumPy's documented example: np.gradient([1, 2, 4, 7, 11, 16]) == [1, 1.5, 2.5, 3.5, 4.5, 5]
		assertArrayEquals(new double[] { 1, 1.5, 2.5, 3.5, 4.5, 5 }, row(new double[] { 1, 2, 4, 7, 11, 16 }));
		final double nan = Double.NaN;
		assertArrayEquals(new double[] { nan, nan, 3, 3.5, 4, nan, nan }, row(new double[] { 1, nan, 4, 7, 11, nan, 3 }));
		assertArrayEquals(new double[] { 0 }, row(new double[] { 5 }));
	}

	@Test
	void divergenceAndCurlOfARotationField() {
		// field (fy, fx) = (x, -y) on a 3 × 4 scan: ∂fy/∂y + ∂fx/∂x = 0, ∂fy/∂x - ∂fx/∂y = 2
		final double[] fy = new double[12];
		final double[] fx = new double[12];
		for (int y = 0; y < 3; y++)
			for (int x = 0; x < 4; x++) {
				fy[y * 4 + x] = x;
				fx[y * 4 + x] = -y;
			}
		final double[] div = new double[12];
		final double[] curl = new double[12];
		VectorFields.divergence(fy, fx, new long[] { 3, 4 }, div);
		VectorFields.curl(fy, fx, new long[] { 3, 4 }, curl);
		assertArrayEquals(new double[12], div);
		final double[] two = new double[12];
		java.util.Arrays.fill(two, 2);
		assertArrayEquals(two, curl);
	}

	private static double[] row(final double[] f) {
		final double[] out = new double[f.length];
		for (int i = 0; i < f.length; i++)
			out[i] = VectorFields.derivative(f, i, i, f.length, 1);
		return out;
	}
}
