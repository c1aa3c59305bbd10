package org.maptem.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Tile;

class ElementwiseFrameSourceTest {

	/** A float64 value that float32 cannot hold: 0.1 plus a bit far below float resolution. */
	private static final double FINE = 0.1 + 0x1p-40;
	/** An int32 value that float32 cannot hold: odd and above 2^24. */
	private static final double BIG = (1 << 24) + 1;

	/** Value of pixel (frame, row, column): FINE or BIG scaled by a small integer, so each is distinct. */
	private static double value(final long f, final int y, final int x) {
		final int k = (int) (f * 100 + y * 10 + x);
		return (k & 1) == 0 ? FINE * (k + 1) : BIG + 2 * k;
	}

	/** Writes {@link #value} of each tile pixel, frame after frame, rows in order, after a bounds check. */
	private static final class Generated extends ElementwiseFrameSource {

		@Override
		protected void read(final Tile tile, final int capacity, final Values out) {
			if (capacity < tile.size())
				throw new LayoutException("test source: tile buffer holds " + capacity + " values, tile needs " + tile.size());
			int o = 0;
			for (int i = 0; i < tile.frameCount(); i++)
				for (int y = tile.sigRowStart(); y < tile.sigRowStart() + tile.sigRows(); y++)
					for (int x = 0; x < tile.sigWidth(); x++)
						out.set(o++, value(tile.firstFrame() + i, y, x));
		}

		@Override
		public void close() {
		}
	}

	@Test
	void aFloat64ValueLandsExactlyInADoubleTileAndRoundedOnceInAFloatTile() {
		final Tile t = new Tile(0, 1, 0, 1, 1);
		final double[] d = new double[1];
		final float[] f = new float[1];
		try (Generated s = new Generated()) {
			s.read(t, d);
			s.read(t, f);
		}
		assertEquals(FINE, d[0]);
		assertNotEquals(0.1, d[0], "the extra bit survives in a double tile");
		// rounded from the exact double once: the nearest float to 0.1 + 2^-40 is the nearest float to 0.1
		assertEquals(0.1f, f[0]);
	}

	@Test
	void everyPixelOfOddTilesIsTheDecodedDoubleOrItsFloatAndNothingPastTheTileIsWritten() {
		try (Generated s = new Generated()) {
			for (final Tile t : new Tile[] { new Tile(3, 2, 1, 4, 5), new Tile(9, 3, 0, 1, 7) }) {
				final double[] d = new double[t.size() + 2];
				final float[] f = new float[t.size() + 2];
				d[t.size()] = -1;
				f[t.size()] = -1;
				s.read(t, d);
				s.read(t, f);
				int o = 0;
				for (int i = 0; i < t.frameCount(); i++)
					for (int y = t.sigRowStart(); y < t.sigRowStart() + t.sigRows(); y++)
						for (int x = 0; x < t.sigWidth(); x++, o++) {
							final double v = value(t.firstFrame() + i, y, x);
							final String at = "frame " + (t.firstFrame() + i) + " (" + y + ", " + x + ")";
							assertEquals(v, d[o], at);
							assertEquals((float) v, f[o], at);
							assertNotEquals(v, (double) f[o], at + ": the test values are not floats");
						}
				assertEquals(-1, d[t.size()], "nothing written past the double tile");
				assertEquals(-1, f[t.size()], "nothing written past the float tile");
			}
		}
	}

	@Test
	void theSourcesBoundsCheckSeesTheArrayLengthAndKeepsItsMessage() {
		try (Generated s = new Generated()) {
			final Tile t = new Tile(0, 2, 0, 4, 5);
			final LayoutException f = assertThrows(LayoutException.class, () -> s.read(t, new float[39]));
			final LayoutException d = assertThrows(LayoutException.class, () -> s.read(t, new double[39]));
			assertEquals("test source: tile buffer holds 39 values, tile needs 40", f.getMessage());
			assertEquals(f.getMessage(), d.getMessage());
		}
	}
}
