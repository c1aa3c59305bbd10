package org.maptem.formats.hdf5;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;

import org.maptem.dataset.LayoutException;

import io.jhdf.dataset.chunked.Chunk;

/**
 * Where every stored chunk of a chunked HDF5 dataset is: its grid position (C-order linear index over the chunk
 * grid), byte address and stored size in the file, and filter mask (bit {@code i} set = filter {@code i} of the
 * pipeline was skipped for this chunk). Chunks never written are absent and read as the fill value. Immutable.
 */
final class ChunkIndex {

	/** Chunks per axis. */
	final long[] grid;
	private final long[] keys;
	private final long[] addresses;
	private final int[] sizes;
	private final int[] masks;
	/** Sum of the stored sizes. */
	final long storedBytes;
	/** Largest stored chunk. */
	final int maxSize;

	private ChunkIndex(final long[] grid, final long[] keys, final long[] addresses, final int[] sizes, final int[] masks) {
		this.grid = grid;
		this.keys = keys;
		this.addresses = addresses;
		this.sizes = sizes;
		this.masks = masks;
		long stored = 0;
		int max = 0;
		for (final int s : sizes) {
			stored += s;
			max = Math.max(max, s);
		}
		this.storedBytes = stored;
		this.maxSize = max;
	}

	/**
	 * Indexes {@code chunks} of a dataset of {@code dims} chunked by {@code chunkDims}, checking every chunk against
	 * the file: positive size of at most {@code maxStored} bytes, inside the file, offset on the chunk grid, no
	 * position twice. Chunks wholly outside the dataset (left from before it shrank) are ignored.
	 *
	 * @throws LayoutException naming the file, the dataset and the offending chunk
	 */
	static ChunkIndex of(final Path file, final String dataset, final long fileLength, final long[] dims,
			final int[] chunkDims, final long maxStored, final Collection<Chunk> chunks) {
		final int n = dims.length;
		final long[] grid = new long[n];
		for (int a = 0; a < n; a++)
			grid[a] = (dims[a] + chunkDims[a] - 1) / chunkDims[a];
		final long[][] rows = new long[chunks.size()][];
		int count = 0;
		for (final Chunk c : chunks) {
			final long[] off = c.getChunkOffset();
			if (off == null || off.length != n)
				throw LayoutException.badField(file, dataset + " chunk offset", n + " coordinates",
						off == null ? "none" : Arrays.toString(off));
			long key = 0;
			boolean inside = true;
			for (int a = 0; a < n; a++) {
				if (off[a] < 0 || off[a] % chunkDims[a] != 0)
					throw LayoutException.badField(file, dataset + " chunk offset", "multiples of the chunk shape "
							+ Arrays.toString(chunkDims), Arrays.toString(off));
				if (off[a] >= dims[a])
					inside = false;
				key = key * grid[a] + off[a] / chunkDims[a];
			}
			if (!inside)
				continue;
			final long address = c.getAddress();
			final int size = c.getSize();
			if (size < 1 || size > maxStored || address < 0 || address > fileLength - size)
				throw LayoutException.badField(file, dataset + " chunk " + Arrays.toString(off), "a stored chunk of 1 to "
						+ maxStored + " bytes inside the " + fileLength + "-byte file", size + " bytes at byte offset " + address);
			rows[count++] = new long[] { key, address, size, mask(c.getFilterMask()) };
		}
		final long[][] sorted = Arrays.copyOf(rows, count);
		Arrays.sort(sorted, (x, y) -> Long.compare(x[0], y[0]));
		final long[] keys = new long[count];
		final long[] addresses = new long[count];
		final int[] sizes = new int[count];
		final int[] masks = new int[count];
		for (int i = 0; i < count; i++) {
			if (i > 0 && sorted[i][0] == sorted[i - 1][0])
				throw LayoutException.badField(file, dataset + " chunk index", "each grid position once",
						"grid position " + sorted[i][0] + " twice");
			keys[i] = sorted[i][0];
			addresses[i] = sorted[i][1];
			sizes[i] = (int) sorted[i][2];
			masks[i] = (int) sorted[i][3];
		}
		return new ChunkIndex(grid, keys, addresses, sizes, masks);
	}

	private static int mask(final BitSet bits) {
		if (bits == null)
			return 0;
		final long[] words = bits.toLongArray();
		return words.length == 0 ? 0 : (int) words[0];
	}

	/** Number of stored chunks. */
	int size() {
		return keys.length;
	}

	/** Number of chunk positions on the grid. */
	long gridCount() {
		long n = 1;
		for (final long g : grid)
			n = Math.multiplyExact(n, g);
		return n;
	}

	/** The slot of the chunk at linear grid position {@code key}, or -1 when it was never written. */
	int find(final long key) {
		final int i = Arrays.binarySearch(keys, key);
		return i < 0 ? -1 : i;
	}

	long address(final int slot) {
		return addresses[slot];
	}

	int size(final int slot) {
		return sizes[slot];
	}

	int mask(final int slot) {
		return masks[slot];
	}
}
