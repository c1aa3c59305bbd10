package org.maptem.img;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.maptem.dataset.DType;
import org.maptem.exec.Job;
import org.maptem.exec.JobResults;
import org.maptem.exec.LocalExecutor;
import org.maptem.udf.ArrayDataset;
import org.maptem.udf.ResultBuffer;
import org.maptem.udf.masks.ApplyMasksUdf;
import org.maptem.udf.masks.Masks;
import org.maptem.udf.stats.StdUdf;

import net.imglib2.RandomAccess;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.type.numeric.integer.LongType;
import net.imglib2.type.numeric.real.DoubleType;

class ResultImgsTest {

	private static final ArrayDataset DATA = ArrayDataset.counts(new long[] { 3, 4 }, 5, 6, 50, 30, DType.FLOAT32);

	@Test
	void navBufferWithExtraShapeBecomesImageWithReversedAxes() {
		final ApplyMasksUdf udf = ApplyMasksUdf.of(Masks.point(1, 2), Masks.point(5, 4));
		final JobResults r = new LocalExecutor(1).run(Job.of(DATA, udf));
		final ResultBuffer b = r.get(udf).buffer(ApplyMasksUdf.INTENSITY);
		final ArrayImg<DoubleType, ?> img = ResultImgs.doubles(b);
		assertArrayEquals(new long[] { 2, 4, 3 }, img.dimensionsAsLongArray(), "mask, scan x, scan y");
		final RandomAccess<DoubleType> a = img.randomAccess();
		// scan position y=2, x=3 is frame 11; mask 1 is pixel (5, 4)
		a.setPosition(new long[] { 1, 3, 2 });
		assertEquals(DATA.value(11, 4, 5), a.get().get());
		a.get().set(-7);
		assertEquals(-7, b.doubles()[11 * 2 + 1], "the image shares the buffer's array");
	}

	@Test
	void sigBufferOfEachTypeWrapsWithItsType() {
		final StdUdf std = new StdUdf();
		final JobResults r = new LocalExecutor(1).run(Job.of(DATA, std));
		final ArrayImg<?, ?> count = ResultImgs.wrap(r.get(std).buffer(StdUdf.COUNT));
		assertArrayEquals(new long[] { 6, 5 }, count.dimensionsAsLongArray(), "sig x, sig y");
		assertInstanceOf(LongType.class, count.firstElement());
		assertEquals(12, ((LongType) count.firstElement()).get());
		assertInstanceOf(DoubleType.class, ResultImgs.wrap(r.get(std).buffer(StdUdf.STD)).firstElement());
	}
}
