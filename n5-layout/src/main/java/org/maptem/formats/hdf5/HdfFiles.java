package org.maptem.formats.hdf5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.maptem.dataset.LayoutException;

import io.jhdf.HdfFile;

/**
 * Opens HDF5 files for jhdf through a channel that refuses reads crossing the end of the file, and closes them all
 * together. Not thread-safe; one per dataset being opened.
 *
 * <p>jhdf 0.13 repeats a short read at the same position until its buffer is full: a damaged object header whose
 * size reaches past the end of the file makes it fill a buffer of up to 2 GiB with the file's last bytes, over and
 * over (minutes, and the buffer's memory). Failing such a read at once makes jhdf report the damage instead.
 */
final class HdfFiles implements AutoCloseable {

	private final List<HdfFile> open = new ArrayList<>();

	/**
	 * Opens {@code file} (an absolute path) for reading.
	 *
	 * @throws LayoutException naming the file when it cannot be opened or jhdf rejects it
	 */
	HdfFile open(final Path file) {
		final FileChannel channel;
		try {
			channel = FileChannel.open(file, StandardOpenOption.READ);
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot open for reading: " + e, e);
		}
		try {
			final HdfFile h = Jhdf.call(file, "the superblock", () -> new HdfFile(new Bounded(channel), file.toUri()));
			open.add(h);
			return h;
		} catch (final LayoutException e) {
			try {
				channel.close();
			} catch (final IOException ignored) {
				// read-only: nothing is lost
			}
			throw e;
		}
	}

	@Override
	public void close() {
		for (final HdfFile h : open)
			try {
				h.close();
			} catch (final RuntimeException e) {
				// read-only: nothing is lost
			}
		open.clear();
	}

	/** A read-only channel whose reads return -1 instead of stopping short at the end of the file. */
	private static final class Bounded implements SeekableByteChannel {

		private final FileChannel channel;
		private final long size;
		private long position;

		Bounded(final FileChannel channel) throws LayoutException {
			this.channel = channel;
			try {
				this.size = channel.size();
			} catch (final IOException e) {
				throw new LayoutException("cannot read the file size: " + e, e);
			}
		}

		@Override
		public int read(final ByteBuffer dst) throws IOException {
			if (position < 0 || position > size - dst.remaining())
				return -1;
			int total = 0;
			while (dst.hasRemaining()) {
				final int n = channel.read(dst, position + total);
				if (n < 0)
					return total == 0 ? -1 : total;
				total += n;
			}
			position += total;
			return total;
		}

		@Override
		public int write(final ByteBuffer src) {
			throw new NonWritableChannelException();
		}

		@Override
		public long position() {
			return position;
		}

		@Override
		public SeekableByteChannel position(final long newPosition) {
			position = newPosition;
			return this;
		}

		@Override
		public long size() {
			return size;
		}

		@Override
		public SeekableByteChannel truncate(final long s) {
			throw new NonWritableChannelException();
		}

		@Override
		public boolean isOpen() {
			return channel.isOpen();
		}

		@Override
		public void close() throws IOException {
			channel.close();
		}
	}
}
