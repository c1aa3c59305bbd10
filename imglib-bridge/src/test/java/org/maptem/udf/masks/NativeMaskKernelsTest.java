package org.maptem.udf.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

/**
 * The native dense-mask kernel ({@link NativeMaskKernels}) against a naive double loop: exact for counts times quarter
 * weights, within float rounding otherwise, over the shapes of {@link DenseKernelsTest}, every mask count 1-17 (every
 * grouping into blocks of up to four masks), every tail of its 3-frame blocks and runs shorter than a vector.
 */
class NativeMaskKernelsTest {

	@BeforeAll
	static void nativeKernelLoaded() {
		assumeTrue(NativeMaskKernels.available(), NativeMaskKernels.status());
	}

	private static double[] nativeKernel(final float[] t, final int frames, final int rowStart, final int rows,
			final int w, final MaskRaster[] masks) {
		final double[] out = new double[frames * masks.length];
		NativeMaskKernels.dense(t, frames, rowStart, rows, w, new MaskSet(masks), out, 0, masks.length);
		return out;
	}

	@ParameterizedTest(name = "{0}×{1}, {2} frames, rows {3}+{4}, {5} masks")
	@MethodSource("org.maptem.udf.masks.DenseKernelsTest#shapes")
	void countsTimesQuarterWeightsAreExact(final int h, final int w, final int frames, final int rowStart,
			final int rows, final int n) {
		final Random r = new Random(h * 31 + w);
		final MaskRaster[] masks = DenseKernelsTest.masks(h, w, n, r, true);
		final float[] t = DenseKernelsTest.tile(frames, rows, w, r, true);
		DenseKernelsTest.assertExact(DenseKernelsTest.naive(t, frames, rowStart, rows, w, masks),
				nativeKernel(t, frames, rowStart, rows, w, masks), "native");
	}

	/** Every mask count 1..17 (every grouping into blocks of up to 4) with every tail of the 3-frame blocks. */
	static Stream<Arguments> maskAndFrameCounts() {
		final List<Arguments> out = new ArrayList<>();
		for (int n = 1; n <= 17; n++)
			for (final int frames : new int[] { 1, 2, 3, 4, 5, 8, 9 })
				out.add(Arguments.of(n, frames));
		return out.stream();
	}

	@ParameterizedTest(name = "{0} masks, {1} frames")
	@MethodSource("maskAndFrameCounts")
	void everyMaskCountAndFrameTailIsExact(final int n, final int frames) {
		// 3-frame blocks: 1, 4 leave one frame, 2, 5 and 8 two, 3 and 9 none; 1-17 masks: every grouping
		final Random r = new Random(n * 101 + frames);
		final MaskRaster[] masks = DenseKernelsTest.masks(21, 19, n, r, true);
		final float[] t = DenseKernelsTest.tile(frames, 9, 19, r, true);
		DenseKernelsTest.assertExact(DenseKernelsTest.naive(t, frames, 3, 9, 19, masks),
				nativeKernel(t, frames, 3, 9, 19, masks), "native");
	}

	@ParameterizedTest(name = "{0} masks, {1} frames")
	@MethodSource("maskAndFrameCounts")
	void fractionalDataMatchWithinFloatPrecision(final int n, final int frames) {
		final int h = 21;
		final int w = 19 + 3 * VectorMaskKernels.CHUNK / 21; // runs of whole rows longer than a chunk
		final Random r = new Random(n * 7 + frames);
		final MaskRaster[] masks = DenseKernelsTest.masks(h, w, n, r, false);
		final float[] t = DenseKernelsTest.tile(frames, 9, w, r, false);
		final double[] want = DenseKernelsTest.naive(t, frames, 3, 9, w, masks);
		final double[] scale = DenseKernelsTest.naiveAbs(t, frames, 3, 9, w, masks);
		final double[] got = nativeKernel(t, frames, 3, 9, w, masks);
		for (int i = 0; i < want.length; i++)
			assertEquals(want[i], got[i], 1e-6 * scale[i] + 1e-9, "value " + i);
	}

	@Test
	void countsBelowTwoToTheSixteenSumExactlyOverManyChunks() {
		// 65535 counts with weight 1 over 3 chunks of pixels: every float lane's partial sum stays below 2^24
		final int w = 3 * VectorMaskKernels.CHUNK + 5;
		final float[] ones = new float[w];
		java.util.Arrays.fill(ones, 1);
		final MaskRaster[] masks = new MaskRaster[5];
		java.util.Arrays.fill(masks, MaskRaster.dense(1, w, ones));
		final float[] t = new float[7 * w];
		java.util.Arrays.fill(t, 65535);
		final double[] got = nativeKernel(t, 7, 0, 1, w, masks);
		for (int i = 0; i < got.length; i++)
			assertEquals(65535.0 * w, got[i], 0, "value " + i);
	}

	@ParameterizedTest(name = "{0} masks")
	@ValueSource(ints = { 1, 2, 3, 4, 5, 7 })
	void runsShorterThanAVectorAreSummedWhole(final int n) {
		// a detector 5 pixels wide, every mask covering columns 1..3: runs of 3 pixels, all tail, none a whole vector
		final int h = 6;
		final int w = 5;
		final Random r = new Random(n);
		final MaskRaster[] masks = DenseKernelsTest.shortRunMasks(n, h, w, r);
		for (final int frames : new int[] { 1, 2, 3, 7 }) {
			final float[] t = DenseKernelsTest.tile(frames, h, w, r, true);
			DenseKernelsTest.assertExact(DenseKernelsTest.naive(t, frames, 0, h, w, masks),
					nativeKernel(t, frames, 0, h, w, masks), "native, " + frames + " frames");
		}
	}

	@Test
	void moreMasksThanOneNativeCallTakesAreAllApplied() {
		// 70 masks: two calls of 64 and 6 masks
		final Random r = new Random(70);
		final MaskRaster[] masks = DenseKernelsTest.masks(12, 20, 70, r, true);
		final float[] t = DenseKernelsTest.tile(5, 12, 20, r, true);
		DenseKernelsTest.assertExact(DenseKernelsTest.naive(t, 5, 0, 12, 20, masks), nativeKernel(t, 5, 0, 12, 20, masks),
				"native");
	}

	@Test
	void resultsGoToEachMasksPlaceAmongOtherMasks() {
		final int h = 9;
		final int w = 10;
		final Random r = new Random(3);
		final MaskRaster[] dense = DenseKernelsTest.masks(h, w, 2, r, true);
		final MaskRaster disk = Masks.disk(4, 4, 2).rasterize(h, w);
		final MaskSet set = new MaskSet(new MaskRaster[] { disk, dense[0], disk, dense[1] });
		final float[] t = DenseKernelsTest.tile(3, h, w, r, true);
		final double[] out = new double[2 + 3 * 4];
		NativeMaskKernels.dense(t, 3, 0, h, w, set, out, 2, 4);
		final double[] want = DenseKernelsTest.naive(t, 3, 0, h, w, dense);
		for (int i = 0; i < 3; i++) {
			assertEquals(0, out[2 + i * 4]);
			assertEquals(want[i * 2], out[2 + i * 4 + 1]);
			assertEquals(0, out[2 + i * 4 + 2]);
			assertEquals(want[i * 2 + 1], out[2 + i * 4 + 3]);
		}
	}

	@Test
	void arraysShorterThanTheShapesSayAreRefusedBeforeTheNativeCode() {
		final Random r = new Random(5);
		final MaskSet set = new MaskSet(DenseKernelsTest.masks(8, 8, 3, r, true));
		final float[] t = new float[4 * 64];
		assertThrows(IllegalArgumentException.class,
				() -> NativeMaskKernels.dense(new float[4 * 64 - 1], 4, 0, 8, 8, set, new double[12], 0, 3));
		assertThrows(IllegalArgumentException.class,
				() -> NativeMaskKernels.dense(t, 4, 0, 8, 8, set, new double[11], 0, 3));
		assertThrows(IllegalArgumentException.class,
				() -> NativeMaskKernels.dense(t, 4, 0, 8, 8, set, new double[12], 1, 3));
		// masks of an 8-wide detector over tiles 9 wide: the last rows' weights would lie past the masks' ends
		assertThrows(IllegalArgumentException.class,
				() -> NativeMaskKernels.dense(new float[4 * 72], 4, 0, 8, 9, set, new double[12], 0, 3));
	}
}
