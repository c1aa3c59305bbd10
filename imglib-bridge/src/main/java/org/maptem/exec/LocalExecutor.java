package org.maptem.exec;

import org.maptem.frames.Simd;
import org.maptem.udf.UdfException;

/**
 * Runs jobs on a thread pool in this JVM: one task per partition, tiles read once and handed to every UDF of the
 * job, partial results merged as partitions finish.
 *
 * <p>The first partition of a job is processed in two pieces when it holds more than four times the first piece:
 * its first frames, about {@value #FIRST_PIECE_BYTES} bytes of float32 values (at least one frame), are computed with
 * the scalar loops (compiled within milliseconds, whereas the vector kernels run interpreted until C2 compiles them),
 * merged and reported on their own, so a live view gets its first result after milliseconds even from a fresh JVM;
 * then the rest. Every other partition is merged once.
 *
 * <p>Each job gets its own pool of {@link #threads()} daemon threads named {@code maptem-local-<job>-<n>}, shut
 * down when the job ends; the executor itself holds nothing and needs no closing. Thread-safe: several jobs may run
 * at once.
 */
public final class LocalExecutor implements Executor {

	/**
	 * Decoded (float32) bytes of the first piece of a job's first partition, merged and reported on its own so the
	 * first partial result comes after a few milliseconds rather than after a whole partition (256 MiB by default).
	 */
	static final long FIRST_PIECE_BYTES = 64L << 10;

	private final int threads;
	private final long firstPieceBytes;

	/** An executor using one thread per available processor. */
	public LocalExecutor() {
		this(Runtime.getRuntime().availableProcessors());
	}

	/**
	 * An executor using {@code threads} worker threads per job.
	 *
	 * @throws UdfException when {@code threads} is less than 1
	 */
	public LocalExecutor(final int threads) {
		this(threads, FIRST_PIECE_BYTES);
	}

	/** As {@link #LocalExecutor(int)} with another first piece (tests use small ones). */
	LocalExecutor(final int threads, final long firstPieceBytes) {
		if (threads < 1)
			throw UdfException.badParameter("LocalExecutor", "threads", "at least 1", threads);
		this.threads = threads;
		this.firstPieceBytes = firstPieceBytes;
		// decide on the vector kernels now (it loads the Vector API's classes, tens of ms), not in a job's first piece
		Simd.available();
	}

	/** Worker threads per job (fewer when a job has fewer partitions). */
	public int threads() {
		return threads;
	}

	@Override
	public JobHandle runAsync(final Job job, final PartialResultListener listener) {
		return LocalJob.start(job, listener == null ? PartialResultListener.NONE : listener, threads, firstPieceBytes);
	}
}
