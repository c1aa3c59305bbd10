package org.maptem.img;

import org.maptem.udf.UdfException;
import org.maptem.udf.corrections.Corrections;

/**
 * How {@link DatasetImgs} builds a lazy image: how much memory its cell cache may hold, how many frames a cell may
 * have, and which corrections to apply to the frames as they load.
 *
 * @param cacheBytes    memory the cache keeps cells for (decoded bytes), at least one cell whatever the value
 * @param maxCellFrames frames per cell at most; 0 for cells as large as the dataset's partitions
 * @param corrections   applied to every frame loaded into a float cell; {@link Corrections#none()} for none
 */
public record DatasetImgOptions(long cacheBytes, long maxCellFrames, Corrections corrections) {

	/** 1 GiB of cells as large as the partitions, no corrections. */
	public static final DatasetImgOptions DEFAULTS = new DatasetImgOptions(1L << 30, 0, Corrections.none());

	/**
	 * @throws UdfException when a number is negative
	 */
	public DatasetImgOptions {
		if (cacheBytes < 0)
			throw UdfException.badParameter("DatasetImgOptions", "cacheBytes", "a size >= 0", cacheBytes);
		if (maxCellFrames < 0)
			throw UdfException.badParameter("DatasetImgOptions", "maxCellFrames", "0 (partition) or a frame count",
					maxCellFrames);
		corrections = corrections == null ? Corrections.none() : corrections;
	}

	/** These options with a cache of {@code bytes}. */
	public DatasetImgOptions withCacheBytes(final long bytes) {
		return new DatasetImgOptions(bytes, maxCellFrames, corrections);
	}

	/** These options with cells of at most {@code frames} frames (0: as large as the partitions). */
	public DatasetImgOptions withMaxCellFrames(final long frames) {
		return new DatasetImgOptions(cacheBytes, frames, corrections);
	}

	/** These options applying {@code c} to every loaded frame ({@code null}: none). */
	public DatasetImgOptions withCorrections(final Corrections c) {
		return new DatasetImgOptions(cacheBytes, maxCellFrames, c);
	}
}
