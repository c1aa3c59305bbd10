package org.maptem.img;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.maptem.dataset.DType;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Tile;
import org.maptem.exec.Job;
import org.maptem.exec.LocalExecutor;
import org.maptem.frames.FrameSource;
import org.maptem.synth.SyntheticDataset;
import org.maptem.synth.SyntheticParams;
import org.maptem.udf.UdfException;
import org.maptem.udf.corrections.Corrections;
import org.maptem.udf.corrections.TileCorrector;
import org.maptem.udf.stats.SumUdf;

import net.imglib2.RandomAccess;
import net.imglib2.cache.img.CachedCellImg;
import net.imglib2.img.cell.CellGrid;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/**
 * The lazy 4D image holds the dataset's frames on N5 axes: its cursor sums equal {@link SumUdf}'s, single pixels
 * equal {@link FrameSource} reads, for ragged partitions, 1D, 2D and 3D scans, cells that span partitions, and a
 * dataset far larger than memory, which only loads the cells touched, with a cache that stays bounded.
 */
class DatasetImgsTest {

	private static final int H = 32;
	private static final int W = 24;

	private static SyntheticDataset synthetic(final long partitionFrames, final long... nav) {
		final SyntheticParams p = SyntheticParams.builder().navShape(nav).sigShape(H, W).noise(true).seed(5).build();
		return new SyntheticDataset(p, OpenOptions.DEFAULTS.withPartitionBytes(partitionFrames * H * W * 2));
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 5, 7, 21, 35 })
	void cursorSumsEqualSumUdfWithRaggedPartitions(final long partitionFrames) {
		checkSums(synthetic(partitionFrames, 5, 7), DatasetImgOptions.DEFAULTS);
	}

	@Test
	void threeDimensionalScanWithRaggedBlocks() {
		final SyntheticDataset d = synthetic(8, 2, 3, 4);
		assertArrayEquals(new long[] { 1, 2, 4 }, DatasetImgs.cellNavBlock(d, DatasetImgOptions.DEFAULTS));
		checkSums(d, DatasetImgOptions.DEFAULTS);
		checkPixels(d, DatasetImgs.floats(d), 40);
	}

	@Test
	void oneDimensionalScan() {
		final SyntheticDataset d = synthetic(4, 11);
		checkSums(d, DatasetImgOptions.DEFAULTS);
		assertArrayEquals(new long[] { W, H, 11 }, Intervals.dimensionsAsLongArray(DatasetImgs.floats(d)));
	}

	@Test
	void cellsArePartitionsAndEachIsLoadedOnce() {
		final WatchedDataset d = new WatchedDataset(synthetic(21, 5, 7));
		final CellGrid grid = DatasetImgs.cellGrid(d, DatasetImgOptions.DEFAULTS);
		assertArrayEquals(new int[] { W, H, 7, 3 }, grid.getCellDimensions());
		assertArrayEquals(new long[] { 1, 1, 1, 2 }, grid.getGridDimensions());
		checkSums(d, DatasetImgOptions.DEFAULTS);
		assertEquals(2 + 2, d.opens.get(), "two cells loaded once each, plus the SumUdf's two partition reads");
	}

	@Test
	void cellsSmallerThanPartitionsSpanPartitionBoundaries() {
		// partitions of 3 scan rows, cells of 2: the cell of rows 2-3 reads from two partitions
		final WatchedDataset d = new WatchedDataset(synthetic(21, 5, 7));
		final DatasetImgOptions o = DatasetImgOptions.DEFAULTS.withMaxCellFrames(14);
		assertArrayEquals(new long[] { 2, 7 }, DatasetImgs.cellNavBlock(d, o));
		checkSums(d, o);
		checkPixels(d, DatasetImgs.floats(d, o), 30);
	}

	@Test
	void irregularPartitionsGetContiguousCells() {
		// runs of 4 frames across scan rows of 7: not a nav grid, so cells are blocks of about a partition
		final SyntheticDataset s = synthetic(35, 5, 7);
		final List<Partition> runs = new ArrayList<>();
		for (int i = 0; i * 4 < 35; i++)
			runs.add(new Partition(i, 4L * i, (int) Math.min(4, 35 - 4L * i)));
		final WatchedDataset d = new WatchedDataset(s, runs);
		assertArrayEquals(new long[] { 1, 4 }, DatasetImgs.cellNavBlock(d, DatasetImgOptions.DEFAULTS));
		checkSums(d, DatasetImgOptions.DEFAULTS);
		checkPixels(d, DatasetImgs.floats(d), 30);
	}

	@Test
	void hugeDatasetLoadsOnlyTheCellsTouched() {
		// 4096 × 4096 frames of 32 × 24 float32 values: 48 GiB decoded, in cells of 64 frames
		final WatchedDataset d = new WatchedDataset(synthetic(64, 4096, 4096));
		final CachedCellImg<FloatType, ?> img = DatasetImgs.floats(d, DatasetImgOptions.DEFAULTS.withCacheBytes(1 << 20));
		final long[][] positions = { { 0, 0, 0, 0 }, { 23, 31, 4095, 4095 }, { 5, 17, 1000, 2222 }, { 1, 2, 1001, 2222 } };
		final RandomAccess<FloatType> ra = img.randomAccess();
		final float[] got = new float[positions.length];
		for (int i = 0; i < positions.length; i++)
			got[i] = ra.setPositionAndGet(positions[i]).get();
		assertEquals(3, d.opens.get(), "three cells loaded: the last two positions share one");
		for (int i = 0; i < positions.length; i++) {
			final long[] p = positions[i];
			assertEquals(frameValue(d, p[3] * 4096 + p[2], (int) p[1], (int) p[0]), got[i], "at " + i);
		}
	}

	@Test
	void cacheKeepsAtMostItsBoundOfCells() throws InterruptedException {
		// 35 cells of one frame each; room for 3 in the cache
		final WatchedDataset d = new WatchedDataset(synthetic(1, 5, 7));
		final CachedCellImg<FloatType, ?> img = DatasetImgs.floats(d,
				DatasetImgOptions.DEFAULTS.withCacheBytes(3L * H * W * 4));
		double total = 0;
		for (final FloatType t : img)
			total += t.get();
		assertTrue(total > 0);
		assertEquals(35, d.opens.get(), "each cell loaded once in a single pass");
		// evicted cells become unreachable: at most the bound stays, plus the one cell an access may still hold on a
		// loaded machine (eviction and clearing lag a little)
		int live = Integer.MAX_VALUE;
		for (int i = 0; i < 100 && live > 3; i++) {
			System.gc();
			Thread.sleep(20);
			live = d.liveArrays();
		}
		assertTrue(live <= 4, live + " of 35 cells still in memory with room for 3 in the cache");
	}

	@Test
	void correctionsApplyToLoadedFrames() {
		final SyntheticDataset s = synthetic(7, 5, 7);
		final float[] dark = new float[H * W];
		for (int i = 0; i < dark.length; i++)
			dark[i] = (i % 5) * 0.5f;
		final Corrections c = Corrections.none().withDark(H, W, dark).withExcludedPixels(H, W, new int[] { 0, 16, 31 },
				new int[] { 0, 12, 23 });
		final CachedCellImg<FloatType, ?> img = DatasetImgs.floats(s, DatasetImgOptions.DEFAULTS.withCorrections(c));
		final TileCorrector corrector = c.corrector(H, W);
		final RandomAccess<FloatType> ra = img.randomAccess();
		for (final long frame : new long[] { 0, 8, 34 }) {
			final float[] v = new float[H * W];
			try (FrameSource src = s.open(s.partitions().get((int) (frame / 7)))) {
				src.read(new Tile(frame, 1, 0, H, W), v);
			}
			corrector.correctFrames(v, 1);
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++)
					assertEquals(v[y * W + x], ra.setPositionAndGet(x, y, frame % 7, frame / 7).get(), "frame " + frame);
		}
		final Corrections wrong = Corrections.none().withGain(W, H, new float[H * W]);
		assertThrows(UdfException.class, () -> DatasetImgs.floats(s, DatasetImgOptions.DEFAULTS.withCorrections(wrong)));
		assertThrows(UdfException.class, () -> DatasetImgs.typed(s, DatasetImgOptions.DEFAULTS.withCorrections(c)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "UINT8", "INT8", "UINT16", "INT16", "UINT32", "INT32", "FLOAT32", "FLOAT64", "UINT12_PACKED" })
	<T extends RealType<T> & NativeType<T>> void typedImageHoldsTheSameValuesAsTheFloatImage(final DType dtype) {
		final SyntheticParams p = SyntheticParams.builder().navShape(3, 4).sigShape(H, W).dtype(dtype).noise(dtype != DType.INT8).seed(2)
				.background(3).build();
		final SyntheticDataset d = new SyntheticDataset(p, OpenOptions.DEFAULTS.withPartitionBytes(5 * p.meta().frameBytes()));
		final CachedCellImg<T, ?> typed = DatasetImgs.typed(d, DatasetImgOptions.DEFAULTS);
		final CachedCellImg<FloatType, ?> floats = DatasetImgs.floats(d);
		final var a = Views.flatIterable(typed).cursor();
		final var b = Views.flatIterable(floats).cursor();
		long n = 0;
		while (a.hasNext()) {
			assertEquals(b.next().getRealDouble(), a.next().getRealDouble(), 0);
			n++;
		}
		assertEquals(3 * 4 * H * W, n);
		if (dtype == DType.UINT16)
			assertInstanceOf(UnsignedShortType.class, typed.firstElement());
	}

	/** Per-pixel and total sums over the image's cursor equal {@link SumUdf} over the dataset. */
	private static void checkSums(final Dataset d, final DatasetImgOptions o) {
		final CachedCellImg<FloatType, ?> img = DatasetImgs.floats(d, o);
		assertArrayEquals(d.meta().n5Dimensions(), Intervals.dimensionsAsLongArray(img));
		final double[] perPixel = new double[H * W];
		double total = 0;
		final var c = img.localizingCursor();
		while (c.hasNext()) {
			final float v = c.next().get();
			perPixel[c.getIntPosition(1) * W + c.getIntPosition(0)] += v;
			total += v;
		}
		final SumUdf sum = new SumUdf();
		final double[] udf = new LocalExecutor(1).run(Job.of(d, sum)).get(sum).buffer(SumUdf.INTENSITY).doubles();
		double udfTotal = 0;
		for (final double v : udf)
			udfTotal += v;
		assertArrayEquals(udf, perPixel, 0, "integer counts sum exactly in any order");
		assertEquals(udfTotal, total, 0);
	}

	/** {@code samples} random pixels of the image equal the frame read through the dataset's own source. */
	private static void checkPixels(final Dataset d, final CachedCellImg<FloatType, ?> img, final int samples) {
		final Random r = new Random(1);
		final long[] nav = d.meta().navShape();
		final RandomAccess<FloatType> ra = img.randomAccess();
		for (int i = 0; i < samples; i++) {
			final long frame = (long) (r.nextDouble() * d.meta().frameCount());
			final int x = r.nextInt(W);
			final int y = r.nextInt(H);
			final long[] pos = new long[2 + nav.length];
			pos[0] = x;
			pos[1] = y;
			long f = frame;
			for (int k = 0; k < nav.length; k++) {
				pos[2 + k] = f % nav[nav.length - 1 - k];
				f /= nav[nav.length - 1 - k];
			}
			assertEquals(frameValue(d, frame, y, x), ra.setPositionAndGet(pos).get(), "frame " + frame);
		}
	}

	private static float frameValue(final Dataset d, final long frame, final int y, final int x) {
		final Partition p = d.partitions().stream().filter(q -> q.firstFrame() <= frame && frame < q.endFrame())
				.findFirst().orElseThrow();
		final float[] v = new float[H * W];
		try (FrameSource s = d.open(p)) {
			s.read(new Tile(frame, 1, 0, H, W), v);
		}
		return v[y * W + x];
	}
}
