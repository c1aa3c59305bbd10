package org.maptem.synth;

import java.util.Arrays;

import org.maptem.dataset.PlannedDataset;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Partitions;
import org.maptem.frames.FrameSource;

/**
 * A synthetic dataset whose frames are computed when a tile is read: nothing is stored, so ingest can write it to
 * N5 without a temporary file, and analyses can run on data of any size.
 *
 * <p>Partitions come from {@link Partitions#plan} at {@link OpenOptions#partitionBytes()} of the dtype's stored
 * size; the provenance is {@code "synthetic"} with every generator parameter in its details
 * ({@link SyntheticParams#fromDetails} regenerates). Tiles hold exactly what {@link SyntheticStem#frame} gives.
 * Thread safety as {@link Dataset}: each {@link FrameSource} is for one thread.
 */
public final class SyntheticDataset extends PlannedDataset {

	private final SyntheticStem stem;

	/** The dataset of {@code params} with default options (256 MiB partitions). */
	public SyntheticDataset(final SyntheticParams params) {
		this(params, OpenOptions.DEFAULTS);
	}

	/**
	 * @throws LayoutException when the options impose a nav shape other than the parameters' (set it in the
	 *                         parameters instead: the scan shape defines the shift and atom patterns)
	 */
	public SyntheticDataset(final SyntheticParams params, final OpenOptions options) {
		super("synthetic data", checkedMeta(params, options), Partitions.plan(params.meta(), options.partitionBytes()));
		this.stem = new SyntheticStem(params);
	}

	private static DatasetMeta checkedMeta(final SyntheticParams params, final OpenOptions options) {
		final long[] nav = options.navShape();
		if (nav != null && !Arrays.equals(nav, params.navShape()))
			throw new LayoutException("synthetic data: option navShape " + Arrays.toString(nav) + " differs from the generator's "
					+ Arrays.toString(params.navShape()) + "; set the nav shape in the synthetic parameters");
		return params.meta();
	}

	/** The generator, for expected values and direct frame access. */
	public SyntheticStem stem() {
		return stem;
	}

	/**
	 * @throws LayoutException when the partition reaches past the last frame
	 */
	@Override
	public FrameSource open(final Partition partition) {
		requireInside(partition);
		return new SyntheticFrameSource(stem, partition);
	}

	@Override
	public String storage() {
		return "synthetic, generated on read (seed " + stem.params().seed() + ", noise " + (stem.params().noise() ? "on" : "off")
				+ "), " + partitions().size() + " partitions";
	}
}
