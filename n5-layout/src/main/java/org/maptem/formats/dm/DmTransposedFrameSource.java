package org.maptem.formats.dm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Tile;
import org.maptem.frames.ElementwiseFrameSource;
import org.maptem.frames.Unmapper;

/**
 * Reads tiles of a detector-major ("transposed") 4D DM array: C order of {@code [detY, detX, scanY, scanX]}, so
 * that pixel {@code p} of frame {@code f} is element {@code p × N + f} ({@code N} frames in the file).
 *
 * <p>A tile's frames are consecutive scan positions, so for each of its pixels the values of all its frames form
 * one contiguous run; each run is gathered element by element into the tile. Every tile touches the whole data
 * array, so this is far slower than reading scan-major files: ingest such files once rather than analysing them
 * repeatedly. The array is mapped in windows of {@link #WINDOW} bytes on demand, all released on {@link #close()}.
 * One source per thread.
 */
final class DmTransposedFrameSource extends ElementwiseFrameSource {

	/** Bytes per mapping window; a multiple of every element size, so no element straddles two windows. */
	static final long WINDOW = 1L << 30;

	private final Path file;
	private final FileChannel channel;
	private final long offset;
	private final long bytes;
	private final long fileFrames;
	private final int height;
	private final int width;
	private final DType dtype;
	private final ByteOrder order;
	private final Partition partition;
	private final MappedByteBuffer[] windows;

	/**
	 * @param file       the DM file
	 * @param image      the validated 4D image
	 * @param order      byte order of the data
	 * @param height     detector rows ({@code dims[3]})
	 * @param width      detector columns ({@code dims[2]})
	 * @param fileFrames scan positions in the file ({@code dims[1] × dims[0]})
	 * @param partition  the frames this source may read
	 */
	DmTransposedFrameSource(final Path file, final DmImage image, final ByteOrder order, final int height, final int width,
			final long fileFrames, final Partition partition) {
		this.file = file;
		this.offset = image.offset();
		this.bytes = image.bytes();
		this.dtype = image.dtype();
		this.order = order;
		this.height = height;
		this.width = width;
		this.fileFrames = fileFrames;
		this.partition = partition;
		this.windows = new MappedByteBuffer[(int) ((bytes + WINDOW - 1) / WINDOW)];
		try {
			this.channel = FileChannel.open(file, StandardOpenOption.READ);
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot open for reading: " + e.getMessage(), e);
		}
	}

	@Override
	protected void read(final Tile tile, final int capacity, final Values out) {
		check(tile, capacity);
		final int perFrame = tile.sigRows() * width;
		final int frames = tile.frameCount();
		final int es = dtype.bytes();
		for (int i = 0; i < perFrame; i++) {
			final long p = (long) tile.sigRowStart() * width + i;
			long at = (p * fileFrames + tile.firstFrame()) * es;
			for (int f = 0; f < frames; f++, at += es)
				out.set(f * perFrame + i, element(at));
		}
	}

	private void check(final Tile tile, final int dstLength) {
		if (tile.sigWidth() != width || tile.sigRowStart() < 0 || tile.sigRows() < 0 || tile.sigRowStart() + tile.sigRows() > height)
			throw new LayoutException(file + ": tile " + tile + " does not fit frames of " + height + " × " + width);
		if (dstLength < tile.size())
			throw new LayoutException("tile buffer holds " + dstLength + " values, tile needs " + tile.size());
		if (tile.firstFrame() < partition.firstFrame() || tile.firstFrame() + tile.frameCount() > partition.endFrame())
			throw new LayoutException(file + ": tile " + tile + " lies outside frames " + partition.firstFrame() + " to "
					+ (partition.endFrame() - 1) + " of this source");
	}

	/** The element at byte {@code at} of the data array. */
	private double element(final long at) {
		return element(window((int) (at / WINDOW)), (int) (at % WINDOW), dtype, file, "DM");
	}

	private ByteBuffer window(final int i) {
		MappedByteBuffer w = windows[i];
		if (w == null) {
			final long start = offset + i * WINDOW;
			final long length = Math.min(WINDOW, bytes - i * WINDOW);
			try {
				w = channel.map(FileChannel.MapMode.READ_ONLY, start, length);
			} catch (final IOException e) {
				throw new LayoutException(file + ": cannot map bytes " + start + " to " + (start + length) + ": " + e.getMessage(), e);
			}
			w.order(order);
			windows[i] = w;
		}
		return w;
	}

	@Override
	public void close() {
		for (int i = 0; i < windows.length; i++) {
			Unmapper.unmap(windows[i]);
			windows[i] = null;
		}
		try {
			channel.close();
		} catch (final IOException e) {
			// read-only: nothing to lose
		}
	}
}
