package org.maptem.udf.masks;

import java.util.Arrays;

import org.maptem.udf.UdfException;

/**
 * Collects the covered column runs of a mask row by row and builds its {@link MaskRaster}: runs are clipped to the
 * detector, empty ones dropped, and a run touching or overlapping the previous run of its row is joined to it (when
 * both have the same weight), so segments come out sorted and disjoint as long as each row's runs are added left to
 * right. Not thread-safe; one collector per rasterisation.
 */
final class SegmentCollector {

	private final int height;
	private final int width;
	private final int[] rows;
	private int[] x0 = new int[16];
	private int[] x1 = new int[16];
	private float[] weights = new float[16];
	private boolean weighted;
	private int n;
	private int row;

	SegmentCollector(final int height, final int width) {
		this.height = height;
		this.width = width;
		this.rows = new int[height + 1];
	}

	/** Adds columns {@code first} to {@code last} (inclusive) of the current row, weight 1. */
	void add(final long first, final long last) {
		add(first, last, 1f);
	}

	/** Adds columns {@code first} to {@code last} (inclusive) of the current row, each pixel weighing {@code weight}. */
	void add(final long first, final long last, final float weight) {
		final long a = Math.max(0, first);
		final long b = Math.min(width - 1L, last);
		if (a > b || weight == 0)
			return;
		if (weight != 1)
			weighted = true;
		if (n > rows[row] && a <= x1[n - 1] && weights[n - 1] == weight) {
			x1[n - 1] = Math.max(x1[n - 1], (int) b + 1);
			return;
		}
		if (n == x0.length) {
			x0 = Arrays.copyOf(x0, 2 * n);
			x1 = Arrays.copyOf(x1, 2 * n);
			weights = Arrays.copyOf(weights, 2 * n);
		}
		x0[n] = (int) a;
		x1[n] = (int) b + 1;
		weights[n] = weight;
		n++;
	}

	/** Ends the current row and starts the next; rows are ended in order from row 0. */
	void endRow() {
		rows[row + 1] = n;
		row++;
	}

	/**
	 * The raster of {@code mask}: binary when every segment weighs 1, sparse otherwise. Rows not ended yet are left
	 * empty.
	 *
	 * @throws UdfException naming the mask and the detector size when no pixel is covered
	 */
	MaskRaster build(final Mask mask) {
		while (row < height)
			endRow();
		if (n == 0)
			throw Masks.coversNothing(mask, height, width);
		final int[] a = Arrays.copyOf(x0, n);
		final int[] b = Arrays.copyOf(x1, n);
		return weighted ? MaskRaster.sparse(height, width, rows, a, b, Arrays.copyOf(weights, n))
				: MaskRaster.binary(height, width, rows, a, b);
	}
}
