package org.maptem.frames;

import java.io.Closeable;

import org.maptem.dataset.Tile;

/**
 * Reads tiles of frames, decoded to floating point, from wherever a partition's bytes are.
 *
 * <p>A source is opened per partition and used by one thread; the destination arrays are the caller's reusable tile
 * buffers, filled from index 0 with {@link Tile#size()} values, frame after frame, rows in order. Frame indices in
 * tiles are dataset-global.
 */
public interface FrameSource extends Closeable {

	/** Decodes {@code tile} into {@code dst} as float32. */
	void read(Tile tile, float[] dst);

	/** Decodes {@code tile} into {@code dst} as float64. */
	void read(Tile tile, double[] dst);

	/** Releases mappings, files and buffers; never throws. */
	@Override
	void close();
}
