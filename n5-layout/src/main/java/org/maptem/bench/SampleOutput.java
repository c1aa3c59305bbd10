package org.maptem.bench;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A new file written through one reused buffer, for {@link FormatSample}s that stream frames: callers ask for room
 * ({@link #room}), put bytes at the buffer's position, and the buffer goes to the file whenever the next request
 * would not fit. Memory stays at the buffer's size (4 MiB, or the largest single request) whatever the file's size.
 * One thread.
 */
public final class SampleOutput implements Closeable {

	private static final int BUFFER = 4 << 20;

	private final FileChannel channel;
	private ByteBuffer buf;

	/** Creates {@code file}, which must not exist; multi-byte puts use {@code order}. */
	public SampleOutput(final Path file, final ByteOrder order) throws IOException {
		channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		buf = ByteBuffer.allocate(BUFFER).order(order);
	}

	/** The buffer, with at least {@code bytes} bytes remaining after its position (earlier bytes are written out). */
	public ByteBuffer room(final int bytes) throws IOException {
		if (buf.remaining() < bytes) {
			flush();
			if (buf.capacity() < bytes)
				buf = ByteBuffer.allocate(bytes).order(buf.order());
		}
		return buf;
	}

	private void flush() throws IOException {
		buf.flip();
		while (buf.hasRemaining())
			channel.write(buf);
		buf.clear();
	}

	/** Writes what is buffered and closes the file. */
	@Override
	public void close() throws IOException {
		try {
			flush();
		} finally {
			channel.close();
		}
	}
}
