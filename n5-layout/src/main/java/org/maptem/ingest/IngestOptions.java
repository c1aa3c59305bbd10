package org.maptem.ingest;

import java.util.Objects;
import java.util.function.BooleanSupplier;

import org.janelia.saalfeldlab.n5.Compression;
import org.janelia.saalfeldlab.n5.GzipCompression;
import org.janelia.saalfeldlab.n5.RawCompression;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Partitions;

/**
 * How to ingest: chunk (= partition) size, chunk compression, whether an existing target may be replaced, how many
 * chunks are written at once, whom to tell about progress and how to ask for cancellation. Immutable; {@code with*}
 * return copies.
 *
 * @param partitionBytes target uncompressed bytes per chunk; each chunk is one partition of the container
 * @param compression    an n5 library compression ({@link RawCompression} keeps the zero-copy read path)
 * @param overwrite      replace an existing target (atomically swapped) instead of refusing
 * @param threads        chunks written concurrently, at least 1
 * @param listener       told after every chunk, on the calling thread
 * @param cancelled      polled on the calling thread; true stops the ingest and leaves no target
 */
public record IngestOptions(long partitionBytes, Compression compression, boolean overwrite, int threads,
		IngestListener listener, BooleanSupplier cancelled) {

	/** 256 MiB raw chunks, no overwrite, 2 threads, no listener, never cancelled. */
	public static final IngestOptions DEFAULTS = new IngestOptions(Partitions.DEFAULT_PARTITION_BYTES, new RawCompression(),
			false, 2, IngestListener.NONE, () -> false);

	public IngestOptions {
		Objects.requireNonNull(compression, "compression");
		listener = listener == null ? IngestListener.NONE : listener;
		cancelled = cancelled == null ? () -> false : cancelled;
		if (partitionBytes < 1)
			throw new LayoutException("ingest: partition size must be at least 1 byte, found " + partitionBytes);
		if (threads < 1)
			throw new LayoutException("ingest: needs at least 1 thread, found " + threads);
	}

	public IngestOptions withPartitionBytes(final long bytes) {
		return new IngestOptions(bytes, compression, overwrite, threads, listener, cancelled);
	}

	public IngestOptions withCompression(final Compression c) {
		return new IngestOptions(partitionBytes, c, overwrite, threads, listener, cancelled);
	}

	/** Gzip chunks at {@code level} (1 fastest to 9 smallest), readable by any N5 implementation. */
	public IngestOptions withGzip(final int level) {
		return withCompression(new GzipCompression(level));
	}

	public IngestOptions withOverwrite(final boolean replace) {
		return new IngestOptions(partitionBytes, compression, replace, threads, listener, cancelled);
	}

	public IngestOptions withThreads(final int n) {
		return new IngestOptions(partitionBytes, compression, overwrite, n, listener, cancelled);
	}

	public IngestOptions withListener(final IngestListener l) {
		return new IngestOptions(partitionBytes, compression, overwrite, threads, l, cancelled);
	}

	public IngestOptions withCancellation(final BooleanSupplier c) {
		return new IngestOptions(partitionBytes, compression, overwrite, threads, listener, c);
	}
}
