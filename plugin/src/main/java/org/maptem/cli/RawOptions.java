package org.maptem.cli;

import java.nio.ByteOrder;
import java.nio.file.Path;

import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;
import org.maptem.formats.raw.RawParams;

import picocli.CommandLine.Option;

/**
 * The layout of a raw binary file, which records none of it: given when {@code --dtype} and {@code --sig} are
 * (the scan shape comes from {@code --nav}).
 */
final class RawOptions {

	@Option(names = "--dtype", paramLabel = "TYPE",
			description = "Raw files: element type (uint8, uint16, uint32, int8, int16, int32, float32, float64, uint12packed).")
	String dtype;

	@Option(names = "--sig", paramLabel = "H,W", split = ",", description = "Raw files: detector height and width.")
	int[] sig;

	@Option(names = "--offset", paramLabel = "BYTES", defaultValue = "0", description = "Raw files: bytes before the first frame.")
	long offset;

	@Option(names = "--byte-order", paramLabel = "ORDER", defaultValue = "little",
			description = "Raw files: little or big (default ${DEFAULT-VALUE}).")
	String byteOrder;

	@Option(names = "--frame-header", paramLabel = "BYTES", defaultValue = "0",
			description = "Raw files: bytes to skip before each frame.")
	long frameHeader;

	@Option(names = "--frame-footer", paramLabel = "BYTES", defaultValue = "0",
			description = "Raw files: bytes to skip after each frame.")
	long frameFooter;

	/** True when a raw layout was given. */
	boolean given() {
		return dtype != null || sig != null;
	}

	/** The raw parameters for {@code file} with scan shape {@code nav}. */
	RawParams params(final Path file, final long[] nav) {
		if (dtype == null || sig == null || nav == null)
			throw new LayoutException(file + ": a raw file needs --dtype, --sig H,W and --nav (scan shape); given: "
					+ (dtype == null ? "" : "--dtype ") + (sig == null ? "" : "--sig ") + (nav == null ? "" : "--nav"));
		if (sig.length != 2)
			throw new LayoutException("--sig needs height,width, found " + sig.length + " values");
		final ByteOrder order = switch (byteOrder.toLowerCase(java.util.Locale.ROOT)) {
		case "little", "le", "<" -> ByteOrder.LITTLE_ENDIAN;
		case "big", "be", ">" -> ByteOrder.BIG_ENDIAN;
		default -> throw new LayoutException("--byte-order: expected little or big, found " + byteOrder);
		};
		return RawParams.of(nav, sig, DType.parse(dtype)).withOffset(offset).withByteOrder(order)
				.withFrameGaps(frameHeader, frameFooter);
	}
}
