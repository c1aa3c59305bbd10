package org.maptem.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.maptem.dataset.LayoutException;
import org.maptem.results.ResultFormat;

/**
 * One {@code -o} of {@code maptem run}: {@code FILE} saves the analysis' main result, {@code BUFFER=FILE} the named
 * result buffer. The format comes from the file's extension ({@link ResultFormat}), checked before anything runs.
 *
 * @param buffer the buffer's name as typed, {@code null} for the main one
 * @param file   where to save it
 */
record OutputTarget(String buffer, Path file) {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

	/**
	 * Parses {@code spec}.
	 *
	 * @throws LayoutException when the file's extension names no result format
	 */
	static OutputTarget parse(final String spec) {
		final int eq = spec.indexOf('=');
		final OutputTarget t = eq > 0 && NAME.matcher(spec.substring(0, eq)).matches()
				? new OutputTarget(spec.substring(0, eq), Path.of(spec.substring(eq + 1)))
				: new OutputTarget(null, Path.of(spec));
		if (t.file.toString().isEmpty())
			throw new LayoutException("-o " + spec + ": expected [BUFFER=]FILE, found no file");
		ResultFormat.of(t.file);
		return t;
	}

	/**
	 * The declared buffer name this target picks from {@code names}: {@code main} when no name was given, else the
	 * name itself or, failing that, the one equal to it ignoring case, underscores and dashes ({@code shift_x} finds
	 * {@code shiftX}).
	 *
	 * @throws LayoutException naming the UDF and listing its buffers when none matches
	 */
	String pick(final List<String> names, final String main, final String udf) {
		if (buffer == null)
			return main;
		if (names.contains(buffer))
			return buffer;
		final List<String> loose = new ArrayList<>();
		for (final String n : names)
			if (squash(n).equals(squash(buffer)))
				loose.add(n);
		if (loose.size() == 1)
			return loose.get(0);
		throw new LayoutException("-o " + buffer + "=" + file + ": analysis '" + udf + "' has no result buffer '" + buffer
				+ "'; its buffers are " + names);
	}

	private static String squash(final String s) {
		return s.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
	}
}
