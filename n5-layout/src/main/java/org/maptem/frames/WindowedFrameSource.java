package org.maptem.frames;

import java.nio.file.Path;

import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Tile;

/**
 * A {@link FrameSource} over one file at a {@link FrameLayout} that reads tiles from windows of the file's bytes
 * (a mapping, a read buffer): it keeps the current window while tiles fall inside it and asks its subclass for a new
 * one, holding the tile's bytes and usually the following tiles', when a tile does not. Shared by {@link MappedFrameSource} and
 * {@link DirectFrameSource}, which differ only in how a window is filled. One source per thread.
 */
abstract class WindowedFrameSource implements FrameSource {

	/** The file, for messages. */
	final Path file;
	/** Where the frames lie in the file. */
	final FrameLayout layout;
	/** The dataset frame of the layout's frame 0. */
	final long baseFrame;
	/** Decodes the windows' bytes; one per source, as it keeps scratch arrays. */
	final TileDecoder decoder = new TileDecoder();
	private BufferFrameSource current;

	WindowedFrameSource(final Path file, final FrameLayout layout, final long baseFrame) {
		this.file = file;
		this.layout = layout;
		this.baseFrame = baseFrame;
	}

	@Override
	public final void read(final Tile tile, final float[] dst) {
		windowFor(tile).read(tile, dst);
	}

	@Override
	public final void read(final Tile tile, final double[] dst) {
		windowFor(tile).read(tile, dst);
	}

	private BufferFrameSource windowFor(final Tile tile) {
		if (current != null && current.covers(tile))
			return current;
		final long f = tile.firstFrame() - baseFrame;
		if (f < 0 || f + tile.frameCount() > layout.frameCount())
			throw new LayoutException(file + ": tile " + tile + " lies outside frames " + baseFrame + " to "
					+ (baseFrame + layout.frameCount() - 1));
		current = null;
		current = window(tile, layout.position(f, tile.sigRowStart()),
				layout.position(f + tile.frameCount() - 1, tile.sigRowStart() + tile.sigRows()));
		return current;
	}

	/**
	 * A window holding the file's bytes {@code start ..< end} (the tile's, which lie inside the layout), and usually
	 * more after them, for the tiles that follow.
	 *
	 * @throws LayoutException if the bytes cannot be had
	 */
	abstract BufferFrameSource window(Tile tile, long start, long end);

	/** Forgets the current window, before its bytes are released. */
	final void dropWindow() {
		current = null;
	}
}
