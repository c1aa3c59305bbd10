package org.maptem.udf.pick;

import java.util.Arrays;
import java.util.List;

import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.Tile;
import org.maptem.udf.BufferSpec;
import org.maptem.udf.BufferType;
import org.maptem.udf.ResultBuffer;
import org.maptem.udf.Results;
import org.maptem.udf.Udf;
import org.maptem.udf.UdfException;

/**
 * Copies one or several frames, chosen by scan position, out of a dataset: the diffraction pattern at a point of a
 * virtual image.
 *
 * <p>Frames are chosen by flat index ({@code frame = y * navWidth + x} for a 2D scan, C order of the nav shape) or
 * by position in NumPy order ({@code {y, x}}, {@code {z, y, x}}); a frame may be picked more than once. Only the
 * partitions holding a picked frame read anything, but a job reads every frame of the ROI, so pick frames with a ROI
 * of just those frames to read nothing else.
 *
 * <p>Buffers, for {@code n} picks:
 * <ul>
 * <li>{@code "intensity"}: SIG, FLOAT32, shape {@code [sigHeight, sigWidth]} for one pick, else
 * {@code [sigHeight, sigWidth, n]} (pick index fastest, see {@link #frame}); the frames' values in data units,
 * exactly as decoded;</li>
 * <li>{@code "picked"}: SINGLE, INT64, shape {@code [1]} or {@code [n]}: 1 where the frame was read, 0 where it lay
 * outside the ROI (its values are then 0).</li>
 * </ul>
 *
 * <pre>{@code
 * PickFrameUdf pick = PickFrameUdf.ofPositions(new long[] { 12, 40 }); // scan y = 12, x = 40
 * JobResults r = new LocalExecutor().run(Job.of(dataset, pick));
 * float[] pattern = PickFrameUdf.frame(r.get(pick), 0);
 * }</pre>
 */
public final class PickFrameUdf extends Udf<PickFrameUdf.Picks> {

	private static final long serialVersionUID = 1L;

	public static final String INTENSITY = "intensity";
	public static final String PICKED = "picked";

	/**
	 * Task data: the picks sorted by frame, so a tile finds its picks by binary search.
	 *
	 * @param frames flat frame indices, ascending
	 * @param slots  the pick index of each, in the same order
	 */
	public record Picks(long[] frames, int[] slots) {
	}

	/** Flat indices, or null when picked by position. */
	private final long[] indices;
	/** Positions in NumPy order, or null when picked by index. */
	private final long[][] positions;

	private PickFrameUdf(final long[] indices, final long[][] positions) {
		this.indices = indices;
		this.positions = positions;
	}

	/**
	 * Picks the frames of flat indices {@code frames} (C order of the nav shape), in this order.
	 *
	 * @throws UdfException when none is given
	 */
	public static PickFrameUdf ofFrames(final long... frames) {
		if (frames == null || frames.length == 0)
			throw UdfException.badParameter("PickFrameUdf", "index", "at least one frame index", "none");
		return new PickFrameUdf(frames.clone(), null);
	}

	/**
	 * Picks the frames at scan positions {@code positions}, each in NumPy order ({@code {y, x}} for a 2D scan), in
	 * this order.
	 *
	 * @throws UdfException when none is given or one is null
	 */
	public static PickFrameUdf ofPositions(final long[]... positions) {
		if (positions == null || positions.length == 0)
			throw UdfException.badParameter("PickFrameUdf", "positions", "at least one scan position", "none");
		final long[][] p = new long[positions.length][];
		for (int i = 0; i < p.length; i++) {
			if (positions[i] == null)
				throw UdfException.badParameter("PickFrameUdf", "positions[" + i + "]", "a scan position", "null");
			p[i] = positions[i].clone();
		}
		return new PickFrameUdf(null, p);
	}

	/** Number of picks. */
	public int count() {
		return indices != null ? indices.length : positions.length;
	}

	/**
	 * The flat frame index of every pick on {@code meta}'s dataset.
	 *
	 * @throws UdfException naming the pick that lies outside the nav shape
	 */
	public long[] frames(final DatasetMeta meta) {
		final long[] nav = meta.navShape();
		final long total = meta.frameCount();
		final long[] out = new long[count()];
		for (int i = 0; i < out.length; i++) {
			if (indices != null) {
				if (indices[i] < 0 || indices[i] >= total)
					throw UdfException.badParameter(name(), "index[" + i + "]", "a frame index from 0 to " + (total - 1)
							+ " (nav shape " + Arrays.toString(nav) + ")", indices[i]);
				out[i] = indices[i];
				continue;
			}
			final long[] p = positions[i];
			if (p.length != nav.length)
				throw UdfException.badParameter(name(), "positions[" + i + "]", nav.length
						+ " coordinates (NumPy order) for nav shape " + Arrays.toString(nav), Arrays.toString(p));
			long f = 0;
			for (int a = 0; a < nav.length; a++) {
				if (p[a] < 0 || p[a] >= nav[a])
					throw UdfException.badParameter(name(), "positions[" + i + "]", "a position within nav shape "
							+ Arrays.toString(nav), Arrays.toString(p));
				f = f * nav[a] + p[a];
			}
			out[i] = f;
		}
		return out;
	}

	/** The values of pick {@code pick} in {@code result}, a new {@code sigHeight × sigWidth} row-major array. */
	public static float[] frame(final Results result, final int pick) {
		final ResultBuffer b = result.buffer(INTENSITY);
		final int n = b.spec().extraSize();
		if (pick < 0 || pick >= n)
			throw UdfException.badParameter(result.owner(), "pick", "a pick index from 0 to " + (n - 1), pick);
		final float[] all = b.floats();
		final float[] out = new float[all.length / n];
		for (int i = 0; i < out.length; i++)
			out[i] = all[i * n + pick];
		return out;
	}

	@Override
	public List<BufferSpec> buffers(final DatasetMeta meta) {
		frames(meta);
		final int n = count();
		return n == 1 ? List.of(BufferSpec.sig(INTENSITY, BufferType.FLOAT32), BufferSpec.single(PICKED, BufferType.INT64))
				: List.of(BufferSpec.sig(INTENSITY, BufferType.FLOAT32, n), BufferSpec.single(PICKED, BufferType.INT64, n));
	}

	@Override
	public Picks taskData(final DatasetMeta meta) {
		final long[] f = frames(meta);
		final Integer[] order = new Integer[f.length];
		for (int i = 0; i < order.length; i++)
			order[i] = i;
		Arrays.sort(order, (a, b) -> Long.compare(f[a], f[b]));
		final long[] frames = new long[f.length];
		final int[] slots = new int[f.length];
		for (int i = 0; i < order.length; i++) {
			frames[i] = f[order[i]];
			slots[i] = order[i];
		}
		return new Picks(frames, slots);
	}

	@Override
	public void processTile(final Tile tile, final float[] data, final Results partial, final Picks picks) {
		final long[] frames = picks.frames();
		final long end = tile.firstFrame() + tile.frameCount();
		int i = firstAtOrAfter(frames, tile.firstFrame());
		if (i >= frames.length || frames[i] >= end)
			return;
		final float[] out = partial.buffer(INTENSITY).floats();
		final long[] picked = partial.buffer(PICKED).longs();
		final int n = frames.length;
		final int per = tile.sigRows() * tile.sigWidth();
		final int offset = tile.sigRowStart() * tile.sigWidth();
		for (; i < n && frames[i] < end; i++) {
			final int slot = picks.slots()[i];
			final int from = (int) (frames[i] - tile.firstFrame()) * per;
			if (n == 1) {
				System.arraycopy(data, from, out, offset, per);
			} else {
				for (int k = 0; k < per; k++)
					out[(offset + k) * n + slot] = data[from + k];
			}
			// the first band of a frame marks it read, so a frame in row bands counts once
			if (tile.sigRowStart() == 0)
				picked[slot] = 1;
		}
	}

	/** Index of the first value {@code >= key} in ascending {@code a}, or {@code a.length}. */
	private static int firstAtOrAfter(final long[] a, final long key) {
		int lo = 0;
		int hi = a.length;
		while (lo < hi) {
			final int mid = (lo + hi) >>> 1;
			if (a[mid] < key)
				lo = mid + 1;
			else
				hi = mid;
		}
		return lo;
	}

	@Override
	public String toString() {
		return name() + (indices != null ? " of frames " + Arrays.toString(indices)
				: " at " + Arrays.deepToString(positions));
	}
}
