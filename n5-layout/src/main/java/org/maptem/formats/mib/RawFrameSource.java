package org.maptem.formats.mib;

import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;

import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Tile;
import org.maptem.frames.FloatExactFrameSource;
import org.maptem.frames.MappedWindow;

/**
 * Reads tiles of raw ({@code R64}) frames from a run of frames of one {@code .mib} file: maps windows of whole frame
 * records and decodes each frame's rows with a {@link RawFrameDecoder}.
 *
 * <p>Each frame's header is checked to start with {@code MQ1,} as it is decoded, so a file whose frames are not
 * where the first header says fails with the frame's byte offset instead of returning garbage. Windows hold whole
 * frames, up to {@link #WINDOW} bytes (at least one frame), and are unmapped on {@link #close()}. One thread.
 */
final class RawFrameSource extends FloatExactFrameSource {

	/** Bytes mapped at once when frames are smaller. */
	static final long WINDOW = 64L << 20;

	private final MibFile file;
	private final long localFirst;
	private final int count;
	private final long globalFirst;
	private final RawFrameDecoder decoder;
	private final MappedWindow window;
	private MappedByteBuffer mapped;
	private long mappedFirst;
	private int mappedCount;

	/**
	 * @param file        the checked file
	 * @param localFirst  first frame of the run, counted in this file
	 * @param count       frames in the run
	 * @param globalFirst dataset frame index of the run's first frame
	 * @throws LayoutException if the file cannot be opened or the run is not inside the file's whole frames
	 */
	RawFrameSource(final MibFile file, final long localFirst, final int count, final long globalFirst) {
		if (localFirst < 0 || count < 1 || localFirst + count > file.frames())
			throw new LayoutException(file.path() + ": frames " + localFirst + " to " + (localFirst + count - 1)
					+ " are not among the file's " + file.frames() + " frames");
		this.file = file;
		this.localFirst = localFirst;
		this.count = count;
		this.globalFirst = globalFirst;
		this.decoder = new RawFrameDecoder(file.encoding());
		this.window = new MappedWindow(file.path());
		if (window.size() < file.recordStart(localFirst + count)) {
			final long size = window.size();
			close();
			throw LayoutException.badBytes(file.path(), size, (localFirst + count) + " frames of " + file.stride()
					+ " bytes", "end of file (the file shrank after it was opened)");
		}
	}

	@Override
	public void read(final Tile tile, final float[] dst) {
		check(tile, dst.length);
		final int perFrame = tile.sigRows() * tile.sigWidth();
		for (int i = 0; i < tile.frameCount(); i++) {
			final int pos = frame(tile.firstFrame() + i);
			decoder.decode(mapped, pos + file.header().headerBytes(), tile.sigRowStart(), tile.sigRows(), dst, i * perFrame);
		}
	}

	/** Maps the window holding dataset frame {@code global}, checks its header magic, returns its record position. */
	private int frame(final long global) {
		final long local = global - globalFirst + localFirst;
		if (mapped == null || local < mappedFirst || local >= mappedFirst + mappedCount)
			map(local);
		final int pos = (int) (file.recordStart(local) - file.recordStart(mappedFirst));
		for (int k = 0; k < MibHeader.MAGIC.length(); k++)
			if (mapped.get(pos + k) != MibHeader.MAGIC.charAt(k))
				throw LayoutException.badBytes(file.path(), file.recordStart(local), "the header of frame " + local
						+ " starting with \"MQ1,\" (frames of " + file.stride() + " bytes)", "other bytes");
		return pos;
	}

	private void map(final long local) {
		final long stride = file.stride();
		final int fit = (int) Math.max(1, Math.min(Integer.MAX_VALUE / stride, WINDOW / stride));
		final int n = (int) Math.min(fit, localFirst + count - local);
		// forget the old range first: the window unmaps it before mapping anew, and a failed map must not leave a
		// buffer over unmapped memory for the next read
		mapped = null;
		mapped = window.map(file.recordStart(local), file.recordStart(local) + n * stride);
		mapped.order(ByteOrder.BIG_ENDIAN);
		mappedFirst = local;
		mappedCount = n;
	}

	private void check(final Tile tile, final int dstLength) {
		final FrameEncoding e = file.encoding();
		if (tile.sigWidth() != e.sigWidth() || tile.sigRowStart() < 0 || tile.sigRows() < 1
				|| tile.sigRowStart() + tile.sigRows() > e.sigHeight())
			throw new LayoutException(file.path() + ": tile " + tile + " does not fit frames of " + e.sigHeight() + " × "
					+ e.sigWidth());
		if (tile.firstFrame() < globalFirst || tile.firstFrame() + tile.frameCount() > globalFirst + count)
			throw new LayoutException(file.path() + ": tile " + tile + " lies outside frames " + globalFirst + " to "
					+ (globalFirst + count - 1) + " of this source");
		if (dstLength < tile.size())
			throw new LayoutException(file.path() + ": tile buffer holds " + dstLength + " values, tile needs " + tile.size());
	}

	@Override
	public void close() {
		mapped = null;
		window.close();
	}
}
