package org.maptem.udf.masks;

import java.util.Arrays;

/**
 * The rasterised masks of an {@link ApplyMasksUdf}, with what its kernels need prepared once per task: which masks
 * are dense, and, for those, the union of their covered columns in every row, so a blocked kernel can walk them all
 * over the same pixels. Immutable and thread-safe.
 */
public final class MaskSet {

	private final MaskRaster[] rasters;
	private final int[] dense;
	private final float[][] denseWeights;
	private final int[] columnStart;
	private final int[] columnEnd;
	private final int firstDenseRow;
	private final int endDenseRow;

	/**
	 * @param rasters the masks in result order, all of one detector shape
	 */
	MaskSet(final MaskRaster[] rasters) {
		this.rasters = rasters.clone();
		final int h = rasters[0].height();
		dense = java.util.stream.IntStream.range(0, rasters.length).filter(i -> rasters[i].dense()).toArray();
		denseWeights = new float[dense.length][];
		columnStart = new int[h];
		columnEnd = new int[h];
		Arrays.fill(columnStart, Integer.MAX_VALUE);
		int first = h;
		int end = 0;
		for (int d = 0; d < dense.length; d++) {
			final MaskRaster m = rasters[dense[d]];
			denseWeights[d] = m.weightArray();
			for (int r = m.firstRow(); r < m.endRow(); r++) {
				if (m.segmentEnd(r) == m.segmentStart(r))
					continue;
				// a dense raster has one segment per covered row, from its first to its last non-zero weight
				columnStart[r] = Math.min(columnStart[r], m.x0(m.segmentStart(r)));
				columnEnd[r] = Math.max(columnEnd[r], m.x1(m.segmentStart(r)));
				first = Math.min(first, r);
				end = Math.max(end, r + 1);
			}
		}
		firstDenseRow = first;
		endDenseRow = Math.max(first, end);
	}

	/** Number of masks. */
	public int size() {
		return rasters.length;
	}

	/** Mask {@code i} in result order. */
	public MaskRaster raster(final int i) {
		return rasters[i];
	}

	/** Number of dense masks. */
	int denseCount() {
		return dense.length;
	}

	/** Result index of dense mask {@code d}. */
	int denseIndex(final int d) {
		return dense[d];
	}

	/** Weights of dense mask {@code d}, {@code height × width} row-major; never written. */
	float[] denseWeights(final int d) {
		return denseWeights[d];
	}

	/** First row any dense mask covers ({@code height} when none). */
	int firstDenseRow() {
		return firstDenseRow;
	}

	/** One past the last row any dense mask covers. */
	int endDenseRow() {
		return endDenseRow;
	}

	/** First column any dense mask covers in row {@code r}; larger than {@link #denseColumnEnd} when none does. */
	int denseColumnStart(final int r) {
		return columnStart[r];
	}

	/** One past the last column any dense mask covers in row {@code r}. */
	int denseColumnEnd(final int r) {
		return columnEnd[r];
	}
}
