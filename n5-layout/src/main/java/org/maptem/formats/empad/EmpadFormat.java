package org.maptem.formats.empad;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.maptem.dataset.OpenOptions;
import org.maptem.formats.FormatReader;

/**
 * EMPAD acquisitions, recognised by their {@code .xml} description ({@code <root>} with a {@code <raw_file>}) and
 * opened as {@link EmpadDataset}; a {@code .raw} file is recognised when an EMPAD {@code .xml} next to it names it.
 */
public final class EmpadFormat implements FormatReader {

	/** The format name in sidecars and on the command line. */
	public static final String NAME = "empad";

	@Override
	public String name() {
		return NAME;
	}

	/**
	 * 100 for an {@code .xml} whose first bytes are an EMPAD {@code <root>} with a {@code <raw_file>}; 50 for a
	 * {@code .raw} file named by such an XML in the same directory (the raw data has no magic bytes); else 0.
	 */
	@Override
	public int probe(final Path file, final byte[] head) {
		if (EmpadXml.looksLikeEmpad(head))
			return 100;
		final Path name = file.getFileName();
		if (name == null || !name.toString().toLowerCase(Locale.ROOT).endsWith(".raw") || file.getParent() == null)
			return 0;
		try (var xmls = Files.newDirectoryStream(file.getParent(), "*.{xml,XML}")) {
			int looked = 0;
			for (final Path x : xmls) {
				if (++looked > 256)
					break;
				final byte[] h;
				try (InputStream in = Files.newInputStream(x)) {
					h = in.readNBytes(4096);
				}
				if (EmpadXml.looksLikeEmpad(h)
						&& new String(h, java.nio.charset.StandardCharsets.ISO_8859_1).contains(name.toString()))
					return 50;
			}
		} catch (final IOException e) {
			return 0;
		}
		return 0;
	}

	@Override
	public EmpadDataset open(final Path file, final OpenOptions options) {
		return EmpadDataset.open(file, options);
	}
}
