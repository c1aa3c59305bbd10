package org.maptem.udf.masks;

/**
 * Which pixel centres a self-intersecting or multiply wound polygon covers (as in SVG's {@code fill-rule}).
 *
 * <p>Both count the polygon's edges crossing the horizontal ray from a pixel centre towards {@code +x}; they agree
 * on simple polygons.
 */
public enum FillRule {
	/** Inside when the ray crosses an odd number of edges: overlaps of two parts of the polygon are holes. */
	EVEN_ODD,
	/** Inside when the edges crossing the ray upwards and downwards do not cancel: overlaps stay filled. */
	NONZERO
}
