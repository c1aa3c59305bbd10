package org.maptem.formats;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.maptem.dataset.LayoutException;

/**
 * The fixed-size header at the start of a detector file, for the readers whose header has one size, with the file's
 * size when it was read (which the readers check frame counts against).
 *
 * @param bytes    the first bytes of the file, little-endian, for absolute gets (the position is left at the end)
 * @param fileSize the file's size in bytes
 */
public record HeaderBytes(ByteBuffer bytes, long fileSize) {

	/**
	 * The first {@code n} bytes of {@code file}, read with positional reads.
	 *
	 * @param what the header as an error message names it, e.g. {@code "FRMS6 file header"}
	 * @throws LayoutException naming the file when it cannot be read, or, at the byte where it ends, when it is shorter
	 *                         than {@code n} bytes ("a n-byte what" expected)
	 */
	public static HeaderBytes read(final Path file, final int n, final String what) {
		final ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
		final long size;
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			size = ch.size();
			while (b.hasRemaining() && ch.read(b, b.position()) > 0) {
				// positional reads until the header is complete or the file ends
			}
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot read: " + e.getMessage(), e);
		}
		if (b.position() < n)
			throw LayoutException.badBytes(file, b.position(), "a " + n + "-byte " + what, "end of file (file is " + size
					+ " bytes)");
		return new HeaderBytes(b, size);
	}
}
