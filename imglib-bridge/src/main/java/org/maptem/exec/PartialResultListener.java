package org.maptem.exec;

/**
 * Receives the merged result so far after every partition of a job, e.g. to update a live image.
 *
 * <p>An executor may also report pieces of a partition: {@link LocalExecutor} reports the first few MiB of a job's
 * first partition on their own, so the first call comes soon after the job starts; {@link Progress#partitionsDone()}
 * counts whole partitions only, {@link Progress#bytesDone()} every frame merged.
 *
 * <p>Calls come one at a time, in the order partitions finish, from the executor's worker threads. The results are
 * the live dataset-wide buffers: read them during the call (copy what must outlive it) and never change them. NAV
 * positions not yet computed are NaN (0 for INT64). An exception thrown here fails the job.
 */
@FunctionalInterface
public interface PartialResultListener {

	/** A listener that does nothing. */
	PartialResultListener NONE = (results, progress) -> {
	};

	/**
	 * @param soFar    the merged (and postprocessed) results of every partition finished so far
	 * @param progress partitions and bytes done, throughput
	 */
	void partialResult(JobResults soFar, Progress progress);
}
