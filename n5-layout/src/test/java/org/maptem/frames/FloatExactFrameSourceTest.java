package org.maptem.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.maptem.dataset.Tile;

class FloatExactFrameSourceTest {

	/** Value of pixel (frame, row, column): distinct 24-bit integers, all exact in float. */
	private static float value(final long f, final int y, final int x) {
		return (float) ((f * 1000 + y * 37 + x) * 97 % (1 << 24));
	}

	private static final class Counting extends FloatExactFrameSource {
		int reads;

		@Override
		public void read(final Tile tile, final float[] dst) {
			reads++;
			int o = 0;
			for (int i = 0; i < tile.frameCount(); i++)
				for (int y = tile.sigRowStart(); y < tile.sigRowStart() + tile.sigRows(); y++)
					for (int x = 0; x < tile.sigWidth(); x++)
						dst[o++] = value(tile.firstFrame() + i, y, x);
		}

		@Override
		public void close() {
		}
	}

	@Test
	void doubleTilesHoldTheFloatValuesWidenedAndTheScratchIsReused() {
		final Counting s = new Counting();
		for (final Tile t : new Tile[] { new Tile(3, 2, 1, 4, 5), new Tile(9, 1, 0, 2, 5) }) {
			final double[] d = new double[t.size() + 3];
			d[t.size()] = -1;
			s.read(t, d);
			int o = 0;
			for (int i = 0; i < t.frameCount(); i++)
				for (int y = t.sigRowStart(); y < t.sigRowStart() + t.sigRows(); y++)
					for (int x = 0; x < t.sigWidth(); x++)
						assertEquals(value(t.firstFrame() + i, y, x), d[o++], "frame " + (t.firstFrame() + i) + " (" + y + ", " + x + ")");
			assertEquals(-1, d[t.size()], "nothing written past the tile");
		}
		assertEquals(2, s.reads);
		assertThrows(IndexOutOfBoundsException.class, () -> s.read(new Tile(0, 2, 0, 4, 5), new double[39]));
	}
}
