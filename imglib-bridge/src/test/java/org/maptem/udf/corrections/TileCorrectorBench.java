package org.maptem.udf.corrections;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;

import org.maptem.dataset.DType;
import org.maptem.dataset.Tile;
import org.maptem.frames.BufferFrameSource;
import org.maptem.frames.FrameLayout;
import org.maptem.frames.FrameSource;

/**
 * Measures what corrections add to reading a tile: 1 MiB tiles of sixteen 128 × 128 float32 frames from memory,
 * plain, with dark and gain, with 100 excluded pixels too, and as 16-row bands (with halo rows). Prints the best of
 * 400 rounds in ns per pixel. Not a test; run its {@code main} with the test classpath.
 */
public final class TileCorrectorBench {

	private TileCorrectorBench() {
	}

	public static void main(final String[] args) {
		final int h = 128;
		final int w = 128;
		final int frames = 16;
		final ByteBuffer b = ByteBuffer.allocateDirect(frames * h * w * 4).order(ByteOrder.LITTLE_ENDIAN);
		final Random r = new Random(1);
		while (b.hasRemaining())
			b.putFloat(r.nextInt(100));
		final FrameSource src = new BufferFrameSource(b, 0, FrameLayout.packed(0, frames, DType.FLOAT32, true, h, w), 0);
		final float[] dark = new float[h * w];
		final float[] gain = new float[h * w];
		for (int i = 0; i < dark.length; i++) {
			dark[i] = r.nextFloat();
			gain[i] = 0.9f + 0.2f * r.nextFloat();
		}
		final int[] ys = new int[100];
		final int[] xs = new int[100];
		for (int i = 0; i < 100; i++) {
			ys[i] = r.nextInt(h);
			xs[i] = r.nextInt(w);
		}
		final Corrections dg = Corrections.none().withDark(h, w, dark).withGain(h, w, gain);
		final TileCorrector[] cs = { Corrections.none().corrector(h, w), dg.corrector(h, w),
				dg.withExcludedPixels(h, w, ys, xs).corrector(h, w), Corrections.none().corrector(h, w),
				dg.withExcludedPixels(h, w, ys, xs).corrector(h, w) };
		final String[] names = { "plain read", "dark + gain", "dark + gain + 100 excluded", "plain read, 16-row bands",
				"dark + gain + 100 excluded, 16-row bands" };
		final float[] buf = new float[frames * h * w + 2 * w];
		final double[] best = new double[cs.length];
		Arrays.fill(best, Double.MAX_VALUE);
		for (int rep = 0; rep < 400; rep++)
			for (int k = 0; k < cs.length; k++) {
				final long t0 = System.nanoTime();
				for (int it = 0; it < 20; it++)
					if (k < 3)
						cs[k].read(src, new Tile(0, frames, 0, h, w), buf);
					else
						for (int f = 0; f < frames; f++)
							for (int row = 0; row < h; row += 16)
								cs[k].read(src, new Tile(f, 1, row, 16, w), buf);
				best[k] = Math.min(best[k], (System.nanoTime() - t0) / 20.0);
			}
		final double px = (double) frames * h * w;
		for (int k = 0; k < cs.length; k++)
			System.out.printf("%-42s %.3f ns/pixel%n", names[k], best[k] / px);
	}
}
