package org.maptem.formats.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Tile;
import org.maptem.frames.ElementwiseFrameSource;

/**
 * Reads tiles from a Fortran-order {@code .npy} file by gathering single elements from the memory-mapped data.
 *
 * <p>In Fortran order the first axis varies fastest, so element {@code (nav..., y, x)} sits at element index
 * {@code navF + N × (y + H × x)}, where {@code N} is the number of frames, {@code H} the frame height and
 * {@code navF} the Fortran-order index of the scan position. A frame's pixels are {@code N} elements apart: no
 * frame is contiguous and nothing can be decoded in bulk. This source therefore reads element by element,
 * pixel-major and frame-minor (neighbouring frames of a tile are close in the file), through mappings of the whole
 * data region in windows of {@link #WINDOW} bytes. It is far slower than the C-order path and touches pages across
 * the whole file for every tile; convert or ingest such files once rather than analysing them repeatedly.
 *
 * <p>Mappings are released when the source becomes unreachable (the garbage collector unmaps them), not on
 * {@link #close()}. One source per thread.
 */
final class FortranFrameSource extends ElementwiseFrameSource {

	/** Bytes per mapping window; a multiple of every element size, so no element straddles two windows. */
	static final long WINDOW = 1L << 30;

	private final Path file;
	private final FileChannel channel;
	private final NpyHeader header;
	private final long[] fileNav;
	private final long frames;
	private final int height;
	private final int width;
	private final Partition partition;
	private final MappedByteBuffer[] windows;

	/**
	 * @param file      the {@code .npy} file
	 * @param header    its validated header ({@code fortranOrder} true)
	 * @param partition the frames (C-order flat indices of the file's scan shape) this source may read
	 */
	FortranFrameSource(final Path file, final NpyHeader header, final Partition partition) {
		this.file = file;
		this.header = header;
		this.partition = partition;
		final long[] shape = header.shape();
		final int n = shape.length;
		this.height = (int) shape[n - 2];
		this.width = (int) shape[n - 1];
		this.fileNav = n == 2 ? new long[] { 1 } : java.util.Arrays.copyOf(shape, n - 2);
		long f = 1;
		for (final long d : fileNav)
			f *= d;
		this.frames = f;
		this.windows = new MappedByteBuffer[(int) ((header.dataBytes() + WINDOW - 1) / WINDOW)];
		try {
			this.channel = FileChannel.open(file, StandardOpenOption.READ);
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot open for reading: " + e, e);
		}
	}

	@Override
	protected void read(final Tile tile, final int capacity, final Values out) {
		final long[] navF = check(tile, capacity);
		final int rows = tile.sigRows();
		final int perFrame = rows * width;
		for (int x = 0; x < width; x++)
			for (int r = 0; r < rows; r++) {
				final long base = frames * (tile.sigRowStart() + r + (long) height * x);
				final int at = r * width + x;
				for (int i = 0; i < navF.length; i++)
					out.set(i * perFrame + at, element(base + navF[i]));
			}
	}

	/** Validates the tile and returns the Fortran-order scan index of each of its frames. */
	private long[] check(final Tile tile, final int dstLength) {
		if (tile.sigWidth() != width || tile.sigRowStart() < 0 || tile.sigRowStart() + tile.sigRows() > height)
			throw new LayoutException(file + ": tile " + tile + " does not fit frames of " + height + " × " + width);
		if (dstLength < tile.size())
			throw new LayoutException("tile buffer holds " + dstLength + " values, tile needs " + tile.size());
		if (tile.firstFrame() < partition.firstFrame() || tile.firstFrame() + tile.frameCount() > partition.endFrame())
			throw new LayoutException(file + ": tile " + tile + " lies outside frames " + partition.firstFrame() + " to "
					+ (partition.endFrame() - 1) + " of this source");
		final long[] navF = new long[tile.frameCount()];
		final long[] coord = new long[fileNav.length];
		for (int i = 0; i < navF.length; i++) {
			long c = tile.firstFrame() + i;
			long fortran = 0;
			long stride = 1;
			for (int k = fileNav.length - 1; k >= 0; k--) {
				coord[k] = c % fileNav[k];
				c /= fileNav[k];
			}
			for (int k = 0; k < fileNav.length; k++) {
				fortran += coord[k] * stride;
				stride *= fileNav[k];
			}
			navF[i] = fortran;
		}
		return navF;
	}

	private double element(final long index) {
		final long byteOffset = index * header.dtype().bytes();
		return element(window((int) (byteOffset / WINDOW)), (int) (byteOffset % WINDOW), header.dtype(), file, ".npy");
	}

	private ByteBuffer window(final int i) {
		MappedByteBuffer w = windows[i];
		if (w == null) {
			final long start = header.dataOffset() + i * WINDOW;
			final long length = Math.min(WINDOW, header.dataBytes() - i * WINDOW);
			try {
				w = channel.map(FileChannel.MapMode.READ_ONLY, start, length);
			} catch (final IOException e) {
				throw new LayoutException(file + ": cannot map bytes " + start + " to " + (start + length) + ": " + e, e);
			}
			w.order(header.littleEndian() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
			windows[i] = w;
		}
		return w;
	}

	/** Closes the file; the mappings go with the garbage collector (see the class comment). */
	@Override
	public void close() {
		java.util.Arrays.fill(windows, null);
		try {
			channel.close();
		} catch (final IOException e) {
			// read-only: nothing to lose
		}
	}
}
