package org.maptem.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Properties of tile plans over many seeded random detector shapes, partitions and budgets, checked with a naive
 * count of how often each (frame, detector row) is covered.
 */
class TilePlanPropertiesTest {

	private static final int CASES = 3000;
	private static final int[] AWKWARD = { 1, 2, 3, 5, 7, 13, 16, 17, 31, 64, 97 };

	@Test
	void tilesCoverEveryRowOfEveryFrameOnceInReadingOrder() {
		final Random rnd = new Random(2718);
		for (int c = 0; c < CASES; c++) {
			final int[] sig = randomSig(rnd);
			final int bpv = rnd.nextBoolean() ? 4 : 8;
			final long tileBytes = randomTileBytes(rnd, sig, bpv);
			final TilePlan plan = TilePlan.forBudget(sig, bpv, tileBytes);
			final Partition p = new Partition(rnd.nextInt(5), rnd.nextInt(1000), 1 + rnd.nextInt(40));
			final List<Tile> tiles = plan.tiles(p, sig);
			final String where = "sig " + sig[0] + "×" + sig[1] + ", " + bpv + " B/value, budget " + tileBytes + " B, " + p + ", "
					+ plan;
			final int[][] covered = new int[p.frameCount()][sig[0]];
			Tile prev = null;
			for (final Tile t : tiles) {
				final Tile before = prev;
				assertEquals(sig[1], t.sigWidth(), () -> where + ": tiles cover whole rows");
				assertTrue(t.frameCount() >= 1 && t.sigRows() >= 1, () -> where + ": empty tile " + t);
				assertTrue(t.firstFrame() >= p.firstFrame() && t.firstFrame() + t.frameCount() <= p.endFrame(),
						() -> where + ": " + t + " leaves the partition");
				assertTrue(t.sigRowStart() >= 0 && t.sigRowStart() + t.sigRows() <= sig[0], () -> where + ": " + t + " leaves the frame");
				if (before != null)
					assertTrue(t.firstFrame() > before.firstFrame()
							|| (t.firstFrame() == before.firstFrame() && t.sigRowStart() > before.sigRowStart()),
							() -> where + ": " + t + " comes after " + before);
				for (int f = 0; f < t.frameCount(); f++)
					for (int r = 0; r < t.sigRows(); r++)
						covered[(int) (t.firstFrame() - p.firstFrame()) + f][t.sigRowStart() + r]++;
				assertEquals(t.frameCount() * t.sigRows() * t.sigWidth(), t.size(), () -> where);
				assertEquals(t.sigRowStart() == 0 && t.sigRows() == sig[0], t.wholeFrames(sig[0]), () -> where);
				prev = t;
			}
			for (int f = 0; f < covered.length; f++)
				for (int r = 0; r < sig[0]; r++)
					if (covered[f][r] != 1)
						assertEquals(1, covered[f][r], where + ": frame " + (p.firstFrame() + f) + " row " + r);
		}
	}

	@Test
	void tilesStayWithinBudgetUnlessOneRowExceedsIt() {
		final Random rnd = new Random(1618);
		for (int c = 0; c < CASES; c++) {
			final int[] sig = randomSig(rnd);
			final int bpv = rnd.nextBoolean() ? 4 : 8;
			final long tileBytes = randomTileBytes(rnd, sig, bpv);
			final TilePlan plan = TilePlan.forBudget(sig, bpv, tileBytes);
			final Partition p = new Partition(0, rnd.nextInt(100), 1 + rnd.nextInt(40));
			final String where = "sig " + sig[0] + "×" + sig[1] + ", " + bpv + " B/value, budget " + tileBytes + " B, " + plan;
			final long rowBytes = (long) sig[1] * bpv;
			for (final Tile t : plan.tiles(p, sig)) {
				assertTrue(t.size() <= plan.maxTileSize(sig), () -> where + ": " + t + " is larger than maxTileSize");
				if (rowBytes > tileBytes)
					assertTrue(t.frameCount() == 1 && t.sigRows() == 1, () -> where + ": a row exceeds the budget, so tiles are single rows");
				else
					assertTrue((long) t.size() * bpv <= tileBytes, () -> where + ": " + t + " holds " + (long) t.size() * bpv + " bytes");
			}
		}
	}

	@Test
	void tilesUseTheBudgetRatherThanStayingNeedlesslySmall() {
		final Random rnd = new Random(1414);
		for (int c = 0; c < CASES; c++) {
			final int[] sig = randomSig(rnd);
			final int bpv = rnd.nextBoolean() ? 4 : 8;
			final long tileBytes = randomTileBytes(rnd, sig, bpv);
			final TilePlan plan = TilePlan.forBudget(sig, bpv, tileBytes);
			final long frameBytes = (long) sig[0] * sig[1] * bpv;
			final long rowBytes = (long) sig[1] * bpv;
			final String where = "sig " + sig[0] + "×" + sig[1] + ", budget " + tileBytes + " B, " + plan;
			if (frameBytes <= tileBytes) {
				assertEquals(sig[0], plan.rowsPerTile(), () -> where);
				final int arrayLimit = Integer.MAX_VALUE / (sig[0] * sig[1]);
				assertTrue(plan.framesPerTile() <= arrayLimit, () -> where + ": a tile must fit one Java array");
				assertTrue(plan.framesPerTile() == arrayLimit || (plan.framesPerTile() + 1) * frameBytes > tileBytes, () -> where);
			} else {
				assertEquals(1, plan.framesPerTile(), () -> where);
				assertTrue(plan.rowsPerTile() == 1 || (plan.rowsPerTile() + 1) * rowBytes > tileBytes, () -> where);
			}
		}
	}

	@Test
	void oneFramePerTileInRowBandsWhenAFrameExceedsTheBudget() {
		// 7 rows of 13 float32 values = 52 bytes a row; 120 bytes hold 2 rows: bands of 2, 2, 2, 1 rows
		final TilePlan plan = TilePlan.forBudget(new int[] { 7, 13 }, 4, 120);
		assertEquals(new TilePlan(1, 2), plan);
		assertEquals(List.of(new Tile(5, 1, 0, 2, 13), new Tile(5, 1, 2, 2, 13), new Tile(5, 1, 4, 2, 13), new Tile(5, 1, 6, 1, 13),
				new Tile(6, 1, 0, 2, 13), new Tile(6, 1, 2, 2, 13), new Tile(6, 1, 4, 2, 13), new Tile(6, 1, 6, 1, 13)),
				plan.tiles(new Partition(0, 5, 2), new int[] { 7, 13 }));
		// 3 frames of 1 × 5 float64 = 40 bytes per frame; 100 bytes hold 2 frames: tiles of 2 and 1 frames
		assertEquals(List.of(new Tile(0, 2, 0, 1, 5), new Tile(2, 1, 0, 1, 5)),
				TilePlan.forBudget(new int[] { 1, 5 }, 8, 100).tiles(new Partition(0, 0, 3), new int[] { 1, 5 }));
	}

	@Test
	void emptyPlansAreRejected() {
		assertThrows(LayoutException.class, () -> new TilePlan(0, 1));
		assertThrows(LayoutException.class, () -> new TilePlan(1, 0));
	}

	static int[] randomSig(final Random rnd) {
		final int h = rnd.nextInt(3) == 0 ? AWKWARD[rnd.nextInt(AWKWARD.length)] : 1 + rnd.nextInt(40);
		final int w = rnd.nextInt(3) == 0 ? AWKWARD[rnd.nextInt(AWKWARD.length)] : 1 + rnd.nextInt(40);
		return new int[] { h, w };
	}

	/** Budgets from below one row to many frames. */
	static long randomTileBytes(final Random rnd, final int[] sig, final int bpv) {
		final long frameBytes = (long) sig[0] * sig[1] * bpv;
		switch (rnd.nextInt(5)) {
		case 0: return 1 + rnd.nextInt(bpv * sig[1]);
		case 1: return frameBytes;
		case 2: return frameBytes - 1 > 0 ? frameBytes - 1 : 1;
		case 3: return Long.MAX_VALUE / 4;
		default: return 1 + (long) (rnd.nextDouble() * frameBytes * 50);
		}
	}
}
