package org.maptem.formats.mib;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.maptem.dataset.LayoutException;

/**
 * One checked {@code .mib} file: its first frame header, how its frames are encoded, and how many whole frames it
 * holds.
 *
 * <p>{@link #inspect} reads only frame headers: the first, the second and the last whole frame's (all must describe
 * the same geometry, which catches a wrong frame size early) and, when the file does not end on a frame boundary,
 * the start of the unfinished frame, which must be a frame header (an interrupted acquisition) and is then ignored.
 * Immutable.
 *
 * @param path          absolute path
 * @param header        the first frame's header
 * @param encoding      how each frame's pixel bytes decode
 * @param frames        whole frames in the file
 * @param size          file size in bytes
 * @param trailingBytes bytes of an unfinished last frame after the whole frames, ignored (0 normally)
 * @param lastSequence  sequence number of the last whole frame
 */
public record MibFile(Path path, MibHeader header, FrameEncoding encoding, long frames, long size, long trailingBytes,
		long lastSequence) {

	/** Bytes from one frame header to the next. */
	public long stride() {
		return encoding.stride(header);
	}

	/** Byte offset of frame {@code frame}'s header. */
	public long recordStart(final long frame) {
		return frame * stride();
	}

	/**
	 * Reads and checks the frame headers of {@code file}.
	 *
	 * @throws LayoutException naming the file and the offset or header field of the first problem: no frame header at
	 *                         byte 0, a bad field, no whole frame, frame headers that disagree, or a size that is not
	 *                         whole frames followed by at most an unfinished frame
	 */
	public static MibFile inspect(final Path file) {
		final Path abs = file.toAbsolutePath();
		try (FileChannel ch = FileChannel.open(abs, StandardOpenOption.READ)) {
			final long size = ch.size();
			final MibHeader first = readHeader(abs, ch, 0, size);
			final FrameEncoding enc = FrameEncoding.of(abs, 0, first);
			final long stride = enc.stride(first);
			final long frames = size / stride;
			final long trailing = size - frames * stride;
			if (frames == 0)
				throw LayoutException.badField(abs, "file size", "at least one frame of " + stride + " bytes ("
						+ first.headerBytes() + " header + " + enc.dataBytes() + " pixel bytes for " + first.geometry() + ")",
						size + " bytes");
			if (trailing > 0 && !startsWithMagic(ch, frames * stride, trailing))
				throw LayoutException.badBytes(abs, frames * stride, "the end of the file or the header of an unfinished "
						+ "frame after " + frames + " whole frames of " + stride + " bytes (" + first.geometry() + ")",
						trailing + " other bytes");
			long lastSeq = first.sequence();
			for (final long f : frames > 2 ? new long[] { 1, frames - 1 } : frames == 2 ? new long[] { 1 } : new long[0]) {
				final MibHeader h = readHeader(abs, ch, f * stride, size);
				if (!h.sameGeometry(first))
					throw LayoutException.badBytes(abs, f * stride, "a frame header like the first (" + first.geometry()
							+ ")", h.geometry());
				lastSeq = h.sequence();
			}
			return new MibFile(abs, first, enc, frames, size, trailing, lastSeq);
		} catch (final IOException e) {
			throw new LayoutException(abs + ": cannot read: " + e.getMessage(), e);
		}
	}

	private static MibHeader readHeader(final Path file, final FileChannel ch, final long offset, final long size)
			throws IOException {
		final byte[] prefix = read(ch, offset, (int) Math.min(MibHeader.PREFIX_BYTES, size - offset));
		final int hs = MibHeader.headerLength(file, offset, prefix);
		if (offset + hs > size)
			throw LayoutException.badBytes(file, offset, "a frame header of " + hs + " bytes (field 2)", "end of file after "
					+ (size - offset) + " bytes");
		return MibHeader.parse(file, offset, read(ch, offset, hs), hs);
	}

	private static boolean startsWithMagic(final FileChannel ch, final long offset, final long available)
			throws IOException {
		final byte[] b = read(ch, offset, (int) Math.min(MibHeader.MAGIC.length(), available));
		return MibHeader.hasMagic(b, 0, b.length);
	}

	private static byte[] read(final FileChannel ch, final long offset, final int length) throws IOException {
		final ByteBuffer buf = ByteBuffer.allocate(Math.max(0, length));
		while (buf.hasRemaining()) {
			if (ch.read(buf, offset + buf.position()) < 0)
				break;
		}
		final byte[] out = new byte[buf.position()];
		buf.flip().get(out);
		return out;
	}
}
