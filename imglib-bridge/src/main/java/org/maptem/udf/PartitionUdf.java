package org.maptem.udf;

import java.util.Arrays;

import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.Tile;

/**
 * A UDF that sees a whole partition at once, for algorithms that need many frames together (e.g. a per-partition
 * median or an SVD): implement {@link #processPartition}. Tiles are gathered into a per-thread buffer of the
 * partition's frames, so this costs {@code frames × pixels × 4} bytes of heap per worker thread: use it with
 * partitions that fit (open the dataset with smaller partitions, or ingest with a smaller {@code --partition-mib}).
 *
 * <pre>{@code
 * class PartitionMean extends PartitionUdf<Void> {
 *   protected void processPartition(long first, int count, float[] data, boolean[] inRoi, Results partial, Void none) {...}
 * }
 * }</pre>
 *
 * @param <T> type of the UDF's own per-task data
 */
public abstract class PartitionUdf<T> extends Udf<PartitionUdf.TaskData<T>> {

	private static final long serialVersionUID = 1L;

	/** Largest partition buffer, in values, this class allocates. */
	public static final long MAX_VALUES = Integer.MAX_VALUE - 8;

	/** The subclass's task data plus this class's per-thread partition buffers. */
	public static final class TaskData<T> {
		final T own;
		final int framePixels;
		final ThreadLocal<float[][]> data = ThreadLocal.withInitial(() -> new float[1][0]);
		final ThreadLocal<boolean[][]> seen = ThreadLocal.withInitial(() -> new boolean[1][0]);

		TaskData(final T own, final int framePixels) {
			this.own = own;
			this.framePixels = framePixels;
		}
	}

	/**
	 * Processes the frames of one partition.
	 *
	 * @param firstFrame dataset-global index of the partition's first frame
	 * @param frameCount frames in the partition
	 * @param data       {@code frameCount × height × width} values, frame after frame; frames outside the ROI are NaN
	 * @param inRoi      per frame of the partition: whether it was read (inside the ROI)
	 */
	protected abstract void processPartition(long firstFrame, int frameCount, float[] data, boolean[] inRoi,
			Results partial, T taskData);

	/** Builds the subclass's read-only per-task data once per worker; none by default. */
	protected T partitionTaskData(final DatasetMeta meta) {
		return null;
	}

	@Override
	public final TaskData<T> taskData(final DatasetMeta meta) {
		return new TaskData<>(partitionTaskData(meta), meta.framePixels());
	}

	@Override
	public final void processTile(final Tile tile, final float[] data, final Results partial, final TaskData<T> td) {
		final float[] all = buffer(partial, td);
		final boolean[] seen = td.seen.get()[0];
		final int w = tile.sigWidth();
		final int per = tile.sigRows() * w;
		for (int f = 0; f < tile.frameCount(); f++) {
			final int local = (int) (tile.firstFrame() + f - partial.firstFrame());
			System.arraycopy(data, f * per, all, local * td.framePixels + tile.sigRowStart() * w, per);
			seen[local] = true;
		}
	}

	@Override
	public final void endPartition(final Results partial, final TaskData<T> td) {
		final float[] all = buffer(partial, td);
		final boolean[] seen = td.seen.get()[0];
		for (int i = 0; i < partial.frameCount(); i++)
			if (!seen[i])
				Arrays.fill(all, i * td.framePixels, (i + 1) * td.framePixels, Float.NaN);
		processPartition(partial.firstFrame(), partial.frameCount(), all, Arrays.copyOf(seen, partial.frameCount()), partial,
				td.own);
		// the next partition starts from nothing seen
		Arrays.fill(seen, false);
	}

	/** This thread's buffer for {@code partial}'s frames, grown when a partition is larger than any before. */
	private float[] buffer(final Results partial, final TaskData<T> td) {
		final long values = (long) partial.frameCount() * td.framePixels;
		if (values > MAX_VALUES)
			throw UdfException.badParameter(name(), "partition", "at most " + MAX_VALUES + " values for processPartition",
					partial.frameCount() + " frames of " + td.framePixels + " pixels; use smaller partitions");
		final float[][] holder = td.data.get();
		if (holder[0].length < values) {
			holder[0] = new float[(int) values];
			td.seen.get()[0] = new boolean[partial.frameCount()];
		}
		return holder[0];
	}
}
