package org.maptem.exec;

import java.util.concurrent.Future;

/**
 * A running job: its future result, its progress, and a way to stop it.
 *
 * <p>{@link #cancel} stops the job between tiles and never interrupts a thread (an interrupt during file I/O would
 * close the dataset's channels for every reader). {@link #get} throws {@link java.util.concurrent.ExecutionException}
 * wrapping the first failure of any partition.
 */
public interface JobHandle extends Future<JobResults> {

	/** Progress as of the last merged partition. */
	Progress progress();
}
