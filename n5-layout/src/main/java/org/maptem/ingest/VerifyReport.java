package org.maptem.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of {@link Verify#container}: how many chunks were checked and every problem found.
 *
 * @param container the container checked
 * @param chunks    chunk files the sidecar says the container holds
 * @param problems  what is wrong, in grid order after container-level problems; empty when all is well
 */
public record VerifyReport(Path container, int chunks, List<Problem> problems) {

	public VerifyReport {
		problems = List.copyOf(problems);
	}

	/** True when nothing is wrong. */
	public boolean ok() {
		return problems.isEmpty();
	}

	/** What kind of thing is wrong. */
	public enum Kind {
		/** attributes.json or its {@code maptem} sidecar is missing, unreadable or inconsistent. */
		METADATA,
		/** the sidecar does not say {@code complete: true}. */
		INCOMPLETE,
		/** a chunk file the grid needs does not exist. */
		MISSING,
		/** a chunk file's block header is unreadable or does not match the chunk's shape. */
		HEADER,
		/** a chunk file (or its decompressed data) has the wrong number of bytes. */
		SIZE,
		/** a chunk file's CRC32C differs from the sidecar's, or the sidecar has none. */
		CHECKSUM,
		/** a chunk file could not be read or decompressed. */
		UNREADABLE,
		/** a file in the dataset directory that is no chunk of the grid. */
		UNEXPECTED
	}

	/**
	 * One thing wrong.
	 *
	 * @param file   the file concerned (a chunk file, or attributes.json)
	 * @param kind   what kind of problem
	 * @param detail what was expected and what was found
	 */
	public record Problem(Path file, Kind kind, String detail) {

		@Override
		public String toString() {
			return file + ": " + kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + detail;
		}
	}

	@Override
	public String toString() {
		if (ok())
			return container + ": ok, " + chunks + " chunks verified";
		final StringBuilder s = new StringBuilder(container + ": " + problems.size() + " problem(s) in " + chunks + " chunks");
		for (final Problem p : problems)
			s.append("\n  ").append(p);
		return s.toString();
	}
}
