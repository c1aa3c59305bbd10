package org.maptem.dataset;

import java.io.Serializable;

/**
 * A contiguous run of frames, the unit of scheduling, locality and live update.
 *
 * <p>Partitions of an N5 dataset are unions of whole chunks; for a container MapTEM wrote, one partition is exactly
 * one chunk. A partition is a small value any worker can be given; the bytes are opened from the dataset.
 *
 * @param index      position of this partition in the dataset's partition list
 * @param firstFrame flat (C-order) index of the first frame
 * @param frameCount number of frames, at least 1
 */
public record Partition(int index, long firstFrame, int frameCount) implements Serializable {

	public Partition {
		if (frameCount < 1 || firstFrame < 0)
			throw new LayoutException("partition " + index + ": needs firstFrame >= 0 and frameCount >= 1, found "
					+ firstFrame + " and " + frameCount);
	}

	/** One past the last frame. */
	public long endFrame() {
		return firstFrame + frameCount;
	}
}
