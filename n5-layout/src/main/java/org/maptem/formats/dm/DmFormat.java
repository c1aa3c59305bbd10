package org.maptem.formats.dm;

import java.nio.file.Path;
import java.util.Locale;

import org.maptem.dataset.OpenOptions;
import org.maptem.formats.FormatReader;

/**
 * Gatan Digital Micrograph DM3/DM4 files holding a 2D image, 3D stack or 4D scan, opened in place as
 * {@link DmDataset}. K2IS {@code .gtg} files are DM tag files too, but belong to the K2IS reader.
 */
public final class DmFormat implements FormatReader {

	/** The format name in sidecars and on the command line. */
	public static final String NAME = "dm";

	@Override
	public String name() {
		return NAME;
	}

	/**
	 * 100 for a tag-file header (version 3 or 4, byte order 0 or 1, root group flags) on a file not named
	 * {@code .gtg}, 50 for a {@code .dm3}/{@code .dm4} name without it, else 0.
	 */
	@Override
	public int probe(final Path file, final byte[] head) {
		final Path name = file.getFileName();
		final String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
		if (n.endsWith(".gtg"))
			return 0;
		if (DmFile.hasSignature(head))
			return 100;
		return n.endsWith(".dm3") || n.endsWith(".dm4") ? 50 : 0;
	}

	@Override
	public DmDataset open(final Path file, final OpenOptions options) {
		return DmDataset.open(file, options);
	}
}
