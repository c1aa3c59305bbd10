package org.maptem.synth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.maptem.dataset.LayoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams all frames of a {@link SyntheticStem} into a raw file: batches generated in parallel, written in order
 * through one channel, memory bounded by {@code 2 × threads} batch buffers, published by an atomic rename.
 */
final class RawWriter {

	private static final Logger LOG = LoggerFactory.getLogger(RawWriter.class);
	/** Bytes of frames generated per task: large enough to amortise hand-over, small enough to bound memory. */
	static final long BATCH_BYTES = 8L << 20;

	private final SyntheticStem stem;
	private final Path file;
	private final ByteOrder order;
	private final int threads;
	private final long frames;
	private final int frameBytes;
	private final int batchFrames;

	RawWriter(final SyntheticStem stem, final Path file, final boolean littleEndian, final int threads) {
		this(stem, file, littleEndian, threads, BATCH_BYTES);
	}

	/** As the main constructor with another batch size (tests use small ones to get many batches). */
	RawWriter(final SyntheticStem stem, final Path file, final boolean littleEndian, final int threads, final long batchBytes) {
		this.stem = stem;
		this.file = file.toAbsolutePath();
		this.order = littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
		this.threads = threads;
		this.frames = stem.frameCount();
		this.frameBytes = Math.toIntExact(stem.frameBytes());
		this.batchFrames = (int) Math.max(1, Math.min(frames, batchBytes / frameBytes));
	}

	void write() {
		final Path dir = file.getParent();
		final Path tmp;
		try {
			tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".part");
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot create a temporary file in " + dir + ": " + e.getMessage(), e);
		}
		final long start = System.nanoTime();
		try {
			try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
				if (threads == 1)
					writeSequential(ch);
				else
					writeParallel(ch);
			}
			move(tmp);
		} catch (final IOException e) {
			deleteQuietly(tmp);
			throw new LayoutException(file + ": cannot write synthetic frames: " + e.getMessage(), e);
		} catch (final RuntimeException | Error e) {
			deleteQuietly(tmp);
			throw e;
		}
		LOG.info("wrote {} synthetic frames ({} bytes) to {} in {} ms", frames, frames * frameBytes, file,
				(System.nanoTime() - start) / 1_000_000);
	}

	private void writeSequential(final FileChannel ch) throws IOException {
		final ByteBuffer buf = ByteBuffer.allocateDirect(batchFrames * frameBytes).order(order);
		for (long f = 0; f < frames; f += batchFrames) {
			fill(buf, f);
			writeFully(ch, buf);
		}
	}

	private void writeParallel(final FileChannel ch) throws IOException {
		final LinkedBlockingQueue<ByteBuffer> free = new LinkedBlockingQueue<>();
		final AtomicInteger ids = new AtomicInteger();
		final ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
			final Thread t = new Thread(r, "maptem-synth-" + ids.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		final ArrayDeque<Future<ByteBuffer>> inFlight = new ArrayDeque<>();
		try {
			for (long f = 0; f < frames; f += batchFrames) {
				if (inFlight.size() >= 2 * threads)
					writeNext(ch, inFlight, free);
				final long first = f;
				final ByteBuffer pooled = free.poll();
				final ByteBuffer buf = pooled != null ? pooled : ByteBuffer.allocateDirect(batchFrames * frameBytes).order(order);
				inFlight.add(pool.submit(() -> fill(buf, first)));
			}
			while (!inFlight.isEmpty())
				writeNext(ch, inFlight, free);
		} finally {
			pool.shutdownNow();
		}
	}

	private void writeNext(final FileChannel ch, final ArrayDeque<Future<ByteBuffer>> inFlight,
			final LinkedBlockingQueue<ByteBuffer> free) throws IOException {
		final ByteBuffer buf;
		try {
			buf = inFlight.poll().get();
		} catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new LayoutException(file + ": interrupted while generating synthetic frames", e);
		} catch (final ExecutionException e) {
			final Throwable c = e.getCause();
			if (c instanceof RuntimeException r)
				throw r;
			throw new LayoutException(file + ": generating synthetic frames failed: " + c, c);
		}
		writeFully(ch, buf);
		free.add(buf);
	}

	/** Encodes the batch starting at {@code first} into {@code buf}, leaving it ready to be written. */
	private ByteBuffer fill(final ByteBuffer buf, final long first) {
		buf.clear();
		final long end = Math.min(frames, first + batchFrames);
		for (long f = first; f < end; f++)
			stem.encode(f, buf);
		buf.flip();
		return buf;
	}

	private static void writeFully(final FileChannel ch, final ByteBuffer buf) throws IOException {
		while (buf.hasRemaining())
			ch.write(buf);
	}

	private void move(final Path tmp) throws IOException {
		try {
			Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} catch (final AtomicMoveNotSupportedException e) {
			// same directory, so only exotic file systems get here; a plain replace is the best they offer
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void deleteQuietly(final Path p) {
		try {
			Files.deleteIfExists(p);
		} catch (final IOException e) {
			// the original failure is what the caller needs to see
		}
	}
}
