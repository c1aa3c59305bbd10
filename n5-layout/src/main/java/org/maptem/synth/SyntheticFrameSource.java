package org.maptem.synth;

import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Tile;
import org.maptem.frames.ElementwiseFrameSource;

/**
 * Tiles of one partition of a {@link SyntheticDataset}, generated on read. The last generated frame is kept, so a
 * frame read in row bands is generated once. For one thread.
 *
 * <p>Counts of int32, uint32 and float64 datasets may reach 2^31 − 1 (see {@link SyntheticValidation}), beyond the
 * integers float32 holds exactly, so double tiles get each count exact and float tiles get it rounded, through
 * {@link ElementwiseFrameSource}, rather than widened from floats.
 */
final class SyntheticFrameSource extends ElementwiseFrameSource {

	private final SyntheticModel model;
	private final Partition partition;
	private final int[] counts;
	private long cached = -1;

	SyntheticFrameSource(final SyntheticStem stem, final Partition partition) {
		this.model = stem.model();
		this.partition = partition;
		this.counts = new int[model.pixels];
	}

	@Override
	protected void read(final Tile tile, final int capacity, final Values out) {
		check(tile, capacity);
		final int perFrame = tile.sigRows() * model.w;
		final int from = tile.sigRowStart() * model.w;
		for (int i = 0; i < tile.frameCount(); i++) {
			final int[] c = frame(tile.firstFrame() + i);
			final int off = i * perFrame;
			for (int j = 0; j < perFrame; j++)
				out.set(off + j, c[from + j]);
		}
	}

	private int[] frame(final long index) {
		if (index != cached) {
			model.render(index, counts);
			cached = index;
		}
		return counts;
	}

	private void check(final Tile tile, final int dstLength) {
		if (tile.sigWidth() != model.w || tile.sigRowStart() < 0 || tile.sigRows() < 1
				|| tile.sigRowStart() + tile.sigRows() > model.h)
			throw new LayoutException("synthetic data: tile " + tile + " does not fit frames of " + model.h + " × " + model.w);
		if (tile.firstFrame() < partition.firstFrame() || tile.firstFrame() + tile.frameCount() > partition.endFrame())
			throw new LayoutException("synthetic data: tile " + tile + " lies outside frames " + partition.firstFrame() + " to "
					+ (partition.endFrame() - 1) + " of partition " + partition.index());
		if (dstLength < tile.size())
			throw new LayoutException("synthetic data: tile buffer holds " + dstLength + " values, tile " + tile + " needs "
					+ tile.size());
	}

	@Override
	public void close() {
		// nothing is held open
	}
}
