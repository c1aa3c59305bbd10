package org.maptem.udf;

import java.io.Serializable;
import java.util.Arrays;
import java.util.BitSet;

import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.Partition;

/**
 * A region of interest in scan space: the set of frames a job processes.
 *
 * <p>Frames outside the ROI are never read. NAV results keep their fill value there: NaN for floating-point
 * buffers, 0 for INT64 buffers; SIG and SINGLE results only include frames inside the ROI. Frames are numbered in
 * C order of the nav shape ({@code frame = y * width + x} for a 2D scan). Immutable, serializable, thread-safe.
 */
public final class Roi implements Serializable {

	private static final long serialVersionUID = 1L;

	private final long[] navShape;
	private final BitSet frames;
	private final long count;

	private Roi(final long[] navShape, final BitSet frames) {
		this.navShape = navShape.clone();
		this.frames = frames;
		this.count = frames.cardinality();
	}

	/**
	 * A ROI from a flat boolean mask in C order of {@code navShape}.
	 *
	 * @throws UdfException when the mask length is not the number of positions of {@code navShape}
	 */
	public static Roi of(final long[] navShape, final boolean[] mask) {
		final long n = positions(navShape);
		if (mask.length != n)
			throw UdfException.badParameter("roi", "mask", n + " values for nav shape " + Arrays.toString(navShape),
					mask.length + " values");
		final BitSet bits = new BitSet(mask.length);
		for (int i = 0; i < mask.length; i++)
			if (mask[i])
				bits.set(i);
		return new Roi(navShape, bits);
	}

	/**
	 * A ROI holding the listed frames (flat C-order indices) of {@code navShape}.
	 *
	 * @throws UdfException when a frame index lies outside the nav shape
	 */
	public static Roi ofFrames(final long[] navShape, final long... frameIndices) {
		final long n = positions(navShape);
		final BitSet bits = new BitSet((int) n);
		for (final long f : frameIndices) {
			if (f < 0 || f >= n)
				throw UdfException.badParameter("roi", "frame", "an index in [0, " + n + ") for nav shape "
						+ Arrays.toString(navShape), f);
			bits.set((int) f);
		}
		return new Roi(navShape, bits);
	}

	/** Nav shape (NumPy order) this ROI was made for. */
	public long[] navShape() {
		return navShape.clone();
	}

	/** Number of frames in the ROI. */
	public long count() {
		return count;
	}

	/** True when frame {@code frame} (flat index) is in the ROI. */
	public boolean contains(final long frame) {
		return frame >= 0 && frame < Integer.MAX_VALUE && frames.get((int) frame);
	}

	/** First frame at or after {@code from} that is in the ROI, or -1. */
	public long nextIn(final long from) {
		return frames.nextSetBit((int) from);
	}

	/** First frame at or after {@code from} that is not in the ROI (the end of a run starting at {@code from}). */
	public long nextOut(final long from) {
		return frames.nextClearBit((int) from);
	}

	/** Number of ROI frames inside {@code partition}. */
	public long countIn(final Partition partition) {
		return frames.get((int) partition.firstFrame(), (int) partition.endFrame()).cardinality();
	}

	/**
	 * Checks that this ROI fits {@code meta} and selects something.
	 *
	 * @throws UdfException when the nav shapes differ or the ROI is empty
	 */
	public void check(final DatasetMeta meta) {
		if (!Arrays.equals(navShape, meta.navShape()))
			throw UdfException.badParameter("roi", "navShape", Arrays.toString(meta.navShape()) + " (the dataset's)",
					Arrays.toString(navShape));
		if (count == 0)
			throw UdfException.badParameter("roi", "mask", "at least one selected frame", "none of " + positions(navShape));
	}

	private static long positions(final long[] navShape) {
		if (navShape == null || navShape.length == 0)
			throw UdfException.badParameter("roi", "navShape", "1 to 3 positive extents", Arrays.toString(navShape));
		long n = 1;
		for (final long d : navShape) {
			if (d < 1)
				throw UdfException.badParameter("roi", "navShape", "positive extents", Arrays.toString(navShape));
			n = Math.multiplyExact(n, d);
		}
		if (n > Integer.MAX_VALUE)
			throw UdfException.badParameter("roi", "navShape", "at most 2^31 - 1 positions", n);
		return n;
	}

	@Override
	public String toString() {
		return "roi of " + count + " frames in nav " + Arrays.toString(navShape);
	}
}
