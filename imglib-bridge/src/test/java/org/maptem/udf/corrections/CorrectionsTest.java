package org.maptem.udf.corrections;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.maptem.udf.corrections.CorrectionFixtures.H;
import static org.maptem.udf.corrections.CorrectionFixtures.W;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

import org.junit.jupiter.api.Test;
import org.maptem.dataset.DType;
import org.maptem.exec.Job;
import org.maptem.exec.LocalExecutor;
import org.maptem.udf.ArrayDataset;
import org.maptem.udf.UdfException;
import org.maptem.udf.stats.SumUdf;

class CorrectionsTest {

	private static final ArrayDataset DATA = ArrayDataset.counts(new long[] { 2, 3 }, H, W, 50, 9, DType.FLOAT32);

	@Test
	void darkOfWrongShapeFailsTheJobBeforeItRunsNamingBothShapes() {
		final ArrayDataset data = ArrayDataset.counts(new long[] { 2, 3 }, H, W, 50, 9, DType.FLOAT32);
		final Corrections c = Corrections.none().withDark(W, H, new float[H * W]);
		final UdfException e = assertThrows(UdfException.class,
				() -> new LocalExecutor(1).runAsync(Job.of(data, new SumUdf()).withCorrections(c), null));
		assertMessage(e, "dark frame", "[13, 11]", "[11, 13]");
		assertEquals(0, data.tileReads());
	}

	@Test
	void gainAndExcludedPixelsOfWrongShapeNameTheirCorrection() {
		assertMessage(assertThrows(UdfException.class,
				() -> Corrections.none().withGain(H + 1, W, new float[(H + 1) * W]).check(DATA.meta())),
				"gain map", "[13, 11]", "[14, 11]");
		assertMessage(assertThrows(UdfException.class,
				() -> Corrections.none().withExcludedPixels(H, W + 2, new int[] { 1 }, new int[] { 1 }).check(DATA.meta())),
				"excluded pixels", "[13, 11]", "[13, 13]");
		assertMessage(assertThrows(UdfException.class,
				() -> Corrections.none().withExcludedMask(4, 4, new boolean[16]).withExcludedPixels(4, 4, new int[] { 0 },
						new int[] { 0 }).check(DATA.meta())), "excluded pixels", "[4, 4]");
		assertMessage(assertThrows(UdfException.class,
				() -> Corrections.none().withExcludedMask(4, 4, new boolean[16]).check(DATA.meta())),
				"excluded pixels", "[4, 4]");
	}

	@Test
	void badValuesAndCoordinatesAreRejectedWhereGiven() {
		final float[] d = new float[H * W];
		d[2 * W + 3] = Float.NaN;
		assertMessage(assertThrows(UdfException.class, () -> Corrections.none().withDark(H, W, d)), "dark frame",
				"NaN", "(2, 3)");
		d[2 * W + 3] = Float.POSITIVE_INFINITY;
		assertMessage(assertThrows(UdfException.class, () -> Corrections.none().withGain(H, W, d)), "gain map",
				"Infinity");
		assertMessage(assertThrows(UdfException.class,
				() -> Corrections.none().withExcludedPixels(H, W, new int[] { 0, 13 }, new int[] { 0, 1 })),
				"excluded pixels[1]", "(13, 1)");
		assertMessage(assertThrows(UdfException.class,
				() -> Corrections.none().withExcludedPixels(H, W, new int[] { 0, 1 }, new int[] { 0 })), "2 ys and 1 xs");
		assertMessage(assertThrows(UdfException.class, () -> Corrections.none().withNeighbours(6)), "neighbours",
				"4 or 8", "6");
		assertMessage(assertThrows(UdfException.class, () -> new DetectorImage(H, W, new float[5])), "143 values",
				"5 values");
		assertMessage(assertThrows(UdfException.class, () -> Corrections.none().withExcludedMask(H, W, new boolean[3])),
				"excluded mask", "143 values", "3 values");
	}

	@Test
	void excludedPixelWithoutValidNeighboursFailsNamingIt() {
		// (0, 0) with (0, 1) and (1, 0) excluded has its only 4-neighbours excluded; (1, 1) is an 8-neighbour
		final Corrections c = Corrections.none().withExcludedPixels(H, W, new int[] { 0, 0, 1 }, new int[] { 0, 1, 0 });
		c.withNeighbours(8).check(DATA.meta());
		final UdfException e = assertThrows(UdfException.class, () -> c.withNeighbours(4).check(DATA.meta()));
		assertMessage(e, "(y, x) = (0, 0)", "4-neighbour");
		c.withNeighbours(4).withUnrepairableAllowed(true).check(DATA.meta());
	}

	@Test
	void excludedMaskAndCoordinateListsAreTheSameCorrection() {
		final Corrections fromList = Corrections.none().withExcludedPixels(H, W, CorrectionFixtures.YS,
				CorrectionFixtures.XS);
		final Corrections fromMask = Corrections.none().withExcludedMask(H, W, CorrectionFixtures.excludedMask());
		assertEquals(fromList, fromMask);
		assertEquals(CorrectionFixtures.YS.length, fromMask.excludedCount());
		final int[][] yx = fromMask.excludedPixels();
		for (int i = 0; i < yx[0].length; i++)
			assertTrue(CorrectionFixtures.excludedMask()[yx[0][i] * W + yx[1][i]]);
		// repeats collapse
		assertEquals(1, Corrections.none().withExcludedPixels(H, W, new int[] { 3, 3 }, new int[] { 4, 4 })
				.excludedCount());
	}

	@Test
	void correctionsSurviveSerializationAndGiveTheSameResults() throws Exception {
		final Corrections c = CorrectionFixtures.all(4).withUnrepairableAllowed(true);
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(c);
		}
		final Corrections copy;
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			copy = (Corrections) in.readObject();
		}
		assertEquals(c, copy);
		assertEquals(c.hashCode(), copy.hashCode());
		final SumUdf a = new SumUdf();
		final SumUdf b = new SumUdf();
		assertArrayEquals(new LocalExecutor(1).run(Job.of(DATA, a).withCorrections(c)).get(a).buffer("intensity").doubles(),
				new LocalExecutor(1).run(Job.of(DATA, b).withCorrections(copy)).get(b).buffer("intensity").doubles());
	}

	@Test
	void noCorrectionsLeaveTheDataAlone() {
		final SumUdf a = new SumUdf();
		final SumUdf b = new SumUdf();
		final double[] plain = new LocalExecutor(2).run(Job.of(DATA, a)).get(a).buffer("intensity").doubles();
		final double[] none = new LocalExecutor(2).run(Job.of(DATA, b).withCorrections(Corrections.none()))
				.get(b).buffer("intensity").doubles();
		assertArrayEquals(plain, none);
		assertTrue(Corrections.none().isEmpty());
		assertEquals(Corrections.none(), Job.of(DATA, a).withCorrections(null).corrections());
		assertNotEquals(Corrections.none(), CorrectionFixtures.all(8));
		assertEquals("corrections: dark [13, 11] gain [13, 11] 15 excluded pixels (8-neighbour mean)",
				CorrectionFixtures.all(8).toString());
	}

	@Test
	void gainAloneScalesTheSum() {
		final float[] g = new float[H * W];
		java.util.Arrays.fill(g, 2f);
		final SumUdf a = new SumUdf();
		final SumUdf b = new SumUdf();
		final double[] plain = new LocalExecutor(1).run(Job.of(DATA, a)).get(a).buffer("intensity").doubles();
		final double[] doubled = new LocalExecutor(1).run(Job.of(DATA, b).withCorrections(
				Corrections.none().withGain(H, W, g))).get(b).buffer("intensity").doubles();
		for (int i = 0; i < plain.length; i++)
			assertEquals(2 * plain[i], doubled[i], 0);
	}

	private static void assertMessage(final Exception e, final String... parts) {
		for (final String p : parts)
			assertTrue(e.getMessage().contains(p), "'" + p + "' in: " + e.getMessage());
	}
}
