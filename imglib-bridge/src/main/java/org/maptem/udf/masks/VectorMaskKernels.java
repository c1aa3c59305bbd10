package org.maptem.udf.masks;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The dense-mask kernel of {@link ApplyMasksUdf} on the incubating Vector API, used when
 * {@link org.maptem.frames.Simd#enabled()}; loading this class needs the {@code jdk.incubator.vector} module.
 *
 * <p>All dense masks of a {@link MaskSet} are applied together, blocked for the registers and the caches: the tile
 * is walked in runs of pixels any dense mask covers (whole rows joined into one run), each run in chunks of
 * {@value #CHUNK} pixels, whose weights stay in the L2 cache while every frame of the tile is applied. A chunk of four
 * frames is applied to three masks at a time with twelve vector accumulators (4 frames × 3 masks: seven vector loads
 * for twelve fused multiply-adds, and enough independent sums to cover the latency of the adds), the last two to
 * four masks in pairs (4 × 2) or alone (4 × 1); the frames left over when the tile's count is not a multiple of four
 * go one at a time, two accumulators per mask.
 *
 * <p>Accumulators are float lanes over one chunk (at most {@code CHUNK / lanes} = 256 products each with 8 lanes),
 * then added to the double results in a fixed order, so results do not depend on the JIT's state, and rounding stays
 * far below the result's precision. Sums of integer counts times integer weights are exact while every lane's partial
 * sum stays below 2<sup>24</sup>: for instance counts below 2<sup>16</sup> with weights 0 or 1. Stateless and
 * thread-safe.
 */
final class VectorMaskKernels {

	/**
	 * Pixels summed in float lanes before the lanes go to double: 256 products per lane of 8. Larger chunks cost fewer
	 * reductions (with 1024-pixel chunks, the same blocks ran about a tenth slower in a kernel benchmark) but would lose
	 * exact integer sums.
	 */
	static final int CHUNK = 2048;

	private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

	/**
	 * The vector length, read from a non-final field on purpose: with a stride C2 cannot see as a constant, the pixel
	 * loops are not counted loops, so C2 neither unrolls them nor hoists their range checks, and each load stays after
	 * its check, in source order: the eight or twelve accumulators then stay in registers. With a constant stride
	 * (seen in the JDK 17 compiled code) C2 unrolled the 4 × 2 loop, spilling accumulators to the stack, which made it
	 * about a third slower, and in the 4 × 3 loop it loads all seven vectors first, 19 live values for 16 registers, and
	 * spills four accumulators on every step.
	 */
	private static int lanes = S.length();

	private VectorMaskKernels() {
	}

	/** Float lanes per vector. */
	static int lanes() {
		return S.length();
	}

	/**
	 * Sum of {@code n} floats from {@code a[from]} in a fixed order, in double. Vector accumulators are stored and summed
	 * this way rather than by {@code reduceLanes}, which leaves the order open: the JIT's order differs from the
	 * interpreter's, so results would change in their last bits as the JIT warms up.
	 */
	private static double sum(final float[] a, final int from, final int n) {
		if (n == 8) // pairwise: three dependent adds instead of eight
			return (((double) a[from] + a[from + 1]) + ((double) a[from + 2] + a[from + 3]))
					+ (((double) a[from + 4] + a[from + 5]) + ((double) a[from + 6] + a[from + 7]));
		double s = 0;
		for (int i = from; i < from + n; i++)
			s += a[i];
		return s;
	}

	/**
	 * Adds the weighted sums of every dense mask of {@code set} over the tile's frames to {@code out}: frame {@code i}
	 * of the tile and mask {@code m} (result index) go to {@code out[pos + m + i * stride]}.
	 *
	 * @param t        the tile: {@code frames} frames of {@code rows × width} values, its first row detector row
	 *                 {@code rowStart}
	 */
	static void dense(final float[] t, final int frames, final int rowStart, final int rows, final int width,
			final MaskSet set, final double[] out, final int pos, final int stride) {
		final int per = rows * width;
		// where accumulators are stored to be summed: twelve vectors
		final float[] spill = new float[12 * S.length()];
		final int[] runs = set.denseRuns(rowStart, rows, width);
		for (int k = 0; k < runs.length; k += 3) {
			final int tileRun = runs[k];
			final int weightRun = runs[k + 1];
			final int length = runs[k + 2];
			// frames innermost: a chunk's weights stay in the L2 cache for every frame of the tile
			for (int s = 0; s < length; s += CHUNK)
				for (int i = 0; i < frames; i += 4)
					chunk(t, i * per + tileRun + s, per, Math.min(4, frames - i), weightRun + s, Math.min(CHUNK, length - s),
							set, out, pos + i * stride, stride, spill);
		}
	}

	/** Every dense mask over {@code n} pixels of {@code nf} frames starting at {@code tileAt}, weights at {@code w}. */
	private static void chunk(final float[] t, final int tileAt, final int per, final int nf, final int w, final int n,
			final MaskSet set, final double[] out, final int outAt, final int stride, final float[] spill) {
		final int masks = set.denseCount();
		if (nf == 4) {
			for (int d = 0; d < masks;) {
				final int g = group(masks - d);
				if (g == 3)
					fourFramesThreeMasks(t, tileAt, per, set.denseWeights(d), set.denseWeights(d + 1), set.denseWeights(d + 2), w,
							n, spill);
				else if (g == 2)
					fourFramesTwoMasks(t, tileAt, per, set.denseWeights(d), set.denseWeights(d + 1), w, n, spill);
				else
					fourFramesOneMask(t, tileAt, per, set.denseWeights(d), w, n, spill);
				final int l = S.length();
				for (int m = 0; m < g; m++) {
					final int o = outAt + set.denseIndex(d + m);
					final float[] wm = set.denseWeights(d + m);
					for (int f = 0; f < 4; f++)
						out[o + f * stride] += sum(spill, (4 * m + f) * l, l) + tail(t, tileAt + f * per, wm, w, n);
				}
				d += g;
			}
			return;
		}
		chunkFewFrames(t, tileAt, per, nf, w, n, set, out, outAt, stride, spill);
	}

	/**
	 * How many of the {@code left} remaining masks the next four-frame block takes: three while that leaves none or
	 * at least two (a 4 × 1 block loads as many pixels as a 4 × 3 one for a third of the work), else two or one.
	 */
	static int group(final int left) {
		if (left == 1)
			return 1;
		return left == 2 || left == 4 ? 2 : 3;
	}

	/** {@link #chunk} for fewer than four frames: one frame at a time, masks in pairs. */
	private static void chunkFewFrames(final float[] t, final int tileAt, final int per, final int nf, final int w,
			final int n, final MaskSet set, final double[] out, final int outAt, final int stride, final float[] spill) {
		final int masks = set.denseCount();
		final int l = S.length();
		int d = 0;
		for (; d + 2 <= masks; d += 2) {
			final int oa = outAt + set.denseIndex(d);
			final int ob = outAt + set.denseIndex(d + 1);
			for (int f = 0; f < nf; f++) {
				oneFrameTwoMasks(t, tileAt + f * per, set.denseWeights(d), set.denseWeights(d + 1), w, n, spill);
				out[oa + f * stride] += sum(spill, 0, 2 * l) + tail2(t, tileAt + f * per, set.denseWeights(d), w, n);
				out[ob + f * stride] += sum(spill, 2 * l, 2 * l)
						+ tail2(t, tileAt + f * per, set.denseWeights(d + 1), w, n);
			}
		}
		if (d < masks) {
			final int o = outAt + set.denseIndex(d);
			final float[] wa = set.denseWeights(d);
			for (int f = 0; f < nf; f++) {
				oneFrameOneMask(t, tileAt + f * per, wa, w, n, spill);
				out[o + f * stride] += sum(spill, 0, 2 * l) + tail2(t, tileAt + f * per, wa, w, n);
			}
		}
	}

	/** The products the vector loops of 4 frames leave: pixels from the last whole vector of {@code n} on. */
	private static double tail(final float[] t, final int p, final float[] wa, final int q, final int n) {
		double s = 0;
		for (int x = S.loopBound(n); x < n; x++)
			s += t[p + x] * wa[q + x];
		return s;
	}

	/** The products the two-vector loops of one frame leave: pixels from the last whole pair of vectors on. */
	private static double tail2(final float[] t, final int p, final float[] wa, final int q, final int n) {
		double s = 0;
		for (int x = n - n % (2 * S.length()); x < n; x++)
			s += t[p + x] * wa[q + x];
		return s;
	}

	/**
	 * Frames at {@code p + f * per} ({@code f < 4}) times masks {@code wa}, {@code wb}, {@code wc}: vectors 0-3, 4-7
	 * and 8-11 of spill. Per step, the three weight vectors are loaded once and each frame's pixels once into one
	 * register: 12 accumulators + 3 weights + 1 pixel vector fill the 16 AVX2 registers without spilling.
	 */
	private static void fourFramesThreeMasks(final float[] t, final int p, final int per, final float[] wa,
			final float[] wb, final float[] wc, final int q, final int n, final float[] spill) {
		FloatVector a0 = FloatVector.zero(S);
		FloatVector a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0, c0 = a0, c1 = a0, c2 = a0, c3 = a0;
		final int bound = S.loopBound(n);
		final int step = lanes;
		for (int x = 0; x < bound; x += step) {
			final FloatVector va = FloatVector.fromArray(S, wa, q + x);
			final FloatVector vb = FloatVector.fromArray(S, wb, q + x);
			final FloatVector vc = FloatVector.fromArray(S, wc, q + x);
			FloatVector v = FloatVector.fromArray(S, t, p + x);
			a0 = v.fma(va, a0);
			b0 = v.fma(vb, b0);
			c0 = v.fma(vc, c0);
			v = FloatVector.fromArray(S, t, p + per + x);
			a1 = v.fma(va, a1);
			b1 = v.fma(vb, b1);
			c1 = v.fma(vc, c1);
			v = FloatVector.fromArray(S, t, p + 2 * per + x);
			a2 = v.fma(va, a2);
			b2 = v.fma(vb, b2);
			c2 = v.fma(vc, c2);
			v = FloatVector.fromArray(S, t, p + 3 * per + x);
			a3 = v.fma(va, a3);
			b3 = v.fma(vb, b3);
			c3 = v.fma(vc, c3);
		}
		final int l = S.length();
		a0.intoArray(spill, 0);
		a1.intoArray(spill, l);
		a2.intoArray(spill, 2 * l);
		a3.intoArray(spill, 3 * l);
		b0.intoArray(spill, 4 * l);
		b1.intoArray(spill, 5 * l);
		b2.intoArray(spill, 6 * l);
		b3.intoArray(spill, 7 * l);
		c0.intoArray(spill, 8 * l);
		c1.intoArray(spill, 9 * l);
		c2.intoArray(spill, 10 * l);
		c3.intoArray(spill, 11 * l);
	}

	/** Frames at {@code p + f * per} ({@code f < 4}) times masks {@code wa}, {@code wb}: vectors 0-3 and 4-7 of spill. */
	private static void fourFramesTwoMasks(final float[] t, final int p, final int per, final float[] wa,
			final float[] wb, final int q, final int n, final float[] spill) {
		FloatVector a0 = FloatVector.zero(S);
		FloatVector a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
		final int bound = S.loopBound(n);
		final int step = lanes;
		for (int x = 0; x < bound; x += step) {
			final FloatVector va = FloatVector.fromArray(S, wa, q + x);
			final FloatVector vb = FloatVector.fromArray(S, wb, q + x);
			final FloatVector t0 = FloatVector.fromArray(S, t, p + x);
			final FloatVector t1 = FloatVector.fromArray(S, t, p + per + x);
			final FloatVector t2 = FloatVector.fromArray(S, t, p + 2 * per + x);
			final FloatVector t3 = FloatVector.fromArray(S, t, p + 3 * per + x);
			a0 = t0.fma(va, a0);
			a1 = t1.fma(va, a1);
			a2 = t2.fma(va, a2);
			a3 = t3.fma(va, a3);
			b0 = t0.fma(vb, b0);
			b1 = t1.fma(vb, b1);
			b2 = t2.fma(vb, b2);
			b3 = t3.fma(vb, b3);
		}
		final int l = S.length();
		a0.intoArray(spill, 0);
		a1.intoArray(spill, l);
		a2.intoArray(spill, 2 * l);
		a3.intoArray(spill, 3 * l);
		b0.intoArray(spill, 4 * l);
		b1.intoArray(spill, 5 * l);
		b2.intoArray(spill, 6 * l);
		b3.intoArray(spill, 7 * l);
	}

	/** Frames at {@code p + f * per} ({@code f < 4}) times mask {@code wa}: vectors 0-3 of spill. */
	private static void fourFramesOneMask(final float[] t, final int p, final int per, final float[] wa, final int q,
			final int n, final float[] spill) {
		FloatVector a0 = FloatVector.zero(S);
		FloatVector a1 = a0, a2 = a0, a3 = a0;
		final int bound = S.loopBound(n);
		final int step = lanes;
		for (int x = 0; x < bound; x += step) {
			final FloatVector va = FloatVector.fromArray(S, wa, q + x);
			a0 = FloatVector.fromArray(S, t, p + x).fma(va, a0);
			a1 = FloatVector.fromArray(S, t, p + per + x).fma(va, a1);
			a2 = FloatVector.fromArray(S, t, p + 2 * per + x).fma(va, a2);
			a3 = FloatVector.fromArray(S, t, p + 3 * per + x).fma(va, a3);
		}
		final int l = S.length();
		a0.intoArray(spill, 0);
		a1.intoArray(spill, l);
		a2.intoArray(spill, 2 * l);
		a3.intoArray(spill, 3 * l);
	}

	/**
	 * The frame at {@code p} times masks {@code wa}, {@code wb}, two accumulators per mask (one chain of dependent adds
	 * would wait on each add's latency): vectors 0-1 and 2-3 of spill.
	 */
	private static void oneFrameTwoMasks(final float[] t, final int p, final float[] wa, final float[] wb, final int q,
			final int n, final float[] spill) {
		FloatVector a0 = FloatVector.zero(S);
		FloatVector a1 = a0, b0 = a0, b1 = a0;
		final int l = lanes;
		final int bound = n - n % (2 * l);
		for (int x = 0; x < bound; x += 2 * l) {
			final FloatVector t0 = FloatVector.fromArray(S, t, p + x);
			final FloatVector t1 = FloatVector.fromArray(S, t, p + x + l);
			a0 = t0.fma(FloatVector.fromArray(S, wa, q + x), a0);
			a1 = t1.fma(FloatVector.fromArray(S, wa, q + x + l), a1);
			b0 = t0.fma(FloatVector.fromArray(S, wb, q + x), b0);
			b1 = t1.fma(FloatVector.fromArray(S, wb, q + x + l), b1);
		}
		a0.intoArray(spill, 0);
		a1.intoArray(spill, l);
		b0.intoArray(spill, 2 * l);
		b1.intoArray(spill, 3 * l);
	}

	/** The frame at {@code p} times mask {@code wa}, two accumulators: vectors 0-1 of spill. */
	private static void oneFrameOneMask(final float[] t, final int p, final float[] wa, final int q, final int n,
			final float[] spill) {
		FloatVector a0 = FloatVector.zero(S);
		FloatVector a1 = a0;
		final int l = lanes;
		final int bound = n - n % (2 * l);
		for (int x = 0; x < bound; x += 2 * l) {
			a0 = FloatVector.fromArray(S, t, p + x).fma(FloatVector.fromArray(S, wa, q + x), a0);
			a1 = FloatVector.fromArray(S, t, p + x + l).fma(FloatVector.fromArray(S, wa, q + x + l), a1);
		}
		a0.intoArray(spill, 0);
		a1.intoArray(spill, l);
	}
}
