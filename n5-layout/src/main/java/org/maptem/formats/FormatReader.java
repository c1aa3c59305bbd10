package org.maptem.formats;

import java.nio.file.Path;

import org.maptem.dataset.Dataset;
import org.maptem.dataset.OpenOptions;

/**
 * A detector file format: recognises its files and opens them in place as a {@link Dataset}.
 *
 * <p>Implementations are found through {@link java.util.ServiceLoader} ({@code META-INF/services/
 * org.maptem.formats.FormatReader}); {@link Formats} asks each to {@link #probe} a file and opens it with the most
 * confident. A reader validates every header field before any bulk read and reports problems as
 * {@link org.maptem.dataset.LayoutException} naming the file and the field or offset.
 */
public interface FormatReader {

	/** Short lowercase name used in sidecars and on the command line, e.g. {@code "npy"}. */
	String name();

	/**
	 * How sure this reader is that it reads {@code file}: 0 = not at all, 50 = by extension, 100 = by magic bytes.
	 *
	 * @param file the path (a file or a directory)
	 * @param head the file's first bytes (up to 4096; empty for directories)
	 */
	int probe(Path file, byte[] head);

	/** Opens {@code file} in place. */
	Dataset open(Path file, OpenOptions options);
}
