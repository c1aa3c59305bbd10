package org.maptem.udf.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.maptem.udf.UdfException;

class MasksTest {

	private static final int H = 23;
	private static final int W = 17;

	@Test
	void disksCoverExactlyThePixelsWithinTheRadius() {
		final Random r = new Random(1);
		for (int i = 0; i < 300; i++) {
			final double cx = r.nextDouble() * 30 - 6;
			final double cy = r.nextDouble() * 36 - 6;
			final double rad = i % 10 == 0 ? r.nextInt(6) : r.nextDouble() * 12;
			final boolean[] expected = new boolean[H * W];
			boolean any = false;
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++) {
					expected[y * W + x] = (x - cx) * (x - cx) + (y - cy) * (y - cy) <= rad * rad;
					any |= expected[y * W + x];
				}
			final Mask m = Masks.disk(cx, cy, rad);
			if (!any) {
				assertThrows(UdfException.class, () -> m.rasterize(H, W), m.toString());
				continue;
			}
			assertCovers(expected, m.rasterize(H, W), m.toString());
		}
	}

	@Test
	void ringsCoverPixelsBetweenInnerExcludedAndOuterIncluded() {
		final Random r = new Random(2);
		for (int i = 0; i < 300; i++) {
			final double cx = r.nextDouble() * 30 - 6;
			final double cy = r.nextDouble() * 36 - 6;
			final double ri = i % 7 == 0 ? r.nextInt(4) : r.nextDouble() * 6;
			final double ro = ri + (i % 5 == 0 ? 1 + r.nextInt(4) : r.nextDouble() * 8 + 0.01);
			final boolean[] expected = new boolean[H * W];
			boolean any = false;
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++) {
					final double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
					expected[y * W + x] = ri * ri < d2 && d2 <= ro * ro;
					any |= expected[y * W + x];
				}
			final Mask m = Masks.ring(cx, cy, ri, ro);
			if (!any) {
				assertThrows(UdfException.class, () -> m.rasterize(H, W), m.toString());
				continue;
			}
			assertCovers(expected, m.rasterize(H, W), m.toString());
		}
	}

	@Test
	void conventionsAtTheEdges() {
		// integer centre, r = 0: the centre pixel alone; r = 1: the centre and its 4 neighbours
		assertEquals(1, Masks.disk(5, 6, 0).rasterize(H, W).pixelCount());
		assertEquals(5, Masks.disk(5, 6, 1).rasterize(H, W).pixelCount());
		// a ring with ri = 0 leaves out the pixel exactly at the centre
		final MaskRaster ring = Masks.ring(5, 6, 0, 1).rasterize(H, W);
		assertEquals(4, ring.pixelCount());
		assertEquals(0, ring.weight(5, 6));
		assertEquals(1, ring.weight(6, 6));
		// pixel (2, 3) is at distance exactly 1 from (2, 2): inside the disk, on the ring's inner edge excluded
		assertEquals(1, Masks.disk(2, 2, 1).rasterize(H, W).weight(2, 3));
		assertEquals(0, Masks.ring(2, 2, 1, 2).rasterize(H, W).weight(2, 3));
		assertEquals(1, Masks.ring(2, 2, 0.5, 1).rasterize(H, W).weight(2, 3));
	}

	@Test
	void pointsAndRectsAreClippedToTheDetector() {
		final MaskRaster p = Masks.point(16, 22).rasterize(H, W);
		assertEquals(1, p.pixelCount());
		assertEquals(1, p.weight(16, 22));
		final MaskRaster rect = Masks.rect(-3, 20, 6, 10).rasterize(H, W);
		assertEquals(3 * 3, rect.pixelCount(), "columns 0..2, rows 20..22");
		assertEquals(20, rect.firstRow());
		assertEquals(23, rect.endRow());
		final MaskRaster whole = Masks.rect(0, 0, W, H).rasterize(H, W);
		assertEquals(H * W, whole.pixelCount());
	}

	@Test
	void denseFormMatchesWeights() {
		final float[] w = new float[H * W];
		w[3 * W + 4] = 2.5f;
		w[3 * W + 9] = -1f;
		w[10 * W] = 0.25f;
		final MaskRaster m = Masks.weights(H, W, w).rasterize(H, W);
		assertTrue(!m.binary());
		assertEquals(3, m.firstRow());
		assertEquals(11, m.endRow());
		assertEquals(2.5f, m.weight(4, 3));
		assertEquals(0f, m.weight(5, 3));
		org.junit.jupiter.api.Assertions.assertArrayEquals(w, m.toDense());
		final float[] disk = Masks.disk(8, 8, 3).rasterize(H, W).toDense();
		assertEquals(1f, disk[8 * W + 11]);
		assertEquals(0f, disk[8 * W + 12]);
	}

	@Test
	void masksOutsideTheDetectorAreRejectedNamingTheMaskAndDetector() {
		final UdfException e = assertThrows(UdfException.class, () -> Masks.disk(40.5, 3, 2).rasterize(H, W));
		assertTrue(e.getMessage().contains("disk(cx=40.5, cy=3.0, r=2.0)"), e.getMessage());
		assertTrue(e.getMessage().contains("23 × 17 detector"), e.getMessage());
		assertThrows(UdfException.class, () -> Masks.point(17, 0).rasterize(H, W));
		assertThrows(UdfException.class, () -> Masks.point(0, -1).rasterize(H, W));
		assertThrows(UdfException.class, () -> Masks.rect(-5, 0, 5, 3).rasterize(H, W));
		assertThrows(UdfException.class, () -> Masks.ring(8, 8, 100, 200).rasterize(H, W));
	}

	@Test
	void badParametersAreRejectedNamingTheParameter() {
		assertMessage(() -> Masks.disk(1, 1, -1), "'r'", "-1.0");
		assertMessage(() -> Masks.disk(Double.NaN, 1, 1), "'cx'", "NaN");
		assertMessage(() -> Masks.ring(1, 1, 3, 3), "'ro'", "3.0");
		assertMessage(() -> Masks.ring(1, 1, -1, 3), "'ri'", "-1.0");
		assertMessage(() -> Masks.rect(1, 1, 0, 3), "'w'", "0");
		assertMessage(() -> Masks.weights(3, 3, new float[8]), "3 × 3", "8");
		assertMessage(() -> Masks.weights(2, 2, new float[] { 0, Float.NaN, 0, 0 }), "weights[1]", "NaN");
		assertMessage(() -> Masks.weights(2, 3, new float[6]).rasterize(3, 2), "3 × 2", "2 × 3");
	}

	private static void assertMessage(final org.junit.jupiter.api.function.Executable call, final String... parts) {
		final UdfException e = assertThrows(UdfException.class, call);
		for (final String p : parts)
			assertTrue(e.getMessage().contains(p), "'" + e.getMessage() + "' should contain " + p);
	}

	private static void assertCovers(final boolean[] expected, final MaskRaster m, final String what) {
		long n = 0;
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				assertEquals(expected[y * W + x] ? 1f : 0f, m.weight(x, y), what + " at x=" + x + ", y=" + y);
				if (expected[y * W + x])
					n++;
			}
		assertEquals(n, m.pixelCount(), what);
		for (int y = 0; y < H; y++)
			if (y < m.firstRow() || y >= m.endRow())
				assertEquals(m.segmentStart(y), m.segmentEnd(y), what + ": row " + y + " outside the row range has segments");
	}
}
