package org.maptem.formats.mib;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.maptem.dataset.LayoutException;

/**
 * A Merlin acquisition header ({@code .hdr}): the text file Merlin writes next to the {@code .mib} files, one
 * {@code Key:<TAB>value} line per setting between a {@code HDR,} line and an {@code End} line.
 *
 * <p>It describes the acquisition (frames in it, frames per trigger, chip IDs, thresholds, software version), not
 * the byte layout, which every frame header repeats; MapTEM uses it for the scan shape and provenance only. Keys are
 * kept as written without the trailing colon. Immutable.
 *
 * @param path   absolute path of the file
 * @param fields the settings in file order
 */
public record MibHdr(Path path, Map<String, String> fields) {

	/** Largest {@code .hdr} read; Merlin's are 2 KiB. */
	public static final int MAX_BYTES = 1 << 16;

	/** The key of the number of frames Merlin was asked to acquire. */
	public static final String FRAMES_IN_ACQUISITION = "Frames in Acquisition (Number)";

	/** The key of the number of frames per trigger (the scan width when a line trigger starts each scan row). */
	public static final String FRAMES_PER_TRIGGER = "Frames per Trigger (Number)";

	public MibHdr {
		fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	/** True when {@code head} starts like a Merlin acquisition header ({@code HDR,}). */
	public static boolean hasMagic(final byte[] head) {
		return head.length >= 4 && head[0] == 'H' && head[1] == 'D' && head[2] == 'R' && head[3] == ',';
	}

	/**
	 * Reads {@code file}.
	 *
	 * @throws LayoutException naming the file when it cannot be read, is larger than {@link #MAX_BYTES}, does not
	 *                         start with {@code HDR,}, or has a line that is not {@code key<TAB>value}
	 */
	public static MibHdr read(final Path file) {
		final Path abs = file.toAbsolutePath();
		final byte[] bytes;
		try (InputStream in = Files.newInputStream(abs)) {
			bytes = in.readNBytes(MAX_BYTES + 1);
		} catch (final IOException e) {
			throw new LayoutException(abs + ": cannot read: " + e.getMessage(), e);
		}
		if (bytes.length > MAX_BYTES)
			throw LayoutException.badField(abs, "file size", "a Merlin .hdr of at most " + MAX_BYTES + " bytes",
					"more bytes");
		if (!hasMagic(bytes))
			throw LayoutException.badBytes(abs, 0, "a Merlin acquisition header starting with \"HDR,\"",
					MibHeader.quote(bytes, 0, Math.min(bytes.length, 8)));
		final Map<String, String> out = new LinkedHashMap<>();
		final String text = new String(bytes, StandardCharsets.ISO_8859_1);
		long offset = 0;
		for (final String line : text.split("\n", -1)) {
			final long lineStart = offset;
			offset += line.length() + 1;
			final String l = line.replace("\r", "").replace('\0', ' ').strip();
			if (l.isEmpty() || l.startsWith("HDR"))
				continue;
			if (l.equals("End") || l.startsWith("End\t") || l.startsWith("End "))
				break;
			final int tab = l.indexOf('\t');
			if (tab < 1)
				throw LayoutException.badBytes(abs, lineStart, "a \"key:<TAB>value\" line", MibHeader.quote(
						line.getBytes(StandardCharsets.ISO_8859_1), 0, line.length()));
			String key = l.substring(0, tab).strip();
			if (key.endsWith(":"))
				key = key.substring(0, key.length() - 1);
			out.put(key, l.substring(tab + 1).strip());
		}
		return new MibHdr(abs, out);
	}

	/** The value of {@code key}, if present. */
	public Optional<String> get(final String key) {
		return Optional.ofNullable(fields.get(key));
	}

	/** The value of {@code key} as a whole number from 0 to 2^62, if present and one. */
	public OptionalLong number(final String key) {
		final String v = fields.get(key);
		if (v == null || !v.matches("[0-9]{1,18}"))
			return OptionalLong.empty();
		return OptionalLong.of(Long.parseLong(v));
	}

	/** The number of frames Merlin was asked to acquire, if stated. */
	public OptionalLong framesInAcquisition() {
		return number(FRAMES_IN_ACQUISITION);
	}

	/**
	 * The scan shape {@code [ScanY, ScanX]} when the file has both keys (some acquisition front ends add them), else
	 * empty.
	 */
	public Optional<long[]> scanShape() {
		final OptionalLong x = number("ScanX");
		final OptionalLong y = number("ScanY");
		if (x.isEmpty() || y.isEmpty() || x.getAsLong() < 1 || y.getAsLong() < 1)
			return Optional.empty();
		return Optional.of(new long[] { y.getAsLong(), x.getAsLong() });
	}

	/** Frames per trigger, if stated. */
	public OptionalLong framesPerTrigger() {
		return number(FRAMES_PER_TRIGGER);
	}
}
