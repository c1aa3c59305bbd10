package org.maptem.cli;

import org.maptem.dataset.Calibration;

import picocli.CommandLine.Option;

/** Calibration given on the command line, overriding (field by field) what the file says. */
final class CalibrationOptions {

	@Option(names = "--scan-step", paramLabel = "STEP", split = ",",
			description = "Scan step per scan axis (NumPy order), or one value for all, in --scan-unit.")
	double[] scanStep;

	@Option(names = "--scan-unit", paramLabel = "UNIT", description = "Unit of the scan step (default nm when a step is given).")
	String scanUnit;

	@Option(names = "--detector-pixel", paramLabel = "SIZE", split = ",",
			description = "Detector pixel size, one value or y,x, in --detector-unit.")
	double[] detectorPixel;

	@Option(names = "--detector-unit", paramLabel = "UNIT", description = "mrad, 1/nm, um or px (default mrad when a size is given).")
	String detectorUnit;

	@Option(names = "--camera-length", paramLabel = "METRES", description = "Camera length in metres.")
	Double cameraLength;

	@Option(names = "--beam-energy", paramLabel = "KEV", description = "Beam energy in keV.")
	Double beamEnergy;

	/** {@code base} with whatever was given on the command line replacing its fields. */
	Calibration apply(final Calibration base, final int navAxes) {
		Calibration c = base;
		if (scanStep != null) {
			final double[] step = new double[navAxes];
			for (int i = 0; i < navAxes; i++)
				step[i] = scanStep.length == 1 ? scanStep[0] : scanStep[Math.min(i, scanStep.length - 1)];
			if (scanStep.length != 1 && scanStep.length != navAxes)
				throw new org.maptem.dataset.LayoutException("--scan-step needs 1 or " + navAxes + " values, found " + scanStep.length);
			c = c.withScan(step, scanUnit == null ? "nm" : scanUnit);
		} else if (scanUnit != null)
			c = c.withScan(c.scanStep(), scanUnit);
		if (detectorPixel != null) {
			if (detectorPixel.length != 1 && detectorPixel.length != 2)
				throw new org.maptem.dataset.LayoutException("--detector-pixel needs 1 or 2 values, found " + detectorPixel.length);
			final double y = detectorPixel[0];
			final double x = detectorPixel[detectorPixel.length - 1];
			c = c.withDetector(y, x, detectorUnit == null ? "mrad" : detectorUnit);
		} else if (detectorUnit != null)
			c = c.withDetector(c.detectorPixel()[0], c.detectorPixel()[1], detectorUnit);
		if (cameraLength != null || beamEnergy != null)
			c = c.withOptics(cameraLength == null ? c.cameraLength() : cameraLength, beamEnergy == null ? c.beamEnergy() : beamEnergy);
		return c;
	}

	boolean given() {
		return scanStep != null || scanUnit != null || detectorPixel != null || detectorUnit != null || cameraLength != null
				|| beamEnergy != null;
	}
}
