package org.maptem.frames;

import org.maptem.dataset.Tile;

/**
 * A {@link FrameSource} whose every value is exact in float32 (integers below 2^24 such as 12- or 16-bit counts,
 * float16): it decodes into floats only, and a double tile is the float tile widened, which loses nothing. Saves
 * each such format a second, double-typed copy of its decoder.
 *
 * <p>The float scratch for double reads is allocated on the first one and kept; a source is used by one thread.
 */
public abstract class FloatExactFrameSource implements FrameSource {

	private float[] scratch;

	/** Decodes {@code tile} into {@code dst[0 .. tile.size())} as float32. */
	@Override
	public abstract void read(Tile tile, float[] dst);

	/** Reads the tile as floats and widens them into {@code dst}: the same values. */
	@Override
	public final void read(final Tile tile, final double[] dst) {
		final int n = tile.size();
		if (dst.length < n)
			throw new IndexOutOfBoundsException("tile " + tile + " needs " + n + " values, the array holds " + dst.length);
		if (scratch == null || scratch.length < n)
			scratch = new float[n];
		read(tile, scratch);
		for (int i = 0; i < n; i++)
			dst[i] = scratch[i];
	}
}
