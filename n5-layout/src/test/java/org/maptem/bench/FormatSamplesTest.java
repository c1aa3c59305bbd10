package org.maptem.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Tile;
import org.maptem.formats.Formats;
import org.maptem.frames.FrameSource;
import org.maptem.frames.Simd;
import org.maptem.synth.SyntheticParams;
import org.maptem.synth.SyntheticStem;

/**
 * Every registered {@link FormatSample} writes a file its format's reader opens with the same frames as the synthetic
 * data it was written from, read in small partitions: the per-format benchmark measures readers on correct files.
 */
class FormatSamplesTest {

	static Stream<FormatSample> samples() {
		return ServiceLoader.load(FormatSample.class).stream().map(ServiceLoader.Provider::get);
	}

	@Test
	void namesAreUniqueLowerCaseWords() {
		final Set<String> names = new HashSet<>();
		for (final FormatSample s : samples().toList()) {
			assertTrue(s.name().matches("[a-z0-9][a-z0-9.-]*( [a-z0-9.-]+)*"), s.name());
			assertTrue(names.add(s.name()), "twice: " + s.name());
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void theReaderSeesTheFramesTheSampleWrote(final FormatSample sample, @TempDir final Path dir) throws IOException {
		readBack(sample, dir, 12, 64, 48);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void theScalarLoopsSeeTheSameFramesInOddWidths(final FormatSample sample, @TempDir final Path dir)
			throws IOException {
		// readers whose vector loops do multiples of 8 values finish rows of 44 (or 52, 60 …) with their scalar loop;
		// with Simd off they decode everything with it
		assertTrue(Simd.enabled(), "the test JVM runs the vector loops");
		readBack(sample, dir, 5, 22, 44);
		Simd.scalarWhile(() -> {
			try {
				readBack(sample, Files.createDirectory(dir.resolve("scalar")), 5, 22, 44);
			} catch (final IOException e) {
				throw new UncheckedIOException(e);
			}
			return true;
		});
	}

	private static void readBack(final FormatSample sample, final Path dir, final long frames, final int height,
			final int width) throws IOException {
		final SyntheticParams params = sample.params(frames, height, width);
		final SyntheticStem stem = new SyntheticStem(params);
		final Path out = Files.createDirectory(dir.resolve("out"));
		final Path path = sample.write(out, stem);
		assertTrue(path.startsWith(out), "inside the directory given: " + path);
		// tiny partitions: a few frames each
		final long partitionBytes = Math.max(1, 3 * params.meta().frameBytes());
		final Dataset d = Formats.open(path, new OpenOptions(partitionBytes, OpenOptions.DEFAULTS.readMode(), null));
		final DatasetMeta m = d.meta();
		assertEquals(params.frameCount(), m.frameCount(), "frames");
		assertArrayEquals(params.sigShape(), m.sigShape(), "frame shape");
		final int h = m.sigHeight();
		final int w = m.sigWidth();
		final float[] expected = new float[h * w];
		final List<Partition> parts = d.partitions();
		assertTrue(parts.size() > 1, "several partitions");
		for (final Partition p : parts)
			try (FrameSource src = d.open(p)) {
				final float[] got = new float[h * w];
				for (long f = p.firstFrame(); f < p.endFrame(); f++) {
					src.read(new Tile(f, 1, 0, h, w), got);
					stem.frame(f, expected);
					assertArrayEquals(expected, got, sample.name() + ": frame " + f);
				}
			}
	}
}
