package org.maptem.formats.dm;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.maptem.dataset.LayoutException;

/**
 * Sequential reads of a tag file through a small buffer, with skips: the tag structure is read, large arrays are
 * skipped. Every read checks the file length first and fails with a {@link LayoutException} naming the file, the
 * byte offset and what was being read.
 */
final class DmInput implements Closeable {

	private static final int BUFFER = 1 << 16;

	private final Path file;
	private final FileChannel channel;
	private final long size;
	private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
	/** File position of {@code buffer}'s index 0. */
	private long bufferStart;
	private long pos;

	DmInput(final Path file) {
		this.file = file;
		try {
			this.channel = FileChannel.open(file, StandardOpenOption.READ);
			this.size = channel.size();
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot read: " + e.getMessage(), e);
		}
		buffer.limit(0);
	}

	Path file() {
		return file;
	}

	long size() {
		return size;
	}

	long position() {
		return pos;
	}

	/** Moves to {@code position}, which must lie within the file. */
	void seek(final long position, final String what) {
		if (position < 0 || position > size)
			throw LayoutException.badBytes(file, pos, what + " within the " + size + "-byte file", "a skip to byte " + position);
		pos = position;
	}

	/** Skips {@code n} bytes, which must lie within the file. */
	void skip(final long n, final String what) {
		if (n < 0 || n > size - pos)
			throw LayoutException.badBytes(file, pos, n + " bytes of " + what, "end of file at byte " + size);
		pos += n;
	}

	/** A view of the next {@code n} bytes (at most the buffer size) in {@code order}; advances past them. */
	ByteBuffer take(final int n, final ByteOrder order, final String what) {
		if (n > size - pos)
			throw LayoutException.badBytes(file, pos, n + " bytes of " + what, "end of file at byte " + size);
		if (pos < bufferStart || pos + n > bufferStart + buffer.limit())
			fill();
		final int at = (int) (pos - bufferStart);
		pos += n;
		return buffer.slice(at, n).order(order);
	}

	private void fill() {
		buffer.clear();
		bufferStart = pos;
		try {
			while (buffer.hasRemaining() && channel.read(buffer, bufferStart + buffer.position()) > 0) {
				// positional reads until full or end of file
			}
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot read at byte " + pos + ": " + e.getMessage(), e);
		}
		buffer.flip();
	}

	int u8(final String what) {
		return Byte.toUnsignedInt(take(1, ByteOrder.BIG_ENDIAN, what).get(0));
	}

	int be16(final String what) {
		return Short.toUnsignedInt(take(2, ByteOrder.BIG_ENDIAN, what).getShort(0));
	}

	long be32(final String what) {
		return Integer.toUnsignedLong(take(4, ByteOrder.BIG_ENDIAN, what).getInt(0));
	}

	/** A big-endian u64; values of 2^63 and more cannot be a size in a file and are rejected. */
	long be64(final String what) {
		final long at = pos;
		final long v = take(8, ByteOrder.BIG_ENDIAN, what).getLong(0);
		if (v < 0)
			throw LayoutException.badBytes(file, at, what + " below 2^63", Long.toUnsignedString(v));
		return v;
	}

	@Override
	public void close() {
		try {
			channel.close();
		} catch (final IOException e) {
			// read-only: nothing to lose
		}
	}
}
