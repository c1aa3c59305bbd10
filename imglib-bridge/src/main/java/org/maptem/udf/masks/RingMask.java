package org.maptem.udf.masks;

/**
 * A ring: the pixels with {@code ri² < (x-cx)² + (y-cy)² <= ro²}. Made by {@link Masks#ring}.
 */
record RingMask(double cx, double cy, double ri, double ro) implements Mask {

	@Override
	public MaskRaster rasterize(final int height, final int width) {
		final SegmentCollector c = new SegmentCollector(height, width);
		final long first = DiskMask.firstRow(cy, ro);
		final long end = DiskMask.endRow(cy, ro, height);
		final double ro2 = ro * ro;
		final double ri2 = ri * ri;
		for (int y = 0; y < height; y++) {
			if (y >= first && y < end) {
				final long[] outer = DiskMask.run(cx, cy, ro2, y);
				final long[] inner = DiskMask.run(cx, cy, ri2, y);
				if (outer[0] <= outer[1]) {
					if (inner[0] > inner[1]) {
						c.add(outer[0], outer[1]);
					} else {
						c.add(outer[0], inner[0] - 1);
						c.add(inner[1] + 1, outer[1]);
					}
				}
			}
			c.endRow();
		}
		return c.build(this);
	}

	@Override
	public String toString() {
		return "ring(cx=" + cx + ", cy=" + cy + ", ri=" + ri + ", ro=" + ro + ")";
	}
}
