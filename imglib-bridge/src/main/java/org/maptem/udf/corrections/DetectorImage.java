package org.maptem.udf.corrections;

import java.io.Serializable;
import java.util.Arrays;

import org.maptem.udf.UdfException;

/**
 * One image of the detector's shape: a dark frame, a gain map or an excluded-pixel mask, as float32 values in
 * row-major order ({@code values[y * width + x]}).
 *
 * <p>Immutable: the values are copied in and out. Serializable, so it travels with a job to remote workers.
 *
 * @param height rows (detector y)
 * @param width  columns (detector x)
 * @param values {@code height * width} values, row-major
 */
public record DetectorImage(int height, int width, float[] values) implements Serializable {

	/**
	 * @throws UdfException when a side is not positive or {@code values} does not hold {@code height * width} values
	 */
	public DetectorImage {
		if (height < 1 || width < 1)
			throw UdfException.badParameter("detector image", "shape", "positive height and width",
					"[" + height + ", " + width + "]");
		if (values == null || values.length != (long) height * width)
			throw UdfException.badParameter("detector image", "values", (long) height * width + " values for shape ["
					+ height + ", " + width + "]", values == null ? "none" : values.length + " values");
		values = values.clone();
	}

	@Override
	public float[] values() {
		return values.clone();
	}

	/** Value at row {@code y}, column {@code x}. */
	public float get(final int y, final int x) {
		return values[y * width + x];
	}

	/** The shape as {@code [height, width]} (NumPy order), for messages. */
	public String shapeString() {
		return "[" + height + ", " + width + "]";
	}

	/** Values without a copy, for this package's kernels. */
	float[] array() {
		return values;
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof DetectorImage d && height == d.height && width == d.width && Arrays.equals(values, d.values);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * height + width) + Arrays.hashCode(values);
	}

	@Override
	public String toString() {
		return "detector image " + shapeString();
	}
}
