package org.maptem.formats.npy;

import java.nio.file.Path;
import java.util.Locale;

import org.maptem.dataset.OpenOptions;
import org.maptem.formats.FormatReader;

/**
 * NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0), recognised by their magic bytes and opened in place
 * as {@link NpyDataset}.
 */
public final class NpyFormat implements FormatReader {

	/** The format name in sidecars and on the command line. */
	public static final String NAME = "npy";

	@Override
	public String name() {
		return NAME;
	}

	/** 100 for the {@code \x93NUMPY} magic, 50 for a {@code .npy} name without it, else 0. */
	@Override
	public int probe(final Path file, final byte[] head) {
		if (NpyHeader.hasMagic(head))
			return 100;
		final Path name = file.getFileName();
		return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".npy") ? 50 : 0;
	}

	@Override
	public NpyDataset open(final Path file, final OpenOptions options) {
		return NpyDataset.open(file, options);
	}
}
