package org.maptem.formats.raw;

import java.nio.file.Path;

import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.formats.FormatReader;

/**
 * Raw binary frames: a file that is nothing but (optionally headed and footed) frames, described by
 * {@link RawParams} because the file records nothing about itself.
 *
 * <p>Without magic bytes there is nothing to recognise, so {@link #probe} always answers 0 and this reader is never
 * picked automatically. Open raw files with {@link #open(Path, RawParams, OpenOptions)}, or with an instance made
 * by {@link #RawFormat(RawParams)}. The instance {@link java.util.ServiceLoader} makes has no parameters and
 * refuses to open files.
 */
public final class RawFormat implements FormatReader {

	/** The format name in sidecars and on the command line. */
	public static final String NAME = "raw";

	private final RawParams params;

	/** The service instance: lists the format, opens nothing. */
	public RawFormat() {
		this(null);
	}

	/** A reader that opens files with {@code params}. */
	public RawFormat(final RawParams params) {
		this.params = params;
	}

	/** Opens {@code file} in place as raw frames described by {@code params}. */
	public static RawDataset open(final Path file, final RawParams params, final OpenOptions options) {
		return RawDataset.open(file, params, options);
	}

	@Override
	public String name() {
		return NAME;
	}

	/** Always 0: raw files have no magic bytes to recognise. */
	@Override
	public int probe(final Path file, final byte[] head) {
		return 0;
	}

	/**
	 * Opens {@code file} with this reader's parameters.
	 *
	 * @throws LayoutException when this reader was made without parameters
	 */
	@Override
	public RawDataset open(final Path file, final OpenOptions options) {
		if (params == null)
			throw LayoutException.badField(file, "raw parameters", "offset, nav shape, sig shape, dtype and byte order "
					+ "(RawFormat.open(file, RawParams, OpenOptions))", "none given");
		return RawDataset.open(file, params, options);
	}
}
