package org.maptem.udf.masks;

import org.maptem.udf.UdfException;

/**
 * Makes detector masks: disks, rings, points, rectangles, polygons, coordinate gradients, sparse pixel lists and
 * arbitrary weight images.
 *
 * <p>Geometry conventions, in detector pixels: pixel centres sit at integer coordinates, {@code x} the column (0 at
 * the left) and {@code y} the row (0 at the top), so the centre of a {@code h × w} detector is
 * {@code ((w-1)/2, (h-1)/2)} (LiberTEM's GUI and {@code CoMUDF} use {@code w/2} and {@code w//2} instead, half a
 * pixel off on even detectors). A pixel belongs to a shape when its centre does:
 * <ul>
 * <li>disk of centre {@code (cx, cy)} and radius {@code r}: {@code (x-cx)² + (y-cy)² <= r²};</li>
 * <li>ring: {@code ri² < (x-cx)² + (y-cy)² <= ro²}, so a ring with {@code ri = 0} leaves out a pixel exactly at the
 * centre, and a disk of radius {@code r} and a ring with {@code ri = r} never share a pixel;</li>
 * <li>polygon: see {@link #polygon}.</li>
 * </ul>
 * Masks may reach past the detector edge and are clipped; a mask that covers no pixel of the detector at all is an
 * error naming the mask and the detector size when it is rasterised. Binary masks weigh every covered pixel 1.
 *
 * <p>The masks are small serializable values (only weight images and pixel lists hold arrays); their pixels are
 * computed by {@link Mask#rasterize} where they are used.
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
		return new DiskMask(cx, cy, r);
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
		return new RingMask(cx, cy, ri, ro);
	}

	/** The single pixel at column {@code x}, row {@code y}. */
	public static Mask point(final int x, final int y) {
		return new RectMask(x, y, 1, 1, "point(x=" + x + ", y=" + y + ")");
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
		return new RectMask(x, y, w, h, "rect(x=" + x + ", y=" + y + ", w=" + w + ", h=" + h + ")");
	}

	/**
	 * The polygon with vertices {@code (xs[i], ys[i])} (closed from the last vertex back to the first), covering the
	 * pixels whose centres it contains under {@code rule}.
	 *
	 * <p>A pixel centre {@code (x, y)} is tested with the horizontal ray from it towards {@code +x}: an edge from
	 * {@code (x1, y1)} to {@code (x2, y2)} crosses the ray when {@code (y1 > y) != (y2 > y)} and
	 * {@code x < x1 + (y - y1)·(x2 - x1)/(y2 - y1)}, counting {@code +1} when the edge goes down ({@code y2 > y1}),
	 * {@code -1} when it goes up. {@link FillRule#EVEN_ODD}: inside when the number of crossings is odd;
	 * {@link FillRule#NONZERO}: inside when their sum is not 0. This half-open rule puts a pixel centre lying exactly
	 * on a left or top edge inside and one on a right or bottom edge outside, so polygons sharing an edge never share
	 * a pixel; horizontal edges cross nothing.
	 *
	 * @throws UdfException when there are fewer than 3 vertices, the arrays differ in length or a coordinate is not
	 *                      finite
	 */
	public static Mask polygon(final double[] xs, final double[] ys, final FillRule rule) {
		if (xs == null || ys == null || xs.length != ys.length)
			throw UdfException.badParameter("polygon", "points", "as many x as y coordinates",
					(xs == null ? "no" : xs.length) + " x and " + (ys == null ? "no" : ys.length) + " y");
		if (xs.length < 3)
			throw UdfException.badParameter("polygon", "points", "at least 3 vertices", xs.length);
		for (int i = 0; i < xs.length; i++) {
			finite("polygon", "points[" + i + "].x", xs[i]);
			finite("polygon", "points[" + i + "].y", ys[i]);
		}
		if (rule == null)
			throw UdfException.badParameter("polygon", "rule", "EVEN_ODD or NONZERO", "null");
		return new PolygonMask(xs.clone(), ys.clone(), rule);
	}

	/**
	 * The polygon with vertices {@code (xs[i], ys[i])} under the even-odd rule; see
	 * {@link #polygon(double[], double[], FillRule)}.
	 */
	public static Mask polygon(final double[] xs, final double[] ys) {
		return polygon(xs, ys, FillRule.EVEN_ODD);
	}

	/**
	 * Weights {@code x} (the column) on the whole detector, as LiberTEM's {@code masks.gradient_x}: applied to a
	 * frame it gives {@code Σ I·x}, the x moment of a centre of mass.
	 */
	public static Mask gradientX() {
		return new GradientMask(false, null);
	}

	/** Weights {@code y} (the row) on the whole detector, as LiberTEM's {@code masks.gradient_y}. */
	public static Mask gradientY() {
		return new GradientMask(true, null);
	}

	/**
	 * Weights {@code x} times the weights of {@code within} (e.g. a disk, as LiberTEM's centre-of-mass masks
	 * {@code gradient_x * disk}).
	 *
	 * @throws UdfException when {@code within} is null
	 */
	public static Mask gradientX(final Mask within) {
		return new GradientMask(false, required(within, "gradientX"));
	}

	/** Weights {@code y} times the weights of {@code within}; see {@link #gradientX(Mask)}. */
	public static Mask gradientY(final Mask within) {
		return new GradientMask(true, required(within, "gradientY"));
	}

	/**
	 * Arbitrary weights for a {@code height × width} detector, row-major (copied): a custom mask image, e.g. loaded by
	 * the caller from a file. It fits only detectors of that shape.
	 *
	 * @throws UdfException when the array length is not {@code height × width} or a weight is not finite
	 */
	public static Mask weights(final int height, final int width, final float[] weights) {
		if (weights == null || height < 1 || width < 1 || (long) height * width != weights.length)
			throw UdfException.badParameter("weights", "weights", height + " × " + width + " values",
					weights == null ? "none" : weights.length);
		for (int i = 0; i < weights.length; i++)
			if (!Float.isFinite(weights[i]))
				throw UdfException.badParameter("weights", "weights[" + i + "]", "a finite weight", weights[i]);
		return new WeightsMask(height, width, weights.clone());
	}

	/**
	 * A sparse mask: pixel {@code (x[i], y[i])} weighs {@code weight[i]}, every other pixel 0 (copied). A pixel listed
	 * several times weighs the sum of its weights (as SciPy's COO matrices); entries off the detector are clipped
	 * like every mask. {@link ApplyMasksUdf} sums only the listed pixels, so a few hundred entries cost a few hundred
	 * multiply-adds per frame whatever the detector size.
	 *
	 * @throws UdfException when the arrays differ in length or are empty, or a weight is not finite
	 */
	public static Mask sparse(final int[] y, final int[] x, final float[] weight) {
		if (y == null || x == null || weight == null || y.length != x.length || y.length != weight.length)
			throw UdfException.badParameter("sparse", "entries", "as many y, x and weight values",
					(y == null ? 0 : y.length) + " y, " + (x == null ? 0 : x.length) + " x and "
							+ (weight == null ? 0 : weight.length) + " weights");
		if (y.length == 0)
			throw UdfException.badParameter("sparse", "entries", "at least one (y, x, weight) entry", "none");
		for (int i = 0; i < weight.length; i++)
			if (!Float.isFinite(weight[i]))
				throw UdfException.badParameter("sparse", "weight[" + i + "]", "a finite weight", weight[i]);
		return new SparseMask(y.clone(), x.clone(), weight.clone());
	}

	/** The error for a mask covering no pixel of a {@code height × width} detector. */
	static UdfException coversNothing(final Mask mask, final int height, final int width) {
		return new UdfException(mask + ": expected a mask covering at least one pixel of the " + height + " × " + width
				+ " detector (x 0 to " + (width - 1) + ", y 0 to " + (height - 1) + "), found none covered");
	}

	private static void finite(final String mask, final String parameter, final double v) {
		if (!Double.isFinite(v))
			throw UdfException.badParameter(mask, parameter, "a finite number", v);
	}

	private static Mask required(final Mask within, final String mask) {
		if (within == null)
			throw UdfException.badParameter(mask, "within", "a mask", "null");
		return within;
	}
}
