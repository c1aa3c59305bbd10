package org.maptem.dataset;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * Physical calibration of a 4D-STEM dataset: how far apart scan positions are, what one detector pixel spans, and
 * the optical conditions that relate the two.
 *
 * <p>Arrays follow the dataset's NumPy axis order (slowest first): {@code scanStep[0]} is the step along the slowest
 * scan axis (scan y for a 2D scan), {@code detectorPixel} is {@code [y, x]}. Unknown values are {@code NaN}
 * (numbers) or {@code "px"} (units); {@link #UNCALIBRATED} has nothing known. Immutable and thread-safe.
 *
 * @param scanStep      distance between neighbouring scan positions per nav axis, in {@code scanUnit}
 * @param scanUnit      unit of the scan step, e.g. {@code "nm"}, or {@code "px"} when unknown
 * @param detectorPixel size of one detector pixel, {@code [y, x]}, in {@code detectorUnit}
 * @param detectorUnit  {@code "mrad"} (angle), {@code "1/nm"} (reciprocal space), {@code "um"} (physical) or
 *                      {@code "px"}
 * @param cameraLength  effective camera length in metres, {@code NaN} when unknown
 * @param beamEnergy    beam energy in keV, {@code NaN} when unknown
 */
public record Calibration(double[] scanStep, String scanUnit, double[] detectorPixel, String detectorUnit,
		double cameraLength, double beamEnergy) implements Serializable {

	/** A calibration that knows nothing: unit steps in pixels. */
	public static final Calibration UNCALIBRATED = new Calibration(new double[0], "px", new double[] { 1, 1 }, "px",
			Double.NaN, Double.NaN);

	public Calibration {
		scanStep = scanStep.clone();
		detectorPixel = detectorPixel.clone();
		Objects.requireNonNull(scanUnit, "scanUnit");
		Objects.requireNonNull(detectorUnit, "detectorUnit");
		if (detectorPixel.length != 2)
			throw new LayoutException("calibration: detectorPixel needs 2 values [y, x], found " + detectorPixel.length);
	}

	/** Scan step along nav axis {@code axis} (NumPy order); 1 when not given. */
	public double scanStep(final int axis) {
		return axis < scanStep.length ? scanStep[axis] : 1.0;
	}

	/** This calibration with the scan step set for every nav axis. */
	public Calibration withScan(final double[] step, final String unit) {
		return new Calibration(step, unit, detectorPixel, detectorUnit, cameraLength, beamEnergy);
	}

	/** This calibration with the detector pixel size set. */
	public Calibration withDetector(final double pixelY, final double pixelX, final String unit) {
		return new Calibration(scanStep, scanUnit, new double[] { pixelY, pixelX }, unit, cameraLength, beamEnergy);
	}

	/** This calibration with camera length (m) and beam energy (keV) set. */
	public Calibration withOptics(final double cameraLengthMetres, final double beamEnergyKeV) {
		return new Calibration(scanStep, scanUnit, detectorPixel, detectorUnit, cameraLengthMetres, beamEnergyKeV);
	}

	@Override
	public double[] scanStep() {
		return scanStep.clone();
	}

	@Override
	public double[] detectorPixel() {
		return detectorPixel.clone();
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof Calibration c))
			return false;
		return Arrays.equals(scanStep, c.scanStep) && scanUnit.equals(c.scanUnit)
				&& Arrays.equals(detectorPixel, c.detectorPixel) && detectorUnit.equals(c.detectorUnit)
				&& Double.compare(cameraLength, c.cameraLength) == 0 && Double.compare(beamEnergy, c.beamEnergy) == 0;
	}

	@Override
	public int hashCode() {
		return Objects.hash(Arrays.hashCode(scanStep), scanUnit, Arrays.hashCode(detectorPixel), detectorUnit,
				cameraLength, beamEnergy);
	}

	@Override
	public String toString() {
		return "scan step " + Arrays.toString(scanStep) + " " + scanUnit + ", detector pixel "
				+ Arrays.toString(detectorPixel) + " " + detectorUnit + ", camera length " + cameraLength
				+ " m, beam energy " + beamEnergy + " keV";
	}
}
