package org.maptem.results;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.maptem.dataset.LayoutException;

/**
 * The file formats results are saved in, chosen by the target's extension.
 *
 * <ul>
 * <li>{@link #TIFF} {@code .tif .tiff}: 32-bit float, calibrated (ImageJ 1 TIFF), extra axes as slices.</li>
 * <li>{@link #PNG} {@code .png}: 8-bit grey, contrast stretched from min to max, for a quick look.</li>
 * <li>{@link #NPY} {@code .npy}: NumPy array of the result's NumPy shape and element type.</li>
 * <li>{@link #N5} {@code .n5}: an N5 dataset with the calibration and the job as attributes.</li>
 * <li>{@link #CSV} {@code .csv}: one row per position (or value), one column per extra index.</li>
 * </ul>
 */
public enum ResultFormat {
	TIFF(".tif", ".tiff"), PNG(".png"), NPY(".npy"), N5(".n5"), CSV(".csv");

	private final List<String> extensions;

	ResultFormat(final String... extensions) {
		this.extensions = List.of(extensions);
	}

	/** File name endings of this format, lowercase with the dot. */
	public List<String> extensions() {
		return extensions;
	}

	/**
	 * The format of {@code target}: by its extension, or {@link #N5} when one of its directories is an
	 * {@code .n5} container ({@code out.n5/some/dataset}).
	 *
	 * @throws LayoutException naming the target and the known extensions when none fits
	 */
	public static ResultFormat of(final Path target) {
		final String name = target.getFileName() == null ? "" : target.getFileName().toString().toLowerCase(Locale.ROOT);
		for (final ResultFormat f : values())
			for (final String e : f.extensions)
				if (name.endsWith(e) && name.length() > e.length())
					return f;
		if (N5Results.containerOf(target) != null)
			return N5;
		final int dot = name.lastIndexOf('.');
		throw LayoutException.badField(target, "file extension", "one of .tif, .tiff, .png, .npy, .n5, .csv",
				dot < 0 ? "none" : "'" + name.substring(dot) + "'");
	}
}
