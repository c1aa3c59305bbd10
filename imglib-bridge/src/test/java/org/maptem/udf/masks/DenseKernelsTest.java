package org.maptem.udf.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.maptem.frames.Simd;

/**
 * The dense-mask kernels, vector ({@link VectorMaskKernels}) and scalar ({@link MaskKernels}), against a naive double
 * loop: detector widths off the vector length, runs longer than a chunk, tiles of 1 to 9 frames (tails of the
 * 4-frame blocks), row bands, masks covering part of the detector, odd and even mask counts.
 */
class DenseKernelsTest {

	@BeforeAll
	static void vectorKernelsNeedTheVectorModule() {
		// surefire's scalar-kernels run starts the JVM without it
		assumeTrue(Simd.enabled(), "vector kernels are off in this JVM");
	}

	/** height, width, frames, first row and rows of the tile, number of dense masks. */
	static Stream<Arguments> shapes() {
		return Stream.of(
				Arguments.of(13, 11, 7, 0, 13, 3),
				Arguments.of(13, 11, 1, 0, 13, 1),
				Arguments.of(16, 16, 4, 0, 16, 2),
				Arguments.of(37, 29, 9, 5, 17, 5),
				Arguments.of(40, 1500, 5, 3, 2, 4),
				Arguments.of(64, 64, 6, 0, 64, 16),
				Arguments.of(9, 200, 3, 8, 1, 1));
	}

	/**
	 * Dense masks on an {@code h × w} detector: full-frame weights, one covering rows 2.. and columns 1..w-2 only,
	 * one with zero columns inside each row, so rows differ in their covered columns.
	 */
	static MaskRaster[] masks(final int h, final int w, final int n, final Random r, final boolean quarters) {
		final MaskRaster[] out = new MaskRaster[n];
		for (int m = 0; m < n; m++) {
			final float[] wt = new float[h * w];
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					final boolean covered = switch (m % 3) {
					case 0 -> true;
					case 1 -> y >= 2 && x >= 1 && x < w - 1;
					default -> (x + y) % 3 != 0;
					};
					if (covered)
						wt[y * w + x] = quarters ? (r.nextInt(9) - 4) / 4f : (float) (r.nextGaussian() + 0.1);
				}
			out[m] = MaskRaster.dense(h, w, wt);
		}
		return out;
	}

	static float[] tile(final int frames, final int rows, final int w, final Random r, final boolean counts) {
		final float[] t = new float[frames * rows * w + 3];
		for (int i = 0; i < t.length; i++)
			t[i] = counts ? r.nextInt(300) : (float) (r.nextGaussian() * 3 + 50);
		return t;
	}

	/** out[i * n + m]: frame i of the tile times mask m over the tile's rows, in double. */
	static double[] naive(final float[] t, final int frames, final int rowStart, final int rows, final int w,
			final MaskRaster[] masks) {
		final int n = masks.length;
		final double[] out = new double[frames * n];
		for (int m = 0; m < n; m++) {
			final float[] wt = masks[m].toDense();
			for (int i = 0; i < frames; i++)
				for (int y = 0; y < rows; y++)
					for (int x = 0; x < w; x++)
						out[i * n + m] += (double) t[i * rows * w + y * w + x] * wt[(rowStart + y) * w + x];
		}
		return out;
	}

	private static double[] scalar(final float[] t, final int frames, final int rowStart, final int rows, final int w,
			final MaskRaster[] masks) {
		final int n = masks.length;
		final double[] out = new double[frames * n];
		int d = 0;
		for (; d + 2 <= n; d += 2)
			MaskKernels.densePair(t, frames, rowStart, rows, w, masks[d], masks[d + 1], out, d, d + 1, n);
		if (d < n)
			MaskKernels.dense(t, frames, rowStart, rows, w, masks[d], out, d, n);
		return out;
	}

	static double[] vector(final float[] t, final int frames, final int rowStart, final int rows, final int w,
			final MaskRaster[] masks) {
		final double[] out = new double[frames * masks.length];
		VectorMaskKernels.dense(t, frames, rowStart, rows, w, new MaskSet(masks), out, 0, masks.length);
		return out;
	}

	@ParameterizedTest(name = "{0}×{1}, {2} frames, rows {3}+{4}, {5} masks")
	@MethodSource("shapes")
	void countsTimesQuarterWeightsAreExactInBothKernels(final int h, final int w, final int frames, final int rowStart,
			final int rows, final int n) {
		final Random r = new Random(h * 31 + w);
		final MaskRaster[] masks = masks(h, w, n, r, true);
		final float[] t = tile(frames, rows, w, r, true);
		final double[] want = naive(t, frames, rowStart, rows, w, masks);
		assertExact(want, scalar(t, frames, rowStart, rows, w, masks), "scalar");
		assertExact(want, vector(t, frames, rowStart, rows, w, masks), "vector");
	}

	@ParameterizedTest(name = "{0}×{1}, {2} frames, rows {3}+{4}, {5} masks")
	@MethodSource("shapes")
	void fractionalDataMatchWithinFloatPrecision(final int h, final int w, final int frames, final int rowStart,
			final int rows, final int n) {
		final Random r = new Random(h * 37 + w);
		final MaskRaster[] masks = masks(h, w, n, r, false);
		final float[] t = tile(frames, rows, w, r, false);
		final double[] want = naive(t, frames, rowStart, rows, w, masks);
		// the error of float runs of at most a chunk, relative to the sum of the magnitudes
		final double[] scale = naiveAbs(t, frames, rowStart, rows, w, masks);
		final double[] s = scalar(t, frames, rowStart, rows, w, masks);
		final double[] v = vector(t, frames, rowStart, rows, w, masks);
		for (int i = 0; i < want.length; i++) {
			assertEquals(want[i], s[i], 1e-6 * scale[i] + 1e-9, "scalar, value " + i);
			assertEquals(want[i], v[i], 1e-6 * scale[i] + 1e-9, "vector, value " + i);
		}
	}

	/** Every mask count 1..17 with tile frame counts around the 4-frame block: all mask groups and frame tails. */
	static Stream<Arguments> maskAndFrameCounts() {
		final List<Arguments> out = new ArrayList<>();
		for (int n = 1; n <= 17; n++)
			for (final int frames : new int[] { 1, 3, 4, 6, 9 })
				out.add(Arguments.of(n, frames));
		return out.stream();
	}

	@ParameterizedTest(name = "{0} masks, {1} frames")
	@MethodSource("maskAndFrameCounts")
	void everyMaskCountAndFrameTailIsExactInTheVectorKernel(final int n, final int frames) {
		// 21 × 19: rows of 19 and partly covered rows of 17 or fewer pixels, a row band of 9 rows from row 3
		final int h = 21;
		final int w = 19;
		final Random r = new Random(n * 101 + frames);
		final MaskRaster[] masks = masks(h, w, n, r, true);
		final float[] t = tile(frames, 9, w, r, true);
		assertExact(naive(t, frames, 3, 9, w, masks), vector(t, frames, 3, 9, w, masks), "vector");
		assertExact(naive(t, frames, 3, 9, w, masks), scalar(t, frames, 3, 9, w, masks), "scalar");
	}

	@ParameterizedTest(name = "{0} masks")
	@ValueSource(ints = { 1, 2, 3, 5, 7 })
	void runsShorterThanAVectorAreSummedWhole(final int n) {
		// every mask covers columns 1..3 of a 5-pixel-wide detector: runs of 3 pixels, one per row, none whole
		final int h = 6;
		final int w = 5;
		final Random r = new Random(n);
		final MaskRaster[] masks = shortRunMasks(n, h, w, r);
		for (final int frames : new int[] { 2, 4, 5 }) {
			final float[] t = tile(frames, h, w, r, true);
			assertExact(naive(t, frames, 0, h, w, masks), vector(t, frames, 0, h, w, masks), "vector, " + frames + " frames");
		}
	}

	@Test
	void countsBelowTwoToTheSixteenSumExactlyOverManyChunks() {
		// 65535 counts with weight 1 over 3 chunks of pixels: every float lane's partial sum stays below 2^24
		final int w = 3 * VectorMaskKernels.CHUNK + 5;
		final float[] ones = new float[w];
		java.util.Arrays.fill(ones, 1);
		final MaskRaster[] masks = { MaskRaster.dense(1, w, ones), MaskRaster.dense(1, w, ones),
				MaskRaster.dense(1, w, ones) };
		final float[] t = new float[5 * w];
		java.util.Arrays.fill(t, 65535);
		final double[] got = vector(t, 5, 0, 1, w, masks);
		for (int i = 0; i < got.length; i++)
			assertEquals(65535.0 * w, got[i], 0, "value " + i);
	}

	@Test
	void resultsGoToEachMasksPlaceAmongOtherMasks() {
		// dense masks at result indices 1 and 3 of 4, the others left to the segment kernel: only theirs are written
		final int h = 9;
		final int w = 10;
		final Random r = new Random(3);
		final MaskRaster[] dense = masks(h, w, 2, r, true);
		final MaskRaster disk = Masks.disk(4, 4, 2).rasterize(h, w);
		final MaskSet set = new MaskSet(new MaskRaster[] { disk, dense[0], disk, dense[1] });
		final float[] t = tile(3, h, w, r, true);
		final double[] out = new double[2 + 3 * 4];
		VectorMaskKernels.dense(t, 3, 0, h, w, set, out, 2, 4);
		final double[] want = naive(t, 3, 0, h, w, dense);
		for (int i = 0; i < 3; i++) {
			assertEquals(0, out[2 + i * 4]);
			assertEquals(want[i * 2], out[2 + i * 4 + 1]);
			assertEquals(0, out[2 + i * 4 + 2]);
			assertEquals(want[i * 2 + 1], out[2 + i * 4 + 3]);
		}
	}

	/** {@code n} dense masks on an {@code h × w} detector covering columns 1 .. w-2 of every row, quarter weights. */
	static MaskRaster[] shortRunMasks(final int n, final int h, final int w, final Random r) {
		final MaskRaster[] masks = new MaskRaster[n];
		for (int m = 0; m < n; m++) {
			final float[] wt = new float[h * w];
			for (int y = 0; y < h; y++)
				for (int x = 1; x < w - 1; x++)
					wt[y * w + x] = (r.nextInt(9) - 4) / 4f + (x == 1 ? 2 : 0);
			masks[m] = MaskRaster.dense(h, w, wt);
		}
		return masks;
	}

	static double[] naiveAbs(final float[] t, final int frames, final int rowStart, final int rows, final int w,
			final MaskRaster[] masks) {
		final float[] abs = t.clone();
		for (int i = 0; i < abs.length; i++)
			abs[i] = Math.abs(abs[i]);
		final List<MaskRaster> absMasks = new ArrayList<>();
		for (final MaskRaster m : masks) {
			final float[] d = m.toDense();
			for (int i = 0; i < d.length; i++)
				d[i] = Math.abs(d[i]);
			absMasks.add(MaskRaster.dense(m.height(), m.width(), d));
		}
		return naive(abs, frames, rowStart, rows, w, absMasks.toArray(new MaskRaster[0]));
	}

	static void assertExact(final double[] want, final double[] got, final String kernel) {
		for (int i = 0; i < want.length; i++)
			assertEquals(want[i], got[i], 0, kernel + ", value " + i);
	}
}
