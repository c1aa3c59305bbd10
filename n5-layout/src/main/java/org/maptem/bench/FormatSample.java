package org.maptem.bench;

import java.io.IOException;
import java.nio.file.Path;

import org.maptem.synth.SyntheticParams;
import org.maptem.synth.SyntheticStem;

/**
 * A file of one detector format written from synthetic data, for the per-format benchmark ({@code maptem bench
 * formats}: open the file with {@link org.maptem.formats.Formats#open} and apply one mask). One implementation per
 * format variant (e.g. MIB raw 12-bit), found through {@link java.util.ServiceLoader}; each writes the format's
 * documented layout itself, as a detector would, so the benchmark reads exactly what a user's file holds.
 */
public interface FormatSample {

	/**
	 * Unique short label, also used in cache file names: lower case, words separated by single spaces, e.g.
	 * {@code "mib raw 12-bit"}.
	 */
	String name();

	/** How values are stored, as the benchmark prints it, e.g. {@code "uint16"}, {@code "uint12 packed"}, {@code "1-bit"}. */
	String storage();

	/**
	 * The synthetic data this sample holds for {@code frames} frames of {@code height × width} pixels: the base
	 * parameters with what the format needs (its dtype, counts small enough for its bit depth, a frame shape the
	 * format allows); the benchmark asks this sample's frame count and shape of the opened dataset back.
	 */
	SyntheticParams params(long frames, int height, int width);

	/**
	 * Noisy synthetic counts of {@code dtype} in {@code frames} frames of {@code height × width}: the
	 * {@link #params} of a format that stores any frame shape and these counts as they are.
	 */
	static SyntheticParams noisyCounts(final long frames, final int height, final int width,
			final org.maptem.dataset.DType dtype) {
		return SyntheticParams.builder().navShape(frames).sigShape(height, width).dtype(dtype).noise(true).build();
	}

	/**
	 * Writes the frames of {@code stem} (made from {@link #params}) in this format into {@code dir}, which exists and is
	 * empty, and returns what {@link org.maptem.formats.Formats#open} takes (a file or a directory inside {@code dir}).
	 * Streams: never holds more than a few frames in memory, whatever the size.
	 */
	Path write(Path dir, SyntheticStem stem) throws IOException;
}
