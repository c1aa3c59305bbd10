package org.maptem.udf.stats;

import java.util.List;

import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.Tile;
import org.maptem.udf.BufferSpec;
import org.maptem.udf.BufferType;
import org.maptem.udf.Results;
import org.maptem.udf.Udf;

/**
 * Per-pixel maximum over all frames (inside the ROI): the brightest value every detector pixel saw, e.g. to find
 * weak Bragg disks that appear in few frames, or hot pixels.
 *
 * <p>Buffers, both SIG of shape {@code [sigHeight, sigWidth]}:
 * <ul>
 * <li>{@code "max"} FLOAT32: the maximum (data units; exact, since tiles hold float32 values); a NaN value wins, as
 * in NumPy's {@code max};</li>
 * <li>{@code "count"} INT64: frames seen (the same for every pixel once the job is done; 0 only for pixels of a job
 * that saw no frame, whose maximum is then 0).</li>
 * </ul>
 *
 * <pre>{@code
 * MaxUdf max = new MaxUdf();
 * JobResults r = new LocalExecutor().run(Job.of(dataset, max));
 * float[] brightest = r.get(max).buffer("max").floats();
 * }</pre>
 */
public final class MaxUdf extends Udf<Void> {

	private static final long serialVersionUID = 1L;

	public static final String MAX = "max";
	public static final String COUNT = "count";

	/** Pixels per block: 4 KiB of maxima, kept in L1 while every frame of the tile is visited. */
	private static final int BLOCK = 1024;

	@Override
	public List<BufferSpec> buffers(final DatasetMeta meta) {
		return List.of(BufferSpec.sig(MAX, BufferType.FLOAT32), BufferSpec.sig(COUNT, BufferType.INT64));
	}

	@Override
	public void processTile(final Tile tile, final float[] data, final Results partial, final Void taskData) {
		final float[] max = partial.buffer(MAX).floats();
		final long[] count = partial.buffer(COUNT).longs();
		final int per = tile.sigRows() * tile.sigWidth();
		final int offset = tile.sigRowStart() * tile.sigWidth();
		// every pixel of a tile's rows has seen the same frames: tiles cover whole rows, in frame order
		final long seen = count[offset];
		int first = 0;
		if (seen == 0) {
			// the partial buffer starts at 0, which is no maximum of negative data: the first frame sets it
			System.arraycopy(data, 0, max, offset, per);
			first = 1;
		}
		for (int b = 0; b < per; b += BLOCK) {
			final int end = Math.min(per, b + BLOCK);
			for (int f = first; f < tile.frameCount(); f++) {
				final int base = f * per - offset;
				for (int k = offset + b; k < offset + end; k++)
					max[k] = Math.max(max[k], data[base + k]);
			}
		}
		final long now = seen + tile.frameCount();
		for (int i = 0; i < per; i++)
			count[offset + i] = now;
	}

	@Override
	public void merge(final Results dest, final Results src) {
		final float[] maxA = dest.buffer(MAX).floats();
		final long[] countA = dest.buffer(COUNT).longs();
		final float[] maxB = src.buffer(MAX).floats();
		final long[] countB = src.buffer(COUNT).longs();
		for (int k = 0; k < maxA.length; k++) {
			if (countB[k] == 0)
				continue;
			maxA[k] = countA[k] == 0 ? maxB[k] : Math.max(maxA[k], maxB[k]);
			countA[k] += countB[k];
		}
	}
}
