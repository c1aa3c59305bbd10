package org.maptem.results;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.charset.StandardCharsets;

import org.maptem.dataset.LayoutException;

/**
 * Writes files and directories under a temporary name in the target's directory and renames them into place, so a
 * reader sees either the old content or the complete new one, and a failure leaves nothing half-written.
 */
final class AtomicFiles {

	/** Writes content to a path; the path does not exist yet (for files) or is an empty directory's name. */
	@FunctionalInterface
	interface Content {
		void writeTo(Path tmp) throws IOException;
	}

	private AtomicFiles() {
	}

	/** A fresh temporary name beside {@code target}: hidden, and recognisable as partial. */
	static Path temporary(final Path target) {
		return target.resolveSibling("." + target.getFileName() + ".partial-" + Long.toHexString(System.nanoTime()));
	}

	/**
	 * Writes {@code target} (a file) through {@code content} at a temporary name, then renames it over any existing
	 * file.
	 *
	 * @throws LayoutException naming the target when writing or renaming fails
	 */
	static void writeFile(final Path target, final Content content) {
		final Path tmp = temporary(target);
		try {
			parent(target);
			content.writeTo(tmp);
			move(tmp, target);
		} catch (final IOException | RuntimeException e) {
			deleteQuietly(tmp);
			throw e instanceof LayoutException l ? l : new LayoutException(target + ": cannot write: " + e, e);
		}
	}

	/** Writes {@code text} to {@code target} in UTF-8, atomically. */
	static void writeString(final Path target, final String text) {
		writeFile(target, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
	}

	/**
	 * Writes the directory {@code target} through {@code content} at a temporary name, then swaps it in: an existing
	 * directory is first renamed aside and deleted after the new one is in place.
	 *
	 * @throws LayoutException naming the target when writing or renaming fails
	 */
	static void writeDirectory(final Path target, final Content content) {
		final Path tmp = temporary(target);
		Path old = null;
		try {
			parent(target);
			content.writeTo(tmp);
			if (Files.exists(target)) {
				old = temporary(target);
				move(target, old);
			}
			move(tmp, target);
			if (old != null)
				deleteRecursively(old);
		} catch (final IOException | RuntimeException e) {
			deleteQuietly(tmp);
			throw e instanceof LayoutException l ? l : new LayoutException(target + ": cannot write: " + e, e);
		}
	}

	private static void parent(final Path target) throws IOException {
		final Path parent = target.toAbsolutePath().getParent();
		if (parent != null)
			Files.createDirectories(parent);
	}

	private static void move(final Path from, final Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} catch (final AtomicMoveNotSupportedException e) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void deleteQuietly(final Path p) {
		try {
			deleteRecursively(p);
		} catch (final IOException e) {
			// the original failure is what the caller needs to see; a stray temporary file is harmless
		}
	}

	static void deleteRecursively(final Path p) throws IOException {
		if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
			return;
		Files.walkFileTree(p, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) throws IOException {
				Files.delete(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(final Path dir, final IOException e) throws IOException {
				if (e != null)
					throw e;
				Files.delete(dir);
				return FileVisitResult.CONTINUE;
			}
		});
	}
}
