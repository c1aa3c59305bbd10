package org.maptem.udf.masks;

/**
 * Weights linear in one detector coordinate, as LiberTEM's {@code masks.gradient_x} / {@code gradient_y}: pixel
 * {@code (x, y)} weighs {@code x} (or {@code y}) times its weight in {@code within}, or times 1 on the whole detector
 * when {@code within} is null. Made by {@link Masks#gradientX} and {@link Masks#gradientY}.
 *
 * @param alongY true for weights {@code y}, false for weights {@code x}
 * @param within the mask restricting the gradient, or {@code null} for the whole detector
 */
record GradientMask(boolean alongY, Mask within) implements Mask {

	@Override
	public MaskRaster rasterize(final int height, final int width) {
		final float[] w = within == null ? null : within.rasterize(height, width).toDense();
		final float[] out = new float[height * width];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				final int i = y * width + x;
				out[i] = (alongY ? y : x) * (w == null ? 1f : w[i]);
			}
		final MaskRaster r = MaskRaster.dense(height, width, out);
		if (r.pixelCount() == 0)
			throw Masks.coversNothing(this, height, width);
		return r;
	}

	@Override
	public String toString() {
		return (alongY ? "gradientY" : "gradientX") + "(" + (within == null ? "whole detector" : "within " + within) + ")";
	}
}
