package org.maptem.formats.blockfile;

import java.nio.file.Path;
import java.util.Locale;

import org.maptem.dataset.OpenOptions;
import org.maptem.formats.FormatReader;

/** NanoMegas ASTAR blockfiles ({@code .blo}), recognised by their "IMGBLO" ID and opened as {@link BlockfileDataset}. */
public final class BlockfileFormat implements FormatReader {

	/** The format name in sidecars and on the command line. */
	public static final String NAME = "blockfile";

	@Override
	public String name() {
		return NAME;
	}

	/** 100 for the "IMGBLO" ID at offset 0, 50 for a {@code .blo} name without it, else 0. */
	@Override
	public int probe(final Path file, final byte[] head) {
		if (head.length >= BlockfileHeader.ID.length) {
			boolean match = true;
			for (int i = 0; i < BlockfileHeader.ID.length; i++)
				match &= head[i] == BlockfileHeader.ID[i];
			if (match)
				return 100;
		}
		final Path name = file.getFileName();
		return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".blo") ? 50 : 0;
	}

	@Override
	public BlockfileDataset open(final Path file, final OpenOptions options) {
		return BlockfileDataset.open(file, options);
	}
}
