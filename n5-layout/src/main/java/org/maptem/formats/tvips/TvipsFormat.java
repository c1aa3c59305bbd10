package org.maptem.formats.tvips;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Locale;

import org.maptem.dataset.OpenOptions;
import org.maptem.formats.FormatReader;

/**
 * TVIPS recorder streams ({@code .tvips}), opened as {@link TvipsDataset}. The format has no magic bytes; a
 * {@code .tvips} file whose first bytes are a plausible series header (ISize 256, version 1 or 2, 8 or 16 bits per
 * pixel) is recognised with full confidence, any other {@code .tvips} file (such as a later file of a split series)
 * by its extension.
 */
public final class TvipsFormat implements FormatReader {

	/** The format name in sidecars and on the command line. */
	public static final String NAME = "tvips";

	@Override
	public String name() {
		return NAME;
	}

	/** 100 for a {@code .tvips} file starting with a plausible series header, 50 for another {@code .tvips}, else 0. */
	@Override
	public int probe(final Path file, final byte[] head) {
		final Path name = file.getFileName();
		if (name == null || !name.toString().toLowerCase(Locale.ROOT).endsWith(".tvips"))
			return 0;
		if (head.length >= 20) {
			final ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
			final int version = b.getInt(4);
			final int bpp = b.getInt(16);
			if (b.getInt(0) == TvipsSeries.HEADER_BYTES && (version == 1 || version == 2) && (bpp == 8 || bpp == 16))
				return 100;
		}
		return 50;
	}

	@Override
	public TvipsDataset open(final Path file, final OpenOptions options) {
		return TvipsDataset.open(file, options);
	}
}
