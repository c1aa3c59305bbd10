package org.maptem.frames;

import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.file.Path;

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
public final class MappedFrameSource extends WindowedFrameSource {

	/** Window size for mapping large files. */
	public static final long DEFAULT_WINDOW = 1L << 30;

	private final long window;
	private final MappedWindow mapping;

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
		super(file, layout, baseFrame);
		this.window = window;
		this.mapping = new MappedWindow(file);
		final long fileSize = mapping.size();
		if (fileSize < layout.requiredBytes()) {
			close();
			throw LayoutException.badBytes(file, fileSize, layout.requiredBytes() + " bytes for " + layout.frameCount()
					+ " frames", "end of file (file is " + fileSize + " bytes)");
		}
	}

	@Override
	BufferFrameSource window(final Tile tile, final long start, final long end) {
		final long end0 = Math.min(layout.requiredBytes(), Math.max(end, start + window));
		final long length = end0 - start;
		if (length > Integer.MAX_VALUE)
			throw new LayoutException(file + ": tile " + tile + " spans " + length + " bytes, more than one mapping can hold");
		return new BufferFrameSource(mapping.map(start, end0), start, layout, baseFrame, decoder);
	}

	@Override
	public void close() {
		dropWindow();
		mapping.close();
	}

	/** The mapped bytes, for tests of the zero-copy path. */
	ByteBuffer currentMapping() {
		return mapping.buffer();
	}
}
