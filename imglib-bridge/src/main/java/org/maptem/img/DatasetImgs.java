package org.maptem.img;

import java.util.Arrays;
import java.util.List;

import org.janelia.saalfeldlab.n5.N5FSReader;
import org.janelia.saalfeldlab.n5.imglib2.N5Utils;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Partitions;
import org.maptem.n5.N5Dataset;
import org.maptem.udf.UdfException;
import org.maptem.udf.corrections.TileCorrector;

import net.imglib2.cache.img.CachedCellImg;
import net.imglib2.cache.img.ReadOnlyCachedCellImgFactory;
import net.imglib2.cache.img.ReadOnlyCachedCellImgOptions;
import net.imglib2.cache.img.optional.CacheOptions.CacheType;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.DoubleArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.cell.CellGrid;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * A dataset as a lazy ImgLib2 cell image: frames are read only when a cell is touched, and a bounded cache keeps
 * the cells used last.
 *
 * <p>Axes are N5's and ImgLib2's (fastest first): {@code [sigX, sigY, navX, navY]} for a 2D scan,
 * {@code [sigX, sigY, navX]} for 1D, {@code [sigX, sigY, navX, navY, navZ]} for 3D, i.e.
 * {@link DatasetMeta#n5Dimensions()}. Pixel {@code (x, y)} of frame {@code f} of a 2D scan of width {@code nx} is at
 * {@code [x, y, f % nx, f / nx]}.
 *
 * <p>Cells hold whole frames; on the nav axes a cell is one partition of the dataset when the partitions form a
 * regular nav grid (they do for every reader in MapTEM: {@link Partitions#of}), else a contiguous nav block of about
 * a partition's size; {@link DatasetImgOptions#maxCellFrames} and the 2^31-value array limit can make cells smaller.
 * Loading a cell opens the partitions it overlaps through {@link Dataset#open} and decodes the frames into the cell's
 * array: for a MapTEM container or a raw file that is a decode straight from the memory-mapped chunk into the heap
 * array, the one copy any cached cell image makes. The cache is a bounded one (imglib2-cache's guarded strong
 * references) holding {@link DatasetImgOptions#cacheBytes} of cells, at least one; cells still referenced elsewhere
 * stay reachable until released. Images are read-only and safe for concurrent reads.
 *
 * <pre>{@code
 * CachedCellImg<FloatType, ?> img = DatasetImgs.floats(dataset);
 * double v = img.getAt(x, y, navX, navY).getRealDouble();
 * RandomAccessibleInterval<FloatType> frame = Views.hyperSlice(Views.hyperSlice(img, 3, navY), 2, navX);
 * }</pre>
 */
public final class DatasetImgs {

	private DatasetImgs() {
	}

	/** The dataset as float32 values, with {@link DatasetImgOptions#DEFAULTS}. */
	public static CachedCellImg<FloatType, FloatArray> floats(final Dataset dataset) {
		return floats(dataset, DatasetImgOptions.DEFAULTS);
	}

	/**
	 * The dataset as float32 values (every dtype decodes exactly, except 32-bit integers above 2^24), with the
	 * options' corrections applied to every frame.
	 *
	 * @throws UdfException when the corrections do not fit the detector
	 */
	public static CachedCellImg<FloatType, FloatArray> floats(final Dataset dataset, final DatasetImgOptions options) {
		final DatasetMeta meta = dataset.meta();
		final TileCorrector corrector = options.corrections().corrector(meta.sigHeight(), meta.sigWidth());
		final CellGrid grid = cellGrid(dataset, options);
		return create(grid, new FloatType(), 4, options, new FrameCellLoader<FloatArray>(dataset, grid, corrector,
				(l, first, frames) -> {
					final float[] a = new float[frames * l.framePixels()];
					l.read(first, frames, a);
					return new FloatArray(a);
				}));
	}

	/**
	 * The dataset in the ImgLib2 type of its dtype: {@link UnsignedByteType}, {@link ByteType},
	 * {@link UnsignedShortType} (also for packed 12-bit), {@link ShortType}, {@link UnsignedIntType},
	 * {@link IntType}, {@link FloatType} or {@link DoubleType}. Values are exact. Frames are decoded through a
	 * float or double scratch array and narrowed into the cell, one more copy than {@link #floats}.
	 *
	 * @param <T> the type, which the caller names to match the dtype (an unchecked cast, as n5-imglib2's)
	 * @throws UdfException when the options carry corrections (corrected data is float: use {@link #floats})
	 */
	@SuppressWarnings("unchecked")
	public static <T extends RealType<T> & NativeType<T>> CachedCellImg<T, ?> typed(final Dataset dataset,
			final DatasetImgOptions options) {
		if (!options.corrections().isEmpty())
			throw UdfException.badParameter("DatasetImgs.typed", "corrections", "none (corrected data is float32: use "
					+ "DatasetImgs.floats)", options.corrections());
		final DatasetMeta meta = dataset.meta();
		final TileCorrector none = options.corrections().corrector(meta.sigHeight(), meta.sigWidth());
		final CellGrid grid = cellGrid(dataset, options);
		final CachedCellImg<?, ?> img = switch (meta.dtype()) {
		case UINT8 -> create(grid, new UnsignedByteType(), 1, options, bytes(dataset, grid, none));
		case INT8 -> create(grid, new ByteType(), 1, options, bytes(dataset, grid, none));
		case UINT16, UINT12_PACKED -> create(grid, new UnsignedShortType(), 2, options, shorts(dataset, grid, none));
		case INT16 -> create(grid, new ShortType(), 2, options, shorts(dataset, grid, none));
		case UINT32 -> create(grid, new UnsignedIntType(), 4, options, ints(dataset, grid, none));
		case INT32 -> create(grid, new IntType(), 4, options, ints(dataset, grid, none));
		case FLOAT32 -> floats(dataset, options);
		case FLOAT64 -> create(grid, new DoubleType(), 8, options, new FrameCellLoader<DoubleArray>(dataset, grid, none,
				(l, first, frames) -> {
					final double[] a = new double[frames * l.framePixels()];
					l.read(first, frames, a);
					return new DoubleArray(a);
				}));
		};
		return (CachedCellImg<T, ?>) img;
	}

	/**
	 * An N5 dataset opened by n5-imglib2 instead ({@code N5Utils.openWithBoundedSoftRefCache}): cells are the N5
	 * chunks, values of the stored type, read through the n5 library (copying and byte-swapping each block). The same
	 * axes and values as {@link #typed}; an alternative for N5 tools that expect n5-imglib2's images.
	 *
	 * @param <T>        the stored type, named by the caller
	 * @param cacheBytes memory the cache keeps chunks for, at least one chunk
	 */
	public static <T extends NativeType<T>> CachedCellImg<T, ?> n5(final N5Dataset dataset, final long cacheBytes) {
		final int[] block = dataset.attributes().blockSize();
		long chunkBytes = Math.max(1, dataset.meta().dtype().bytes());
		for (final int b : block)
			chunkBytes *= b;
		final int cells = (int) Math.max(1, Math.min(Integer.MAX_VALUE, cacheBytes / chunkBytes));
		// a filesystem reader holds no open resources between reads
		final N5FSReader reader = new N5FSReader(dataset.directory().toString());
		return N5Utils.openWithBoundedSoftRefCache(reader, "/", cells);
	}

	/**
	 * The cell grid {@link #floats} and {@link #typed} use: image dimensions {@link DatasetMeta#n5Dimensions()},
	 * cells of whole frames times the nav block {@link #cellNavBlock}.
	 */
	public static CellGrid cellGrid(final Dataset dataset, final DatasetImgOptions options) {
		final DatasetMeta meta = dataset.meta();
		final long[] block = cellNavBlock(dataset, options);
		final int n = 2 + block.length;
		final int[] cell = new int[n];
		cell[0] = meta.sigWidth();
		cell[1] = meta.sigHeight();
		for (int i = 0; i < block.length; i++)
			cell[2 + i] = (int) block[block.length - 1 - i];
		return new CellGrid(meta.n5Dimensions(), cell);
	}

	/**
	 * The nav extent of a cell, NumPy order: the dataset's partition block when its partitions are the regular grid
	 * {@link Partitions#of} makes and a partition fits a cell, otherwise the largest contiguous block within the
	 * frame limit (the options' maximum, and 2^31 - 9 values per cell array).
	 */
	public static long[] cellNavBlock(final Dataset dataset, final DatasetImgOptions options) {
		final DatasetMeta meta = dataset.meta();
		final long[] nav = meta.navShape();
		long cap = (Integer.MAX_VALUE - 8) / meta.framePixels();
		if (options.maxCellFrames() > 0)
			cap = Math.min(cap, options.maxCellFrames());
		final long[] block = partitionBlock(nav, dataset.partitions());
		if (block != null && frames(block) <= cap)
			return block;
		long largest = 1;
		for (final Partition p : dataset.partitions())
			largest = Math.max(largest, p.frameCount());
		final long[] ones = new long[nav.length];
		Arrays.fill(ones, 1);
		return Partitions.navBlock(nav, ones, Math.max(1, Math.min(cap, largest)));
	}

	/** The nav block of regular-grid partitions (from the first one's frame count), or null when not a grid. */
	private static long[] partitionBlock(final long[] nav, final List<Partition> partitions) {
		if (partitions.isEmpty())
			return null;
		long f = partitions.get(0).frameCount();
		final long[] b = new long[nav.length];
		for (int i = nav.length - 1; i >= 0; i--) {
			if (f >= nav[i]) {
				if (f % nav[i] != 0)
					return null;
				b[i] = nav[i];
				f /= nav[i];
			} else {
				b[i] = f;
				f = 1;
			}
		}
		if (f != 1)
			return null;
		try {
			return Partitions.of(nav, b).equals(partitions) ? b : null;
		} catch (final LayoutException e) {
			return null;
		}
	}

	private static long frames(final long[] block) {
		long n = 1;
		for (final long b : block)
			n *= b;
		return n;
	}

	private static <T extends NativeType<T>, A extends ArrayDataAccess<A>> CachedCellImg<T, A> create(
			final CellGrid grid, final T type, final int bytesPerValue, final DatasetImgOptions options,
			final FrameCellLoader<A> loader) {
		final int[] cell = grid.getCellDimensions();
		long cellBytes = bytesPerValue;
		for (final int c : cell)
			cellBytes *= c;
		final long cells = Math.max(1, options.cacheBytes() / cellBytes);
		final ReadOnlyCachedCellImgOptions o = ReadOnlyCachedCellImgOptions.options().cellDimensions(cell)
				.cacheType(CacheType.BOUNDED).maxCacheSize(cells);
		return new ReadOnlyCachedCellImgFactory(o).createWithCacheLoader(grid.getImgDimensions(), type, loader);
	}

	private static FrameCellLoader<ByteArray> bytes(final Dataset d, final CellGrid grid, final TileCorrector none) {
		return new FrameCellLoader<>(d, grid, none, (l, first, frames) -> {
			final float[] v = new float[frames * l.framePixels()];
			l.read(first, frames, v);
			final byte[] a = new byte[v.length];
			for (int i = 0; i < v.length; i++)
				a[i] = (byte) (int) v[i];
			return new ByteArray(a);
		});
	}

	private static FrameCellLoader<ShortArray> shorts(final Dataset d, final CellGrid grid, final TileCorrector none) {
		return new FrameCellLoader<>(d, grid, none, (l, first, frames) -> {
			final float[] v = new float[frames * l.framePixels()];
			l.read(first, frames, v);
			final short[] a = new short[v.length];
			for (int i = 0; i < v.length; i++)
				a[i] = (short) (int) v[i];
			return new ShortArray(a);
		});
	}

	private static FrameCellLoader<IntArray> ints(final Dataset d, final CellGrid grid, final TileCorrector none) {
		return new FrameCellLoader<>(d, grid, none, (l, first, frames) -> {
			final double[] v = new double[frames * l.framePixels()];
			l.read(first, frames, v);
			final int[] a = new int[v.length];
			for (int i = 0; i < v.length; i++)
				a[i] = (int) (long) v[i];
			return new IntArray(a);
		});
	}
}
