package org.maptem.dataset;

import java.io.Closeable;
import java.util.List;

import org.maptem.frames.FrameSource;

/**
 * An open 4D-STEM dataset: what it is ({@link #meta()}), how it is partitioned, and a way to read each partition's
 * frames as tiles. Opened in place from a detector file or from an N5 container; nothing is loaded up front.
 *
 * <p>Thread safety: {@link #meta()} and {@link #partitions()} are safe from any thread; each {@link FrameSource}
 * is for one thread, and several may be open at once.
 */
public interface Dataset extends Closeable {

	/** Shapes, dtype, calibration and provenance. */
	DatasetMeta meta();

	/** The partitions in frame order; every frame is in exactly one. */
	List<Partition> partitions();

	/** Opens the bytes of one partition for reading tiles. The caller closes it. */
	FrameSource open(Partition partition);

	/** Human-readable storage facts for {@code maptem info} (container, chunking, compression, files). */
	default String storage() {
		return meta().provenance().format();
	}

	/** Releases whatever the dataset holds open; never throws. */
	@Override
	default void close() {
	}
}
