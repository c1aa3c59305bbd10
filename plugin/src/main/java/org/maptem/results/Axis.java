package org.maptem.results;

import java.util.Objects;

/**
 * One axis of a result image: its name, the physical size of one step along it, and the unit of that size.
 *
 * @param name short name, e.g. {@code "x"} (scan column), {@code "ky"} (detector row) or {@code "k"} (index, such as
 *             the mask number of a virtual detector)
 * @param step size of one pixel along the axis in {@code unit}; 1 for index axes and uncalibrated ones
 * @param unit e.g. {@code "nm"}, {@code "mrad"}, {@code "px"}, or {@code ""} for index axes
 */
public record Axis(String name, double step, String unit) {

	public Axis {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(unit, "unit");
	}

	/** An index axis: step 1, no unit. */
	public static Axis index(final String name) {
		return new Axis(name, 1, "");
	}
}
