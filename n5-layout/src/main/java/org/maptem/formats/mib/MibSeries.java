package org.maptem.formats.mib;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.maptem.dataset.LayoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of one Merlin acquisition: the {@code .mib} files in frame order and the {@code .hdr}, found from any one
 * of them (or from the {@code .hdr}).
 *
 * <p>Merlin can split an acquisition over several {@code .mib} files named with a running number
 * ({@code scan1.mib, scan2.mib, ...}, or one file per frame). Candidates are the files in the same directory named
 * like the opened one with its trailing digits replaced by any other digits ({@code prefix<digits>.mib}); a file
 * with no trailing digits is never part of a series. A candidate belongs to the acquisition only if its frame
 * sequence numbers continue the chain: its first frame's number is the previous file's last frame number + 1 (or it
 * ends right before the opened file's first frame, walking backwards), with the same frame geometry. Separate
 * acquisitions that happen to share a prefix each restart at sequence number 1 and so stay apart. Candidates that
 * are not valid {@code .mib} files are skipped with a warning and listed in {@link #skipped()}.
 *
 * <p>The {@code .hdr} is the first existing of {@code <first file's name>.hdr}, {@code <opened file's name>.hdr}
 * and {@code <prefix>.hdr} (any case of the extension).
 *
 * @param files   the series in frame order, at least one
 * @param hdr     the acquisition header file, if found
 * @param skipped candidates that could not be read, with the reason
 */
public record MibSeries(List<MibFile> files, Optional<Path> hdr, List<String> skipped) {

	private static final Logger LOG = LoggerFactory.getLogger(MibSeries.class);

	public MibSeries {
		files = List.copyOf(files);
		skipped = List.copyOf(skipped);
	}

	/** Total whole frames of all files. */
	public long frames() {
		long n = 0;
		for (final MibFile f : files)
			n += f.frames();
		return n;
	}

	/**
	 * Finds and checks the series {@code path} belongs to: {@code path} is a {@code .mib} file or the acquisition's
	 * {@code .hdr}.
	 *
	 * @throws LayoutException when the opened {@code .mib} is not valid (see {@link MibFile#inspect}), or a {@code .hdr}
	 *                         has no {@code .mib} next to it
	 */
	public static MibSeries resolve(final Path path) {
		final Path abs = path.toAbsolutePath();
		final String name = abs.getFileName().toString();
		final List<String> skipped = new ArrayList<>();
		final MibFile start;
		Path hdr = null;
		if (extension(name).equals("hdr")) {
			hdr = abs;
			start = startForHdr(abs, skipped);
		} else {
			start = MibFile.inspect(abs);
		}
		final List<MibFile> chain = chain(start, skipped);
		if (hdr == null)
			hdr = findHdr(abs, chain.get(0).path());
		return new MibSeries(chain, Optional.ofNullable(hdr), skipped);
	}

	/** The first .mib of the acquisition a .hdr describes: {@code stem.mib}, else the earliest {@code stem<n>.mib}. */
	private static MibFile startForHdr(final Path hdr, final List<String> skipped) {
		final String stem = stem(hdr.getFileName().toString());
		final Path dir = parent(hdr);
		for (final String ext : new String[] { ".mib", ".MIB", ".Mib" }) {
			final Path p = dir.resolve(stem + ext);
			if (Files.isRegularFile(p))
				return MibFile.inspect(p);
		}
		MibFile best = null;
		for (final MibFile f : inspectAll(siblings(dir, stem, null), skipped))
			if (best == null || f.header().sequence() < best.header().sequence())
				best = f;
		if (best == null)
			throw LayoutException.badField(hdr, "data files", "a .mib file named " + stem + ".mib or " + stem
					+ "<number>.mib next to this Merlin .hdr", "none" + (skipped.isEmpty() ? "" : " readable: " + skipped));
		return best;
	}

	private static List<MibFile> chain(final MibFile start, final List<String> skipped) {
		final String stem = stem(start.path().getFileName().toString());
		final String prefix = stem.replaceFirst("[0-9]+$", "");
		if (prefix.equals(stem))
			return List.of(start);
		final List<MibFile> others = inspectAll(siblings(parent(start.path()), prefix, start.path()), skipped);
		if (others.isEmpty())
			return List.of(start);
		final Map<Long, List<MibFile>> byFirst = new HashMap<>();
		final Map<Long, List<MibFile>> byNext = new HashMap<>();
		for (final MibFile f : others)
			if (f.header().sameGeometry(start.header())) {
				byFirst.computeIfAbsent(f.header().sequence(), k -> new ArrayList<>()).add(f);
				byNext.computeIfAbsent(f.lastSequence() + 1, k -> new ArrayList<>()).add(f);
			}
		final List<MibFile> out = new ArrayList<>();
		final Set<Path> seen = new HashSet<>();
		out.add(start);
		seen.add(start.path());
		// forward: a file whose first frame follows the current last frame; an unfinished file ends the series
		MibFile cur = start;
		while (cur.trailingBytes() == 0) {
			final MibFile next = unique(byFirst.get(cur.lastSequence() + 1));
			if (next == null || !seen.add(next.path()))
				break;
			out.add(next);
			cur = next;
		}
		cur = start;
		while (true) {
			final MibFile prev = unique(byNext.get(cur.header().sequence()));
			if (prev == null || prev.trailingBytes() > 0 || !seen.add(prev.path()))
				break;
			out.add(0, prev);
			cur = prev;
		}
		if (out.size() > 1)
			LOG.debug("{}: Merlin series of {} files", start.path(), out.size());
		return out;
	}

	private static MibFile unique(final List<MibFile> candidates) {
		return candidates != null && candidates.size() == 1 ? candidates.get(0) : null;
	}

	private static List<MibFile> inspectAll(final List<Path> paths, final List<String> skipped) {
		final List<MibFile> out = new ArrayList<>();
		for (final Path p : paths)
			try {
				out.add(MibFile.inspect(p));
			} catch (final LayoutException e) {
				LOG.warn("skipping {} as part of a Merlin series: {}", p, e.getMessage());
				skipped.add(p.getFileName() + ": " + e.getMessage());
			}
		return out;
	}

	/** Files in {@code dir} named {@code prefix<digits>.mib} (any case of the extension), except {@code self}. */
	private static List<Path> siblings(final Path dir, final String prefix, final Path self) {
		final Pattern p = Pattern.compile(Pattern.quote(prefix) + "[0-9]+\\.mib", Pattern.CASE_INSENSITIVE);
		final List<Path> out = new ArrayList<>();
		try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir,
				e -> p.matcher(e.getFileName().toString()).matches() && Files.isRegularFile(e))) {
			for (final Path e : ds)
				if (self == null || !e.toAbsolutePath().equals(self))
					out.add(e.toAbsolutePath());
		} catch (final IOException e) {
			throw new LayoutException(dir + ": cannot list the directory for Merlin series files: " + e.getMessage(), e);
		}
		Collections.sort(out);
		return out;
	}

	private static Path findHdr(final Path opened, final Path first) {
		final List<String> stems = new ArrayList<>();
		stems.add(stem(first.getFileName().toString()));
		stems.add(stem(opened.getFileName().toString()));
		final String prefix = stems.get(1).replaceFirst("[0-9]+$", "");
		if (!prefix.isEmpty())
			stems.add(prefix);
		for (final String s : stems)
			for (final String ext : new String[] { ".hdr", ".HDR", ".Hdr" }) {
				final Path p = parent(opened).resolve(s + ext);
				if (Files.isRegularFile(p))
					return p;
			}
		return null;
	}

	private static Path parent(final Path p) {
		final Path d = p.getParent();
		return d == null ? Path.of(".").toAbsolutePath() : d;
	}

	static String extension(final String name) {
		final int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private static String stem(final String name) {
		final int dot = name.lastIndexOf('.');
		return dot < 0 ? name : name.substring(0, dot);
	}
}
