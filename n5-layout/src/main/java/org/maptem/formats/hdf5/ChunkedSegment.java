package org.maptem.formats.hdf5;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.maptem.frames.TileDecoder;

/**
 * Reads frames of a chunked {@link Hdf5Array}: finds the chunks a frame's row band touches, decodes each once into a
 * small cache (the {@value #CACHE_BYTES}-byte budget holds the chunks of several frames, so chunks that span frames,
 * and row-band tiles of one frame, decode a chunk once), and copies the band's row runs out of it. Row runs
 * contiguous in the chunk (the row axis' stride is 1) go through the bulk {@link TileDecoder}, all the band's rows in
 * one call when the chunk holds whole frame rows one after another (frame-shaped chunks, the common case); others, such as
 * frames stored along the last axis, are gathered element by element. Chunks never written read as the fill value.
 *
 * <p>Costs one copy per chunk (the positional read) before decoding; for one thread.
 */
final class ChunkedSegment implements SegmentReader {

	/** Budget of decoded chunks kept per reader. */
	static final long CACHE_BYTES = 32L << 20;
	private static final int MAX_SLOTS = 64;

	private final Hdf5Array a;
	private final ChunkReader reader;
	private final TileDecoder decoder = new TileDecoder();
	private final long[] chunkStride;
	private final long[] coord;
	private final int elem;
	private final ByteOrder order;
	private final long[] keys;
	private final long[] used;
	private final byte[][] data;
	private final ByteBuffer[] views;
	private long tick;

	ChunkedSegment(final Hdf5Array array) {
		this.a = array;
		this.reader = new ChunkReader(array);
		final int n = array.rank();
		this.chunkStride = new long[n];
		long s = 1;
		for (int i = n - 1; i >= 0; i--) {
			chunkStride[i] = s;
			s *= array.chunkDims[i];
		}
		this.coord = new long[n];
		this.elem = array.elemSize();
		this.order = array.littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
		final int slots = (int) Math.max(1, Math.min(MAX_SLOTS, CACHE_BYTES / Math.max(1, reader.chunkBytes())));
		this.keys = new long[slots];
		java.util.Arrays.fill(keys, -1);
		this.used = new long[slots];
		this.data = new byte[slots][];
		this.views = new ByteBuffer[slots];
	}

	@Override
	public void read(final long frame, final int row0, final int rows, final Sink sink, final int off) {
		long r = frame;
		for (int i = a.frameAxes.length - 1; i >= 0; i--) {
			final int axis = a.frameAxes[i];
			coord[axis] = r % a.dims[axis];
			r /= a.dims[axis];
		}
		final int width = a.width();
		final int height = a.height();
		final int cy = a.chunkDims[a.yAxis];
		final int cx = a.chunkDims[a.xAxis];
		final long xStride = chunkStride[a.xAxis];
		long base = 0;
		for (final int axis : a.frameAxes)
			base += coord[axis] % a.chunkDims[axis] * chunkStride[axis];
		for (int gy = row0 / cy; (long) gy * cy < row0 + rows; gy++) {
			final int y0 = Math.max(row0, gy * cy);
			final int y1 = (int) Math.min(Math.min(row0 + rows, height), (long) (gy + 1) * cy);
			for (int gx = 0; (long) gx * cx < width; gx++) {
				final int x0 = gx * cx;
				final int x1 = (int) Math.min(width, (long) x0 + cx);
				final ByteBuffer chunk = chunk(key(gy, gx));
				if (chunk != null && xStride == 1 && x0 == 0 && x1 == width && chunkStride[a.yAxis] == width) {
					// whole rows, consecutive in the chunk as in the tile: the band in one bulk decode
					final long e = base + (y0 - (long) gy * cy) * chunkStride[a.yAxis];
					sink.decode(decoder, chunk, (int) (e * elem), (y1 - y0) * width, a.dtype, off + (y0 - row0) * width);
					continue;
				}
				for (int y = y0; y < y1; y++) {
					final int o = off + (y - row0) * width + x0;
					if (chunk == null) {
						sink.fill(o, x1 - x0, a.fill);
						continue;
					}
					final long e = base + (y - (long) gy * cy) * chunkStride[a.yAxis];
					if (xStride == 1)
						sink.decode(decoder, chunk, (int) (e * elem), x1 - x0, a.dtype, o);
					else
						for (int x = x0; x < x1; x++)
							sink.set(o + x - x0, Sink.element(chunk, (int) ((e + (x - x0) * xStride) * elem), a.dtype));
				}
			}
		}
	}

	/** Linear grid position of the chunk holding the current frame's chunk row {@code gy}, column {@code gx}. */
	private long key(final int gy, final int gx) {
		long key = 0;
		for (int axis = 0; axis < a.rank(); axis++) {
			final long g = axis == a.yAxis ? gy : axis == a.xAxis ? gx : coord[axis] / a.chunkDims[axis];
			key = key * a.chunks.grid[axis] + g;
		}
		return key;
	}

	/** The decoded chunk at grid position {@code key}, from the cache or read now; null when never written. */
	private ByteBuffer chunk(final long key) {
		int victim = 0;
		for (int i = 0; i < keys.length; i++) {
			if (keys[i] == key) {
				used[i] = ++tick;
				return views[i];
			}
			if (used[i] < used[victim])
				victim = i;
		}
		final int slot = a.chunks.find(key);
		if (slot < 0)
			return null;
		if (data[victim] == null) {
			data[victim] = new byte[reader.chunkBytes()];
			views[victim] = ByteBuffer.wrap(data[victim]).order(order);
		}
		keys[victim] = -1;
		reader.read(slot, data[victim]);
		keys[victim] = key;
		used[victim] = ++tick;
		return views[victim];
	}

	@Override
	public void close() {
		reader.close();
	}
}
