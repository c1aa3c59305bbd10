package org.maptem.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The precomputed geometry of a {@link SyntheticParams} and the fast frame renderer, written once per frame into a
 * caller's {@code int[]} of counts.
 *
 * <p>What is precomputed: the annulus pixel index list (fixed on the detector), the Bragg disk offsets, squared
 * radii, and one {@link PoissonSampler} per possible mean. Per frame the disks are rasterised over their bounding
 * boxes only (about 1 500 distance tests for the defaults), so rendering costs little more than filling the frame.
 * Immutable and thread-safe; holds no reference to any {@link ThreadLocal}, so per-thread buffers never pin it.
 */
final class SyntheticModel {

	final SyntheticParams params;
	final int h;
	final int w;
	final int pixels;
	/** Detector centre {@code ((h-1)/2, (w-1)/2)}: a whole or half pixel, exact in binary. */
	final double c0y;
	final double c0x;
	private final long navH;
	private final long navW;
	private final int background;
	private final double bfR;
	private final int bfValue;
	private final double braggR;
	private final int braggValue;
	/** Bragg disk offsets from the central disk, {@code [k] = {dy, dx}}, multiples of 1/16 pixel. */
	final double[][] braggOffsets;
	private final int[] ringPixels;
	private final int ringAtom;
	private final int ringGap;
	private final int atomCell;
	private final double ampY;
	private final double ampX;
	private final double period;
	private final int[] levels;
	private final PoissonSampler[] samplers;

	SyntheticModel(final SyntheticParams p) {
		params = p;
		final int[] sig = p.sigShape();
		h = sig[0];
		w = sig[1];
		pixels = h * w;
		c0y = (h - 1) / 2.0;
		c0x = (w - 1) / 2.0;
		final long[] nav = p.navShape();
		navW = nav[nav.length - 1];
		navH = nav.length >= 2 ? nav[nav.length - 2] : 1;
		background = (int) p.background();
		bfR = p.bfRadius();
		bfValue = (int) p.bfValue();
		braggR = p.braggRadius();
		braggValue = (int) p.braggValue();
		braggOffsets = braggOffsets(p);
		ringAtom = (int) p.ringAtomValue();
		ringGap = (int) p.ringGapValue();
		atomCell = p.atomCell();
		final double[] amp = p.shiftAmplitude();
		ampY = amp[0];
		ampX = amp[1];
		period = p.shiftPeriod();
		ringPixels = ringPixels(p.ringInner(), p.ringOuter());
		levels = possibleLevels(p);
		samplers = new PoissonSampler[levels.length];
		if (p.noise())
			for (int i = 0; i < levels.length; i++)
				samplers[i] = new PoissonSampler(levels[i]);
	}

	/** Offsets {@code i·a + j·b} for {@code -N ≤ i, j ≤ N} except {@code (0, 0)}, i outer, j inner. */
	static double[][] braggOffsets(final SyntheticParams p) {
		final int n = p.braggOrders();
		final double[] a = p.latticeA();
		final double[] b = p.latticeB();
		final List<double[]> out = new ArrayList<>();
		for (int i = -n; i <= n; i++)
			for (int j = -n; j <= n; j++)
				if (i != 0 || j != 0)
					// + 0.0 turns -0.0 into 0.0, for messages; no other value changes
					out.add(new double[] { i * a[0] + j * b[0] + 0.0, i * a[1] + j * b[1] + 0.0 });
		return out.toArray(new double[0][]);
	}

	/** Every mean a pixel can have: background plus at most one disk value plus at most one annulus value. */
	private static int[] possibleLevels(final SyntheticParams p) {
		final long[] disk = { 0, p.bfValue(), p.braggValue() };
		final long[] ring = { 0, p.ringAtomValue(), p.ringGapValue() };
		final long[] out = new long[9];
		int n = 0;
		for (final long d : disk)
			for (final long r : ring)
				out[n++] = p.background() + d + r;
		return Arrays.stream(out).distinct().mapToInt(v -> (int) v).toArray();
	}

	private int[] ringPixels(final double inner, final double outer) {
		final double ri2 = inner * inner;
		final double ro2 = outer * outer;
		final int[] idx = new int[pixels];
		int n = 0;
		for (int y = 0; y < h; y++) {
			final double dy = y - c0y;
			for (int x = 0; x < w; x++) {
				final double dx = x - c0x;
				final double d2 = dy * dy + dx * dx;
				if (d2 > ri2 && d2 <= ro2)
					idx[n++] = y * w + x;
			}
		}
		return Arrays.copyOf(idx, n);
	}

	/** Scan column of a frame: the fastest nav axis. */
	long scanX(final long frame) {
		return frame % navW;
	}

	/** Scan row of a frame: the second-fastest nav axis, 0 for a 1D scan. */
	long scanY(final long frame) {
		return (frame / navW) % navH;
	}

	/** Vertical disk shift {@code q(ampY·cos(2π·y/period))}, pixels. */
	double shiftY(final long frame) {
		return SyntheticParams.quantize(ampY * StrictMath.cos(2 * Math.PI * scanY(frame) / period));
	}

	/** Horizontal disk shift {@code q(ampX·sin(2π·x/period))}, pixels. */
	double shiftX(final long frame) {
		return SyntheticParams.quantize(ampX * StrictMath.sin(2 * Math.PI * scanX(frame) / period));
	}

	/** True when the scan position lies on an atom: even checkerboard cells. */
	boolean onAtom(final long frame) {
		return ((scanY(frame) / atomCell + scanX(frame) / atomCell) & 1) == 0;
	}

	int ringValue(final long frame) {
		return onAtom(frame) ? ringAtom : ringGap;
	}

	/** Per-frame noise seed: a 64-bit mix of the seed and the frame index, so streams of frames never overlap. */
	static long frameSeed(final long seed, final long frame) {
		return mix(seed ^ mix(frame + 0x9E3779B97F4A7C15L));
	}

	private static long mix(final long z0) {
		long z = z0;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/** Writes the counts of {@code frame} to {@code out[0 .. h·w)}, row-major. */
	void render(final long frame, final int[] out) {
		Arrays.fill(out, 0, pixels, background);
		final int ring = ringValue(frame);
		if (ring != 0)
			for (final int p : ringPixels)
				out[p] += ring;
		final double cy = c0y + shiftY(frame);
		final double cx = c0x + shiftX(frame);
		addDisk(out, cy, cx, bfR, bfValue);
		for (final double[] o : braggOffsets)
			addDisk(out, cy + o[0], cx + o[1], braggR, braggValue);
		if (params.noise())
			addNoise(frame, out);
	}

	private void addDisk(final int[] out, final double cy, final double cx, final double r, final int value) {
		if (value == 0)
			return;
		final double r2 = r * r;
		// one pixel of margin, so rounding of cy ± r can never drop a pixel on the boundary
		final int y0 = (int) Math.max(0, Math.floor(cy - r) - 1);
		final int y1 = (int) Math.min(h - 1, Math.ceil(cy + r) + 1);
		final int x0 = (int) Math.max(0, Math.floor(cx - r) - 1);
		final int x1 = (int) Math.min(w - 1, Math.ceil(cx + r) + 1);
		for (int y = y0; y <= y1; y++) {
			final double dy = y - cy;
			final double dy2 = dy * dy;
			final int row = y * w;
			for (int x = x0; x <= x1; x++) {
				final double dx = x - cx;
				if (dy2 + dx * dx <= r2)
					out[row + x] += value;
			}
		}
	}

	private void addNoise(final long frame, final int[] out) {
		final SplittableRandom rng = new SplittableRandom(frameSeed(params.seed(), frame));
		// runs of equal mean (mostly long rows of background) are drawn by one sampler loop
		for (int p = 0; p < pixels;) {
			final int v = out[p];
			int q = p + 1;
			while (q < pixels && out[q] == v)
				q++;
			if (v != 0)
				sampler(v).fill(out, p, q, rng);
			p = q;
		}
	}

	private PoissonSampler sampler(final int level) {
		for (int i = 0; i < levels.length; i++)
			if (levels[i] == level)
				return samplers[i];
		throw new IllegalStateException("mean " + level + " is not one of the possible levels " + Arrays.toString(levels));
	}
}
