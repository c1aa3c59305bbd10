package org.maptem.dataset;

import java.util.List;

/**
 * Base of datasets whose model and partition list are fixed when opened (files read in place, generated data):
 * holds both and checks that a partition asked for lies inside the dataset.
 */
public abstract class PlannedDataset implements Dataset {

	private final String source;
	private final DatasetMeta meta;
	private final List<Partition> partitions;

	/**
	 * @param source     what the data is, for messages (a file path, "synthetic data")
	 * @param meta       the dataset model
	 * @param partitions the partitions in frame order
	 */
	protected PlannedDataset(final String source, final DatasetMeta meta, final List<Partition> partitions) {
		this.source = source;
		this.meta = meta;
		this.partitions = List.copyOf(partitions);
	}

	@Override
	public final DatasetMeta meta() {
		return meta;
	}

	@Override
	public final List<Partition> partitions() {
		return partitions;
	}

	/**
	 * Checks that {@code partition} (any contiguous run of frames, not only one of {@link #partitions()}) lies inside
	 * this dataset.
	 *
	 * @throws LayoutException naming the source, the run and the last frame
	 */
	protected final void requireInside(final Partition partition) {
		if (partition.endFrame() > meta.frameCount())
			throw new LayoutException(source + ": partition " + partition.index() + " (frames " + partition.firstFrame() + " to "
					+ (partition.endFrame() - 1) + ") reaches past the last frame " + (meta.frameCount() - 1));
	}
}
