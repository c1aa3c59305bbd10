package org.maptem.formats.hdf5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

import org.maptem.dataset.LayoutException;
import org.maptem.frames.TileDecoder;

/**
 * Reads frames of a contiguous (or compact) {@link Hdf5Array} in place, in any axis order: the data region is
 * memory-mapped in windows of {@value #WINDOW} bytes (compact data is already in memory), rows whose elements are
 * adjacent are decoded in bulk straight from the mapping, and frames whose pixels are strided (frames stored along
 * the last axis) are gathered element by element — correct, but much slower; ingest such files once.
 *
 * <p>Mappings go with the garbage collector, not with {@link #close()}; for one thread.
 */
final class ContiguousSegment implements SegmentReader {

	/** Bytes per mapping window, a multiple of every element size so that no element straddles two windows. */
	static final long WINDOW = 1L << 30;

	private final Hdf5Array a;
	private final long[] stride;
	private final long[] coord;
	private final int elem;
	private final ByteOrder order;
	private final TileDecoder decoder = new TileDecoder();
	private final ByteBuffer[] windows;
	private final FileChannel channel;

	ContiguousSegment(final Hdf5Array array) {
		this.a = array;
		final int n = array.rank();
		this.stride = new long[n];
		long s = 1;
		for (int i = n - 1; i >= 0; i--) {
			stride[i] = s;
			s *= array.dims[i];
		}
		this.coord = new long[n];
		this.elem = array.elemSize();
		this.order = array.littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
		final long bytes = array.dataBytes();
		this.windows = new ByteBuffer[(int) ((bytes + WINDOW - 1) / WINDOW)];
		if (array.storage == Hdf5Array.Storage.COMPACT) {
			windows[0] = ByteBuffer.wrap(array.compact).order(order);
			channel = null;
		} else
			try {
				channel = FileChannel.open(array.file, StandardOpenOption.READ);
			} catch (final IOException e) {
				throw new LayoutException(array.file + ": cannot open for reading: " + e, e);
			}
	}

	@Override
	public void read(final long frame, final int row0, final int rows, final Sink sink, final int off) {
		long r = frame;
		long base = 0;
		for (int i = a.frameAxes.length - 1; i >= 0; i--) {
			final int axis = a.frameAxes[i];
			coord[axis] = r % a.dims[axis];
			r /= a.dims[axis];
			base += coord[axis] * stride[axis];
		}
		final int width = a.width();
		final long xStride = stride[a.xAxis];
		for (int y = row0; y < row0 + rows; y++) {
			final long e0 = base + y * stride[a.yAxis];
			final int o = off + (y - row0) * width;
			final long start = e0 * elem;
			final long end = (e0 + (width - 1) * xStride + 1) * elem;
			if (xStride == 1 && start / WINDOW == (end - 1) / WINDOW) {
				sink.decode(decoder, window(start / WINDOW), (int) (start % WINDOW), width, a.dtype, o);
				continue;
			}
			for (int x = 0; x < width; x++) {
				final long p = (e0 + x * xStride) * elem;
				sink.set(o + x, Sink.element(window(p / WINDOW), (int) (p % WINDOW), a.dtype));
			}
		}
	}

	private ByteBuffer window(final long i) {
		ByteBuffer w = windows[(int) i];
		if (w == null) {
			final long start = a.address + i * WINDOW;
			final long length = Math.min(WINDOW, a.dataBytes() - i * WINDOW);
			try {
				w = channel.map(FileChannel.MapMode.READ_ONLY, start, length).order(order);
			} catch (final IOException e) {
				throw new LayoutException(a.file + ": cannot map bytes " + start + " to " + (start + length) + " of "
						+ a.path + ": " + e, e);
			}
			windows[(int) i] = w;
		}
		return w;
	}

	@Override
	public void close() {
		java.util.Arrays.fill(windows, null);
		if (channel != null)
			try {
				channel.close();
			} catch (final IOException e) {
				// read-only channel: nothing is lost
			}
	}
}
