package org.maptem.formats.mib;

import java.util.List;
import java.util.function.Supplier;

import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Tile;
import org.maptem.frames.FrameSource;

/**
 * Reads tiles from a run of frames spread over several files: each file's part of the run has its own source, opened
 * when a tile first needs it and closed when reading moves to another file.
 *
 * <p>A tile inside one file is read straight into the caller's array. A tile that spans files is read piece by
 * piece into a scratch array and copied into place; that happens only at file boundaries. One thread.
 */
final class SeriesFrameSource implements FrameSource {

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
	private float[] scratchF;
	private double[] scratchD;

	/**
	 * @param what   the dataset, for messages
	 * @param pieces consecutive pieces in frame order
	 */
	SeriesFrameSource(final String what, final List<Piece> pieces) {
		this.what = what;
		this.pieces = List.copyOf(pieces);
	}

	@Override
	public void read(final Tile tile, final float[] dst) {
		final int first = pieceOf(tile, tile.firstFrame());
		final Piece p = pieces.get(first);
		if (tile.firstFrame() + tile.frameCount() <= p.endFrame()) {
			source(first).read(tile, dst);
			return;
		}
		if (dst.length < tile.size())
			throw new LayoutException(what + ": tile buffer holds " + dst.length + " values, tile needs " + tile.size());
		final int perFrame = tile.sigRows() * tile.sigWidth();
		long f = tile.firstFrame();
		final long end = tile.firstFrame() + tile.frameCount();
		while (f < end) {
			final int i = pieceOf(tile, f);
			final Piece q = pieces.get(i);
			final int n = (int) (Math.min(end, q.endFrame()) - f);
			final Tile part = new Tile(f, n, tile.sigRowStart(), tile.sigRows(), tile.sigWidth());
			if (scratchF == null || scratchF.length < part.size())
				scratchF = new float[part.size()];
			source(i).read(part, scratchF);
			System.arraycopy(scratchF, 0, dst, (int) (f - tile.firstFrame()) * perFrame, part.size());
			f += n;
		}
	}

	@Override
	public void read(final Tile tile, final double[] dst) {
		final int first = pieceOf(tile, tile.firstFrame());
		final Piece p = pieces.get(first);
		if (tile.firstFrame() + tile.frameCount() <= p.endFrame()) {
			source(first).read(tile, dst);
			return;
		}
		if (dst.length < tile.size())
			throw new LayoutException(what + ": tile buffer holds " + dst.length + " values, tile needs " + tile.size());
		final int perFrame = tile.sigRows() * tile.sigWidth();
		long f = tile.firstFrame();
		final long end = tile.firstFrame() + tile.frameCount();
		while (f < end) {
			final int i = pieceOf(tile, f);
			final Piece q = pieces.get(i);
			final int n = (int) (Math.min(end, q.endFrame()) - f);
			final Tile part = new Tile(f, n, tile.sigRowStart(), tile.sigRows(), tile.sigWidth());
			if (scratchD == null || scratchD.length < part.size())
				scratchD = new double[part.size()];
			source(i).read(part, scratchD);
			System.arraycopy(scratchD, 0, dst, (int) (f - tile.firstFrame()) * perFrame, part.size());
			f += n;
		}
	}

	/** Index of the piece holding dataset frame {@code frame}, by binary search. */
	private int pieceOf(final Tile tile, final long frame) {
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

	private FrameSource source(final int index) {
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
