package org.maptem.formats.mib;

import java.util.List;
import java.util.function.Supplier;

import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Tile;
import org.maptem.frames.FrameSource;
import org.maptem.frames.SpanningFrameSource;

/**
 * Reads tiles from a run of frames spread over several files: each file's part of the run has its own source, opened
 * when a tile first needs it and closed when reading moves to another file.
 *
 * <p>Tiles that span files are read piece by piece ({@link SpanningFrameSource}). One thread.
 */
final class SeriesFrameSource extends SpanningFrameSource {

	/** One file's part of the run: dataset frames {@code firstFrame ...}, and how to open a source for them. */
	record Piece(long firstFrame, int frameCount, Supplier<FrameSource> opener) {

		long endFrame() {
			return firstFrame + frameCount;
		}
	}

	private final String what;
	private final List<Piece> pieces;
	private int openIndex = -1;
	private FrameSource open;

	/**
	 * @param what   the dataset, for messages
	 * @param pieces consecutive pieces in frame order
	 */
	SeriesFrameSource(final String what, final List<Piece> pieces) {
		super(what);
		this.what = what;
		this.pieces = List.copyOf(pieces);
	}

	@Override
	protected long pieceEnd(final int piece) {
		return pieces.get(piece).endFrame();
	}

	/** Index of the piece holding dataset frame {@code frame}, by binary search. */
	@Override
	protected int pieceOf(final Tile tile, final long frame) {
		int lo = 0;
		int hi = pieces.size() - 1;
		if (frame < pieces.get(0).firstFrame() || frame >= pieces.get(hi).endFrame()
				|| tile.firstFrame() + tile.frameCount() > pieces.get(hi).endFrame())
			throw new LayoutException(what + ": tile " + tile + " lies outside frames " + pieces.get(0).firstFrame()
					+ " to " + (pieces.get(hi).endFrame() - 1) + " of this source");
		while (lo < hi) {
			final int mid = (lo + hi + 1) >>> 1;
			if (pieces.get(mid).firstFrame() <= frame)
				lo = mid;
			else
				hi = mid - 1;
		}
		return lo;
	}

	@Override
	protected FrameSource source(final int index) {
		if (index != openIndex) {
			closeOpen();
			open = pieces.get(index).opener().get();
			openIndex = index;
		}
		return open;
	}

	private void closeOpen() {
		if (open != null)
			open.close();
		open = null;
		openIndex = -1;
	}

	@Override
	public void close() {
		closeOpen();
	}
}
