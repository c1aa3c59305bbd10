package org.maptem.img;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.maptem.dataset.OpenOptions;
import org.maptem.ingest.Ingest;
import org.maptem.ingest.IngestOptions;
import org.maptem.n5.N5Dataset;
import org.maptem.synth.SyntheticDataset;
import org.maptem.synth.SyntheticParams;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.cache.img.CachedCellImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

/**
 * On a MapTEM container (raw chunks read from the memory map, or gzip chunks assembled), the lazy image through the
 * dataset's partitions holds the same values on the same axes as n5-imglib2's {@code N5Utils} view of the same N5
 * dataset, and as the synthetic source it was ingested from.
 */
class DatasetImgsN5Test {

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void partitionCellsAgreeWithN5UtilsAndTheSource(final boolean gzip) {
		final SyntheticParams p = SyntheticParams.builder().navShape(5, 6).sigShape(20, 16).noise(true).seed(8).build();
		final SyntheticDataset source = new SyntheticDataset(p);
		final Path container = dir.resolve("x.n5");
		// chunks of 2 scan rows: the last one ragged
		final IngestOptions o = IngestOptions.DEFAULTS.withPartitionBytes(12 * p.meta().frameBytes());
		Ingest.run(source, container, gzip ? o.withGzip(3) : o);
		try (N5Dataset n5 = N5Dataset.open(N5Dataset.locate(container), OpenOptions.DEFAULTS)) {
			assertArrayEquals(new long[] { 2, 6 }, DatasetImgs.cellNavBlock(n5, DatasetImgOptions.DEFAULTS));
			final CachedCellImg<FloatType, ?> floats = DatasetImgs.floats(n5);
			final CachedCellImg<UnsignedShortType, ?> typed = DatasetImgs.typed(n5, DatasetImgOptions.DEFAULTS);
			final CachedCellImg<UnsignedShortType, ?> viaN5 = DatasetImgs.n5(n5, 1 << 20);
			assertInstanceOf(UnsignedShortType.class, viaN5.firstElement());
			assertArrayEquals(new long[] { 16, 20, 6, 5 }, Intervals.dimensionsAsLongArray(viaN5));
			assertArrayEquals(Intervals.dimensionsAsLongArray(viaN5), Intervals.dimensionsAsLongArray(floats));
			assertArrayEquals(viaN5.getCellGrid().getCellDimensions(), floats.getCellGrid().getCellDimensions(),
					"cells are the chunks");
			final CachedCellImg<FloatType, ?> fromSource = DatasetImgs.floats(source);
			final long n = assertSame(viaN5, floats);
			assertSame(viaN5, typed);
			assertSame(viaN5, fromSource);
			assertEquals(5 * 6 * 20 * 16, n);
		}
	}

	private static <A extends RealType<A>, B extends RealType<B>> long assertSame(final RandomAccessibleInterval<A> a,
			final RandomAccessibleInterval<B> b) {
		final Cursor<A> ca = Views.flatIterable(a).cursor();
		final Cursor<B> cb = Views.flatIterable(b).cursor();
		long n = 0;
		double total = 0;
		while (ca.hasNext()) {
			final double va = ca.next().getRealDouble();
			assertEquals(va, cb.next().getRealDouble(), 0, "at flat index " + n);
			total += va;
			n++;
		}
		assertTrue(total > 0);
		return n;
	}
}
