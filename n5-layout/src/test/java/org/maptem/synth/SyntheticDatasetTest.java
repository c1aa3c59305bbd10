package org.maptem.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Partitions;
import org.maptem.dataset.Tile;
import org.maptem.dataset.TilePlan;
import org.maptem.frames.FrameSource;

/** Tiles generated on read against whole frames from the generator, and the dataset's model and partitions. */
class SyntheticDatasetTest {

	private static final int H = 72;
	private static final int W = 80;

	private static SyntheticParams params() {
		return SyntheticStemTest.oblique().noise(true).seed(21).build();
	}

	/** At most 7 uint16 frames per partition: each scan row of 9 splits into 7 + 2 frames, 10 partitions in all. */
	private static OpenOptions options() {
		return OpenOptions.DEFAULTS.withPartitionBytes(7L * H * W * 2 + 100);
	}

	@Test
	void tilesHoldExactlyTheFramesOfTheGeneratorForAnyTilePlan() {
		final SyntheticDataset ds = new SyntheticDataset(params(), options());
		final SyntheticStem stem = new SyntheticStem(params());
		final float[][] frames = new float[45][H * W];
		final double[][] frames64 = new double[45][H * W];
		for (int f = 0; f < 45; f++) {
			stem.frame(f, frames[f]);
			stem.frame(f, frames64[f]);
		}
		int tiles = 0;
		for (final TilePlan plan : new TilePlan[] { new TilePlan(3, H), new TilePlan(1, 5), new TilePlan(7, H) }) {
			final float[] tile = new float[plan.maxTileSize(new int[] { H, W })];
			final double[] tile64 = new double[tile.length];
			for (final Partition p : ds.partitions())
				try (FrameSource src = ds.open(p)) {
					for (final Tile t : plan.tiles(p, new int[] { H, W })) {
						src.read(t, tile);
						src.read(t, tile64);
						final int n = t.sigRows() * W;
						final int from = t.sigRowStart() * W;
						for (int i = 0; i < t.frameCount(); i++) {
							final int f = (int) t.firstFrame() + i;
							assertArrayEquals(Arrays.copyOfRange(frames[f], from, from + n),
									Arrays.copyOfRange(tile, i * n, i * n + n), "frame " + f + " in tile " + t);
							assertArrayEquals(Arrays.copyOfRange(frames64[f], from, from + n),
									Arrays.copyOfRange(tile64, i * n, i * n + n), "frame " + f + " in tile " + t + " as double");
						}
						tiles++;
					}
				}
		}
		assertTrue(tiles > 3 * ds.partitions().size(), "several tiles per partition: " + tiles);
	}

	/**
	 * int32 counts above 2^24 are not floats: double tiles must hold them exactly, float tiles rounded once. The
	 * background 2^24 + 1 plus the even default disk and annulus values makes every count odd, so every float is
	 * rounded.
	 */
	@Test
	void countsAboveTwoTo24AreExactInDoubleTilesAndRoundedOnceInFloatTiles() {
		final int h = 24;
		final int w = 20;
		final SyntheticParams p = SyntheticParams.builder().navShape(2, 3).sigShape(h, w).dtype(DType.INT32)
				.background((1 << 24) + 1).build();
		final SyntheticDataset ds = new SyntheticDataset(p, OpenOptions.DEFAULTS);
		final SyntheticStem stem = new SyntheticStem(p);
		final double[] expected = new double[h * w];
		final float[] tile = new float[2 * 5 * w];
		final double[] tile64 = new double[tile.length];
		int rounded = 0;
		for (final Partition part : ds.partitions())
			try (FrameSource src = ds.open(part)) {
				for (long f = part.firstFrame(); f + 2 <= part.endFrame(); f += 2) {
					final Tile t = new Tile(f, 2, 7, 5, w);
					src.read(t, tile);
					src.read(t, tile64);
					for (int i = 0; i < 2; i++) {
						stem.expectedFrame(f + i, expected);
						for (int j = 0; j < 5 * w; j++) {
							final double e = expected[7 * w + j];
							assertEquals(e, tile64[i * 5 * w + j], "frame " + (f + i) + " value " + j + " as double");
							assertEquals((float) e, tile[i * 5 * w + j], "frame " + (f + i) + " value " + j + " as float");
							if (tile[i * 5 * w + j] != e)
								rounded++;
						}
					}
				}
			}
		assertEquals(6 * 5 * w, rounded, "every count is odd and above 2^24, so no float holds it");
	}

	@Test
	void partitionsAreThePlanOfTheByteBudgetAndCoverEveryFrameOnce() {
		final SyntheticDataset ds = new SyntheticDataset(params(), options());
		final List<Partition> parts = ds.partitions();
		assertEquals(Partitions.plan(ds.meta(), options().partitionBytes()), parts);
		assertEquals(10, parts.size());
		assertEquals(new Partition(1, 7, 2), parts.get(1));
		long next = 0;
		for (final Partition p : parts) {
			assertEquals(next, p.firstFrame());
			next = p.endFrame();
		}
		assertEquals(45, next);
		final SyntheticDataset packed = new SyntheticDataset(params().toBuilder().dtype(DType.UINT12_PACKED).build(), options());
		assertEquals(H * W * 3 / 2, packed.meta().frameBytes());
		assertEquals(Partitions.plan(packed.meta(), options().partitionBytes()), packed.partitions());
	}

	@Test
	void metadataNamesTheGeneratorAndItsParameters() {
		final SyntheticDataset ds = new SyntheticDataset(params(), options());
		assertArrayEquals(new long[] { 5, 9 }, ds.meta().navShape());
		assertArrayEquals(new int[] { H, W }, ds.meta().sigShape());
		assertEquals(DType.UINT16, ds.meta().dtype());
		assertEquals("synthetic", ds.meta().provenance().format());
		assertEquals(params(), SyntheticParams.fromDetails(ds.meta().provenance().details()));
		assertEquals("0.5", String.valueOf(ds.meta().calibration().scanStep(0)));
		assertTrue(ds.storage().contains("seed 21"), ds.storage());
	}

	@Test
	void tilesOutsideThePartitionOrDetectorAreRejected() {
		final SyntheticDataset ds = new SyntheticDataset(params(), options());
		final Partition second = ds.partitions().get(1);
		final float[] buf = new float[10 * H * W];
		try (FrameSource src = ds.open(second)) {
			final LayoutException before = assertThrows(LayoutException.class, () -> src.read(new Tile(6, 2, 0, H, W), buf));
			assertTrue(before.getMessage().contains("partition 1"), before.getMessage());
			assertThrows(LayoutException.class, () -> src.read(new Tile(13, 2, 0, H, W), buf));
			assertThrows(LayoutException.class, () -> src.read(new Tile(7, 1, 70, 5, W), buf));
			assertThrows(LayoutException.class, () -> src.read(new Tile(7, 1, 0, H, W - 1), buf));
			final LayoutException small = assertThrows(LayoutException.class, () -> src.read(new Tile(7, 2, 0, H, W), new float[H * W]));
			assertTrue(small.getMessage().contains("holds " + H * W), small.getMessage());
		}
	}

	@Test
	void aPartitionPastTheLastFrameIsRejected() {
		final SyntheticDataset ds = new SyntheticDataset(params(), options());
		final LayoutException e = assertThrows(LayoutException.class, () -> ds.open(new Partition(10, 44, 2)));
		assertTrue(e.getMessage().contains("frames 44 to 45") && e.getMessage().contains("last frame 44"), e.getMessage());
	}

	@Test
	void aNavShapeOptionOtherThanTheGeneratorsIsRejected() {
		final LayoutException e = assertThrows(LayoutException.class,
				() -> new SyntheticDataset(params(), options().withNavShape(9, 5)));
		assertTrue(e.getMessage().contains("[9, 5]") && e.getMessage().contains("[5, 9]"), e.getMessage());
		assertEquals(45, new SyntheticDataset(params(), options().withNavShape(5, 9)).meta().frameCount());
	}
}
