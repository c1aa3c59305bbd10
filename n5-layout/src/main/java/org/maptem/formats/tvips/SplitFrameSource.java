package org.maptem.formats.tvips;

import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Tile;
import org.maptem.frames.FrameSource;

/**
 * Reads tiles of a frame run that spans several files, each file's frames read by its own source.
 *
 * <p>A tile inside one file is read by that file's source straight into the caller's array; a tile that crosses a
 * file boundary (only whole-frame tiles can) is read piecewise through a scratch array kept for the next one. One
 * source per thread.
 */
final class SplitFrameSource implements FrameSource {

	private final FrameSource[] sources;
	/** Dataset frame index of each source's first frame, ascending, plus one past the last source's last frame. */
	private final long[] starts;
	private float[] floatScratch;
	private double[] doubleScratch;

	/**
	 * @param sources the per-file sources in frame order
	 * @param starts  dataset frame index of each source's first frame, and one past the end ({@code sources.length + 1}
	 *                values)
	 */
	SplitFrameSource(final FrameSource[] sources, final long[] starts) {
		this.sources = sources.clone();
		this.starts = starts.clone();
	}

	@Override
	public void read(final Tile tile, final float[] dst) {
		final int i = check(tile);
		final long end = tile.firstFrame() + tile.frameCount();
		if (end <= starts[i + 1]) {
			sources[i].read(tile, dst);
			return;
		}
		final int perFrame = tile.sigRows() * tile.sigWidth();
		int out = 0;
		for (int k = i; out < tile.size(); k++) {
			final Tile part = part(tile, k);
			if (floatScratch == null || floatScratch.length < part.size())
				floatScratch = new float[part.size()];
			sources[k].read(part, floatScratch);
			System.arraycopy(floatScratch, 0, dst, out, part.size());
			out += part.frameCount() * perFrame;
		}
	}

	@Override
	public void read(final Tile tile, final double[] dst) {
		final int i = check(tile);
		final long end = tile.firstFrame() + tile.frameCount();
		if (end <= starts[i + 1]) {
			sources[i].read(tile, dst);
			return;
		}
		final int perFrame = tile.sigRows() * tile.sigWidth();
		int out = 0;
		for (int k = i; out < tile.size(); k++) {
			final Tile part = part(tile, k);
			if (doubleScratch == null || doubleScratch.length < part.size())
				doubleScratch = new double[part.size()];
			sources[k].read(part, doubleScratch);
			System.arraycopy(doubleScratch, 0, dst, out, part.size());
			out += part.frameCount() * perFrame;
		}
	}

	/** The part of {@code tile} that source {@code k} holds. */
	private Tile part(final Tile tile, final int k) {
		final long from = Math.max(tile.firstFrame(), starts[k]);
		final long to = Math.min(tile.firstFrame() + tile.frameCount(), starts[k + 1]);
		return new Tile(from, (int) (to - from), tile.sigRowStart(), tile.sigRows(), tile.sigWidth());
	}

	/** The index of the source holding the tile's first frame. */
	private int check(final Tile tile) {
		final long first = tile.firstFrame();
		if (first < starts[0] || first + tile.frameCount() > starts[starts.length - 1])
			throw new LayoutException("tile " + tile + " lies outside frames " + starts[0] + " to "
					+ (starts[starts.length - 1] - 1) + " of this source");
		int i = 0;
		while (first >= starts[i + 1])
			i++;
		return i;
	}

	@Override
	public void close() {
		for (final FrameSource s : sources)
			s.close();
	}
}
