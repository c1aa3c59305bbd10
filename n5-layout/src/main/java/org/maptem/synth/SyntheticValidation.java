package org.maptem.synth;

import java.util.Arrays;

import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;

/**
 * Checks synthetic parameters before anything is generated; every message names the parameter, what it must be
 * and what it is.
 */
final class SyntheticValidation {

	/** Largest Bragg order: {@code (2N+1)^2 - 1} disks, 1 088 at this limit. */
	static final int MAX_ORDERS = 16;

	private SyntheticValidation() {
	}

	static void checkShapes(final long[] nav, final int[] sig, final DType dtype) {
		if (nav == null || nav.length < 1 || nav.length > 3)
			throw bad("navShape", "1 to 3 scan axes", nav == null ? "none" : Arrays.toString(nav));
		long frames = 1;
		for (final long n : nav) {
			if (n < 1)
				throw bad("navShape", "at least 1 position on every axis", Arrays.toString(nav));
			try {
				frames = Math.multiplyExact(frames, n);
			} catch (final ArithmeticException e) {
				throw bad("navShape", "at most 2^63-1 frames", Arrays.toString(nav));
			}
		}
		if (sig == null || sig.length != 2 || sig[0] < 1 || sig[1] < 1)
			throw bad("sigShape", "[height, width] of at least 1 pixel each", sig == null ? "none" : Arrays.toString(sig));
		if ((long) sig[0] * sig[1] > SyntheticParams.MAX_FRAME_PIXELS)
			throw bad("sigShape", "at most " + SyntheticParams.MAX_FRAME_PIXELS + " pixels per frame", Arrays.toString(sig));
		if (dtype == null)
			throw bad("dtype", "one of " + Arrays.toString(DType.values()), "none");
	}

	static void check(final SyntheticParams p) {
		final int[] sig = p.sigShape();
		final double halfH = (sig[0] - 1) / 2.0;
		final double halfW = (sig[1] - 1) / 2.0;
		final double half = Math.min(sig[0], sig[1]) / 2.0;
		final double[] amp = p.shiftAmplitude();
		finite("bfRadius", p.bfRadius());
		finite("shiftAmplitude[0]", amp[0]);
		finite("shiftAmplitude[1]", amp[1]);
		finite("braggRadius", p.braggRadius());
		finite("latticeA", p.latticeA()[0] + p.latticeA()[1]);
		finite("latticeB", p.latticeB()[0] + p.latticeB()[1]);
		finite("ringInner", p.ringInner());
		finite("ringOuter", p.ringOuter());
		if (!(p.bfRadius() > 0))
			throw bad("bfRadius", "a radius > 0 pixels", p.bfRadius());
		if (p.bfRadius() + Math.abs(amp[0]) > halfH || p.bfRadius() + Math.abs(amp[1]) > halfW)
			throw bad("bfRadius", "radius + shift amplitude within half the detector (" + halfH + " × " + halfW
					+ " px) so the central disk stays on it", "radius " + p.bfRadius() + " px with shift amplitude "
							+ Arrays.toString(amp) + " px");
		if (!(p.shiftPeriod() > 0) || Double.isInfinite(p.shiftPeriod()))
			throw bad("shiftPeriod", "a period > 0 scan positions", p.shiftPeriod());
		if (p.braggOrders() < 0 || p.braggOrders() > MAX_ORDERS)
			throw bad("braggOrders", "0 to " + MAX_ORDERS, p.braggOrders());
		if (p.braggOrders() > 0 && !(p.braggRadius() > 0 && p.braggRadius() <= half))
			throw bad("braggRadius", "a radius > 0 and at most half the detector (" + half + " px)", p.braggRadius());
		if (!(p.ringInner() >= 0 && p.ringOuter() > p.ringInner()))
			throw bad("ring", "0 ≤ inner < outer", "inner " + p.ringInner() + ", outer " + p.ringOuter());
		if (p.ringOuter() > half)
			throw bad("ringOuter", "at most half the detector (" + half + " px)", p.ringOuter());
		if (p.atomCell() < 1)
			throw bad("atomCell", "at least 1 scan position", p.atomCell());
		counts("background", p.background());
		counts("bfValue", p.bfValue());
		counts("braggValue", p.braggValue());
		counts("ringAtomValue", p.ringAtomValue());
		counts("ringGapValue", p.ringGapValue());
		checkDisjoint(p);
		checkRange(p);
	}

	/** Disks must not share a pixel: the model adds at most one disk value per pixel. */
	private static void checkDisjoint(final SyntheticParams p) {
		final double[][] o = SyntheticModel.braggOffsets(p);
		for (int i = 0; i < o.length; i++) {
			if (Math.hypot(o[i][0], o[i][1]) <= p.bfRadius() + p.braggRadius())
				throw bad("lattice", "Bragg disks clear of the central disk (centre distance > " + (p.bfRadius() + p.braggRadius())
						+ " px)", "a Bragg disk at offset " + Arrays.toString(o[i]) + " px");
			for (int j = i + 1; j < o.length; j++)
				if (Math.hypot(o[i][0] - o[j][0], o[i][1] - o[j][1]) <= 2 * p.braggRadius())
					throw bad("lattice", "Bragg disks clear of each other (centre distance > " + 2 * p.braggRadius() + " px)",
							"disks at offsets " + Arrays.toString(o[i]) + " and " + Arrays.toString(o[j]) + " px");
		}
	}

	/** The largest count the generator can write must fit the dtype exactly. */
	private static void checkRange(final SyntheticParams p) {
		final long max = largestMean(p);
		final long limit = limit(p.dtype());
		if (!p.noise() && max > limit)
			throw bad("intensities", "a largest pixel mean of at most " + limit + " for " + p.dtype().n5Name(),
					max + " (background + the largest disk value + the annulus value where they can meet)");
		if (p.noise() && PoissonSampler.highest(max) > limit)
			throw bad("intensities", "a largest Poisson count of at most " + limit + " for " + p.dtype().n5Name(),
					PoissonSampler.highest(max) + " (largest pixel mean " + max + " + 12√mean + 10)");
	}

	/** Largest count a dtype holds exactly: integer ranges, 2^24 for float32, and 2^31-1 where counts are ints. */
	static long limit(final DType t) {
		switch (t) {
		case UINT8: return 255;
		case INT8: return 127;
		case UINT16: return 65535;
		case INT16: return 32767;
		case UINT12_PACKED: return 4095;
		case FLOAT32: return 1L << 24;
		default: return SyntheticParams.MAX_COUNT;
		}
	}

	/**
	 * An upper bound on any pixel's mean: background + the largest disk value, plus the largest annulus value if
	 * that disk can reach the annulus anywhere in the shift range.
	 */
	static long largestMean(final SyntheticParams p) {
		final double[] amp = p.shiftAmplitude();
		final double s = Math.hypot(amp[0], amp[1]);
		final long ring = Math.max(p.ringAtomValue(), p.ringGapValue());
		long max = p.background() + ring;
		max = Math.max(max, p.background() + p.bfValue() + (reachesRing(p, 0, p.bfRadius(), s) ? ring : 0));
		for (final double[] o : SyntheticModel.braggOffsets(p))
			max = Math.max(max, p.background() + p.braggValue()
					+ (reachesRing(p, Math.hypot(o[0], o[1]), p.braggRadius(), s) ? ring : 0));
		return max;
	}

	private static boolean reachesRing(final SyntheticParams p, final double dist, final double r, final double shift) {
		return dist + shift + r > p.ringInner() && dist - shift - r <= p.ringOuter();
	}

	private static void counts(final String field, final long v) {
		if (v < 0 || v > SyntheticParams.MAX_COUNT)
			throw bad(field, "counts from 0 to " + SyntheticParams.MAX_COUNT, v);
	}

	private static void finite(final String field, final double v) {
		if (!Double.isFinite(v))
			throw bad(field, "a finite number", v);
	}

	static LayoutException bad(final String field, final Object expected, final Object found) {
		return new LayoutException("synthetic data: parameter '" + field + "': expected " + expected + ", found " + found);
	}
}
