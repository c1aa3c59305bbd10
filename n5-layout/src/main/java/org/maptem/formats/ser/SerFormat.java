package org.maptem.formats.ser;

import java.nio.file.Path;
import java.util.Locale;

import org.maptem.dataset.OpenOptions;
import org.maptem.formats.FormatReader;

/** TIA series files ({@code .ser}), recognised by their byte-order mark and series ID and opened as {@link SerDataset}. */
public final class SerFormat implements FormatReader {

	/** The format name in sidecars and on the command line. */
	public static final String NAME = "ser";

	@Override
	public String name() {
		return NAME;
	}

	/** 100 for {@code 49 49 97 01} (byte order "II", series ID 0x0197) at offset 0, 50 for a {@code .ser} name, else 0. */
	@Override
	public int probe(final Path file, final byte[] head) {
		if (head.length >= 4 && head[0] == 0x49 && head[1] == 0x49 && head[2] == (byte) 0x97 && head[3] == 0x01)
			return 100;
		final Path name = file.getFileName();
		return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".ser") ? 50 : 0;
	}

	@Override
	public SerDataset open(final Path file, final OpenOptions options) {
		return SerDataset.open(file, options);
	}
}
