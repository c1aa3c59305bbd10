package org.maptem.formats.ser;

import java.nio.ByteOrder;
import java.nio.file.Path;

import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Tile;
import org.maptem.frames.FrameSource;
import org.maptem.frames.MappedWindow;
import org.maptem.frames.TileDecoder;

/**
 * Reads tiles of {@code .ser} elements, each frame at its own offset from the offset array, decoding straight from
 * a memory mapping of the file. Stored rows run from the bottom of the image up; tiles get them top first.
 *
 * <p>A mapping starts at the header of the element the current tile needs (checked against element 0's as the frame
 * is read, {@link SerHeader#checkElement}) and, when elements lie close together, covers the following elements of
 * the partition up to {@link #WINDOW} bytes, so that a partition of evenly spaced elements is mapped once. Mappings
 * are released on {@link #close()}. One source per thread.
 */
final class SerFrameSource implements FrameSource {

	/** Most bytes mapped at once. */
	static final long WINDOW = 1L << 30;

	private final SerHeader header;
	private final Path file;
	private final MappedWindow window;
	private final long[] offsets;
	private final long baseFrame;
	private final long dataBytesBefore;
	private final DType dtype;
	private final int width;
	private final int height;
	private final long rowBytes;
	private final TileDecoder decoder = new TileDecoder();

	/**
	 * @param header    the file's validated header: element type, size and header length, and the check of each
	 *                  element's header as its frame is read
	 * @param partition the frames this source reads
	 * @param offsets   element header offsets of the partition's frames
	 */
	SerFrameSource(final SerHeader header, final Partition partition, final long[] offsets) {
		this.header = header;
		this.file = header.file();
		this.offsets = offsets;
		this.baseFrame = partition.firstFrame();
		this.dataBytesBefore = header.elementHeaderBytes();
		this.dtype = header.dtype();
		this.width = header.width();
		this.height = header.height();
		this.rowBytes = dtype.bytesFor(width);
		this.window = new MappedWindow(file);
		final long fileSize = window.size();
		final long need = header.fileSize();
		if (fileSize < need) {
			close();
			throw LayoutException.badBytes(file, fileSize, need + " bytes, as when the file was opened",
					"end of file (file is " + fileSize + " bytes)");
		}
	}

	@Override
	public void read(final Tile tile, final float[] dst) {
		check(tile, dst.length);
		final int perFrame = tile.sigRows() * width;
		for (int i = 0; i < tile.frameCount(); i++) {
			final int at = storedStart(tile, i); // maps the rows first
			// the tile's stored rows are contiguous, bottom row first: each is decoded straight to its row, top first
			decoder.decodeRowsUpward(window.buffer(), at, tile.sigRows(), width, dtype, dst, i * perFrame);
		}
	}

	@Override
	public void read(final Tile tile, final double[] dst) {
		check(tile, dst.length);
		final int perFrame = tile.sigRows() * width;
		for (int i = 0; i < tile.frameCount(); i++) {
			final int at = storedStart(tile, i);
			decoder.decodeRowsUpward(window.buffer(), at, tile.sigRows(), width, dtype, dst, i * perFrame);
		}
	}

	/**
	 * Position in the mapping of the first stored row the tile needs in its {@code i}-th frame (the stored row of the
	 * tile's last row), after mapping the element when it is not mapped yet and checking its header.
	 */
	private int storedStart(final Tile tile, final int i) {
		final int f = (int) (tile.firstFrame() - baseFrame) + i;
		final long base = offsets[f] + dataBytesBefore;
		final long start = base + (height - tile.sigRowStart() - tile.sigRows()) * rowBytes;
		final long end = base + (height - tile.sigRowStart()) * rowBytes;
		// the mapping starts at the element's header, which is checked as the frame is read (see SerHeader)
		final long head = offsets[f];
		if (!window.covers(head, end))
			map(head, end, f);
		header.checkElement(window.buffer(), (int) (head - window.start()), baseFrame + f);
		return (int) (start - window.start());
	}

	/** Maps from {@code start} to at least {@code end}, and on over following elements within {@link #WINDOW}. */
	private void map(final long start, final long end, final int frame) {
		long last = end;
		final long frameEnd = dtype.bytesFor((long) width * height) + dataBytesBefore;
		for (int g = frame + 1; g < offsets.length; g++) {
			final long e = offsets[g] + frameEnd;
			if (offsets[g] < start || e - start > WINDOW)
				break;
			last = Math.max(last, e);
		}
		if (last - start > Integer.MAX_VALUE)
			throw new LayoutException(file + ": element " + (baseFrame + frame) + " spans " + (last - start)
					+ " bytes, more than one mapping can hold");
		window.map(start, last).order(ByteOrder.LITTLE_ENDIAN);
	}

	private void check(final Tile tile, final int dstLength) {
		if (tile.sigWidth() != width || tile.sigRowStart() < 0 || tile.sigRowStart() + tile.sigRows() > height)
			throw new LayoutException(file + ": tile " + tile + " does not fit elements of " + height + " × " + width);
		if (dstLength < tile.size())
			throw new LayoutException(file + ": tile buffer holds " + dstLength + " values, tile needs " + tile.size());
		if (tile.firstFrame() < baseFrame || tile.firstFrame() + tile.frameCount() > baseFrame + offsets.length)
			throw new LayoutException(file + ": tile " + tile + " lies outside frames " + baseFrame + " to "
					+ (baseFrame + offsets.length - 1) + " of this source");
	}

	@Override
	public void close() {
		window.close();
	}
}
