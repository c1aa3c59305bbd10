package org.maptem.formats.frms6;

import java.nio.file.Path;
import java.util.Locale;

import org.maptem.dataset.OpenOptions;
import org.maptem.formats.FormatReader;

/**
 * PNDetector pnCCD FRMS6 data sets ({@code .hdr} + {@code _NNN.frms6}), opened in place as {@link Frms6Dataset}
 * from the {@code .hdr} or any {@code .frms6} file.
 */
public final class Frms6Format implements FormatReader {

	/** The format name in sidecars and on the command line. */
	public static final String NAME = "frms6";

	@Override
	public String name() {
		return NAME;
	}

	/**
	 * 100 for a {@code .frms6} file with the FRMS6 header signature or a {@code .hdr} with a {@code [measurementInfo]}
	 * section, 50 for a {@code .frms6} name without the signature, else 0.
	 */
	@Override
	public int probe(final Path file, final byte[] head) {
		final Path name = file.getFileName();
		final String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
		if (n.endsWith(".hdr"))
			return Frms6Hdr.looksLikeHdr(head) ? 100 : 0;
		if (Frms6FileHeader.hasSignature(head))
			return 100;
		return n.endsWith(".frms6") ? 50 : 0;
	}

	@Override
	public Frms6Dataset open(final Path file, final OpenOptions options) {
		return Frms6Dataset.open(file, options);
	}
}
