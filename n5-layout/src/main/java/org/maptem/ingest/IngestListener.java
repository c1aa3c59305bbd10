package org.maptem.ingest;

/**
 * Hears about an ingest's progress: called once after each chunk is written, on the thread that runs
 * {@link Ingest#run}, in completion order (not necessarily grid order when chunks are written in parallel).
 *
 * <p>An exception thrown here aborts the ingest: nothing is left at the target and the exception propagates.
 */
@FunctionalInterface
public interface IngestListener {

	/** A listener that does nothing. */
	IngestListener NONE = p -> {
	};

	/** Called after a chunk was written. */
	void chunkWritten(IngestProgress progress);
}
