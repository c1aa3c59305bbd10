package org.maptem.results;

import org.maptem.dataset.LayoutException;

/**
 * How a result is cut into 2D planes for image files: the first image axis is the plane's x, the second its y
 * (height 1 when there is none); extra axes are channels and further image axes slices.
 *
 * <p>Values are in NumPy C order, so with {@code E} channels, planes of {@code width × height} and slice {@code s},
 * pixel {@code (x, y)} of channel {@code e} is at {@code ((s·height + y)·width + x)·E + e}. Plane {@code p} is
 * channel {@code p mod E} of slice {@code p div E}.
 *
 * @param width    plane width: the first image axis
 * @param height   plane height: the second image axis, or 1
 * @param channels product of the extra axes (1 when there are none)
 * @param slices   product of the image axes after the second (1 when there are none)
 */
record Planes(int width, int height, int channels, int slices) {

	/**
	 * The planes of {@code r}.
	 *
	 * @throws LayoutException when a plane or the plane count exceeds what an image file holds
	 */
	static Planes of(final ResultImage r) {
		final long[] d = r.dimensions();
		final int first = r.extraAxes();
		long channels = 1;
		for (int i = 0; i < first; i++)
			channels *= d[i];
		final long width = d[first];
		final long height = d.length > first + 1 ? d[first + 1] : 1;
		long slices = 1;
		for (int i = first + 2; i < d.length; i++)
			slices *= d[i];
		if (width * height > Integer.MAX_VALUE - 8 || channels * slices > Integer.MAX_VALUE)
			throw new LayoutException("result '" + r.name() + "': planes of " + width + " × " + height + " pixels, "
					+ channels * slices + " of them, are more than an image file holds");
		return new Planes((int) width, (int) height, (int) channels, (int) slices);
	}

	/** Number of planes. */
	int count() {
		return channels * slices;
	}

	/** Copies plane {@code plane} of the C-order {@code values} into {@code dst} (row-major, {@code width × height}). */
	void copy(final double[] values, final int plane, final float[] dst) {
		final int e = plane % channels;
		final long base = (long) (plane / channels) * height * width;
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++)
				dst[y * width + x] = (float) values[(int) ((base + (long) y * width + x) * channels + e)];
	}

	/** A label for plane {@code plane}, e.g. {@code "intensity k=2"}. */
	String label(final String name, final int plane) {
		if (count() == 1)
			return name;
		final StringBuilder s = new StringBuilder(name);
		if (channels > 1)
			s.append(" k=").append(plane % channels);
		if (slices > 1)
			s.append(" z=").append(plane / channels);
		return s.toString();
	}

	/** {@code [min, max]} of the finite values, {@code [0, 0]} when there are none. */
	static double[] finiteRange(final double[] values) {
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		for (final double v : values)
			if (Double.isFinite(v)) {
				min = Math.min(min, v);
				max = Math.max(max, v);
			}
		return min > max ? new double[] { 0, 0 } : new double[] { min, max };
	}
}
