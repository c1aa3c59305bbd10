package org.maptem.formats.tvips;

import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Tile;
import org.maptem.frames.FrameSource;
import org.maptem.frames.SpanningFrameSource;

/**
 * Reads tiles of a frame run that spans several files, each file's frames read by its own source.
 *
 * <p>Tiles that cross a file boundary are read piece by piece ({@link SpanningFrameSource}). The per-file sources are
 * opened with this one and closed with it. One source per thread.
 */
final class SplitFrameSource extends SpanningFrameSource {

	private final FrameSource[] sources;
	/** Dataset frame index of each source's first frame, ascending, plus one past the last source's last frame. */
	private final long[] starts;

	/**
	 * @param what    the files, for messages
	 * @param sources the per-file sources in frame order
	 * @param starts  dataset frame index of each source's first frame, and one past the end ({@code sources.length + 1}
	 *                values)
	 */
	SplitFrameSource(final String what, final FrameSource[] sources, final long[] starts) {
		super(what);
		this.sources = sources.clone();
		this.starts = starts.clone();
	}

	@Override
	protected long pieceEnd(final int piece) {
		return starts[piece + 1];
	}

	@Override
	protected FrameSource source(final int piece) {
		return sources[piece];
	}

	/** The index of the source holding dataset frame {@code frame}, once the tile is known to lie in the run. */
	@Override
	protected int pieceOf(final Tile tile, final long frame) {
		final long first = tile.firstFrame();
		if (first < starts[0] || first + tile.frameCount() > starts[starts.length - 1])
			throw new LayoutException("tile " + tile + " lies outside frames " + starts[0] + " to "
					+ (starts[starts.length - 1] - 1) + " of this source");
		int i = 0;
		while (frame >= starts[i + 1])
			i++;
		return i;
	}

	@Override
	public void close() {
		for (final FrameSource s : sources)
			s.close();
	}
}
