package org.maptem.dataset;

/**
 * The part of a partition a UDF sees at once: a stack of frames, or of row bands of frames when one frame is larger
 * than a tile. Tile pixel data is laid out frame after frame, each {@code sigRows × sigWidth} in row-major order.
 *
 * @param firstFrame flat index of the first frame in the dataset
 * @param frameCount frames in this tile
 * @param sigRowStart first detector row covered
 * @param sigRows     detector rows covered
 * @param sigWidth    detector width (every tile covers whole rows)
 */
public record Tile(long firstFrame, int frameCount, int sigRowStart, int sigRows, int sigWidth) {

	/** Number of pixel values in this tile. */
	public int size() {
		return frameCount * sigRows * sigWidth;
	}

	/** True when the tile covers whole frames. */
	public boolean wholeFrames(final int sigHeight) {
		return sigRowStart == 0 && sigRows == sigHeight;
	}
}
