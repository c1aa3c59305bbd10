package org.maptem.cli;

import org.maptem.synth.SyntheticParams;
import org.maptem.synth.SyntheticStem;

/**
 * The virtual detectors of {@code maptem demo}, placed from the synthetic model's parameters: a bright-field disk
 * around the detector centre that holds the central disk at every shift and no Bragg disk, and a HAADF ring equal
 * to the model's annulus. Lengths in detector pixels.
 *
 * @param cx        detector centre, column
 * @param cy        detector centre, row
 * @param bfRadius  radius of the bright-field disk (also the centre-of-mass disk)
 * @param ringInner inner radius of the HAADF ring (excluded)
 * @param ringOuter outer radius of the HAADF ring (included)
 */
record DemoDetectors(double cx, double cy, double bfRadius, double ringInner, double ringOuter) {

	static DemoDetectors of(final SyntheticParams p) {
		final double[] c = new SyntheticStem(p).detectorCentre();
		final double[] amp = p.shiftAmplitude();
		final double shift = Math.hypot(amp[0], amp[1]);
		// one pixel beyond the farthest the disk edge moves, but half a pixel short of the nearest Bragg disk
		final double wanted = p.bfRadius() + shift + 1;
		final double limit = nearestBragg(p) - p.braggRadius() - shift - 0.5;
		return new DemoDetectors(c[1], c[0], Math.min(wanted, limit), p.ringInner(), p.ringOuter());
	}

	/** Distance from the central disk's centre to the nearest Bragg disk centre, infinite when there are none. */
	private static double nearestBragg(final SyntheticParams p) {
		final double[] a = p.latticeA();
		final double[] b = p.latticeB();
		final int n = p.braggOrders();
		double min = Double.POSITIVE_INFINITY;
		for (int i = -n; i <= n; i++)
			for (int j = -n; j <= n; j++)
				if (i != 0 || j != 0)
					min = Math.min(min, Math.hypot(i * a[0] + j * b[0], i * a[1] + j * b[1]));
		return min;
	}
}
