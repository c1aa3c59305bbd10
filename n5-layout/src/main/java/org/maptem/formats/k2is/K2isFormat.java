package org.maptem.formats.k2is;

import java.nio.file.Path;
import java.util.Locale;

import org.maptem.dataset.OpenOptions;
import org.maptem.formats.FormatReader;
import org.maptem.formats.dm.DmFile;

/** Gatan K2 IS data sets ({@code .gtg} + 8 {@code .bin} sector files), opened in place as {@link K2isDataset}. */
public final class K2isFormat implements FormatReader {

	/** The format name in sidecars and on the command line. */
	public static final String NAME = "k2is";

	@Override
	public String name() {
		return NAME;
	}

	/**
	 * 100 for a file starting with a block sync word (0xFFFF0055) or a {@code .gtg} with a DM tag-file header, 50
	 * for a {@code .gtg} name without it, else 0 (a {@code .bin} name alone says nothing).
	 */
	@Override
	public int probe(final Path file, final byte[] head) {
		if (head.length >= 4 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFF && head[2] == 0x00 && head[3] == 0x55)
			return 100;
		final Path name = file.getFileName();
		if (name == null || !name.toString().toLowerCase(Locale.ROOT).endsWith(".gtg"))
			return 0;
		return DmFile.hasSignature(head) ? 100 : 50;
	}

	@Override
	public K2isDataset open(final Path file, final OpenOptions options) {
		return K2isDataset.open(file, options);
	}
}
