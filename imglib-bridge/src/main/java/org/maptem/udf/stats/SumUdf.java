package org.maptem.udf.stats;

import java.util.List;

import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.Tile;
import org.maptem.frames.Simd;
import org.maptem.udf.BufferSpec;
import org.maptem.udf.BufferType;
import org.maptem.udf.Results;
import org.maptem.udf.Udf;

/**
 * Sums all frames (inside the ROI) pixel by pixel: the mean diffraction pattern times the frame count.
 *
 * <p>Buffer {@code "intensity"}: SIG, FLOAT64, shape {@code [sigHeight, sigWidth]}, in the data's units (counts).
 *
 * <pre>{@code
 * SumUdf sum = new SumUdf();
 * JobResults r = new LocalExecutor().run(Job.of(dataset, sum));
 * double[] pattern = r.get(sum).buffer("intensity").doubles();
 * }</pre>
 */
public final class SumUdf extends Udf<Void> {

	private static final long serialVersionUID = 1L;

	/** Name of the result buffer. */
	public static final String INTENSITY = "intensity";

	/** Pixels per block: 8 KiB of double accumulators. */
	private static final int BLOCK = 1024;

	@Override
	public List<BufferSpec> buffers(final DatasetMeta meta) {
		return List.of(BufferSpec.sig(INTENSITY, BufferType.FLOAT64));
	}

	@Override
	public void processTile(final Tile tile, final float[] data, final Results partial, final Void taskData) {
		final double[] sum = partial.buffer(INTENSITY).doubles();
		final int per = tile.sigRows() * tile.sigWidth();
		final int offset = tile.sigRowStart() * tile.sigWidth();
		if (Simd.enabled()) {
			VectorSums.addFrames(data, tile.frameCount(), per, sum, offset);
			return;
		}
		// pixel blocks keep their accumulators in L1 while every frame of the tile is added
		for (int b = 0; b < per; b += BLOCK) {
			final int end = Math.min(per, b + BLOCK);
			for (int f = 0; f < tile.frameCount(); f++) {
				final int base = f * per;
				for (int i = b; i < end; i++)
					sum[offset + i] += data[base + i];
			}
		}
	}
}
