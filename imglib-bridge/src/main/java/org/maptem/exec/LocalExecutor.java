package org.maptem.exec;

import org.maptem.udf.UdfException;

/**
 * Runs jobs on a thread pool in this JVM: one task per partition, tiles read once and handed to every UDF of the
 * job, partial results merged as partitions finish.
 *
 * <p>Each job gets its own pool of {@link #threads()} daemon threads named {@code maptem-local-<job>-<n>}, shut
 * down when the job ends; the executor itself holds nothing and needs no closing. Thread-safe: several jobs may run
 * at once.
 */
public final class LocalExecutor implements Executor {

	private final int threads;

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
		if (threads < 1)
			throw UdfException.badParameter("LocalExecutor", "threads", "at least 1", threads);
		this.threads = threads;
	}

	/** Worker threads per job (fewer when a job has fewer partitions). */
	public int threads() {
		return threads;
	}

	@Override
	public JobHandle runAsync(final Job job, final PartialResultListener listener) {
		return LocalJob.start(job, listener == null ? PartialResultListener.NONE : listener, threads);
	}
}
