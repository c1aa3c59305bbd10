package org.maptem.formats.mrc;

import java.nio.file.Path;
import java.util.Locale;

import org.maptem.dataset.OpenOptions;
import org.maptem.formats.FormatReader;

/** MRC files ({@code .mrc}, {@code .mrcs}), recognised by the MRC2014 "MAP " field and machine stamp, opened as {@link MrcDataset}. */
public final class MrcFormat implements FormatReader {

	/** The format name in sidecars and on the command line. */
	public static final String NAME = "mrc";

	@Override
	public String name() {
		return NAME;
	}

	/** 100 for "MAP " at byte 208 with a known machine stamp, 50 for an {@code .mrc} or {@code .mrcs} name, else 0. */
	@Override
	public int probe(final Path file, final byte[] head) {
		if (MrcHeader.hasMagic(head))
			return 100;
		final Path name = file.getFileName();
		final String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
		return n.endsWith(".mrc") || n.endsWith(".mrcs") ? 50 : 0;
	}

	@Override
	public MrcDataset open(final Path file, final OpenOptions options) {
		return MrcDataset.open(file, options);
	}
}
