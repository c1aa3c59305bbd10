package org.maptem.results;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Saves results as comma-separated text with a header line, one row per position, for spreadsheets and pandas.
 *
 * <p>Columns: one integer index per image axis in NumPy order (slowest first, named after the axis: {@code y, x}
 * for a 2D scan, {@code ky, kx} for the detector, {@code index} for SINGLE results), then the values: one column
 * named after the buffer, or, for results with extra axes, one column per extra index
 * ({@code intensity[0], intensity[1], ...}; {@code [i,j]} for several extra axes). Numbers are written so they
 * read back exactly ({@link Double#toString}, integers without a fraction); NaN (outside the ROI) as {@code NaN}.
 */
final class CsvResults {

	private CsvResults() {
	}

	/** Writes {@code r} to {@code file} (which need not end in .csv). */
	static void write(final ResultImage r, final Path file) throws IOException {
		final long[] d = r.dimensions();
		final List<Axis> axes = r.axes();
		final int extra = r.extraAxes();
		int perRow = 1;
		for (int i = 0; i < extra; i++)
			perRow *= (int) d[i];
		final int imageAxes = d.length - extra;
		final boolean integers = r.dtype().equals("int64");
		final double[] v = r.values();
		try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			final StringBuilder h = new StringBuilder();
			for (int a = d.length - 1; a >= extra; a--)
				h.append(h.length() == 0 ? "" : ",").append(axes.get(a).name());
			if (extra == 0) {
				h.append(',').append(r.name());
			} else {
				final int[] idx = new int[extra];
				for (int k = 0; k < perRow; k++) {
					h.append(',').append(r.name()).append('[');
					// NumPy order of the extra axes: ImgLib2 dimension extra-1 is the slowest
					for (int a = extra - 1; a >= 0; a--)
						h.append(a == extra - 1 ? "" : ",").append(idx[a]);
					h.append(']');
					for (int a = 0; a < extra && ++idx[a] == d[a]; a++)
						idx[a] = 0;
				}
			}
			w.write(h.toString());
			w.write('\n');
			final long[] pos = new long[imageAxes];
			final int rows = v.length / perRow;
			final StringBuilder s = new StringBuilder();
			for (int row = 0; row < rows; row++) {
				s.setLength(0);
				for (int a = imageAxes - 1; a >= 0; a--)
					s.append(a == imageAxes - 1 ? "" : ",").append(pos[a]);
				for (int k = 0; k < perRow; k++) {
					final double x = v[row * perRow + k];
					s.append(',');
					if (integers && Double.isFinite(x))
						s.append((long) x);
					else
						s.append(x);
				}
				w.write(s.toString());
				w.write('\n');
				for (int a = 0; a < imageAxes && ++pos[a] == d[extra + a]; a++)
					pos[a] = 0;
			}
		}
	}
}
