package org.maptem.udf.masks;

import java.util.Arrays;

import org.maptem.udf.UdfException;

/**
 * Arbitrary weights for every pixel of a detector of one shape, row-major. Made by {@link Masks#weights}.
 */
record WeightsMask(int height, int width, float[] values) implements Mask {

	@Override
	public MaskRaster rasterize(final int h, final int w) {
		if (h != height || w != width)
			throw UdfException.badParameter(toString(), "shape", "the detector's " + h + " × " + w,
					height + " × " + width);
		final MaskRaster r = MaskRaster.dense(height, width, values.clone());
		if (r.pixelCount() == 0)
			throw Masks.coversNothing(this, height, width);
		return r;
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof WeightsMask m && m.height == height && m.width == width && Arrays.equals(m.values, values);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * height + width) + Arrays.hashCode(values);
	}

	@Override
	public String toString() {
		return "weights(" + height + " × " + width + ")";
	}
}
