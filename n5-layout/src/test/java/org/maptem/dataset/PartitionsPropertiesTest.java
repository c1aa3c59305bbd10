package org.maptem.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Properties of the partitioning math over many seeded random scan shapes, chunk grains and budgets, checked against
 * naive loops over every frame and a brute-force search over every admissible nav block.
 */
class PartitionsPropertiesTest {

	private static final int CASES = 3000;
	/** Extents that tend to break index math: 1, primes, odd sizes, powers of two and their neighbours. */
	private static final long[] AWKWARD = { 1, 2, 3, 5, 7, 8, 11, 13, 16, 17, 31, 32, 33 };

	@Test
	void navBlockIsTheLargestContiguousGrainAlignedBlockWithinBudget() {
		final Random rnd = new Random(20240501);
		for (int c = 0; c < CASES; c++) {
			final long[] nav = randomNav(rnd);
			final long[] grain = randomGrain(rnd, nav);
			final long maxFrames = randomBudget(rnd, frames(nav));
			final long[] block = Partitions.navBlock(nav, grain, maxFrames);
			final String where = "nav " + Arrays.toString(nav) + " grain " + Arrays.toString(grain) + " maxFrames " + maxFrames
					+ " -> block " + Arrays.toString(block);
			assertTrue(admissible(nav, grain, block), () -> where + " is not contiguous and grain-aligned");
			assertEquals(bruteForceBest(nav, grain, maxFrames), product(block), () -> where + " is not the best admissible block");
		}
	}

	@Test
	void navBlockStaysWithinBudgetWhenThereIsNoChunkGrain() {
		final Random rnd = new Random(7);
		for (int c = 0; c < CASES; c++) {
			final long[] nav = randomNav(rnd);
			final long[] ones = ones(nav.length);
			final long maxFrames = randomBudget(rnd, frames(nav));
			final long[] block = Partitions.navBlock(nav, ones, maxFrames);
			assertTrue(product(block) <= Math.max(1, maxFrames), Arrays.toString(block) + " exceeds " + maxFrames + " frames");
			if (maxFrames >= frames(nav))
				assertArrayEquals(nav, block, "a budget holding every frame gives one partition");
		}
	}

	@Test
	void partitionsCoverEveryFrameOnceInOrderAsContiguousBoxes() {
		final Random rnd = new Random(99);
		for (int c = 0; c < CASES; c++) {
			final long[] nav = randomNav(rnd);
			final long[] grain = randomGrain(rnd, nav);
			final long[] block = Partitions.navBlock(nav, grain, randomBudget(rnd, frames(nav)));
			final List<Partition> parts = Partitions.of(nav, block);
			final String where = "nav " + Arrays.toString(nav) + " block " + Arrays.toString(block);
			checkCoverage(nav, block, parts, where);
		}
	}

	@Test
	void partitionsAreUnionsOfWholeChunks() {
		final Random rnd = new Random(12345);
		for (int c = 0; c < CASES; c++) {
			final long[] nav = randomNav(rnd);
			final long[] grain = randomGrain(rnd, nav);
			final long[] block = Partitions.navBlock(nav, grain, randomBudget(rnd, frames(nav)));
			final List<Partition> parts = Partitions.of(nav, block);
			// every chunk of the grain's grid (edge chunks truncated) must fall into exactly one partition
			final Map<List<Long>, Integer> chunkToPartition = new HashMap<>();
			for (final Partition p : parts)
				for (long f = p.firstFrame(); f < p.endFrame(); f++) {
					final long[] pos = coords(f, nav);
					final List<Long> chunk = new ArrayList<>();
					for (int i = 0; i < nav.length; i++)
						chunk.add(pos[i] / grain[i]);
					final Integer prev = chunkToPartition.putIfAbsent(chunk, p.index());
					assertTrue(prev == null || prev == p.index(), () -> "nav " + Arrays.toString(nav) + " grain " + Arrays.toString(grain)
							+ " block " + Arrays.toString(block) + ": chunk " + chunk + " is split between partitions " + prev + " and "
							+ p.index());
				}
		}
	}

	@Test
	void gridPositionRoundTripsWithThePartitionIndex() {
		final Random rnd = new Random(4242);
		for (int c = 0; c < CASES; c++) {
			final long[] nav = randomNav(rnd);
			final long[] block = Partitions.navBlock(nav, randomGrain(rnd, nav), randomBudget(rnd, frames(nav)));
			final long[] grid = new long[nav.length];
			for (int i = 0; i < nav.length; i++)
				grid[i] = (nav[i] + block[i] - 1) / block[i];
			final List<Partition> parts = Partitions.of(nav, block);
			assertEquals(product(grid), parts.size(), "one partition per grid cell");
			for (final Partition p : parts) {
				final long[] pos = Partitions.gridPosition(nav, block, p);
				final long[] first = coords(p.firstFrame(), nav);
				long flat = 0;
				boolean aligned = true;
				for (int i = 0; i < nav.length; i++) {
					aligned &= first[i] / block[i] == pos[i] && first[i] % block[i] == 0;
					flat = flat * grid[i] + pos[i];
				}
				assertTrue(aligned, () -> p + " starts at " + Arrays.toString(first) + ", not at its grid position "
						+ Arrays.toString(pos) + " times the block " + Arrays.toString(block));
				assertEquals(p.index(), flat, () -> "C-order grid index of " + p);
			}
		}
	}

	@Test
	void planKeepsPartitionsWithinTheByteBudget() {
		final Random rnd = new Random(31337);
		final DType[] types = { DType.UINT8, DType.UINT16, DType.FLOAT32, DType.FLOAT64, DType.UINT12_PACKED };
		for (int c = 0; c < 500; c++) {
			final long[] nav = randomNav(rnd);
			final int[] sig = { 1 + rnd.nextInt(9), 1 + rnd.nextInt(9) };
			final DatasetMeta meta = new DatasetMeta(nav, sig, types[rnd.nextInt(types.length)], null, null);
			final long frameBytes = meta.dtype().bytesFor((long) sig[0] * sig[1]);
			final long budget = 1 + (long) (rnd.nextDouble() * frameBytes * frames(nav) * 1.2);
			final List<Partition> parts = Partitions.plan(meta, budget);
			final String where = meta + " budget " + budget;
			long next = 0;
			for (final Partition p : parts) {
				assertEquals(next, p.firstFrame(), () -> where);
				next = p.endFrame();
				assertTrue(p.frameCount() == 1 || p.frameCount() * frameBytes <= budget, () -> where + ": " + p + " exceeds the budget");
			}
			assertEquals(frames(nav), next, () -> where + ": every frame planned");
		}
	}

	@Test
	void specialShapesPartitionAsExpected() {
		// a single frame
		assertEquals(List.of(new Partition(0, 0, 1)), Partitions.of(new long[] { 1 }, Partitions.navBlock(new long[] { 1 }, new long[] { 1 }, 1)));
		// 1 × N with a one-frame budget: one partition per frame
		final List<Partition> row = Partitions.of(new long[] { 1, 13 }, Partitions.navBlock(new long[] { 1, 13 }, new long[] { 1, 1 }, 1));
		assertEquals(13, row.size());
		for (int i = 0; i < 13; i++)
			assertEquals(new Partition(i, i, 1), row.get(i));
		// 7 × 13 with a budget of 30 frames: two whole rows per partition, the last one ragged (7 = 2 + 2 + 2 + 1)
		final long[] block = Partitions.navBlock(new long[] { 7, 13 }, new long[] { 1, 1 }, 30);
		assertArrayEquals(new long[] { 2, 13 }, block);
		assertEquals(List.of(new Partition(0, 0, 26), new Partition(1, 26, 26), new Partition(2, 52, 26), new Partition(3, 78, 13)),
				Partitions.of(new long[] { 7, 13 }, block));
		// 7 × 13 with a budget of 5 frames: runs of 5 within each row, the row's last run ragged (13 = 5 + 5 + 3)
		final List<Partition> runs = Partitions.of(new long[] { 7, 13 }, Partitions.navBlock(new long[] { 7, 13 }, new long[] { 1, 1 }, 5));
		assertEquals(21, runs.size());
		assertEquals(new Partition(2, 10, 3), runs.get(2));
		assertEquals(new Partition(3, 13, 5), runs.get(3));
		// chunks of 2 × 3 scan positions in 4 × 6 with a 3-frame budget: a partition of 3 frames would split chunks,
		// so the smallest chunk-aligned contiguous run is two whole rows
		assertArrayEquals(new long[] { 2, 6 }, Partitions.navBlock(new long[] { 4, 6 }, new long[] { 2, 3 }, 3));
	}

	@Test
	void nonContiguousBlocksAreRejected() {
		final LayoutException e = assertThrows(LayoutException.class, () -> Partitions.of(new long[] { 4, 6 }, new long[] { 2, 3 }));
		assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4, 6]"), e.getMessage());
		assertThrows(LayoutException.class, () -> Partitions.of(new long[] { 4, 6 }, new long[] { 1, 0 }));
		assertThrows(LayoutException.class, () -> Partitions.of(new long[] { 2, 4, 6 }, new long[] { 2, 1, 6 }));
	}

	@Test
	void tooManyPartitionsFailFastInsteadOfAllocating() {
		final long n = 1L << 20;
		final LayoutException e = assertThrows(LayoutException.class, () -> Partitions.of(new long[] { n, n }, new long[] { 1, 1 }));
		assertTrue(e.getMessage().contains(Long.toString(n * n)), e.getMessage());
	}

	/** Checks coverage, order, contiguity and box shape of {@code parts} against a walk over every frame. */
	static void checkCoverage(final long[] nav, final long[] block, final List<Partition> parts, final String where) {
		long next = 0;
		for (int i0 = 0; i0 < parts.size(); i0++) {
			final int k = i0;
			final Partition p = parts.get(k);
			assertEquals(k, p.index(), () -> where + ": index of partition " + k);
			assertEquals(next, p.firstFrame(), () -> where + ": partition " + k + " does not start where the previous ended");
			assertTrue(p.frameCount() >= 1, () -> where);
			final long[] start = coords(p.firstFrame(), nav);
			long boxFrames = 1;
			for (int i = 0; i < nav.length; i++)
				boxFrames *= Math.min(block[i], nav[i] - start[i]);
			assertEquals(boxFrames, p.frameCount(), () -> where + ": partition " + k + " is not its block clipped to the scan");
			boolean inside = true;
			for (long f = p.firstFrame(); f < p.endFrame(); f++) {
				final long[] pos = coords(f, nav);
				for (int i = 0; i < nav.length; i++)
					inside &= pos[i] >= start[i] && pos[i] < start[i] + block[i];
			}
			assertTrue(inside, () -> where + ": a frame lies outside the box of " + p);
			next = p.endFrame();
		}
		assertEquals(frames(nav), next, () -> where + ": frames covered");
	}

	// ---- oracles ----

	/** Whether {@code block} is contiguous in C order and each extent is a multiple of the grain or spans the axis. */
	static boolean admissible(final long[] nav, final long[] grain, final long[] block) {
		int split = -1;
		for (int i = nav.length - 1; i >= 0; i--) {
			if (block[i] < 1 || block[i] > nav[i])
				return false;
			if (block[i] != nav[i] && block[i] % Math.min(grain[i], nav[i]) != 0)
				return false;
			if (split >= 0 && block[i] != 1)
				return false;
			if (block[i] < nav[i] && split < 0)
				split = i;
		}
		return true;
	}

	/**
	 * Frames of the best admissible block: the largest within {@code maxFrames}, or the smallest when none fits,
	 * found by trying every split axis and every extent on it.
	 */
	static long bruteForceBest(final long[] nav, final long[] grain, final long maxFrames) {
		final long budget = Math.max(1, maxFrames);
		long bestFit = -1;
		long smallest = Long.MAX_VALUE;
		for (int s = 0; s < nav.length; s++)
			for (long b = 1; b <= nav[s]; b++) {
				final long[] block = ones(nav.length);
				for (int i = s + 1; i < nav.length; i++)
					block[i] = nav[i];
				block[s] = b;
				if (!admissible(nav, grain, block))
					continue;
				final long n = product(block);
				smallest = Math.min(smallest, n);
				if (n <= budget)
					bestFit = Math.max(bestFit, n);
			}
		return bestFit >= 0 ? bestFit : smallest;
	}

	// ---- generators and helpers ----

	/** A scan of 1 to 3 axes and at most 1500 frames (so naive walks over every frame stay fast). */
	static long[] randomNav(final Random rnd) {
		final int n = 1 + rnd.nextInt(3);
		final long[] nav = new long[n];
		do {
			for (int i = 0; i < n; i++)
				nav[i] = rnd.nextInt(3) == 0 ? AWKWARD[rnd.nextInt(AWKWARD.length)] : 1 + rnd.nextInt(n == 3 ? 12 : 40);
		} while (frames(nav) > 1500);
		return nav;
	}

	/** A chunk grain: none, a random one, or a typical existing chunking (whole faster axes, a block on one). */
	static long[] randomGrain(final Random rnd, final long[] nav) {
		final long[] g = ones(nav.length);
		switch (rnd.nextInt(3)) {
		case 0:
			return g;
		case 1:
			for (int i = 0; i < nav.length; i++)
				g[i] = 1 + rnd.nextInt((int) nav[i]);
			return g;
		default:
			final int s = rnd.nextInt(nav.length);
			for (int i = s + 1; i < nav.length; i++)
				g[i] = nav[i];
			g[s] = 1 + rnd.nextInt((int) nav[s]);
			return g;
		}
	}

	static long randomBudget(final Random rnd, final long frames) {
		switch (rnd.nextInt(6)) {
		case 0: return 1;
		case 1: return frames;
		case 2: return frames + 1 + rnd.nextInt(5);
		case 3: return Long.MAX_VALUE / 2;
		case 4: return rnd.nextInt(3); // 0 and 1 both mean "one frame"
		default: return 1 + (long) (rnd.nextDouble() * frames);
		}
	}

	static long[] coords(final long frame, final long[] nav) {
		final long[] c = new long[nav.length];
		long f = frame;
		for (int i = nav.length - 1; i >= 0; i--) {
			c[i] = f % nav[i];
			f /= nav[i];
		}
		return c;
	}

	static long frames(final long[] nav) {
		return product(nav);
	}

	static long product(final long[] a) {
		long p = 1;
		for (final long x : a)
			p *= x;
		return p;
	}

	static long[] ones(final int n) {
		final long[] a = new long[n];
		Arrays.fill(a, 1);
		return a;
	}
}
