package org.maptem.exec;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

import org.maptem.udf.UdfException;

/**
 * Runs jobs: map every partition through the job's UDFs, merge the partial results, report after each partition.
 *
 * <p>Implementations: {@link LocalExecutor} (a thread pool in this JVM); remote executors follow the same contract.
 */
public interface Executor {

	/**
	 * Starts {@code job} and returns at once. Parameters, ROI and buffers are checked before anything runs.
	 *
	 * @throws UdfException when a UDF parameter, the ROI or the tile plan does not fit the dataset
	 */
	JobHandle runAsync(Job job, PartialResultListener listener);

	/**
	 * Runs {@code job} to completion in the calling thread's time.
	 *
	 * @throws UdfException     for bad parameters, or wrapping a failure of a partition
	 * @throws RuntimeException the unchecked exception a UDF, the listener or the reader threw
	 */
	default JobResults run(final Job job, final PartialResultListener listener) {
		final JobHandle handle = runAsync(job, listener);
		try {
			return handle.get();
		} catch (final InterruptedException e) {
			handle.cancel(false);
			Thread.currentThread().interrupt();
			throw new UdfException("job interrupted while waiting for its result; it was cancelled", e);
		} catch (final CancellationException e) {
			throw new UdfException("job was cancelled", e);
		} catch (final ExecutionException e) {
			final Throwable cause = e.getCause();
			if (cause instanceof RuntimeException r)
				throw r;
			if (cause instanceof Error err)
				throw err;
			throw new UdfException("job failed: " + cause, cause);
		}
	}

	/** Runs {@code job} to completion without a listener. */
	default JobResults run(final Job job) {
		return run(job, PartialResultListener.NONE);
	}
}
