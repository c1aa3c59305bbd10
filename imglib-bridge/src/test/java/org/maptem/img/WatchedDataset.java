package org.maptem.img;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.maptem.dataset.Dataset;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Tile;
import org.maptem.frames.FrameSource;

/**
 * A dataset seen through a counter: counts partition opens, keeps weak references to every float array read into
 * (the cell arrays, when a cell is one partition), and can pretend to other partitions of the same frames.
 */
final class WatchedDataset implements Dataset {

	private final Dataset delegate;
	private final List<Partition> partitions;
	final AtomicInteger opens = new AtomicInteger();
	final ConcurrentLinkedQueue<WeakReference<float[]>> arrays = new ConcurrentLinkedQueue<>();

	WatchedDataset(final Dataset delegate) {
		this(delegate, delegate.partitions());
	}

	/** {@code delegate}'s frames in {@code partitions}; the delegate must open any contiguous run. */
	WatchedDataset(final Dataset delegate, final List<Partition> partitions) {
		this.delegate = delegate;
		this.partitions = partitions;
	}

	/** Arrays read into that are still reachable. */
	int liveArrays() {
		int n = 0;
		for (final WeakReference<float[]> r : arrays)
			if (r.get() != null)
				n++;
		return n;
	}

	@Override
	public DatasetMeta meta() {
		return delegate.meta();
	}

	@Override
	public List<Partition> partitions() {
		return partitions;
	}

	@Override
	public FrameSource open(final Partition partition) {
		opens.incrementAndGet();
		final FrameSource s = delegate.open(partition);
		return new FrameSource() {
			@Override
			public void read(final Tile tile, final float[] dst) {
				arrays.add(new WeakReference<>(dst));
				s.read(tile, dst);
			}

			@Override
			public void read(final Tile tile, final double[] dst) {
				s.read(tile, dst);
			}

			@Override
			public void close() {
				s.close();
			}
		};
	}
}
