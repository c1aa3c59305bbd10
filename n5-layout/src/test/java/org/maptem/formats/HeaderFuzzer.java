package org.maptem.formats;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.SplittableRandom;

import org.maptem.dataset.Dataset;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Tile;
import org.maptem.dataset.TilePlan;
import org.maptem.frames.FrameSource;

/**
 * Shared fuzzing for format readers: mutates a copy of a valid file (truncation at many offsets, random bit flips
 * and absurd integers in the header region) and checks that opening and reading every frame either works or fails
 * with a {@link LayoutException} whose message names the file — never another exception, an
 * {@link OutOfMemoryError} or a hang.
 *
 * <p>Usage in a format's test: {@code int n = HeaderFuzzer.of(validFile, headerBytes, seed).run(dir, opener);} and
 * assert {@code n} is the number of mutations promised in the README.
 */
public final class HeaderFuzzer {

	/** Opens a (possibly mutated) file as a dataset. */
	@FunctionalInterface
	public interface Opener {
		Dataset open(Path file) throws IOException;
	}

	private final Path valid;
	private final int headerBytes;
	private final long seed;
	private int truncations = 40;
	private int flips = 200;
	private int absurd = 60;
	private Duration perCase = Duration.ofSeconds(10);

	private HeaderFuzzer(final Path valid, final int headerBytes, final long seed) {
		this.valid = valid;
		this.headerBytes = headerBytes;
		this.seed = seed;
	}

	/** A fuzzer for {@code valid}, whose first {@code headerBytes} bytes are the header region to mutate. */
	public static HeaderFuzzer of(final Path valid, final int headerBytes, final long seed) {
		return new HeaderFuzzer(valid, headerBytes, seed);
	}

	/** Numbers of truncations, single-bit flips and absurd 4-byte integers to try. */
	public HeaderFuzzer counts(final int truncations, final int flips, final int absurd) {
		this.truncations = truncations;
		this.flips = flips;
		this.absurd = absurd;
		return this;
	}

	/**
	 * Runs every mutation on a copy of the file in {@code dir} (with the valid file's name, so extension-based
	 * detection still applies; side files such as headers must be copied there by the caller beforehand).
	 *
	 * @return how many mutated files were tried
	 */
	public int run(final Path dir, final Opener opener) throws IOException {
		final byte[] original = Files.readAllBytes(valid);
		final Path target = dir.resolve(valid.getFileName());
		final SplittableRandom random = new SplittableRandom(seed);
		int tried = 0;
		for (int i = 0; i < truncations; i++) {
			final int len = i == 0 ? 0 : (int) ((long) original.length * i / truncations) - (i % 3);
			final byte[] b = java.util.Arrays.copyOf(original, Math.max(0, Math.min(original.length - 1, len)));
			check(target, b, opener, "truncated to " + b.length + " bytes");
			tried++;
		}
		final int region = Math.max(1, Math.min(headerBytes, original.length));
		for (int i = 0; i < flips; i++) {
			final byte[] b = original.clone();
			final int at = random.nextInt(region);
			b[at] ^= (byte) (1 << random.nextInt(8));
			check(target, b, opener, "bit flip at byte " + at);
			tried++;
		}
		final int[] values = { 0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7FFF, 0xFFFF, 65536, 1 << 30, 3 };
		for (int i = 0; i < absurd && region >= 4; i++) {
			final byte[] b = original.clone();
			final int at = random.nextInt(region - 3);
			final int v = values[random.nextInt(values.length)];
			final boolean le = random.nextBoolean();
			for (int k = 0; k < 4; k++)
				b[at + k] = (byte) (le ? v >>> (8 * k) : v >>> (8 * (3 - k)));
			check(target, b, opener, "integer " + v + (le ? " (LE)" : " (BE)") + " at byte " + at);
			tried++;
		}
		Files.copy(valid, target, StandardCopyOption.REPLACE_EXISTING);
		return tried;
	}

	private void check(final Path target, final byte[] bytes, final Opener opener, final String what) throws IOException {
		Files.write(target, bytes);
		assertTimeoutPreemptively(perCase, () -> {
			try (Dataset d = opener.open(target)) {
				readAll(d);
			} catch (final LayoutException e) {
				if (e.getMessage() == null || !e.getMessage().contains(target.getFileName().toString()))
					fail(what + ": the error does not name the file: " + e.getMessage(), e);
			} catch (final OutOfMemoryError | RuntimeException e) {
				fail(what + ": expected a LayoutException naming " + target + ", got " + e, e);
			}
		}, what + ": took longer than " + perCase);
	}

	/** Reads every frame of every partition (so lazily detected damage surfaces). */
	static void readAll(final Dataset d) {
		final TilePlan plan = TilePlan.defaultFor(d.meta());
		final float[] buf = new float[plan.maxTileSize(d.meta().sigShape())];
		for (final Partition p : d.partitions())
			try (FrameSource s = d.open(p)) {
				for (final Tile t : plan.tiles(p, d.meta().sigShape()))
					s.read(t, buf);
			}
	}

	/** Opens with format detection and default options. */
	public static Opener detecting() {
		return file -> Formats.open(file, OpenOptions.DEFAULTS);
	}
}
