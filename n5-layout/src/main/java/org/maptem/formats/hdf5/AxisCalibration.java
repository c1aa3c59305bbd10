package org.maptem.formats.hdf5;

import java.util.Arrays;
import java.util.Locale;

import org.maptem.dataset.Calibration;

/**
 * Per-axis steps and units gathered from an HDF5 layout's axis metadata (EMD dim vectors, NeXus axes, HyperSpy axis
 * groups), turned into a {@link Calibration} with MapTEM's units: scan steps in nm, detector pixels in 1/nm
 * (reciprocal lengths), mrad (angles) or um (lengths). Units MapTEM does not know are kept as written and the value
 * is not converted. Not thread-safe; used while opening.
 *
 * <p>EMD writes units as {@code [n_m]} or {@code [n_m^-1]} (brackets, underscores between prefix and unit); they
 * are read as {@code nm} and {@code nm^-1}.
 */
final class AxisCalibration {

	private final double[] steps;
	private final String[] units;

	AxisCalibration(final int rank) {
		steps = new double[rank];
		units = new String[rank];
		Arrays.fill(steps, Double.NaN);
	}

	/** Records axis {@code axis}'s step and unit; non-finite or zero steps are ignored. */
	void set(final int axis, final double step, final String unit) {
		if (axis < 0 || axis >= steps.length || !Double.isFinite(step) || step == 0)
			return;
		steps[axis] = step;
		units[axis] = unit == null ? "" : unit;
	}

	boolean isEmpty() {
		for (final double s : steps)
			if (!Double.isNaN(s))
				return false;
		return true;
	}

	/**
	 * The calibration for frames along {@code navAxes} with rows along {@code yAxis} and columns along {@code xAxis};
	 * axes without metadata stay unknown (scan step NaN, detector pixel 1 px when neither detector axis is known).
	 */
	Calibration toCalibration(final int[] navAxes, final int yAxis, final int xAxis) {
		Calibration c = Calibration.UNCALIBRATED;
		boolean scanKnown = false;
		final double[] scan = new double[navAxes.length];
		String scanUnit = null;
		for (int i = 0; i < navAxes.length; i++) {
			scan[i] = Double.NaN;
			if (Double.isNaN(steps[navAxes[i]]))
				continue;
			final double[] v = scan(steps[navAxes[i]], units[navAxes[i]]);
			final String u = scanUnitOf(units[navAxes[i]]);
			if (scanUnit == null)
				scanUnit = u;
			if (u.equals(scanUnit)) {
				scan[i] = v[0];
				scanKnown = true;
			}
		}
		if (scanKnown)
			c = c.withScan(scan, scanUnit);
		if (!Double.isNaN(steps[yAxis]) || !Double.isNaN(steps[xAxis])) {
			final int known = Double.isNaN(steps[yAxis]) ? xAxis : yAxis;
			final String unit = detectorUnitOf(units[known]);
			final double y = Double.isNaN(steps[yAxis]) || !detectorUnitOf(units[yAxis]).equals(unit) ? Double.NaN
					: detector(steps[yAxis], units[yAxis]);
			final double x = Double.isNaN(steps[xAxis]) || !detectorUnitOf(units[xAxis]).equals(unit) ? Double.NaN
					: detector(steps[xAxis], units[xAxis]);
			c = c.withDetector(y, x, unit);
		}
		return c;
	}

	/** Normalises spelling: EMD brackets and underscores dropped, {@code µ}/{@code μ} as {@code u}, {@code Å} as {@code A}. */
	static String clean(final String unit) {
		if (unit == null)
			return "";
		String u = unit.trim();
		if (u.startsWith("[") && u.endsWith("]"))
			u = u.substring(1, u.length() - 1);
		return u.replace("_", "").replace(" ", "").replace("µ", "u").replace("μ", "u").replace("Å", "A");
	}

	/** Metres per unit of a length unit, or NaN when {@code u} (cleaned) is no length. */
	private static double metres(final String u) {
		return switch (u) {
		case "m" -> 1;
		case "mm" -> 1e-3;
		case "um", "micron", "microns" -> 1e-6;
		case "nm" -> 1e-9;
		case "A", "angstrom", "Angstrom" -> 1e-10;
		case "pm" -> 1e-12;
		default -> Double.NaN;
		};
	}

	/** Metres per unit of the length whose reciprocal {@code u} is ({@code 1/nm}, {@code nm^-1}), or NaN. */
	private static double reciprocalMetres(final String u) {
		if (u.startsWith("1/"))
			return metres(u.substring(2));
		if (u.endsWith("^-1"))
			return metres(u.substring(0, u.length() - 3));
		return Double.NaN;
	}

	private static boolean isPixel(final String u) {
		final String l = u.toLowerCase(Locale.ROOT);
		return l.isEmpty() || l.equals("px") || l.equals("pixel") || l.equals("pixels") || l.equals("1") || l.equals("<undefined>");
	}

	private static String scanUnitOf(final String unit) {
		final String u = clean(unit);
		if (!Double.isNaN(metres(u)))
			return "nm";
		return isPixel(u) ? "px" : unit.trim();
	}

	/** A scan step in nm when its unit is a length, else as written. */
	private static double[] scan(final double step, final String unit) {
		final double m = metres(clean(unit));
		return new double[] { Double.isNaN(m) ? step : step * m / 1e-9 };
	}

	private static String detectorUnitOf(final String unit) {
		final String u = clean(unit);
		if (!Double.isNaN(reciprocalMetres(u)))
			return "1/nm";
		if (u.equals("mrad") || u.equals("rad"))
			return "mrad";
		if (!Double.isNaN(metres(u)))
			return "um";
		return isPixel(u) ? "px" : unit.trim();
	}

	/** A detector pixel in 1/nm, mrad or um by the kind of its unit, else as written. */
	private static double detector(final double step, final String unit) {
		final String u = clean(unit);
		final double r = reciprocalMetres(u);
		if (!Double.isNaN(r))
			return step * 1e-9 / r;
		if (u.equals("rad"))
			return step * 1000;
		final double m = metres(u);
		return Double.isNaN(m) ? step : step * m / 1e-6;
	}
}
