package org.maptem.formats.frms6;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.maptem.dataset.LayoutException;

/**
 * The files of one FRMS6 data set found from any of them: {@code NAME.hdr}, the dark-frame file
 * {@code NAME_000.frms6} (if present) and the signal files {@code NAME_001.frms6 …} in numeric order.
 *
 * @param hdr    the {@code .hdr} file
 * @param dark   the {@code _000} dark-frame file, or {@code null}
 * @param signal the signal-frame files, in order
 */
public record Frms6Files(Path hdr, Path dark, List<Path> signal) {

	private static final Pattern NUMBERED = Pattern.compile("^(.*)_(\\d{1,9})\\.frms6$", Pattern.CASE_INSENSITIVE);

	public Frms6Files {
		signal = List.copyOf(signal);
	}

	/**
	 * Finds the data set {@code path} belongs to ({@code path} is its {@code .hdr} or one of its {@code .frms6}
	 * files).
	 *
	 * @throws LayoutException naming the path when it has another extension, the {@code .hdr} is missing or there
	 *                         is no signal file
	 */
	public static Frms6Files of(final Path path) {
		final Path abs = path.toAbsolutePath();
		final String name = abs.getFileName().toString();
		final String lower = name.toLowerCase(Locale.ROOT);
		final String base;
		if (lower.endsWith(".hdr"))
			base = name.substring(0, name.length() - 4);
		else {
			final Matcher m = NUMBERED.matcher(name);
			if (!m.matches())
				throw LayoutException.badField(abs, "file name", "NAME.hdr or NAME_NNN.frms6", name);
			base = m.group(1);
		}
		final Path dir = abs.getParent();
		final Path hdr = lower.endsWith(".hdr") ? abs : dir.resolve(base + ".hdr");
		if (!Files.isRegularFile(hdr))
			throw new LayoutException(abs + ": FRMS6 data set needs its header " + hdr + ", which does not exist");
		Path dark = null;
		final List<Numbered> signal = new ArrayList<>();
		try (Stream<Path> s = Files.list(dir)) {
			for (final Path p : (Iterable<Path>) s::iterator) {
				final Matcher m = NUMBERED.matcher(p.getFileName().toString());
				if (!m.matches() || !m.group(1).equals(base) || !Files.isRegularFile(p))
					continue;
				final int n = Integer.parseInt(m.group(2));
				if (n == 0)
					dark = p;
				else
					signal.add(new Numbered(n, p));
			}
		} catch (final IOException e) {
			throw new LayoutException(abs + ": cannot list " + dir + ": " + e.getMessage(), e);
		}
		if (signal.isEmpty())
			throw new LayoutException(abs + ": FRMS6 data set " + base + " has no signal files " + base + "_001.frms6 …");
		signal.sort(Comparator.comparingInt(Numbered::n));
		return new Frms6Files(hdr, dark, signal.stream().map(Numbered::path).toList());
	}

	private record Numbered(int n, Path path) {
	}
}
