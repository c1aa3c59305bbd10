package org.maptem.udf.stats;

import java.util.List;

import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.Tile;
import org.maptem.udf.BufferSpec;
import org.maptem.udf.BufferType;
import org.maptem.udf.Results;
import org.maptem.udf.Sums;
import org.maptem.udf.Udf;

/**
 * Sums each frame over all detector pixels: the total intensity at every scan position (a virtual detector
 * covering the whole frame).
 *
 * <p>Buffer {@code "intensity"}: NAV, FLOAT64, shape {@code navShape}, in the data's units (counts); NaN at positions
 * outside the ROI.
 *
 * <pre>{@code
 * SumSigUdf total = new SumSigUdf();
 * JobResults r = new LocalExecutor().run(Job.of(dataset, total));
 * double[] image = r.get(total).buffer("intensity").doubles(); // scan y slowest, x fastest
 * }</pre>
 */
public final class SumSigUdf extends Udf<Void> {

	private static final long serialVersionUID = 1L;

	/** Name of the result buffer. */
	public static final String INTENSITY = "intensity";

	@Override
	public List<BufferSpec> buffers(final DatasetMeta meta) {
		return List.of(BufferSpec.nav(INTENSITY, BufferType.FLOAT64));
	}

	@Override
	public void processTile(final Tile tile, final float[] data, final Results partial, final Void taskData) {
		final double[] out = partial.buffer(INTENSITY).doubles();
		final int per = tile.sigRows() * tile.sigWidth();
		final int first = partial.navIndex(tile.firstFrame());
		for (int f = 0; f < tile.frameCount(); f++)
			// += because a frame split into row bands arrives in several tiles
			out[first + f] += Sums.sum(data, f * per, (f + 1) * per);
	}
}
