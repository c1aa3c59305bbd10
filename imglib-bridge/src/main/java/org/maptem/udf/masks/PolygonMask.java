package org.maptem.udf.masks;

import java.util.Arrays;

/**
 * A polygon: the pixels whose centres it contains under a {@link FillRule}. Made by {@link Masks#polygon}, which
 * documents the rule at edges and vertices.
 *
 * <p>Rasterised row by row: the edges crossing row {@code y} meet it at {@code xi = x1 + (y - y1)·(x2 - x1)/(y2 - y1)}
 * (for edges with {@code y1 <= y < y2} or {@code y2 <= y < y1}); pixel {@code x} is to the left of a crossing when
 * {@code x < xi}, i.e. {@code x < ceil(xi)}. Sorting a row's crossings turns the rule into column runs. Cost: one
 * pass over the edges per row.
 *
 * @param xs vertex columns, at least 3, finite (closed implicitly from the last vertex back to the first)
 * @param ys vertex rows, as many as {@code xs}
 */
record PolygonMask(double[] xs, double[] ys, FillRule rule) implements Mask {

	@Override
	public MaskRaster rasterize(final int height, final int width) {
		final SegmentCollector c = new SegmentCollector(height, width);
		final int n = xs.length;
		double minY = Double.POSITIVE_INFINITY;
		double maxY = Double.NEGATIVE_INFINITY;
		for (final double y : ys) {
			minY = Math.min(minY, y);
			maxY = Math.max(maxY, y);
		}
		final long first = Math.max(0, (long) Math.floor(minY));
		final long end = Math.min(height, (long) Math.ceil(maxY) + 1);
		final double[] cross = new double[n];
		final int[] dir = new int[n];
		final Integer[] order = new Integer[n];
		for (int y = 0; y < height; y++) {
			if (y >= first && y < end) {
				int k = 0;
				for (int i = 0; i < n; i++) {
					final int j = i + 1 == n ? 0 : i + 1;
					final double y1 = ys[i];
					final double y2 = ys[j];
					if ((y1 > y) != (y2 > y)) {
						cross[k] = xs[i] + (y - y1) * (xs[j] - xs[i]) / (y2 - y1);
						dir[k] = y2 > y1 ? 1 : -1;
						order[k] = k;
						k++;
					}
				}
				addRuns(c, cross, dir, order, k);
			}
			c.endRow();
		}
		return c.build(this);
	}

	/**
	 * Adds the column runs of one row from its {@code k} crossings. Between consecutive sorted crossings
	 * {@code s_j <= s_{j+1}} lie the columns {@code ceil(s_j) .. ceil(s_{j+1}) - 1}; they are inside when the crossings
	 * left of them ({@code s_0 .. s_j}) have an odd count (even-odd) or a non-zero direction sum (non-zero), since every
	 * closed polygon crosses a row as often upwards as downwards.
	 */
	private void addRuns(final SegmentCollector c, final double[] cross, final int[] dir, final Integer[] order,
			final int k) {
		Arrays.sort(order, 0, k, (a, b) -> Double.compare(cross[a], cross[b]));
		int winding = 0;
		for (int j = 0; j + 1 < k; j++) {
			winding += dir[order[j]];
			final boolean inside = rule == FillRule.EVEN_ODD ? (j & 1) == 0 : winding != 0;
			if (!inside)
				continue;
			final double from = Math.ceil(cross[order[j]]);
			final double to = Math.ceil(cross[order[j + 1]]) - 1;
			if (from <= to)
				c.add(clamp(from), clamp(to));
		}
	}

	/** A column as a long, kept within a range that cannot overflow when clipped. */
	private static long clamp(final double column) {
		return (long) Math.max(-1, Math.min(Integer.MAX_VALUE, column));
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof PolygonMask p && Arrays.equals(p.xs, xs) && Arrays.equals(p.ys, ys) && p.rule == rule;
	}

	@Override
	public int hashCode() {
		return 31 * (31 * Arrays.hashCode(xs) + Arrays.hashCode(ys)) + rule.hashCode();
	}

	@Override
	public String toString() {
		final StringBuilder b = new StringBuilder("polygon(");
		for (int i = 0; i < xs.length; i++)
			b.append(i == 0 ? "" : ";").append(xs[i]).append(':').append(ys[i]);
		return b.append(", ").append(rule == FillRule.EVEN_ODD ? "evenodd" : "nonzero").append(')').toString();
	}
}
