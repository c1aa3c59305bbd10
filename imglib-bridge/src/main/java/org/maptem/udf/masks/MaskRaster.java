package org.maptem.udf.masks;

import java.util.Arrays;

/**
 * A mask rasterised on a detector: for every row, the runs of covered pixels ("segments"), and the weights.
 *
 * <p>Kernels visit only covered rows and segments, so a small disk or a point costs a few rows of a frame, not the
 * whole frame. Three forms:
 * <ul>
 * <li><em>binary</em>: every covered pixel weighs 1;</li>
 * <li><em>sparse</em>: every segment has one weight for all its pixels (a list of single pixels with their
 * weights, runs of equal weight joined), summed by a segment kernel;</li>
 * <li><em>dense</em>: one segment per row, from its first to its last non-zero weight, and a weight per pixel.</li>
 * </ul>
 * Immutable and thread-safe; the arrays are never handed out for writing.
 */
public final class MaskRaster {

	private final int height;
	private final int width;
	private final int[] rowSegments;
	private final int[] x0;
	private final int[] x1;
	private final float[] weights;
	private final float[] segmentWeights;
	private final int firstRow;
	private final int endRow;

	private MaskRaster(final int height, final int width, final int[] rowSegments, final int[] x0, final int[] x1,
			final float[] weights, final float[] segmentWeights) {
		this.height = height;
		this.width = width;
		this.rowSegments = rowSegments;
		this.x0 = x0;
		this.x1 = x1;
		this.weights = weights;
		this.segmentWeights = segmentWeights;
		int first = height;
		int end = 0;
		for (int r = 0; r < height; r++)
			if (rowSegments[r + 1] > rowSegments[r]) {
				first = Math.min(first, r);
				end = r + 1;
			}
		this.firstRow = first;
		this.endRow = Math.max(end, first);
	}

	/**
	 * A binary mask from per-row segments: segments of row {@code r} are indices {@code rowSegments[r]} to
	 * {@code rowSegments[r + 1] - 1} of {@code x0} (first column) and {@code x1} (one past the last column), sorted,
	 * non-overlapping, inside the detector.
	 */
	static MaskRaster binary(final int height, final int width, final int[] rowSegments, final int[] x0, final int[] x1) {
		return new MaskRaster(height, width, rowSegments, x0, x1, null, null);
	}

	/**
	 * A sparse mask from per-row segments as for {@link #binary}, each segment {@code s} weighing
	 * {@code segmentWeights[s]} for every one of its pixels.
	 */
	static MaskRaster sparse(final int height, final int width, final int[] rowSegments, final int[] x0, final int[] x1,
			final float[] segmentWeights) {
		return new MaskRaster(height, width, rowSegments, x0, x1, null, segmentWeights);
	}

	/** A dense mask from {@code height × width} row-major weights (not copied; the caller gives it up). */
	static MaskRaster dense(final int height, final int width, final float[] weights) {
		final int[] rows = new int[height + 1];
		final int[] a = new int[height];
		final int[] b = new int[height];
		int n = 0;
		for (int r = 0; r < height; r++) {
			rows[r] = n;
			int first = -1;
			int last = -1;
			for (int x = 0; x < width; x++)
				if (weights[r * width + x] != 0) {
					if (first < 0)
						first = x;
					last = x;
				}
			if (first >= 0) {
				a[n] = first;
				b[n] = last + 1;
				n++;
			}
		}
		rows[height] = n;
		return new MaskRaster(height, width, rows, Arrays.copyOf(a, n), Arrays.copyOf(b, n), weights, null);
	}

	public int height() {
		return height;
	}

	public int width() {
		return width;
	}

	/** True when every covered pixel weighs 1. */
	public boolean binary() {
		return weights == null && segmentWeights == null;
	}

	/** True when every segment has one weight ({@link #segmentWeight}) for all its pixels. */
	public boolean sparse() {
		return segmentWeights != null;
	}

	/** True when every pixel has its own weight (one segment per row). */
	public boolean dense() {
		return weights != null;
	}

	/** First row with a covered pixel ({@link #height()} when none). */
	public int firstRow() {
		return firstRow;
	}

	/** One past the last row with a covered pixel. */
	public int endRow() {
		return endRow;
	}

	/** Index of the first segment of row {@code row}. */
	public int segmentStart(final int row) {
		return rowSegments[row];
	}

	/** One past the index of the last segment of row {@code row}. */
	public int segmentEnd(final int row) {
		return rowSegments[row + 1];
	}

	/** First column of segment {@code segment}. */
	public int x0(final int segment) {
		return x0[segment];
	}

	/** One past the last column of segment {@code segment}. */
	public int x1(final int segment) {
		return x1[segment];
	}

	/**
	 * Weight of every pixel of segment {@code segment} of a binary (1) or sparse mask.
	 *
	 * @throws IllegalStateException for a dense mask, whose pixels in a segment differ
	 */
	public float segmentWeight(final int segment) {
		if (weights != null)
			throw new IllegalStateException("a dense mask has no weight per segment");
		return segmentWeights == null ? 1f : segmentWeights[segment];
	}

	/** Weight of pixel {@code (x, y)}: 0 outside the mask, 1 inside a binary mask. */
	public float weight(final int x, final int y) {
		if (weights != null)
			return weights[y * width + x];
		for (int s = rowSegments[y]; s < rowSegments[y + 1]; s++)
			if (x >= x0[s] && x < x1[s])
				return segmentWeight(s);
		return 0;
	}

	/**
	 * Number of pixels inside segments: the covered pixels of a binary or sparse mask; for a dense mask, every pixel
	 * from the first to the last non-zero weight of each row.
	 */
	public long pixelCount() {
		long n = 0;
		for (int s = 0; s < x0.length; s++)
			n += x1[s] - x0[s];
		return n;
	}

	/** All weights as a new {@code height × width} row-major array. */
	public float[] toDense() {
		if (weights != null)
			return weights.clone();
		final float[] out = new float[height * width];
		for (int r = 0; r < height; r++)
			for (int s = rowSegments[r]; s < rowSegments[r + 1]; s++)
				Arrays.fill(out, r * width + x0[s], r * width + x1[s], segmentWeight(s));
		return out;
	}

	/** The weight array of a dense mask, for kernels; never written. */
	float[] weightArray() {
		return weights;
	}

	/** The segment weights of a sparse mask ({@code null} for binary and dense masks), for kernels; never written. */
	float[] segmentWeightArray() {
		return segmentWeights;
	}
}
