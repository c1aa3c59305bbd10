package org.maptem.udf;

/**
 * What a result buffer is indexed by.
 */
public enum BufferKind {
	/**
	 * One value (or one block of the buffer's extra shape) per scan position. Each partition fills the positions of
	 * its own frames; the engine copies them into the dataset-wide result, so UDFs never merge NAV buffers.
	 */
	NAV,
	/** One value (or block) per detector pixel, accumulated over frames and merged between partitions. */
	SIG,
	/** A buffer of the extra shape alone (one value when it has none), merged between partitions. */
	SINGLE
}
