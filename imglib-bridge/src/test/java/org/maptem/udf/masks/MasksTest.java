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
		final UdfException ring = assertThrows(UdfException.class, () -> Masks.ring(8, 8, 100, 200).rasterize(H, W));
		assertTrue(ring.getMessage().contains("ring(cx=8.0, cy=8.0, ri=100.0, ro=200.0)")
				&& ring.getMessage().contains("23 × 17 detector"), ring.getMessage());
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

	@Test
	void rectsAndPointsCoverExactlyTheirColumnsAndRows() {
		final Random r = new Random(7);
		for (int i = 0; i < 300; i++) {
			final int x = r.nextInt(W + 10) - 6;
			final int y = r.nextInt(H + 10) - 6;
			final int w = i % 4 == 0 ? 1 : 1 + r.nextInt(9);
			final int h = i % 4 == 0 ? 1 : 1 + r.nextInt(9);
			final Mask m = i % 4 == 0 ? Masks.point(x, y) : Masks.rect(x, y, w, h);
			final boolean[] expected = new boolean[H * W];
			boolean any = false;
			for (int py = 0; py < H; py++)
				for (int px = 0; px < W; px++) {
					expected[py * W + px] = px >= x && px < x + w && py >= y && py < y + h;
					any |= expected[py * W + px];
				}
			if (!any) {
				final UdfException e = assertThrows(UdfException.class, () -> m.rasterize(H, W), m.toString());
				assertTrue(e.getMessage().contains(m.toString()) && e.getMessage().contains("23 × 17 detector"),
						e.getMessage());
				continue;
			}
			assertCovers(expected, m.rasterize(H, W), m.toString());
		}
	}

	@Test
	void polygonsCoverThePixelCentresTheRayRuleSelects() {
		final Random r = new Random(5);
		for (int i = 0; i < 400; i++) {
			final int n = 3 + r.nextInt(6);
			final double[] xs = new double[n];
			final double[] ys = new double[n];
			for (int v = 0; v < n; v++) {
				// integer vertices put pixel centres on edges and vertices; fractional ones test the crossings
				xs[v] = i % 2 == 0 ? r.nextInt(W + 8) - 4 : r.nextDouble() * (W + 8) - 4;
				ys[v] = i % 2 == 0 ? r.nextInt(H + 8) - 4 : r.nextDouble() * (H + 8) - 4;
			}
			for (final FillRule rule : FillRule.values()) {
				final boolean[] expected = new boolean[H * W];
				boolean any = false;
				for (int y = 0; y < H; y++)
					for (int x = 0; x < W; x++) {
						expected[y * W + x] = inPolygon(xs, ys, rule, x, y);
						any |= expected[y * W + x];
					}
				final Mask m = Masks.polygon(xs, ys, rule);
				if (!any) {
					final UdfException e = assertThrows(UdfException.class, () -> m.rasterize(H, W), m.toString());
					assertTrue(e.getMessage().contains("polygon(") && e.getMessage().contains("23 × 17 detector"),
							e.getMessage());
					continue;
				}
				assertCovers(expected, m.rasterize(H, W), m.toString());
			}
		}
	}

	@Test
	void polygonEdgeConventionsAndFillRules() {
		// the square with corners (2, 3) and (6, 8): left and top edges in, right and bottom edges out
		final MaskRaster square = Masks.polygon(new double[] { 2, 6, 6, 2 }, new double[] { 3, 3, 8, 8 }).rasterize(H, W);
		assertEquals(4 * 5, square.pixelCount());
		assertEquals(1, square.weight(2, 3));
		assertEquals(0, square.weight(6, 5));
		assertEquals(0, square.weight(4, 8));
		// a square wound twice: even-odd leaves it empty where it is wound twice, non-zero fills it
		final double[] xs = { 1, 9, 9, 1, 1, 9, 9, 1 };
		final double[] ys = { 1, 1, 9, 9, 1, 1, 9, 9 };
		assertThrows(UdfException.class, () -> Masks.polygon(xs, ys, FillRule.EVEN_ODD).rasterize(H, W));
		assertEquals(64, Masks.polygon(xs, ys, FillRule.NONZERO).rasterize(H, W).pixelCount());
		// a pentagram: the centre pentagon is a hole under even-odd, filled under non-zero
		final double[] px = new double[5];
		final double[] py = new double[5];
		for (int k = 0; k < 5; k++) {
			final double a = -Math.PI / 2 + k * 4 * Math.PI / 5;
			px[k] = 8 + 7.5 * Math.cos(a);
			py[k] = 11 + 7.5 * Math.sin(a);
		}
		assertEquals(0, Masks.polygon(px, py, FillRule.EVEN_ODD).rasterize(H, W).weight(8, 11));
		assertEquals(1, Masks.polygon(px, py, FillRule.NONZERO).rasterize(H, W).weight(8, 11));
	}

	@Test
	void gradientsWeighEveryPixelByItsCoordinateWithinTheirMask() {
		final MaskRaster gx = Masks.gradientX().rasterize(H, W);
		final MaskRaster gy = Masks.gradientY().rasterize(H, W);
		final MaskRaster dx = Masks.gradientX(Masks.disk(7.5, 9, 5.2)).rasterize(H, W);
		final MaskRaster ry = Masks.gradientY(Masks.ring(3, 4, 2, 8)).rasterize(H, W);
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				assertEquals(x, gx.weight(x, y));
				assertEquals(y, gy.weight(x, y));
				final double d2 = (x - 7.5) * (x - 7.5) + (y - 9) * (y - 9);
				assertEquals(d2 <= 5.2 * 5.2 ? x : 0, dx.weight(x, y), "x=" + x + ", y=" + y);
				final double e2 = (x - 3) * (x - 3) + (y - 4) * (y - 4);
				assertEquals(4 < e2 && e2 <= 64 ? y : 0, ry.weight(x, y), "x=" + x + ", y=" + y);
			}
		assertTrue(gx.dense() && dx.dense());
		final UdfException e = assertThrows(UdfException.class, () -> Masks.gradientX(Masks.disk(50, 5, 2)).rasterize(H, W));
		assertTrue(e.getMessage().contains("disk(cx=50.0") && e.getMessage().contains("23 × 17 detector"), e.getMessage());
		// a gradient whose only pixels are in column 0 weighs nothing
		final UdfException zero = assertThrows(UdfException.class, () -> Masks.gradientX(Masks.rect(0, 0, 1, H))
				.rasterize(H, W));
		assertTrue(zero.getMessage().contains("gradientX(within rect(x=0, y=0, w=1, h=23))"), zero.getMessage());
	}

	@Test
	void sparseMasksAddRepeatedPixelsAndClipToTheDetector() {
		final Random r = new Random(6);
		for (int i = 0; i < 200; i++) {
			final int n = 1 + r.nextInt(40);
			final int[] ys = new int[n];
			final int[] xs = new int[n];
			final float[] ws = new float[n];
			final double[] expected = new double[H * W];
			for (int e = 0; e < n; e++) {
				ys[e] = r.nextInt(H + 4) - 2;
				xs[e] = r.nextInt(W + 4) - 2;
				// quarter weights keep the sums exact; some cancel, some repeat
				ws[e] = i % 3 == 0 ? 1 : (r.nextInt(9) - 4) / 4f;
				if (ys[e] >= 0 && ys[e] < H && xs[e] >= 0 && xs[e] < W)
					expected[ys[e] * W + xs[e]] += ws[e];
			}
			boolean any = false;
			for (final double v : expected)
				any |= v != 0;
			final Mask m = Masks.sparse(ys, xs, ws);
			if (!any) {
				final UdfException e = assertThrows(UdfException.class, () -> m.rasterize(H, W));
				assertTrue(e.getMessage().contains("sparse(" + n + " entries)") && e.getMessage().contains("23 × 17"),
						e.getMessage());
				continue;
			}
			final MaskRaster raster = m.rasterize(H, W);
			assertTrue(!raster.dense(), "sparse masks are summed by the segment kernel");
			long covered = 0;
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++) {
					final int px = x;
					final int py = y;
					assertEquals((float) expected[y * W + x], raster.weight(x, y), () -> m + " at x=" + px + ", y=" + py);
					if (expected[y * W + x] != 0)
						covered++;
				}
			assertEquals(covered, raster.pixelCount());
		}
	}

	@Test
	void weightsThatAreAllZeroCoverNothing() {
		final UdfException e = assertThrows(UdfException.class, () -> Masks.weights(H, W, new float[H * W]).rasterize(H, W));
		assertTrue(e.getMessage().contains("weights(23 × 17)") && e.getMessage().contains("23 × 17 detector"),
				e.getMessage());
	}

	@Test
	void badParametersOfNewShapesAreRejectedNamingThem() {
		assertMessage(() -> Masks.polygon(new double[] { 1, 2 }, new double[] { 1, 2 }), "'points'", "at least 3");
		assertMessage(() -> Masks.polygon(new double[] { 1, 2, 3 }, new double[] { 1, 2 }), "'points'", "3 x and 2 y");
		assertMessage(() -> Masks.polygon(new double[] { 1, 2, Double.NaN }, new double[] { 1, 2, 3 }), "points[2].x");
		assertMessage(() -> Masks.sparse(new int[] { 1 }, new int[] { 1, 2 }, new float[] { 1 }), "'entries'", "2 x");
		assertMessage(() -> Masks.sparse(new int[0], new int[0], new float[0]), "'entries'", "none");
		assertMessage(() -> Masks.sparse(new int[] { 1 }, new int[] { 1 }, new float[] { Float.NaN }), "weight[0]");
		assertMessage(() -> Masks.gradientY(null), "gradientY", "'within'");
	}

	/** Even-odd / non-zero membership of pixel centre (x, y) by the half-open crossing rule, edge by edge. */
	private static boolean inPolygon(final double[] xs, final double[] ys, final FillRule rule, final int x, final int y) {
		int crossings = 0;
		int winding = 0;
		for (int i = 0; i < xs.length; i++) {
			final int j = (i + 1) % xs.length;
			if ((ys[i] > y) != (ys[j] > y) && x < xs[i] + (y - ys[i]) * (xs[j] - xs[i]) / (ys[j] - ys[i])) {
				crossings++;
				winding += ys[j] > ys[i] ? 1 : -1;
			}
		}
		return rule == FillRule.EVEN_ODD ? crossings % 2 == 1 : winding != 0;
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
				final int px = x;
				final int py = y;
				assertEquals(expected[y * W + x] ? 1f : 0f, m.weight(x, y), () -> what + " at x=" + px + ", y=" + py);
				if (expected[y * W + x])
					n++;
			}
		assertEquals(n, m.pixelCount(), what);
		for (int y = 0; y < H; y++)
			if (y < m.firstRow() || y >= m.endRow())
				assertEquals(m.segmentStart(y), m.segmentEnd(y), what + ": row " + y + " outside the row range has segments");
	}
}
