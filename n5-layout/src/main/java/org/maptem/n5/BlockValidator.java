package org.maptem.n5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.maptem.dataset.LayoutException;

/**
 * Reads the header of one N5 block file and checks it against the dataset's attributes before any data is mapped,
 * decoded or allocated.
 *
 * <p>A block passes when its mode is 0 or 1, it has one size per dataset dimension, each size covers the block's
 * part of the dataset without exceeding {@code blockSize} (so truncated and zero-padded edge blocks both pass), its
 * element count covers those sizes and fits one Java array, and, for raw blocks, the file holds every data byte.
 * This is what keeps a corrupt header claiming 2^31-1 sized blocks from reaching an allocation.
 */
final class BlockValidator {

	/** The longest header {@link BlockHeader#parse} accepts: mode, ndim, 32 sizes and a varlength count. */
	private static final int MAX_HEADER_BYTES = 4 + 4 * 32 + 4;
	/** Largest data a block may decode to: one Java byte array. */
	private static final long MAX_DATA_BYTES = Integer.MAX_VALUE - 8;

	private BlockValidator() {
	}

	/**
	 * Reads and checks the header of block file {@code file} at N5 grid position {@code gridPosition} of the dataset
	 * described by {@code attributes}.
	 *
	 * @throws LayoutException naming the file, the byte offset of the bad header field, what was expected and found
	 */
	static BlockHeader read(final Path file, final N5Attributes attributes, final long[] gridPosition) {
		final long fileSize;
		final ByteBuffer head;
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			fileSize = ch.size();
			head = ByteBuffer.allocate((int) Math.min(fileSize, MAX_HEADER_BYTES));
			while (head.hasRemaining() && ch.read(head) >= 0) {
				// a channel may return fewer bytes than asked; keep reading until the header buffer is full
			}
			head.flip();
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot read the block header: " + e.getMessage(), e);
		}
		final BlockHeader header = BlockHeader.parse(head, file);
		check(header, file, fileSize, attributes, gridPosition);
		return header;
	}

	private static void check(final BlockHeader header, final Path file, final long fileSize, final N5Attributes attributes,
			final long[] g) {
		final long[] dims = attributes.dimensions();
		final int[] bs = attributes.blockSize();
		final int n = dims.length;
		final int[] size = header.size();
		if (size.length != n)
			throw LayoutException.badBytes(file, 2, n + " dimensions (as in " + attributes.file() + ")", size.length + " dimensions");
		long count = 1;
		for (int i = 0; i < n; i++) {
			final long need = Math.min(bs[i], dims[i] - g[i] * bs[i]);
			if (size[i] < need || size[i] > bs[i])
				throw LayoutException.badBytes(file, 4 + 4L * i, "a size of " + (need == bs[i] ? "" : need + " to ") + bs[i]
						+ " for dimension " + i + " (blockSize " + Arrays.toString(bs) + ", dimensions " + Arrays.toString(dims)
						+ ", grid position " + Arrays.toString(g) + ")", size[i]);
			count = saturatingMultiply(count, size[i]);
		}
		final int elementBytes = attributes.dtype().bytes();
		final long maxElements = MAX_DATA_BYTES / elementBytes;
		final long elements = header.numElements();
		if (header.mode() == BlockHeader.MODE_VARLENGTH && (elements < count || elements > maxBlockElements(bs)))
			throw LayoutException.badBytes(file, 4 + 4L * n, "a varlength element count of " + count + " (block size "
					+ Arrays.toString(size) + ") to " + maxBlockElements(bs) + " (blockSize)", elements);
		if (elements > maxElements)
			throw LayoutException.badBytes(file, 4, "a block of at most " + maxElements + " " + attributes.dtype().n5Name()
					+ " elements (one Java array)", elements + " elements, block size " + Arrays.toString(size));
		final long end = header.length() + elements * elementBytes;
		if ("raw".equals(attributes.compression()) && fileSize < end)
			throw LayoutException.badBytes(file, fileSize, end + " bytes: a " + header.length() + "-byte header and "
					+ elements * elementBytes + " bytes of raw " + attributes.dtype().n5Name() + " data for block size "
					+ Arrays.toString(size), "end of file (the file has " + fileSize + " bytes)");
	}

	private static long maxBlockElements(final int[] bs) {
		long m = 1;
		for (final int b : bs)
			m = saturatingMultiply(m, b);
		return m;
	}

	private static long saturatingMultiply(final long a, final long b) {
		return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
	}
}
