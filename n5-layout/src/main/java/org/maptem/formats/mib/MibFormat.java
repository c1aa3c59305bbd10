package org.maptem.formats.mib;

import java.nio.file.Path;

import org.maptem.dataset.OpenOptions;
import org.maptem.formats.FormatReader;

/**
 * Quantum Detectors Merlin {@code .mib} files (with their {@code .hdr}), recognised by the {@code MQ1,} magic that
 * starts every frame header, or by a {@code .hdr} starting with {@code HDR,}, and opened in place as
 * {@link MibDataset}.
 */
public final class MibFormat implements FormatReader {

	/** The format name in sidecars and on the command line. */
	public static final String NAME = "mib";

	@Override
	public String name() {
		return NAME;
	}

	/**
	 * 100 for a file starting with the frame-header magic {@code MQ1,}, or a {@code .hdr} file starting with
	 * {@code HDR,}; 50 for a {@code .mib} name without the magic; else 0.
	 */
	@Override
	public int probe(final Path file, final byte[] head) {
		final Path name = file.getFileName();
		final String ext = name == null ? "" : MibSeries.extension(name.toString());
		if (MibHeader.hasMagic(head, 0, head.length))
			return 100;
		if (ext.equals("hdr") && MibHdr.hasMagic(head))
			return 100;
		return ext.equals("mib") ? 50 : 0;
	}

	@Override
	public MibDataset open(final Path file, final OpenOptions options) {
		return MibDataset.open(file, options);
	}
}
