package org.maptem.dataset;

import java.io.Serializable;

/**
 * How to open a dataset: partition budget, read mode, and an optional nav shape that reinterprets a frame stack
 * as a scan (many formats do not record the scan shape). Immutable; {@code with*} return copies.
 *
 * @param partitionBytes target bytes per partition (stored size)
 * @param readMode       mmap, direct IO, or automatic choice
 * @param navShape       NumPy-order scan shape to impose, or {@code null} to use the file's
 */
public record OpenOptions(long partitionBytes, ReadMode readMode, long[] navShape) implements Serializable {

	/** 256 MiB partitions, automatic read mode, the file's own nav shape. */
	public static final OpenOptions DEFAULTS = new OpenOptions(Partitions.DEFAULT_PARTITION_BYTES, ReadMode.AUTO, null);

	public OpenOptions {
		if (partitionBytes < 1)
			throw new LayoutException("partition size must be at least 1 byte, found " + partitionBytes);
		navShape = navShape == null ? null : navShape.clone();
	}

	public OpenOptions withPartitionBytes(final long bytes) {
		return new OpenOptions(bytes, readMode, navShape);
	}

	public OpenOptions withReadMode(final ReadMode mode) {
		return new OpenOptions(partitionBytes, mode, navShape);
	}

	public OpenOptions withNavShape(final long... nav) {
		return new OpenOptions(partitionBytes, readMode, nav);
	}

	@Override
	public long[] navShape() {
		return navShape == null ? null : navShape.clone();
	}
}
