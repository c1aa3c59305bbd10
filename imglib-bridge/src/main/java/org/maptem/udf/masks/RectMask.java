package org.maptem.udf.masks;

/**
 * A rectangle of columns {@code x .. x+w-1} and rows {@code y .. y+h-1}; a point is a 1 × 1 rectangle. Made by
 * {@link Masks#rect} and {@link Masks#point}.
 *
 * @param description how {@link #toString} names it in messages
 */
record RectMask(int x, int y, int w, int h, String description) implements Mask {

	@Override
	public MaskRaster rasterize(final int height, final int width) {
		final SegmentCollector c = new SegmentCollector(height, width);
		for (int row = 0; row < height; row++) {
			if (row >= y && row < (long) y + h)
				c.add(x, (long) x + w - 1);
			c.endRow();
		}
		return c.build(this);
	}

	@Override
	public String toString() {
		return description;
	}
}
