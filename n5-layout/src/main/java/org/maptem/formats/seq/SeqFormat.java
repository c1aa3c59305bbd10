package org.maptem.formats.seq;

import java.nio.file.Path;
import java.util.Locale;

import org.maptem.dataset.OpenOptions;
import org.maptem.formats.FormatReader;

/** Norpix StreamPix {@code .seq} files (Direct Electron cameras), opened in place as {@link SeqDataset}. */
public final class SeqFormat implements FormatReader {

	/** The format name in sidecars and on the command line. */
	public static final String NAME = "seq";

	@Override
	public String name() {
		return NAME;
	}

	/** 100 for the 0xFEED magic, 50 for a {@code .seq} name without it, else 0. */
	@Override
	public int probe(final Path file, final byte[] head) {
		if (SeqHeader.hasMagic(head))
			return 100;
		final Path name = file.getFileName();
		return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".seq") ? 50 : 0;
	}

	@Override
	public SeqDataset open(final Path file, final OpenOptions options) {
		return SeqDataset.open(file, options);
	}
}
