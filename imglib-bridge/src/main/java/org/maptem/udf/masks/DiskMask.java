package org.maptem.udf.masks;

/**
 * A disk: the pixels with {@code (x-cx)² + (y-cy)² <= r²}. Made by {@link Masks#disk}.
 */
record DiskMask(double cx, double cy, double r) implements Mask {

	@Override
	public MaskRaster rasterize(final int height, final int width) {
		final SegmentCollector c = new SegmentCollector(height, width);
		final long first = firstRow(cy, r);
		final long end = endRow(cy, r, height);
		final double r2 = r * r;
		for (int y = 0; y < height; y++) {
			if (y >= first && y < end) {
				final long[] run = run(cx, cy, r2, y);
				if (run[0] <= run[1])
					c.add(run[0], run[1]);
			}
			c.endRow();
		}
		return c.build(this);
	}

	/**
	 * Columns {@code [lo, hi]} of row {@code y} with {@code (x-cx)² + (y-cy)² <= r2}, or {@code lo > hi} when none;
	 * the square root only brackets the run, the final ends are decided by the exact predicate.
	 */
	static long[] run(final double cx, final double cy, final double r2, final long y) {
		final double dy = y - cy;
		final double rest = r2 - dy * dy;
		if (rest < 0)
			return new long[] { 1, 0 };
		final double half = Math.sqrt(rest);
		long lo = (long) Math.ceil(cx - half) - 1;
		long hi = (long) Math.floor(cx + half) + 1;
		while (lo <= hi && !inside(cx, cy, r2, lo, y))
			lo++;
		while (hi >= lo && !inside(cx, cy, r2, hi, y))
			hi--;
		return new long[] { lo, hi };
	}

	/** True when pixel {@code (x, y)} lies within {@code sqrt(r2)} of {@code (cx, cy)}. */
	static boolean inside(final double cx, final double cy, final double r2, final long x, final long y) {
		final double dx = x - cx;
		final double dy = y - cy;
		return dx * dx + dy * dy <= r2;
	}

	/** First row that may hold pixels within {@code r} of {@code cy}, clipped to the detector. */
	static long firstRow(final double cy, final double r) {
		return Math.max(0, (long) Math.floor(cy - r) - 1);
	}

	/** One past the last row that may hold pixels within {@code r} of {@code cy}, clipped to the detector. */
	static long endRow(final double cy, final double r, final int height) {
		return Math.min(height, (long) Math.ceil(cy + r) + 2);
	}

	@Override
	public String toString() {
		return "disk(cx=" + cx + ", cy=" + cy + ", r=" + r + ")";
	}
}
