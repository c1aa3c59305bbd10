package org.maptem.udf.stats;

import java.util.List;

import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.Tile;
import org.maptem.udf.BufferSpec;
import org.maptem.udf.BufferType;
import org.maptem.udf.Results;
import org.maptem.udf.Udf;

/**
 * Per-pixel mean, variance and standard deviation over all frames (inside the ROI), computed in one pass with
 * Welford's update per frame and Chan et al.'s pairwise formula to merge partitions, so it stays accurate when the
 * mean is large compared to the spread.
 *
 * <p>Buffers, all SIG of shape {@code [sigHeight, sigWidth]}:
 * <ul>
 * <li>{@code "mean"} FLOAT64: mean value (data units);</li>
 * <li>{@code "varsum"} FLOAT64: sum of squared deviations from the mean (data units²);</li>
 * <li>{@code "count"} INT64: frames seen (the same for every pixel once the job is done);</li>
 * <li>{@code "var"} FLOAT64, derived: population variance {@code varsum / count} (as NumPy's {@code var});</li>
 * <li>{@code "std"} FLOAT64, derived: {@code sqrt(var)}.</li>
 * </ul>
 *
 * <pre>{@code
 * StdUdf std = new StdUdf();
 * JobResults r = new LocalExecutor().run(Job.of(dataset, std));
 * double[] sigma = r.get(std).buffer("std").doubles();
 * }</pre>
 */
public final class StdUdf extends Udf<Void> {

	private static final long serialVersionUID = 1L;

	public static final String MEAN = "mean";
	public static final String VARSUM = "varsum";
	public static final String COUNT = "count";
	public static final String VAR = "var";
	public static final String STD = "std";

	/** Pixels per block: 8 KiB of mean and varsum. */
	private static final int BLOCK = 512;

	@Override
	public List<BufferSpec> buffers(final DatasetMeta meta) {
		return List.of(BufferSpec.sig(MEAN, BufferType.FLOAT64), BufferSpec.sig(VARSUM, BufferType.FLOAT64),
				BufferSpec.sig(COUNT, BufferType.INT64), BufferSpec.sig(VAR, BufferType.FLOAT64).asDerived(),
				BufferSpec.sig(STD, BufferType.FLOAT64).asDerived());
	}

	@Override
	public void processTile(final Tile tile, final float[] data, final Results partial, final Void taskData) {
		final double[] mean = partial.buffer(MEAN).doubles();
		final double[] varsum = partial.buffer(VARSUM).doubles();
		final long[] count = partial.buffer(COUNT).longs();
		final int per = tile.sigRows() * tile.sigWidth();
		final int offset = tile.sigRowStart() * tile.sigWidth();
		// every pixel of a tile's rows has seen the same frames: tiles cover whole rows, in frame order
		final long seen = count[offset];
		// pixel blocks keep mean and varsum in L1 while every frame of the tile is added
		for (int b = 0; b < per; b += BLOCK) {
			final int end = Math.min(per, b + BLOCK);
			for (int f = 0; f < tile.frameCount(); f++) {
				final double inv = 1.0 / (seen + f + 1);
				final int base = f * per;
				for (int i = b; i < end; i++) {
					final int k = offset + i;
					final double x = data[base + i];
					final double d = x - mean[k];
					mean[k] += d * inv;
					varsum[k] += d * (x - mean[k]);
				}
			}
		}
		final long now = seen + tile.frameCount();
		for (int i = 0; i < per; i++)
			count[offset + i] = now;
	}

	@Override
	public void merge(final Results dest, final Results src) {
		final double[] meanA = dest.buffer(MEAN).doubles();
		final double[] varsumA = dest.buffer(VARSUM).doubles();
		final long[] countA = dest.buffer(COUNT).longs();
		final double[] meanB = src.buffer(MEAN).doubles();
		final double[] varsumB = src.buffer(VARSUM).doubles();
		final long[] countB = src.buffer(COUNT).longs();
		for (int k = 0; k < meanA.length; k++) {
			final long na = countA[k];
			final long nb = countB[k];
			if (nb == 0)
				continue;
			if (na == 0) {
				meanA[k] = meanB[k];
				varsumA[k] = varsumB[k];
				countA[k] = nb;
				continue;
			}
			final double n = (double) na + nb;
			final double d = meanB[k] - meanA[k];
			meanA[k] += d * (nb / n);
			varsumA[k] += varsumB[k] + d * d * (na * (nb / n));
			countA[k] = na + nb;
		}
	}

	@Override
	public void postprocess(final Results result) {
		final double[] varsum = result.buffer(VARSUM).doubles();
		final long[] count = result.buffer(COUNT).longs();
		final double[] var = result.buffer(VAR).doubles();
		final double[] std = result.buffer(STD).doubles();
		for (int k = 0; k < var.length; k++) {
			var[k] = count[k] == 0 ? Double.NaN : varsum[k] / count[k];
			std[k] = Math.sqrt(var[k]);
		}
	}
}
