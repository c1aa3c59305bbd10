package org.maptem.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import org.maptem.synth.SyntheticParams;
import org.maptem.synth.SyntheticStem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of one {@link FormatSample} in the benchmark's cache directory, written once and found again: directory
 * {@code formatbench-<name>-<frames>x<height>x<width>} holds what the sample wrote and {@code open.txt}, the path (relative
 * to the directory) that {@link org.maptem.formats.Formats#open} takes. The sample writes into a temporary directory
 * that is renamed into place when complete, so a directory under its final name is always whole.
 *
 * @param dir         the sample's directory
 * @param open        what to open
 * @param storedBytes bytes of every file the sample wrote
 */
record FormatFiles(Path dir, Path open, long storedBytes) {

	private static final Logger LOG = LoggerFactory.getLogger(FormatFiles.class);
	private static final String OPEN = "open.txt";

	/** Finds, or writes, {@code sample}'s files for {@code params} in {@code cache}. */
	static FormatFiles prepare(final Path cache, final FormatSample sample, final SyntheticParams params)
			throws IOException {
		Files.createDirectories(cache);
		final Path dir = cache.resolve(String.format(Locale.ROOT, "formatbench-%s-%dx%dx%d",
				sample.name().replaceAll("[^a-z0-9.]+", "-"), params.frameCount(), params.sigShape()[0],
				params.sigShape()[1]));
		if (!Files.isRegularFile(dir.resolve(OPEN))) {
			final Path tmp = Files.createTempDirectory(cache, ".formatbench-");
			try {
				final long t0 = System.nanoTime();
				final Path out = sample.write(tmp, new SyntheticStem(params));
				Files.writeString(tmp.resolve(OPEN), tmp.relativize(out).toString(), StandardCharsets.UTF_8);
				move(tmp, dir);
				LOG.info("wrote {} ({} frames) in {} ms", dir, params.frameCount(), (System.nanoTime() - t0) / 1_000_000);
			} finally {
				deleteTree(tmp);
			}
		}
		return found(dir);
	}

	/** Writes {@code sample} with {@code frames} frames into a scratch directory and returns its bytes. */
	static long bytesFor(final Path scratch, final FormatSample sample, final SyntheticParams params) throws IOException {
		final Path tmp = Files.createTempDirectory(scratch, ".formatprobe-");
		try {
			sample.write(tmp, new SyntheticStem(params));
			return size(tmp);
		} finally {
			deleteTree(tmp);
		}
	}

	private static FormatFiles found(final Path dir) throws IOException {
		final String rel = Files.readString(dir.resolve(OPEN), StandardCharsets.UTF_8).trim();
		return new FormatFiles(dir, dir.resolve(rel), size(dir) - Files.size(dir.resolve(OPEN)));
	}

	private static long size(final Path dir) throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			long n = 0;
			for (final Path p : s.filter(Files::isRegularFile).toList())
				n += Files.size(p);
			return n;
		}
	}

	private static void move(final Path tmp, final Path dir) throws IOException {
		try {
			Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
		} catch (final FileAlreadyExistsException e) {
			// another run finished the same data first: keep its copy
		} catch (final AtomicMoveNotSupportedException e) {
			Files.move(tmp, dir);
		} catch (final IOException e) {
			// a non-empty target directory: another run's complete copy
			if (!Files.isRegularFile(dir.resolve(OPEN)))
				throw e;
		}
	}

	private static void deleteTree(final Path p) throws IOException {
		if (!Files.exists(p))
			return;
		try (Stream<Path> s = Files.walk(p)) {
			for (final Path q : s.sorted(Comparator.reverseOrder()).toList())
				Files.deleteIfExists(q);
		}
	}
}
