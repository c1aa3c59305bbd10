package org.maptem.udf.com;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maptem.frames.Simd;
import org.maptem.udf.masks.Mask;
import org.maptem.udf.masks.MaskRaster;
import org.maptem.udf.masks.Masks;

/** {@link VectorMoments} against a naive double loop over the region's pixels. */
class VectorMomentsTest {

	@BeforeAll
	static void vectorKernelsNeedTheVectorModule() {
		// surefire's scalar-kernels run starts the JVM without it
		assumeTrue(Simd.enabled(), "vector kernels are off in this JVM");
	}

	/** height, width, frames, first row and rows of the tile, region. */
	static Stream<Arguments> cases() {
		return Stream.of(
				Arguments.of(13, 11, 5, 0, 13, Masks.disk(5, 6, 4)),
				Arguments.of(37, 29, 4, 3, 20, Masks.ring(14, 18, 5, 13)),
				Arguments.of(64, 64, 3, 0, 64, Masks.rect(0, 0, 64, 64)),
				Arguments.of(20, 300, 7, 2, 9, Masks.rect(3, 0, 290, 20)),
				Arguments.of(9, 8, 1, 4, 1, Masks.rect(0, 0, 8, 9)));
	}

	@ParameterizedTest(name = "{0}×{1}, {2} frames, rows {3}+{4}, {5}")
	@MethodSource("cases")
	void momentsMatchNaiveSumsOverTheRegion(final int h, final int w, final int frames, final int rowStart,
			final int rows, final Mask mask) {
		final MaskRaster region = mask.rasterize(h, w);
		final float[] columns = new float[w];
		for (int x = 0; x < w; x++)
			columns[x] = x;
		for (final boolean counts : new boolean[] { true, false }) {
			final Random r = new Random(h * 7L + w);
			final float[] t = new float[frames * rows * w];
			for (int i = 0; i < t.length; i++)
				t[i] = counts ? r.nextInt(200) : (float) (r.nextGaussian() * 2 + 10);
			final double[] sum = new double[frames + 2];
			final double[] mx = new double[frames + 2];
			final double[] my = new double[frames + 2];
			VectorMoments.add(t, frames, rowStart, rows, w, region, columns, sum, mx, my, 1);
			for (int f = 0; f < frames; f++) {
				double s = 0, sx = 0, sy = 0, abs = 0;
				for (int y = rowStart; y < rowStart + rows; y++)
					for (int x = 0; x < w; x++)
						if (region.weight(x, y) != 0) {
							final double v = t[f * rows * w + (y - rowStart) * w + x];
							s += v;
							sx += v * x;
							sy += v * y;
							abs += Math.abs(v) * (1 + x + y);
						}
				// counts are exact; other data within float rounding of runs of at most a chunk
				final double tol = counts ? 0 : 1e-6 * abs;
				assertEquals(s, sum[1 + f], tol, "intensity of frame " + f);
				assertEquals(sx, mx[1 + f], tol, "x moment of frame " + f);
				assertEquals(sy, my[1 + f], tol, "y moment of frame " + f);
			}
			assertEquals(0, sum[0]);
			assertEquals(0, sum[frames + 1]);
		}
	}
}
