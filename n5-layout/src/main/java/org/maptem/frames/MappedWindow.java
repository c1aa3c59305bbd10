package org.maptem.frames;

import java.io.Closeable;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.maptem.dataset.LayoutException;

/**
 * A file open for reading and the one byte range of it currently memory-mapped: a frame source maps the range its
 * next tile needs (and whatever more it chooses), which unmaps the previous range at once rather than when the
 * garbage collector gets to it; {@link #close()} unmaps the last one and closes the file.
 *
 * <p>Which range to map is the source's choice; this class only holds the mapping and releases it. For one thread.
 */
public final class MappedWindow implements Closeable {

	private final Path file;
	private final FileChannel channel;
	private final long size;
	private MappedByteBuffer mapped;
	private long start;

	/**
	 * Opens {@code file} for reading; nothing is mapped yet.
	 *
	 * @throws LayoutException naming the file when it cannot be opened or its size read
	 */
	public MappedWindow(final Path file) {
		this.file = file;
		FileChannel c = null;
		try {
			c = FileChannel.open(file, StandardOpenOption.READ);
			this.size = c.size();
		} catch (final IOException e) {
			closeQuietly(c);
			throw new LayoutException(file + ": cannot open for reading: " + e.getMessage(), e);
		}
		this.channel = c;
	}

	/** Size of the file in bytes when it was opened. */
	public long size() {
		return size;
	}

	/** True when bytes {@code [from, to)} of the file are in the current mapping. */
	public boolean covers(final long from, final long to) {
		return mapped != null && from >= start && to <= start + mapped.capacity();
	}

	/**
	 * Unmaps the current range and maps bytes {@code [from, to)} of the file read-only, in big-endian order; the
	 * caller has checked that the range fits one buffer ({@code to - from ≤ Integer.MAX_VALUE}).
	 *
	 * @return the new mapping, also {@link #buffer()} until the next call
	 * @throws LayoutException naming the file and the range when the mapping fails
	 */
	public MappedByteBuffer map(final long from, final long to) {
		release();
		try {
			mapped = channel.map(FileChannel.MapMode.READ_ONLY, from, to - from);
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot map bytes " + from + " to " + to + ": " + e.getMessage(), e);
		}
		start = from;
		return mapped;
	}

	/** The current mapping (null before the first {@link #map}); its position 0 is file byte {@link #start()}. */
	public MappedByteBuffer buffer() {
		return mapped;
	}

	/** File position of the current mapping's first byte. */
	public long start() {
		return start;
	}

	private void release() {
		if (mapped != null)
			Unmapper.unmap(mapped);
		mapped = null;
	}

	/** Unmaps the current range and closes the file; never throws. */
	@Override
	public void close() {
		release();
		closeQuietly(channel);
	}

	private static void closeQuietly(final FileChannel c) {
		try {
			if (c != null)
				c.close();
		} catch (final IOException e) {
			// read-only: nothing to lose
		}
	}
}
