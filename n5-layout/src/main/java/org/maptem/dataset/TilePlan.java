package org.maptem.dataset;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * How a partition is cut into tiles: a number of whole frames per tile, or, when one frame exceeds the tile budget,
 * one frame per tile in bands of rows.
 *
 * <p>The default budget of 1 MiB of decoded values keeps a tile and a few masks in the L3 cache.
 *
 * @param framesPerTile frames in a full tile (1 when frames are split into row bands)
 * @param rowsPerTile   detector rows per tile (the full height unless frames are split)
 */
public record TilePlan(int framesPerTile, int rowsPerTile) implements Serializable {

	/** Default budget of decoded bytes per tile. */
	public static final long DEFAULT_TILE_BYTES = 1L << 20;

	public TilePlan {
		if (framesPerTile < 1 || rowsPerTile < 1)
			throw new LayoutException("tile plan needs at least 1 frame and 1 row per tile, found " + framesPerTile
					+ " frames and " + rowsPerTile + " rows");
	}

	/**
	 * The plan for frames of {@code sigShape} decoded to {@code bytesPerValue} (4 for float32), at about
	 * {@code tileBytes} per tile.
	 */
	public static TilePlan forBudget(final int[] sigShape, final int bytesPerValue, final long tileBytes) {
		final long frameBytes = (long) sigShape[0] * sigShape[1] * bytesPerValue;
		if (frameBytes <= tileBytes) {
			// a tile is one Java array: at most 2^31-1 values
			final long maxFrames = Math.max(1, Integer.MAX_VALUE / ((long) sigShape[0] * sigShape[1]));
			return new TilePlan((int) Math.min(maxFrames, Math.max(1, tileBytes / frameBytes)), sigShape[0]);
		}
		final long rowBytes = (long) sigShape[1] * bytesPerValue;
		return new TilePlan(1, (int) Math.max(1, Math.min(sigShape[0], tileBytes / rowBytes)));
	}

	/** The default plan for float32 tiles. */
	public static TilePlan defaultFor(final DatasetMeta meta) {
		return forBudget(meta.sigShape(), 4, DEFAULT_TILE_BYTES);
	}

	/** Largest tile size in values, for allocating a reusable tile buffer. */
	public int maxTileSize(final int[] sigShape) {
		return Math.multiplyExact(Math.multiplyExact(framesPerTile, Math.min(rowsPerTile, sigShape[0])), sigShape[1]);
	}

	/** The tiles of a partition in reading order: frames ascending, row bands ascending within a frame. */
	public List<Tile> tiles(final Partition p, final int[] sigShape) {
		final List<Tile> out = new ArrayList<>();
		final int h = sigShape[0];
		final int w = sigShape[1];
		for (long f = p.firstFrame(); f < p.endFrame(); f += framesPerTile) {
			final int n = (int) Math.min(framesPerTile, p.endFrame() - f);
			for (int r = 0; r < h; r += rowsPerTile)
				out.add(new Tile(f, n, r, Math.min(rowsPerTile, h - r), w));
		}
		return out;
	}
}
