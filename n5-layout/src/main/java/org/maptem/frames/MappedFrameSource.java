package org.maptem.frames;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Tile;

/**
 * Reads tiles from a file by memory-mapping it and decoding in place: no read into an intermediate array.
 *
 * <p>Files and chunks larger than 2 GiB (one {@link MappedByteBuffer}'s limit) are mapped in windows of
 * {@link #DEFAULT_WINDOW} bytes, remapped as reading moves on; a tile is always read from one window. Mappings are
 * released on {@link #close()} rather than left to the garbage collector, so page-cache pressure ends with the
 * partition.
 */
public final class MappedFrameSource implements FrameSource {

	/** Window size for mapping large files. */
	public static final long DEFAULT_WINDOW = 1L << 30;

	private final Path file;
	private final FileChannel channel;
	private final FrameLayout layout;
	private final long baseFrame;
	private final long window;
	private final long fileSize;
	private final TileDecoder decoder = new TileDecoder();
	private MappedByteBuffer mapped;
	private BufferFrameSource current;

	/**
	 * Opens {@code file} for frames at {@code layout}, whose frame 0 is dataset frame {@code baseFrame}.
	 *
	 * @throws LayoutException if the file cannot be opened or is shorter than the layout needs
	 */
	public MappedFrameSource(final Path file, final FrameLayout layout, final long baseFrame) {
		this(file, layout, baseFrame, DEFAULT_WINDOW);
	}

	/** As {@link #MappedFrameSource(Path, FrameLayout, long)} with a chosen window size (tests use small ones). */
	public MappedFrameSource(final Path file, final FrameLayout layout, final long baseFrame, final long window) {
		this.file = file;
		this.layout = layout;
		this.baseFrame = baseFrame;
		this.window = window;
		try {
			this.channel = FileChannel.open(file, StandardOpenOption.READ);
			this.fileSize = channel.size();
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot open for reading: " + e.getMessage(), e);
		}
		if (fileSize < layout.requiredBytes()) {
			close();
			throw LayoutException.badBytes(file, fileSize, layout.requiredBytes() + " bytes for " + layout.frameCount()
					+ " frames", "end of file (file is " + fileSize + " bytes)");
		}
	}

	@Override
	public void read(final Tile tile, final float[] dst) {
		windowFor(tile).read(tile, dst);
	}

	@Override
	public void read(final Tile tile, final double[] dst) {
		windowFor(tile).read(tile, dst);
	}

	private BufferFrameSource windowFor(final Tile tile) {
		if (current != null && current.covers(tile))
			return current;
		final long f = tile.firstFrame() - baseFrame;
		if (f < 0 || f + tile.frameCount() > layout.frameCount())
			throw new LayoutException(file + ": tile " + tile + " lies outside frames " + baseFrame + " to "
					+ (baseFrame + layout.frameCount() - 1));
		final long start = layout.position(f, tile.sigRowStart());
		final long end = layout.position(f + tile.frameCount() - 1, tile.sigRowStart() + tile.sigRows());
		final long end0 = Math.min(layout.requiredBytes(), Math.max(end, start + window));
		final long length = end0 - start;
		if (length > Integer.MAX_VALUE)
			throw new LayoutException(file + ": tile " + tile + " spans " + length + " bytes, more than one mapping can hold");
		release();
		try {
			mapped = channel.map(FileChannel.MapMode.READ_ONLY, start, length);
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot map bytes " + start + " to " + end0 + ": " + e.getMessage(), e);
		}
		current = new BufferFrameSource(mapped, start, layout, baseFrame, decoder);
		return current;
	}

	private void release() {
		if (mapped != null)
			Unmapper.unmap(mapped);
		mapped = null;
		current = null;
	}

	@Override
	public void close() {
		release();
		try {
			if (channel != null)
				channel.close();
		} catch (final IOException e) {
			// nothing was written; a failing close of a read-only channel loses nothing
		}
	}

	/** The mapped bytes, for tests of the zero-copy path. */
	ByteBuffer currentMapping() {
		return mapped;
	}
}
