package org.maptem.ingest;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.maptem.dataset.LayoutException;

/**
 * Directory moves that make an ingest atomic: a sibling directory to write into, one rename to publish it, and a
 * swap for replacing an existing container.
 *
 * <p>Siblings live in the target's parent directory so every rename stays on one file system and is atomic.
 */
final class Containers {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Containers() {
	}

	/** A fresh, not yet existing sibling {@code <target>.partial-<random>}; the parent is created if needed. */
	static Path partialSibling(final Path target) {
		return sibling(target, "partial");
	}

	private static Path sibling(final Path target, final String kind) {
		final Path parent = target.getParent();
		if (parent == null)
			throw LayoutException.badField(target, "ingest target", "a path with a parent directory", target);
		try {
			Files.createDirectories(parent);
		} catch (final IOException e) {
			throw new LayoutException(parent + ": cannot create the target's parent directory: " + e, e);
		}
		final byte[] r = new byte[6];
		RANDOM.nextBytes(r);
		return parent.resolve(target.getFileName() + "." + kind + "-" + HexFormat.of().formatHex(r));
	}

	/**
	 * Publishes {@code partial} as {@code target} with one atomic rename. When {@code replace} is set and the target
	 * exists, it is first moved aside, and deleted once the new container is in place (restored if the second move
	 * fails).
	 *
	 * @throws LayoutException naming the target when it exists and {@code replace} is off, or when a move fails
	 */
	static void commit(final Path partial, final Path target, final boolean replace) {
		Path old = null;
		try {
			if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
				if (!replace)
					throw LayoutException.badField(target, "ingest target", "no existing file or directory (or the overwrite "
							+ "option)", "one that appeared while ingesting");
				old = sibling(target, "old");
				Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
			}
			try {
				Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			} catch (final IOException e) {
				if (old != null)
					Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
				old = null;
				throw e;
			}
		} catch (final IOException e) {
			throw new LayoutException(target + ": cannot move the finished container " + partial + " into place: " + e, e);
		}
		if (old != null)
			deleteQuietly(old);
	}

	/** Deletes a file or directory tree, as far as possible; never throws. */
	static void deleteQuietly(final Path root) {
		if (root == null || !Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS))
			return;
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) {
					tryDelete(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(final Path file, final IOException e) {
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(final Path dir, final IOException e) {
					tryDelete(dir);
					return FileVisitResult.CONTINUE;
				}
			});
		} catch (final IOException e) {
			// best effort: a leftover partial directory never opens as the target
		}
	}

	private static void tryDelete(final Path p) {
		try {
			Files.deleteIfExists(p);
		} catch (final IOException e) {
			// keep deleting the rest
		}
	}
}
