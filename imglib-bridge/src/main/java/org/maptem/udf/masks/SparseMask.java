package org.maptem.udf.masks;

import java.util.Arrays;

/**
 * Weights given for a list of pixels {@code (y[i], x[i])}, every other pixel weighing 0. Made by
 * {@link Masks#sparse}, which documents duplicates and pixels off the detector.
 *
 * <p>Rasterised to a sparse {@link MaskRaster}: entries sorted by row and column, the weights of repeated pixels
 * added, runs of neighbouring pixels of equal weight joined into one segment.
 *
 * @param ys      rows
 * @param xs      columns
 * @param weights finite weights
 */
record SparseMask(int[] ys, int[] xs, float[] weights) implements Mask {

	@Override
	public MaskRaster rasterize(final int height, final int width) {
		final Integer[] order = new Integer[ys.length];
		int m = 0;
		for (int i = 0; i < ys.length; i++)
			if (ys[i] >= 0 && ys[i] < height && xs[i] >= 0 && xs[i] < width)
				order[m++] = i;
		// a stable sort: the weights of a repeated pixel are added in list order
		Arrays.sort(order, 0, m, (a, b) -> Long.compare(key(a, width), key(b, width)));
		final SegmentCollector c = new SegmentCollector(height, width);
		int row = 0;
		for (int i = 0; i < m;) {
			final long p = key(order[i], width);
			double w = 0;
			for (; i < m && key(order[i], width) == p; i++)
				w += weights[order[i]];
			for (; row < p / width; row++)
				c.endRow();
			c.add(p % width, p % width, (float) w);
		}
		return c.build(this);
	}

	private long key(final int entry, final int width) {
		return (long) ys[entry] * width + xs[entry];
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof SparseMask s && Arrays.equals(s.ys, ys) && Arrays.equals(s.xs, xs)
				&& Arrays.equals(s.weights, weights);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * Arrays.hashCode(ys) + Arrays.hashCode(xs)) + Arrays.hashCode(weights);
	}

	@Override
	public String toString() {
		return "sparse(" + ys.length + " entries)";
	}
}
