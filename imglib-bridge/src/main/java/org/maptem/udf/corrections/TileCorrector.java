package org.maptem.udf.corrections;

import java.util.Arrays;

import org.maptem.dataset.Tile;
import org.maptem.frames.FrameSource;
import org.maptem.udf.UdfException;

/**
 * {@link Corrections} compiled for one detector shape: reads tiles from a {@link FrameSource} and corrects them in
 * place, the same way whatever the tiling.
 *
 * <p>Excluded pixels are patched from neighbours that may lie in the rows just above or below a row-band tile. Such
 * a band is read with one extra row above and/or below (only where a patch in its first or last row needs it),
 * corrected as a whole, and then moved down in the buffer so the caller gets exactly the tile's rows from index 0.
 * So results equal those of whole-frame tiles, at the cost of reading up to two extra rows for some bands; buffers
 * must hold {@link #readRows} rows per frame. (LiberTEM instead shapes its tiles so that no excluded pixel touches a
 * tile boundary; a fixed row-band plan cannot always do that.)
 *
 * <p>Precomputed once: for every excluded pixel the flat indices of its valid neighbours, and per detector row
 * whether the patches in it reach the row above or below. Immutable and thread-safe; the per-tile work allocates
 * nothing but the enlarged {@link Tile} record (and, once per thread, a frame-sized scratch array). Cost: one
 * subtract-multiply pass over the tile when there is a dark frame or gain map (about 0.3 ns per pixel on the build
 * machine), plus a few reads per excluded pixel and frame.
 */
public final class TileCorrector {

	private static final int[][] FOUR = { { -1, 0 }, { 0, -1 }, { 0, 1 }, { 1, 0 } };
	private static final int[][] EIGHT = { { -1, -1 }, { -1, 0 }, { -1, 1 }, { 0, -1 }, { 0, 1 }, { 1, -1 }, { 1, 0 },
			{ 1, 1 } };

	/** Values per scratch round trip: 8 KiB, so copy, correction and copy back stay in L1. */
	private static final int CHUNK = 2048;

	private final int height;
	private final int width;
	private final float[] dark;
	private final float[] gain;
	/** Excluded pixels, flat and sorted, so those of rows {@code [a, b)} are {@code [rowFirst[a], rowFirst[b])}. */
	private final int[] excluded;
	private final int[] rowFirst;
	/** Neighbours of excluded pixel {@code k}: {@code neighbour[neighbourStart[k] .. neighbourStart[k + 1])}. */
	private final int[] neighbourStart;
	private final int[] neighbour;
	/** Whether a patch in row {@code y} reads row {@code y - 1}, resp. {@code y + 1}. */
	private final boolean[] needsRowAbove;
	private final boolean[] needsRowBelow;
	private final boolean identity;
	/** Frame-sized per-thread scratch for {@link #darkAndGain}. */
	private final ThreadLocal<float[]> scratch;

	TileCorrector(final int height, final int width, final float[] dark, final float[] gain, final int[] excluded,
			final int neighbours, final boolean unrepairableAllowed) {
		this.height = height;
		this.width = width;
		this.dark = dark;
		this.gain = gain;
		this.excluded = excluded;
		this.identity = dark == null && gain == null && excluded.length == 0;
		this.scratch = ThreadLocal.withInitial(() -> new float[height * width]);
		rowFirst = new int[height + 1];
		needsRowAbove = new boolean[height];
		needsRowBelow = new boolean[height];
		neighbourStart = new int[excluded.length + 1];
		final int[][] offsets = neighbours == 4 ? FOUR : EIGHT;
		final int[] found = new int[excluded.length * offsets.length];
		int n = 0;
		int k = 0;
		for (int y = 0; y <= height; y++) {
			while (k < excluded.length && excluded[k] / width < y)
				k++;
			rowFirst[y] = k;
		}
		for (int i = 0; i < excluded.length; i++) {
			final int y = excluded[i] / width;
			final int x = excluded[i] % width;
			neighbourStart[i] = n;
			for (final int[] o : offsets) {
				final int ny = y + o[0];
				final int nx = x + o[1];
				if (ny < 0 || ny >= height || nx < 0 || nx >= width || isExcluded(ny * width + nx))
					continue;
				found[n++] = ny * width + nx;
				needsRowAbove[y] |= ny < y;
				needsRowBelow[y] |= ny > y;
			}
			if (n == neighbourStart[i] && !unrepairableAllowed)
				throw UdfException.badParameter("corrections", "excluded pixels", "each with at least one valid "
						+ neighbours + "-neighbour (inside the frame, not excluded), or unrepairable pixels allowed",
						"none for (y, x) = (" + y + ", " + x + ")");
		}
		neighbourStart[excluded.length] = n;
		neighbour = Arrays.copyOf(found, n);
	}

	private boolean isExcluded(final int flat) {
		return Arrays.binarySearch(excluded, flat) >= 0;
	}

	/** True when this corrector changes nothing: {@link #read} is a plain read. */
	public boolean isIdentity() {
		return identity;
	}

	/** Detector rows. */
	public int height() {
		return height;
	}

	/** Detector columns. */
	public int width() {
		return width;
	}

	/**
	 * Rows per frame a tile buffer must hold for bands of at most {@code rows} rows: {@code rows} (at most the
	 * height) plus the two halo rows a band may need when pixels are excluded.
	 */
	public int readRows(final int rows) {
		final int r = Math.min(rows, height);
		return excluded.length == 0 || r >= height ? r : Math.min(height, r + 2);
	}

	/**
	 * Reads {@code tile} from {@code source} into {@code dst} and corrects it: afterwards {@code dst} holds
	 * {@link Tile#size()} corrected values from index 0, laid out as {@link FrameSource#read(Tile, float[])} lays
	 * them out. {@code dst} must hold {@code tile.frameCount() * readRows(tile.sigRows()) * width} values.
	 *
	 * @throws UdfException when the tile is not of this detector's width
	 */
	public void read(final FrameSource source, final Tile tile, final float[] dst) {
		if (identity) {
			source.read(tile, dst);
			return;
		}
		if (tile.sigWidth() != width || tile.sigRowStart() + tile.sigRows() > height)
			throw UdfException.badParameter("corrections", "tile", "rows inside a [" + height + ", " + width
					+ "] detector", tile);
		final int r0 = tile.sigRowStart();
		final int r1 = r0 + tile.sigRows();
		final int top = r0 > 0 && needsRowAbove[r0] ? 1 : 0;
		final int bottom = r1 < height && needsRowBelow[r1 - 1] ? 1 : 0;
		if (top + bottom == 0) {
			source.read(tile, dst);
			correct(dst, tile.frameCount(), r0, r1, r0, r1);
			return;
		}
		final int readRows = tile.sigRows() + top + bottom;
		source.read(new Tile(tile.firstFrame(), tile.frameCount(), r0 - top, readRows, width), dst);
		correct(dst, tile.frameCount(), r0 - top, r1 + bottom, r0, r1);
		// frame i's band rows move from i * readRows + top to i * sigRows (rows): never past data not yet moved
		final int band = tile.sigRows() * width;
		for (int i = top == 0 ? 1 : 0; i < tile.frameCount(); i++)
			System.arraycopy(dst, (i * readRows + top) * width, dst, i * band, band);
	}

	/**
	 * Corrects {@code frames} whole frames held in {@code data} from index 0, in place.
	 */
	public void correctFrames(final float[] data, final int frames) {
		if (!identity)
			correct(data, frames, 0, height, 0, height);
	}

	/**
	 * Corrects frames holding rows {@code [readStart, readEnd)} each: dark and gain on every row, patches on the
	 * pixels of rows {@code [r0, r1)}, whose neighbours all lie in the rows read.
	 */
	private void correct(final float[] data, final int frames, final int readStart, final int readEnd, final int r0,
			final int r1) {
		final int per = (readEnd - readStart) * width;
		final int mapOffset = readStart * width;
		final int firstPatch = rowFirst[r0];
		final int endPatch = rowFirst[r1];
		for (int f = 0; f < frames; f++) {
			final int base = f * per;
			darkAndGain(data, base, per, mapOffset);
			// data index of flat detector index p in this frame
			final int shift = base - mapOffset;
			for (int k = firstPatch; k < endPatch; k++) {
				final int from = neighbourStart[k];
				final int to = neighbourStart[k + 1];
				if (from == to)
					continue;
				float s = 0;
				for (int j = from; j < to; j++)
					s += data[shift + neighbour[j]];
				data[shift + excluded[k]] = s / (to - from);
			}
		}
	}

	/**
	 * Applies dark and gain to {@code n} values of {@code d} from {@code base}, which are detector pixels from flat
	 * index {@code mapOffset}. JDK 17's C2 vectorizes a loop over float arrays only when every access uses the same
	 * index (it cannot rule out that differently offset arrays alias), so chunks are copied to the same position of a
	 * per-thread frame-sized scratch array, corrected there at the maps' own indices and copied back: about twice as
	 * fast as the direct loop.
	 */
	private void darkAndGain(final float[] d, final int base, final int n, final int mapOffset) {
		if (dark == null && gain == null)
			return;
		final float[] t = scratch.get();
		for (int c = 0; c < n; c += CHUNK) {
			final int m = Math.min(CHUNK, n - c);
			final int from = mapOffset + c;
			final int to = from + m;
			System.arraycopy(d, base + c, t, from, m);
			if (dark != null && gain != null) {
				for (int i = from; i < to; i++)
					t[i] = (t[i] - dark[i]) * gain[i];
			} else if (dark != null) {
				for (int i = from; i < to; i++)
					t[i] -= dark[i];
			} else {
				for (int i = from; i < to; i++)
					t[i] *= gain[i];
			}
			System.arraycopy(t, from, d, base + c, m);
		}
	}
}
