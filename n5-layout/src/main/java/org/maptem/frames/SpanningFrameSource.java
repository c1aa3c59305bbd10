package org.maptem.frames;

import java.lang.reflect.Array;
import java.util.function.IntFunction;

import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Tile;

/**
 * A {@link FrameSource} over a run of frames held by several sources in frame order, e.g. one per file of a series.
 *
 * <p>A tile inside one piece is read by that piece's source straight into the caller's array; a tile that crosses a
 * boundary (only whole-frame tiles can) is read piece by piece into a scratch array, kept for the next one, and
 * copied into place. Subclasses say which piece holds a frame and give its source. One thread.
 */
public abstract class SpanningFrameSource implements FrameSource {

	/** Reads {@code tile} from {@code source} into {@code dst}: one of {@link FrameSource}'s two read methods. */
	private interface Reader<A> {
		void read(FrameSource source, Tile tile, A dst);
	}

	private final String what;
	private float[] floats;
	private double[] doubles;

	/** @param what the dataset or files, for messages */
	protected SpanningFrameSource(final String what) {
		this.what = what;
	}

	/**
	 * The index of the piece holding dataset frame {@code frame} of {@code tile}.
	 *
	 * @throws LayoutException when {@code tile} does not lie within the run
	 */
	protected abstract int pieceOf(Tile tile, long frame);

	/** One past the last dataset frame of piece {@code piece}. */
	protected abstract long pieceEnd(int piece);

	/** The source reading piece {@code piece}. */
	protected abstract FrameSource source(int piece);

	@Override
	public final void read(final Tile tile, final float[] dst) {
		read(tile, dst, FrameSource::read, this::floats);
	}

	@Override
	public final void read(final Tile tile, final double[] dst) {
		read(tile, dst, FrameSource::read, this::doubles);
	}

	private float[] floats(final int n) {
		if (floats == null || floats.length < n)
			floats = new float[n];
		return floats;
	}

	private double[] doubles(final int n) {
		if (doubles == null || doubles.length < n)
			doubles = new double[n];
		return doubles;
	}

	private <A> void read(final Tile tile, final A dst, final Reader<A> reader, final IntFunction<A> scratch) {
		final int first = pieceOf(tile, tile.firstFrame());
		final long end = tile.firstFrame() + tile.frameCount();
		if (end <= pieceEnd(first)) {
			reader.read(source(first), tile, dst);
			return;
		}
		if (Array.getLength(dst) < tile.size())
			throw new LayoutException(what + ": tile buffer holds " + Array.getLength(dst) + " values, tile needs "
					+ tile.size());
		final int perFrame = tile.sigRows() * tile.sigWidth();
		for (long f = tile.firstFrame(); f < end;) {
			final int i = pieceOf(tile, f);
			final int n = (int) (Math.min(end, pieceEnd(i)) - f);
			final Tile part = new Tile(f, n, tile.sigRowStart(), tile.sigRows(), tile.sigWidth());
			final A piece = scratch.apply(part.size());
			reader.read(source(i), part, piece);
			System.arraycopy(piece, 0, dst, (int) (f - tile.firstFrame()) * perFrame, part.size());
			f += n;
		}
	}
}
