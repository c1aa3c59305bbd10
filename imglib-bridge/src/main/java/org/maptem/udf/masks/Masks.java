package org.maptem.udf.masks;

import java.util.Arrays;

import org.maptem.udf.UdfException;

/**
 * Makes detector masks: disks, rings, points, rectangles and arbitrary weights.
 *
 * <p>Geometry conventions, in detector pixels: pixel centres sit at integer coordinates, {@code x} the column (0 at
 * the left) and {@code y} the row (0 at the top). A pixel is in a disk of centre {@code (cx, cy)} and radius
 * {@code r} when {@code (x-cx)² + (y-cy)² <= r²}, in a ring when {@code ri² < (x-cx)² + (y-cy)² <= ro²} (so a ring
 * with {@code ri = 0} leaves out a pixel exactly at the centre). Masks may reach past the detector edge and are
 * clipped; a mask that covers no pixel at all is an error when it is rasterised. Binary masks weigh every covered
 * pixel 1.
 *
 * <p>The masks are small serializable values; their pixels are computed by {@link Mask#rasterize} where they are
 * used.
 */
public final class Masks {

	private Masks() {
	}

	/**
	 * A disk of centre {@code (cx, cy)} and radius {@code r} pixels.
	 *
	 * @throws UdfException when a value is not finite or {@code r < 0}
	 */
	public static Mask disk(final double cx, final double cy, final double r) {
		finite("disk", "cx", cx);
		finite("disk", "cy", cy);
		finite("disk", "r", r);
		if (r < 0)
			throw UdfException.badParameter("disk", "r", "a radius >= 0", r);
		return new Disk(cx, cy, r);
	}

	/**
	 * A ring of centre {@code (cx, cy)}, inner radius {@code ri} (excluded) and outer radius {@code ro} (included).
	 *
	 * @throws UdfException when a value is not finite, {@code ri < 0} or {@code ri >= ro}
	 */
	public static Mask ring(final double cx, final double cy, final double ri, final double ro) {
		finite("ring", "cx", cx);
		finite("ring", "cy", cy);
		finite("ring", "ri", ri);
		finite("ring", "ro", ro);
		if (ri < 0)
			throw UdfException.badParameter("ring", "ri", "an inner radius >= 0", ri);
		if (ri >= ro)
			throw UdfException.badParameter("ring", "ro", "an outer radius larger than the inner radius " + ri, ro);
		return new Ring(cx, cy, ri, ro);
	}

	/** The single pixel at column {@code x}, row {@code y}. */
	public static Mask point(final int x, final int y) {
		return new Rect(x, y, 1, 1, "point(x=" + x + ", y=" + y + ")");
	}

	/**
	 * The rectangle of columns {@code x} to {@code x + w - 1} and rows {@code y} to {@code y + h - 1}.
	 *
	 * @throws UdfException when {@code w} or {@code h} is less than 1
	 */
	public static Mask rect(final int x, final int y, final int w, final int h) {
		if (w < 1)
			throw UdfException.badParameter("rect", "w", "a width >= 1", w);
		if (h < 1)
			throw UdfException.badParameter("rect", "h", "a height >= 1", h);
		return new Rect(x, y, w, h, "rect(x=" + x + ", y=" + y + ", w=" + w + ", h=" + h + ")");
	}

	/**
	 * Arbitrary weights for a {@code height × width} detector, row-major (copied).
	 *
	 * @throws UdfException when the array length is not {@code height × width} or a weight is not finite
	 */
	public static Mask weights(final int height, final int width, final float[] weights) {
		if (height < 1 || width < 1 || (long) height * width != weights.length)
			throw UdfException.badParameter("weights", "weights", height + " × " + width + " values", weights.length);
		for (int i = 0; i < weights.length; i++)
			if (!Float.isFinite(weights[i]))
				throw UdfException.badParameter("weights", "weights[" + i + "]", "a finite weight", weights[i]);
		return new Weights(height, width, weights.clone());
	}

	private static void finite(final String mask, final String parameter, final double v) {
		if (!Double.isFinite(v))
			throw UdfException.badParameter(mask, parameter, "a finite number", v);
	}

	private static UdfException coversNothing(final Mask mask, final int height, final int width) {
		return new UdfException(mask + ": expected a mask covering at least one pixel of the " + height + " × " + width
				+ " detector (x 0 to " + (width - 1) + ", y 0 to " + (height - 1) + "), found none covered");
	}

	/**
	 * Collects segments row by row and builds the raster; every segment is clipped to the detector, empty ones
	 * dropped.
	 */
	private static final class SegmentCollector {
		final int height;
		final int width;
		final int[] rows;
		int[] x0 = new int[16];
		int[] x1 = new int[16];
		int n;

		SegmentCollector(final int height, final int width) {
			this.height = height;
			this.width = width;
			this.rows = new int[height + 1];
		}

		/** Adds columns {@code first} to {@code last} (inclusive) of the current row. */
		void add(final long first, final long last) {
			final long a = Math.max(0, first);
			final long b = Math.min(width - 1L, last);
			if (a > b)
				return;
			if (n == x0.length) {
				x0 = Arrays.copyOf(x0, 2 * n);
				x1 = Arrays.copyOf(x1, 2 * n);
			}
			x0[n] = (int) a;
			x1[n] = (int) b + 1;
			n++;
		}

		/** Ends row {@code row}; rows must be ended in order. */
		void endRow(final int row) {
			rows[row + 1] = n;
		}

		MaskRaster build(final Mask mask) {
			if (n == 0)
				throw coversNothing(mask, height, width);
			return MaskRaster.binary(height, width, rows, Arrays.copyOf(x0, n), Arrays.copyOf(x1, n));
		}
	}

	/**
	 * Columns {@code [lo, hi]} of row {@code y} with {@code (x-cx)² + (y-cy)² <= r2}, or {@code lo > hi} when none;
	 * the square root only brackets the run, the final ends are decided by the exact predicate.
	 */
	private static long[] run(final double cx, final double cy, final double r2, final long y) {
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

	private static boolean inside(final double cx, final double cy, final double r2, final long x, final long y) {
		final double dx = x - cx;
		final double dy = y - cy;
		return dx * dx + dy * dy <= r2;
	}

	/** Rows that may hold pixels within {@code r} of {@code cy}, clipped to the detector. */
	private static long firstRow(final double cy, final double r) {
		return Math.max(0, (long) Math.floor(cy - r) - 1);
	}

	private static long endRow(final double cy, final double r, final int height) {
		return Math.min(height, (long) Math.ceil(cy + r) + 2);
	}

	private record Disk(double cx, double cy, double r) implements Mask {
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
				c.endRow(y);
			}
			return c.build(this);
		}

		@Override
		public String toString() {
			return "disk(cx=" + cx + ", cy=" + cy + ", r=" + r + ")";
		}
	}

	private record Ring(double cx, double cy, double ri, double ro) implements Mask {
		@Override
		public MaskRaster rasterize(final int height, final int width) {
			final SegmentCollector c = new SegmentCollector(height, width);
			final long first = firstRow(cy, ro);
			final long end = endRow(cy, ro, height);
			final double ro2 = ro * ro;
			final double ri2 = ri * ri;
			for (int y = 0; y < height; y++) {
				if (y >= first && y < end) {
					final long[] outer = run(cx, cy, ro2, y);
					final long[] inner = run(cx, cy, ri2, y);
					if (outer[0] <= outer[1]) {
						if (inner[0] > inner[1]) {
							c.add(outer[0], outer[1]);
						} else {
							c.add(outer[0], inner[0] - 1);
							c.add(inner[1] + 1, outer[1]);
						}
					}
				}
				c.endRow(y);
			}
			return c.build(this);
		}

		@Override
		public String toString() {
			return "ring(cx=" + cx + ", cy=" + cy + ", ri=" + ri + ", ro=" + ro + ")";
		}
	}

	private record Rect(int x, int y, int w, int h, String description) implements Mask {
		@Override
		public MaskRaster rasterize(final int height, final int width) {
			final SegmentCollector c = new SegmentCollector(height, width);
			for (int row = 0; row < height; row++) {
				if (row >= y && row < (long) y + h)
					c.add(x, (long) x + w - 1);
				c.endRow(row);
			}
			return c.build(this);
		}

		@Override
		public String toString() {
			return description;
		}
	}

	private record Weights(int height, int width, float[] values) implements Mask {
		@Override
		public MaskRaster rasterize(final int h, final int w) {
			if (h != height || w != width)
				throw UdfException.badParameter(toString(), "shape", "the detector's " + h + " × " + w,
						height + " × " + width);
			return MaskRaster.weighted(height, width, values.clone());
		}

		@Override
		public boolean equals(final Object o) {
			return o instanceof Weights m && m.height == height && m.width == width && Arrays.equals(m.values, values);
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
}
