package org.maptem.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import org.maptem.dataset.Dataset;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;

/**
 * Opens any supported file or container: asks every {@link FormatReader} on the class path (ServiceLoader) how sure
 * it is, and opens with the most confident.
 */
public final class Formats {

	private Formats() {
	}

	/** Every format reader found, in ServiceLoader order. */
	public static List<FormatReader> readers() {
		final List<FormatReader> out = new ArrayList<>();
		ServiceLoader.load(FormatReader.class, Formats.class.getClassLoader()).forEach(out::add);
		return out;
	}

	/** The reader with this name. */
	public static FormatReader reader(final String name) {
		for (final FormatReader r : readers())
			if (r.name().equalsIgnoreCase(name))
				return r;
		throw new LayoutException("unknown format '" + name + "': known formats are "
				+ readers().stream().map(FormatReader::name).toList());
	}

	/**
	 * The reader that recognises {@code path} best.
	 *
	 * @throws LayoutException if the path does not exist or no reader recognises it
	 */
	public static FormatReader detect(final Path path) {
		if (!Files.exists(path)) {
			// a path may name an object inside a file (FILE.h5::/entry/data): only a reader sure of it may take it
			for (final FormatReader r : readers())
				try {
					if (r.probe(path, new byte[0]) >= 100)
						return r;
				} catch (final RuntimeException e) {
					// a reader that cannot look at a path that does not exist does not claim it
				}
			throw new LayoutException(path + ": no such file or directory");
		}
		final byte[] head = head(path);
		FormatReader best = null;
		int bestScore = 0;
		for (final FormatReader r : readers()) {
			final int s = r.probe(path, head);
			if (s > bestScore) {
				best = r;
				bestScore = s;
			}
		}
		if (best == null)
			throw new LayoutException(path + ": not a recognised format (tried " + readers().stream().map(FormatReader::name).toList()
					+ "); for raw binary files give the layout explicitly");
		return best;
	}

	/** Opens {@code path} in place with the reader that recognises it. */
	public static Dataset open(final Path path, final OpenOptions options) {
		return detect(path).open(path, options);
	}

	private static byte[] head(final Path path) {
		if (Files.isDirectory(path))
			return new byte[0];
		try (InputStream in = Files.newInputStream(path)) {
			return in.readNBytes(4096);
		} catch (final IOException e) {
			throw new LayoutException(path + ": cannot read: " + e.getMessage(), e);
		}
	}
}
