package org.maptem.img;

import java.util.List;

import org.maptem.dataset.Dataset;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Tile;
import org.maptem.frames.FrameSource;
import org.maptem.udf.corrections.TileCorrector;

import net.imglib2.cache.CacheLoader;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.cell.CellGrid;

/**
 * Loads one cell of a dataset's 4D image: a contiguous run of whole frames, read through {@link Dataset#open} of
 * every partition the run overlaps (usually exactly one) and decoded into the cell's array.
 *
 * <p>Cells have whole frames on the two sig axes and a nav block whose frames are contiguous in C order (full extent
 * on every faster nav axis), so a cell's ImgLib2 array (x fastest, then y, then nav x, nav y, ...) is exactly the
 * frame-after-frame layout {@link FrameSource#read(Tile, float[])} writes. Float cells are decoded straight into the
 * cell array (the one copy a cached cell image needs: from the mapped or assembled chunk into the heap); other types
 * go through a float or double scratch array first. Thread-safe: every call opens its own sources.
 *
 * @param <A> the cell's array access
 */
final class FrameCellLoader<A extends ArrayDataAccess<A>> implements CacheLoader<Long, Cell<A>> {

	/** Turns decoded values of {@code frames} frames into a cell array. */
	interface Filler<A extends ArrayDataAccess<A>> {
		A fill(FrameCellLoader<A> loader, long firstFrame, int frames);
	}

	private final Dataset dataset;
	private final DatasetMeta meta;
	private final List<Partition> partitions;
	private final CellGrid grid;
	private final TileCorrector corrector;
	private final Filler<A> filler;

	FrameCellLoader(final Dataset dataset, final CellGrid grid, final TileCorrector corrector, final Filler<A> filler) {
		this.dataset = dataset;
		this.meta = dataset.meta();
		this.partitions = dataset.partitions();
		this.grid = grid;
		this.corrector = corrector;
		this.filler = filler;
	}

	@Override
	public Cell<A> get(final Long key) {
		final int n = grid.numDimensions();
		final long[] min = new long[n];
		final int[] dims = new int[n];
		grid.getCellDimensions(key, min, dims);
		// N5 / ImgLib2 nav axes run fastest first; the flat frame index is C order of the NumPy nav shape
		final long[] navShape = meta.navShape();
		long first = 0;
		int frames = 1;
		for (int i = n - 1; i >= 2; i--)
			first = first * navShape[n - 1 - i] + min[i];
		for (int i = 2; i < n; i++)
			frames *= dims[i];
		return new Cell<>(dims, min, filler.fill(this, first, frames));
	}

	/** Decodes frames {@code [first, first + frames)} into {@code dst} as float32, corrected. */
	void read(final long first, final int frames, final float[] dst) {
		final int fp = meta.framePixels();
		int done = 0;
		int pi = partitionOf(first);
		while (done < frames) {
			final long f = first + done;
			final Partition p = partition(pi++, f);
			final int count = (int) Math.min(frames - done, p.endFrame() - f);
			final Tile tile = new Tile(f, count, 0, meta.sigHeight(), meta.sigWidth());
			final float[] target = done == 0 && count == frames ? dst : new float[count * fp];
			try (FrameSource s = dataset.open(p)) {
				corrector.read(s, tile, target);
			}
			if (target != dst)
				System.arraycopy(target, 0, dst, done * fp, count * fp);
			done += count;
		}
	}

	/** Decodes frames {@code [first, first + frames)} into {@code dst} as float64, uncorrected. */
	void read(final long first, final int frames, final double[] dst) {
		final int fp = meta.framePixels();
		int done = 0;
		int pi = partitionOf(first);
		while (done < frames) {
			final long f = first + done;
			final Partition p = partition(pi++, f);
			final int count = (int) Math.min(frames - done, p.endFrame() - f);
			final double[] target = done == 0 && count == frames ? dst : new double[count * fp];
			try (FrameSource s = dataset.open(p)) {
				s.read(new Tile(f, count, 0, meta.sigHeight(), meta.sigWidth()), target);
			}
			if (target != dst)
				System.arraycopy(target, 0, dst, done * fp, count * fp);
			done += count;
		}
	}

	/** Partition {@code index}, which must hold {@code frame}. */
	private Partition partition(final int index, final long frame) {
		final Partition p = index < partitions.size() ? partitions.get(index) : null;
		if (p == null || frame < p.firstFrame() || frame >= p.endFrame())
			throw new LayoutException(dataset.storage() + ": partitions do not cover frame " + frame + " contiguously");
		return p;
	}

	int framePixels() {
		return meta.framePixels();
	}

	/** Index of the partition holding {@code frame}: partitions are in frame order and cover every frame once. */
	private int partitionOf(final long frame) {
		int lo = 0;
		int hi = partitions.size() - 1;
		while (lo < hi) {
			final int mid = (lo + hi + 1) >>> 1;
			if (partitions.get(mid).firstFrame() <= frame)
				lo = mid;
			else
				hi = mid - 1;
		}
		return lo;
	}
}
