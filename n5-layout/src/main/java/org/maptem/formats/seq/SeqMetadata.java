package org.maptem.formats.seq;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The acquisition facts of a Direct Electron {@code NAME.seq.metadata} side file, as LiberTEM reads them: eleven
 * little-endian i32 and one boolean byte at byte 282 (metadata size and version, unbinned frame size x and y,
 * offset x and y, hardware binning, bit mode, frame rate, rotation mode, flip mode, Okra mode). The file records
 * no scan shape; these facts only go to the provenance.
 */
final class SeqMetadata {

	static final int OFFSET = 282;
	static final String[] FIELDS = { "DEMetadataSize", "DEMetadataVersion", "UnbinnedFrameSizeX", "UnbinnedFrameSizeY",
			"OffsetX", "OffsetY", "HardwareBinning", "Bitmode", "FrameRate", "RotationMode", "FlipMode" };
	/** Bytes read: the fields above and the Okra mode byte. */
	static final int BYTES = 4 * 11 + 1;
	/** Largest side file read: real ones are a few KiB. */
	static final long MAX_BYTES = 1 << 20;

	private SeqMetadata() {
	}

	/** The side file of {@code seq} ({@code NAME.seq} → {@code NAME.seq.metadata}). */
	static Path sideFile(final Path seq) {
		return seq.resolveSibling(seq.getFileName() + ".metadata");
	}

	/**
	 * The fields of {@code file}, in order; empty when the file does not exist, is unreadable, or is too short or too
	 * long to be one (it is optional: the data can be read without it).
	 */
	static Map<String, String> read(final Path file) {
		final Map<String, String> out = new LinkedHashMap<>();
		try {
			if (!Files.isRegularFile(file) || Files.size(file) < OFFSET + BYTES || Files.size(file) > MAX_BYTES)
				return out;
			final ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
			for (int i = 0; i < FIELDS.length; i++)
				out.put(FIELDS[i], Integer.toString(b.getInt(OFFSET + 4 * i)));
			out.put("OkraMode", Boolean.toString(b.get(OFFSET + 44) != 0));
		} catch (final IOException e) {
			out.clear();
		}
		return out;
	}
}
