package org.maptem.formats.frms6;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.maptem.dataset.LayoutException;

/**
 * The {@code [measurementInfo]} section of an FRMS6 data set's {@code .hdr} file: scan shape and readout mode,
 * validated, plus every key as written.
 *
 * @param values    every key of the section, lower-cased, with its value as written
 * @param scanShape {@code stemimagesize} as {@code [A, B]}, or {@code null} when absent
 * @param binning   row binning from {@code readoutmode}: 1, 2 or 4
 */
public record Frms6Hdr(Map<String, String> values, long[] scanShape, int binning) {

	/** The section every {@code .hdr} of an FRMS6 data set has. */
	static final String SECTION = "measurementInfo";
	/** Largest {@code .hdr} accepted: the real ones are a few hundred bytes. */
	static final long MAX_BYTES = 1 << 20;
	private static final Pattern READOUT = Pattern
			.compile("^\"?bin:\\s*(\\d+),\\s*windowing:\\s*(\\d+)\\s*x\\s*(\\d+)\\s*\"?$");
	private static final Pattern SCAN = Pattern.compile("^(\\d{1,9})\\s*x\\s*(\\d{1,9})$");

	public Frms6Hdr {
		values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
		scanShape = scanShape == null ? null : scanShape.clone();
	}

	@Override
	public long[] scanShape() {
		return scanShape == null ? null : scanShape.clone();
	}

	/** True when {@code head} (the first bytes of a text file) has the {@code [measurementInfo]} section. */
	static boolean looksLikeHdr(final byte[] head) {
		return new String(head, StandardCharsets.ISO_8859_1).contains("[" + SECTION + "]");
	}

	/**
	 * Reads and validates {@code file}.
	 *
	 * @throws LayoutException naming the file and the key when the section, the readout mode or the scan size is
	 *                         missing or malformed
	 */
	public static Frms6Hdr read(final Path file) {
		final String text;
		try {
			final long size = Files.size(file);
			if (size > MAX_BYTES)
				throw LayoutException.badField(file, "file size", "a .hdr text of at most " + MAX_BYTES + " bytes", size);
			text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot read the FRMS6 header: " + e, e);
		}
		final Map<String, String> v = section(text);
		if (v == null)
			throw LayoutException.badField(file, "[" + SECTION + "]", "a section of key = value lines", "no such section");
		final String mode = v.get("readoutmode");
		if (mode == null)
			throw LayoutException.badField(file, "readoutmode", "\"bin: N, windowing: R x C\"", "no such key");
		final Matcher m = READOUT.matcher(mode.strip());
		if (!m.matches())
			throw LayoutException.badField(file, "readoutmode", "\"bin: N, windowing: R x C\"", mode);
		final int bin;
		try {
			bin = Integer.parseInt(m.group(1));
		} catch (final NumberFormatException e) {
			throw LayoutException.badField(file, "readoutmode", "binning 1, 2 or 4", m.group(1));
		}
		if (bin != 1 && bin != 2 && bin != 4)
			throw LayoutException.badField(file, "readoutmode", "binning 1, 2 or 4", bin);
		long[] scan = null;
		final String s = v.get("stemimagesize");
		if (s != null) {
			final Matcher sm = SCAN.matcher(s.strip());
			if (!sm.matches() || Long.parseLong(sm.group(1)) < 1 || Long.parseLong(sm.group(2)) < 1)
				throw LayoutException.badField(file, "stemimagesize", "AxB with positive A and B", s);
			scan = new long[] { Long.parseLong(sm.group(1)), Long.parseLong(sm.group(2)) };
		}
		return new Frms6Hdr(v, scan, bin);
	}

	/** The keys of {@code [measurementInfo]} (lower-cased) or {@code null} when there is no such section. */
	private static Map<String, String> section(final String text) {
		Map<String, String> out = null;
		boolean inside = false;
		for (final String raw : text.split("\r\n|\r|\n")) {
			final String line = raw.strip();
			if (line.isEmpty() || line.startsWith(";") || line.startsWith("#"))
				continue;
			if (line.startsWith("[") && line.endsWith("]")) {
				inside = line.substring(1, line.length() - 1).strip().equals(SECTION);
				if (inside && out == null)
					out = new TreeMap<>();
				continue;
			}
			if (!inside)
				continue;
			int eq = line.indexOf('=');
			final int colon = line.indexOf(':');
			if (eq < 0 || (colon >= 0 && colon < eq))
				eq = colon;
			if (eq > 0)
				out.put(line.substring(0, eq).strip().toLowerCase(Locale.ROOT), line.substring(eq + 1).strip());
		}
		return out;
	}
}
