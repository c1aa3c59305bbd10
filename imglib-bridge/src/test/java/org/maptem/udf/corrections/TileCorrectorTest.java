package org.maptem.udf.corrections;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.maptem.udf.corrections.CorrectionFixtures.H;
import static org.maptem.udf.corrections.CorrectionFixtures.W;

import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.maptem.dataset.DType;
import org.maptem.dataset.Tile;
import org.maptem.frames.FrameSource;
import org.maptem.udf.ArrayDataset;

class TileCorrectorTest {

	private static final ArrayDataset DATA = ArrayDataset.counts(new long[] { 5 }, H, W, 200, 3, DType.UINT16);

	@ParameterizedTest
	@ValueSource(ints = { 4, 8 })
	void everyBandHeightAndFrameCountGivesTheWholeFrameDefinition(final int neighbours) {
		final TileCorrector c = CorrectionFixtures.all(neighbours).corrector(H, W);
		final NaiveCorrection naive = CorrectionFixtures.naiveAll(neighbours);
		for (int rows = 1; rows <= H + 1; rows++)
			for (int frames = 1; frames <= 3; frames++) {
				final float[] buffer = new float[frames * c.readRows(rows) * W];
				try (FrameSource s = DATA.open(DATA.partitions().get(0))) {
					for (int r = 0; r < H; r += rows) {
						final int n = Math.min(rows, H - r);
						final Tile tile = new Tile(1, frames, r, n, W);
						Arrays.fill(buffer, Float.NaN);
						c.read(s, tile, buffer);
						for (int f = 0; f < frames; f++) {
							final float[] want = naive.frame(DATA, 1 + f);
							final float[] got = Arrays.copyOfRange(buffer, f * n * W, (f + 1) * n * W);
							assertArrayEquals(Arrays.copyOfRange(want, r * W, (r + n) * W), got,
									rows + "-row bands, " + frames + " frames, band at row " + r + ", frame " + f);
						}
					}
				}
			}
	}

	@Test
	void framesLargerThanTheScratchChunkAreCorrectedThroughout() {
		// 50 × 70 = 3500 pixels: dark and gain run in several scratch chunks per band
		final int h = 50;
		final int w = 70;
		final ArrayDataset data = ArrayDataset.counts(new long[] { 3 }, h, w, 1000, 8, DType.FLOAT32);
		final java.util.Random r = new java.util.Random(3);
		final float[] dark = new float[h * w];
		final float[] gain = new float[h * w];
		final boolean[] mask = new boolean[h * w];
		for (int i = 0; i < dark.length; i++) {
			dark[i] = 10 * r.nextFloat();
			gain[i] = 0.5f + r.nextFloat();
			mask[i] = r.nextInt(50) == 0;
		}
		final TileCorrector c = Corrections.none().withDark(h, w, dark).withGain(h, w, gain).withExcludedMask(h, w, mask)
				.corrector(h, w);
		final NaiveCorrection naive = new NaiveCorrection(h, w, dark, gain, mask, 8);
		for (final int rows : new int[] { 1, 7, 29, 50 }) {
			final float[] buffer = new float[2 * c.readRows(rows) * w];
			try (FrameSource s = data.open(data.partitions().get(0))) {
				for (int r0 = 0; r0 < h; r0 += rows) {
					final int n = Math.min(rows, h - r0);
					c.read(s, new Tile(1, 2, r0, n, w), buffer);
					for (int f = 0; f < 2; f++)
						assertArrayEquals(Arrays.copyOfRange(naive.frame(data, 1 + f), r0 * w, (r0 + n) * w),
								Arrays.copyOfRange(buffer, f * n * w, (f + 1) * n * w), rows + "-row band at " + r0);
				}
			}
		}
	}

	@Test
	void wholeFramesAreCorrectedInPlace() {
		final TileCorrector c = CorrectionFixtures.all(8).corrector(H, W);
		final float[] data = new float[2 * H * W];
		try (FrameSource s = DATA.open(DATA.partitions().get(0))) {
			s.read(new Tile(3, 2, 0, H, W), data);
		}
		c.correctFrames(data, 2);
		final NaiveCorrection naive = CorrectionFixtures.naiveAll(8);
		assertArrayEquals(naive.frame(DATA, 3), Arrays.copyOfRange(data, 0, H * W));
		assertArrayEquals(naive.frame(DATA, 4), Arrays.copyOfRange(data, H * W, 2 * H * W));
	}

	@Test
	void haloRowsAreNeededOnlyWithExcludedPixelsAndSplitFrames() {
		final TileCorrector darkOnly = Corrections.none().withDark(H, W, CorrectionFixtures.dark(1)).corrector(H, W);
		assertEquals(3, darkOnly.readRows(3));
		final TileCorrector patches = CorrectionFixtures.all(8).corrector(H, W);
		assertEquals(5, patches.readRows(3));
		assertEquals(H, patches.readRows(H - 1));
		assertEquals(H, patches.readRows(H + 4));
		assertTrue(Corrections.none().corrector(H, W).isIdentity());
		assertFalse(darkOnly.isIdentity());
	}

	@Test
	void unrepairablePixelKeepsItsDarkAndGainCorrectedValueWhenAllowed() {
		// the centre of a fully excluded 3 × 3 block has no valid neighbour
		final int[] ys = { 5, 5, 5, 6, 6, 6, 7, 7, 7 };
		final int[] xs = { 4, 5, 6, 4, 5, 6, 4, 5, 6 };
		final Corrections c = Corrections.none().withGain(H, W, CorrectionFixtures.gain(4))
				.withExcludedPixels(H, W, ys, xs).withUnrepairableAllowed(true);
		final float[] data = new float[H * W];
		try (FrameSource s = DATA.open(DATA.partitions().get(0))) {
			s.read(new Tile(0, 1, 0, H, W), data);
		}
		c.corrector(H, W).correctFrames(data, 1);
		final boolean[] mask = new boolean[H * W];
		for (int i = 0; i < ys.length; i++)
			mask[ys[i] * W + xs[i]] = true;
		final float[] want = new NaiveCorrection(H, W, null, CorrectionFixtures.gain(4), mask, 8).frame(DATA, 0);
		assertArrayEquals(want, data);
		assertEquals(DATA.value(0, 6, 5) * CorrectionFixtures.gain(4)[6 * W + 5], data[6 * W + 5]);
	}
}
