package org.maptem.results;

import java.nio.file.Path;

import org.maptem.formats.npy.NpyWriter;

/**
 * Saves results as NumPy {@code .npy} arrays of the result's NumPy shape (slowest axis first, extra axes last):
 * float32 results as {@code <f4}, everything else as {@code <f8} (int64 counts are exact below 2^53).
 */
final class NpyResults {

	private NpyResults() {
	}

	/** Writes {@code r} to {@code file} (which need not end in .npy). */
	static void write(final ResultImage r, final Path file) {
		final double[] v = r.values();
		if (r.dtype().equals("float32")) {
			final float[] f = new float[v.length];
			for (int i = 0; i < v.length; i++)
				f[i] = (float) v[i];
			NpyWriter.write(file, r.shape(), f);
		} else {
			NpyWriter.write(file, r.shape(), v);
		}
	}
}
