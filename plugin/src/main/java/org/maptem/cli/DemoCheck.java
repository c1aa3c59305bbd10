package org.maptem.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.maptem.synth.SyntheticParams;
import org.maptem.synth.SyntheticStem;

/**
 * Compares the demo's results with the synthetic model's analytic values at every scan position.
 *
 * <p>The expected frame comes from {@link SyntheticStem#expectedFrame}, the model evaluated pixel by pixel; the
 * detector sums and the centre of mass are then taken over it with the mask rules written out here (disk
 * {@code d² ≤ r²}, ring {@code ri² < d² ≤ ro²}), independently of the UDFs. Frames of one disk shift and one atom
 * state are identical in the noise-free model, so each such frame is evaluated once.
 *
 * @param frames    scan positions checked
 * @param worstBf   largest relative difference of the bright-field sums
 * @param worstHaadf largest relative difference of the HAADF sums
 * @param worstShift largest difference of the centre-of-mass shifts, pixels
 * @param firstBad  the first difference beyond tolerance, described, or {@code null}
 */
record DemoCheck(long frames, double worstBf, double worstHaadf, double worstShift, String firstBad) {

	/** Relative tolerance of detector sums: float32 tiles summed in double. */
	static final double SUM_TOLERANCE = 1e-9;
	/** Tolerance of centre-of-mass shifts, pixels. */
	static final double SHIFT_TOLERANCE = 1e-6;

	static DemoCheck of(final SyntheticParams p, final DemoDetectors det, final double[] bf, final double[] haadf,
			final double[] shiftX, final double[] shiftY) {
		final SyntheticStem stem = new SyntheticStem(p);
		final int h = p.sigShape()[0];
		final int w = p.sigShape()[1];
		final Map<List<Object>, double[]> cache = new HashMap<>();
		final double[] frame = new double[h * w];
		double worstBf = 0;
		double worstHaadf = 0;
		double worstShift = 0;
		String firstBad = null;
		for (int f = 0; f < stem.frameCount(); f++) {
			final double[] s = stem.shift(f);
			final int index = f;
			final double[] e = cache.computeIfAbsent(List.of(s[0], s[1], stem.onAtom(f)), k -> {
				stem.expectedFrame(index, frame);
				return expected(frame, h, w, det);
			});
			final double dBf = Math.abs(bf[f] - e[0]) / Math.max(1, Math.abs(e[0]));
			final double dHaadf = Math.abs(haadf[f] - e[1]) / Math.max(1, Math.abs(e[1]));
			final double dShift = Math.max(Math.abs(shiftX[f] - e[2]), Math.abs(shiftY[f] - e[3]));
			worstBf = Math.max(worstBf, Double.isNaN(dBf) ? Double.POSITIVE_INFINITY : dBf);
			worstHaadf = Math.max(worstHaadf, Double.isNaN(dHaadf) ? Double.POSITIVE_INFINITY : dHaadf);
			worstShift = Math.max(worstShift, Double.isNaN(dShift) ? Double.POSITIVE_INFINITY : dShift);
			if (firstBad == null && !(dBf <= SUM_TOLERANCE && dHaadf <= SUM_TOLERANCE && dShift <= SHIFT_TOLERANCE))
				firstBad = String.format(Locale.ROOT, "scan position %d: bright field %s (expected %s), "
						+ "HAADF %s (expected %s), shift (%s, %s) px (expected (%s, %s))", f, bf[f], e[0], haadf[f], e[1],
						shiftX[f], shiftY[f], e[2], e[3]);
		}
		return new DemoCheck(stem.frameCount(), worstBf, worstHaadf, worstShift, firstBad);
	}

	/** {@code [bright field, HAADF, shift x, shift y]} of one expected frame. */
	static double[] expected(final double[] frame, final int h, final int w, final DemoDetectors det) {
		final double r2 = det.bfRadius() * det.bfRadius();
		final double ri2 = det.ringInner() * det.ringInner();
		final double ro2 = det.ringOuter() * det.ringOuter();
		double disk = 0;
		double ring = 0;
		double mx = 0;
		double my = 0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final double d2 = (x - det.cx()) * (x - det.cx()) + (y - det.cy()) * (y - det.cy());
				final double v = frame[y * w + x];
				if (d2 <= r2) {
					disk += v;
					mx += v * x;
					my += v * y;
				}
				if (d2 > ri2 && d2 <= ro2)
					ring += v;
			}
		return new double[] { disk, ring, disk == 0 ? 0 : mx / disk - det.cx(), disk == 0 ? 0 : my / disk - det.cy() };
	}

	boolean ok() {
		return firstBad == null;
	}

	/** One line for the user. */
	String summary() {
		if (!ok())
			return "check FAILED at " + firstBad;
		return String.format(Locale.ROOT, "checked %d scan positions: bright field, HAADF and centre-of-mass shifts match the "
				+ "analytic values (largest differences: %.1g and %.1g relative, %.1g px)", frames, worstBf, worstHaadf,
				worstShift);
	}
}
