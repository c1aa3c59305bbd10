package org.maptem.udf.corrections;

import org.maptem.udf.ArrayDataset;

/**
 * The corrections' definition evaluated pixel by pixel on whole frames, independently of {@link TileCorrector}:
 * {@code (raw - dark) * gain} in float32, then every excluded pixel set to the float32 mean of its corrected valid
 * neighbours (inside the frame, not excluded), summed in row-major order, found by scanning the 3 × 3 neighbourhood.
 */
final class NaiveCorrection {

	private final int h;
	private final int w;
	private final float[] dark;
	private final float[] gain;
	private final boolean[] excluded;
	private final int neighbours;

	/** {@code dark}, {@code gain}: null for none; {@code excluded}: row-major mask. */
	NaiveCorrection(final int h, final int w, final float[] dark, final float[] gain, final boolean[] excluded,
			final int neighbours) {
		this.h = h;
		this.w = w;
		this.dark = dark;
		this.gain = gain;
		this.excluded = excluded;
		this.neighbours = neighbours;
	}

	/** The corrected frame {@code frame} of {@code data}, row-major. */
	float[] frame(final ArrayDataset data, final long frame) {
		final float[] v = new float[h * w];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				float p = data.value(frame, y, x);
				if (dark != null)
					p = p - dark[y * w + x];
				if (gain != null)
					p = p * gain[y * w + x];
				v[y * w + x] = p;
			}
		final float[] out = v.clone();
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				if (!excluded[y * w + x])
					continue;
				float s = 0;
				int n = 0;
				for (int dy = -1; dy <= 1; dy++)
					for (int dx = -1; dx <= 1; dx++) {
						final int ny = y + dy;
						final int nx = x + dx;
						final boolean diagonal = dy != 0 && dx != 0;
						if ((dy == 0 && dx == 0) || (neighbours == 4 && diagonal) || ny < 0 || ny >= h || nx < 0 || nx >= w
								|| excluded[ny * w + nx])
							continue;
						s += v[ny * w + nx];
						n++;
					}
				if (n > 0)
					out[y * w + x] = s / n;
			}
		return out;
	}
}
