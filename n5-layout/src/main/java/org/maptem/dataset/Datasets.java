package org.maptem.dataset;

import java.util.List;

import org.maptem.frames.FrameSource;

/** Helpers over {@link Dataset}s. */
public final class Datasets {

	private Datasets() {
	}

	/**
	 * A view of {@code source} with another calibration (same frames, partitions and storage). Closing the view
	 * closes the source.
	 */
	public static Dataset withCalibration(final Dataset source, final Calibration calibration) {
		final DatasetMeta meta = source.meta().withCalibration(calibration);
		return new Dataset() {
			@Override
			public DatasetMeta meta() {
				return meta;
			}

			@Override
			public List<Partition> partitions() {
				return source.partitions();
			}

			@Override
			public FrameSource open(final Partition partition) {
				return source.open(partition);
			}

			@Override
			public String storage() {
				return source.storage();
			}

			@Override
			public void close() {
				source.close();
			}
		};
	}
}
