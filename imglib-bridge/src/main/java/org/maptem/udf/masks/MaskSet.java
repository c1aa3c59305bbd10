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

	/**
	 * The runs of pixels some dense mask covers in a tile of rows {@code rowStart ..< rowStart + rows} of a detector
	 * {@code width} wide, as triples {@code (offset in a tile frame, offset in the weights, length)} in row order;
	 * consecutive whole rows are contiguous in the tile and in the weights, so they make one run.
	 *
	 * @return the triples, {@code 3 × run count} values
	 */
	int[] denseRuns(final int rowStart, final int rows, final int width) {
		final int r0 = Math.max(rowStart, firstDenseRow);
		final int r1 = Math.min(rowStart + rows, endDenseRow);
		final int[] runs = new int[3 * Math.max(0, r1 - r0)];
		int n = 0;
		for (int r = r0; r < r1;) {
			final int c0 = columnStart[r];
			final int c1 = columnEnd[r];
			int rEnd = r + 1;
			if (c0 < c1) {
				if (c0 == 0 && c1 == width)
					while (rEnd < r1 && columnStart[rEnd] == 0 && columnEnd[rEnd] == width)
						rEnd++;
				runs[n++] = (r - rowStart) * width + c0;
				runs[n++] = r * width + c0;
				runs[n++] = (rEnd - r - 1) * width + c1 - c0;
			}
			r = rEnd;
		}
		return n == runs.length ? runs : Arrays.copyOf(runs, n);
	}

	/** The weights of every dense mask, in dense order (the arrays themselves, never to be written). */
	float[][] denseWeightArrays() {
		return denseWeights;
	}

	/** Result index of every dense mask, in dense order (the array itself, never to be written). */
	int[] denseIndices() {
		return dense;
	}
}
