package org.maptem.udf;

import java.io.Serializable;
import java.util.List;

import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.Tile;

/**
 * A user-defined function: a reduction over the frames of a dataset, run as map-reduce by an executor.
 *
 * <p>How a job runs a UDF:
 * <ol>
 * <li>{@link #buffers} declares the result buffers for the dataset; {@link #taskData} builds read-only per-task data
 * (masks, lookup tables) once per worker. Both validate the parameters and throw {@link UdfException}.</li>
 * <li>Each partition gets zero-filled partial {@link Results}; {@link #processTile} is called for every tile of the
 * partition's frames (inside the ROI), frames ascending and, when frames are split into row bands, bands ascending
 * within a frame.</li>
 * <li>The partition's NAV buffers are copied into the dataset-wide result by the engine; {@link #merge} combines
 * its SIG and SINGLE buffers. Partitions finish in any order, so merge must be commutative and associative.</li>
 * <li>{@link #postprocess} computes derived buffers from the merged ones, after every merge (so live partial
 * results are complete) and hence at the end.</li>
 * </ol>
 *
 * <p>A UDF object holds only parameters and is serializable, so it can be shipped to remote workers; big inputs are
 * built by {@link #taskData} where they are used. Several UDFs share one pass over the data.
 *
 * <p>Thread safety: one UDF object and its task data are used by several threads at once, each with its own partial
 * results; implementations must not change their own fields after construction.
 *
 * @param <T> type of the per-task data, {@link Void} when there is none
 */
public abstract class Udf<T> implements Serializable {

	private static final long serialVersionUID = 1L;

	/**
	 * The result buffers this UDF fills on {@code meta}'s dataset.
	 *
	 * @throws UdfException when a parameter does not fit the dataset
	 */
	public abstract List<BufferSpec> buffers(DatasetMeta meta);

	/**
	 * Builds read-only data every task needs (masks, coordinate tables), once per worker and job. The default has
	 * none.
	 *
	 * @throws UdfException when a parameter does not fit the dataset
	 */
	public T taskData(final DatasetMeta meta) {
		return null;
	}

	/**
	 * Adds one tile to a partition's partial results.
	 *
	 * @param tile     which frames (dataset-global indices) and detector rows {@code data} holds
	 * @param data     {@link Tile#size()} values from index 0: frame after frame, rows in order, each row
	 *                 {@code tile.sigWidth()} pixels; the array may be longer and is reused for the next tile
	 * @param partial  this partition's buffers; NAV values of frame {@code f} start at
	 *                 {@code partial.navIndex(f) * extraSize}
	 * @param taskData what {@link #taskData} built
	 */
	public abstract void processTile(Tile tile, float[] data, Results partial, T taskData);

	/**
	 * Called once after the last tile of a partition (inside the ROI) was processed, on the same thread, before the
	 * partition's results are merged. The default does nothing; {@link PartitionUdf} uses it to see a partition
	 * whole.
	 */
	public void endPartition(final Results partial, final T taskData) {
	}

	/**
	 * Merges the SIG and SINGLE buffers of partial results {@code src} into {@code dest}. The default adds them
	 * elementwise, which is right for sums and counts; override for anything else (NAV buffers are merged by the
	 * engine and must be left alone).
	 */
	public void merge(final Results dest, final Results src) {
		for (final ResultBuffer s : src.buffers())
			if (s.spec().kind() != BufferKind.NAV)
				dest.buffer(s.name()).add(s);
	}

	/**
	 * Writes derived buffers of the dataset-wide {@code result} from its merged buffers. Called after every merge, so
	 * it must recompute derived values from scratch and change nothing else. The default does nothing.
	 */
	public void postprocess(final Results result) {
	}

	/** Short name for messages and logs: the class name unless overridden. */
	public String name() {
		return getClass().getSimpleName();
	}
}
