package org.maptem.formats.hdf5;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.maptem.dataset.LayoutException;

/**
 * Reads one stored chunk of an {@link Hdf5Array} from its file and decodes it through the dataset's filter pipeline,
 * last filter first, skipping those the chunk's filter mask marks: one positional read into a reusable array, then
 * each filter from one reusable array into the next, the last into the caller's array.
 *
 * <p>For one thread: it owns an {@link Inflater}, a {@link Bitshuffle} decoder, the file channel and its scratch
 * arrays. {@link #close()} releases them.
 */
final class ChunkReader implements Closeable {

	private final Hdf5Array array;
	private final int chunkBytes;
	/** Capacity of intermediate stages, whose output may be a compressed stream a little larger than the chunk. */
	private final int capacity;
	private final FileChannel channel;
	private final byte[] raw;
	private final byte[][] stages = new byte[2][];
	private Inflater inflater;
	private Bitshuffle bitshuffle;

	ChunkReader(final Hdf5Array array) {
		this.array = array;
		this.chunkBytes = array.chunkBytes();
		this.capacity = (int) Math.min(Integer.MAX_VALUE - 16, chunkBytes + (long) chunkBytes / 4 + 4096);
		this.raw = new byte[array.chunks.maxSize];
		try {
			this.channel = FileChannel.open(array.file, StandardOpenOption.READ);
		} catch (final IOException e) {
			throw new LayoutException(array.file + ": cannot open for reading: " + e, e);
		}
	}

	/** Bytes of one decoded chunk. */
	int chunkBytes() {
		return chunkBytes;
	}

	/**
	 * Reads the chunk in index slot {@code slot} and decodes it into {@code dst[0, chunkBytes)}.
	 *
	 * @throws LayoutException naming the file and the byte offset (in the file, or in the output of a filter) where
	 *                         the chunk stops making sense
	 */
	void read(final int slot, final byte[] dst) {
		final ChunkIndex index = array.chunks;
		final long address = index.address(slot);
		final int size = index.size(slot);
		readRaw(address, size);
		final int mask = index.mask(slot);
		final List<ChunkFilter> active = new ArrayList<>(array.filters.size());
		for (int i = array.filters.size() - 1; i >= 0; i--)
			if ((mask & (1 << i)) == 0)
				active.add(array.filters.get(i));
		if (active.isEmpty()) {
			if (size != chunkBytes)
				throw LayoutException.badField(array.file, array.path + " chunk at byte offset " + address,
						chunkBytes + " bytes (an unfiltered chunk)", size + " bytes");
			System.arraycopy(raw, 0, dst, 0, size);
			return;
		}
		byte[] src = raw;
		int len = size;
		for (int k = 0; k < active.size(); k++) {
			final boolean last = k == active.size() - 1;
			final byte[] out = last ? dst : stage(k % 2);
			final ChunkFilter f = active.get(k);
			try {
				len = decode(f, src, len, out, last ? chunkBytes : capacity);
			} catch (final BadChunk e) {
				if (k == 0)
					throw LayoutException.badBytes(array.file, address + e.offset, e.expected + " (" + array.path + ", "
							+ f.name() + " chunk)", e.found);
				throw new LayoutException(array.file + ": chunk of " + array.path + " at byte offset " + address
						+ ", after undoing " + active.subList(0, k) + ": " + f.name() + " " + e.getMessage());
			}
			src = out;
		}
		if (len != chunkBytes)
			throw LayoutException.badField(array.file, array.path + " chunk at byte offset " + address,
					chunkBytes + " decoded bytes (the chunk shape × element size)", len + " bytes");
	}

	/** Undoes one filter: {@code src[0, len)} into {@code out[0, ...)} of at most {@code max} bytes; the length. */
	private int decode(final ChunkFilter f, final byte[] src, final int len, final byte[] out, final int max)
			throws BadChunk {
		final int elem = array.elemSize();
		switch (f.id()) {
		case ChunkFilter.DEFLATE:
			return inflate(src, len, out, max);
		case ChunkFilter.SHUFFLE:
			if (len > max)
				throw new BadChunk(0, "at most " + max + " shuffled bytes", len);
			unshuffle(src, len, elem, out);
			return len;
		case ChunkFilter.FLETCHER32:
			// the checksum is stripped, not verified
			if (len < 4 || len - 4 > max)
				throw new BadChunk(0, "data and a 4-byte checksum of at most " + (max + 4) + " bytes", len + " bytes");
			System.arraycopy(src, 0, out, 0, len - 4);
			return len - 4;
		case ChunkFilter.LZ4: {
			final int total = declaredSize(src, len, max);
			bitshuffle().decodeLz4Filter(src, 0, len, out, total);
			return total;
		}
		case ChunkFilter.BITSHUFFLE:
			if (f.compression() == ChunkFilter.BITSHUFFLE_LZ4) {
				final int total = declaredSize(src, len, max);
				bitshuffle().decodeLz4(src, 0, len, elem, out, total);
				return total;
			}
			if (len > max)
				throw new BadChunk(0, "at most " + max + " bit-shuffled bytes", len);
			bitshuffle().decodePlain(src, 0, len, elem, f.blockElements(), out);
			return len;
		default:
			throw new IllegalStateException("filter " + f + " passed the check but has no decoder");
		}
	}

	/** The decoded size an LZ4 chunk header declares, checked against {@code max}. */
	private static int declaredSize(final byte[] src, final int len, final int max) throws BadChunk {
		if (len < Bitshuffle.HEADER)
			throw new BadChunk(0, "a " + Bitshuffle.HEADER + "-byte LZ4 chunk header", len + " bytes");
		long total = 0;
		for (int i = 0; i < 8; i++)
			total = total << 8 | (src[i] & 0xFF);
		if (total < 0 || total > max)
			throw new BadChunk(0, "a decoded size of at most " + max + " bytes", total);
		return (int) total;
	}

	private int inflate(final byte[] src, final int len, final byte[] out, final int max) throws BadChunk {
		if (inflater == null)
			inflater = new Inflater();
		inflater.reset();
		inflater.setInput(src, 0, len);
		try {
			final int n = inflater.inflate(out, 0, max);
			if (!inflater.finished()) {
				if (n == max)
					throw new BadChunk(0, "a deflate stream of at most " + max + " bytes", "more");
				throw new BadChunk(len, "the end of the deflate stream", "the end of the chunk");
			}
			return n;
		} catch (final DataFormatException e) {
			throw new BadChunk(inflater.getTotalIn(), "a deflate (zlib) stream", "corrupt data (" + e.getMessage() + ")");
		}
	}

	/** Undoes the HDF5 shuffle filter: byte {@code b} of element {@code j} was stored at {@code b * n + j}. */
	static void unshuffle(final byte[] src, final int len, final int elem, final byte[] out) {
		final int n = len / elem;
		for (int b = 0; b < elem; b++) {
			final int row = b * n;
			for (int j = 0; j < n; j++)
				out[j * elem + b] = src[row + j];
		}
		System.arraycopy(src, n * elem, out, n * elem, len - n * elem);
	}

	private void readRaw(final long address, final int size) {
		final ByteBuffer b = ByteBuffer.wrap(raw, 0, size);
		try {
			while (b.hasRemaining()) {
				final int n = channel.read(b, address + b.position());
				if (n < 0)
					throw LayoutException.badBytes(array.file, address + b.position(), "the rest of a " + size
							+ "-byte chunk of " + array.path, "the end of the file");
			}
		} catch (final IOException e) {
			throw new LayoutException(array.file + ": cannot read " + size + " bytes at byte offset " + address + ": " + e, e);
		}
	}

	private byte[] stage(final int i) {
		if (stages[i] == null)
			stages[i] = new byte[capacity];
		return stages[i];
	}

	private Bitshuffle bitshuffle() {
		if (bitshuffle == null)
			bitshuffle = new Bitshuffle();
		return bitshuffle;
	}

	@Override
	public void close() {
		if (inflater != null)
			inflater.end();
		try {
			channel.close();
		} catch (final IOException e) {
			// read-only channel: nothing is lost
		}
	}
}
