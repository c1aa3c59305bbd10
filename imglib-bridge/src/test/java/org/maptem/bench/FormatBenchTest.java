package org.maptem.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatBenchTest {

	/** 1 MiB per format (K2IS: its minimum of frames), two threads, one pass: a smoke run, not a measurement. */
	private static final BenchOptions SMALL = FormatBench.defaults().withBytes(1L << 20).withThreads(2)
			.withRepeats(1).withWarmups(0);

	@Test
	void everyRegisteredFormatGetsACheckedRowWithRatiosToTheLimitAndToFloat32(@TempDir final Path dir)
			throws IOException {
		// measure() checks every pass's mask sums of three frames against the synthetic frames and throws if one differs
		final FormatReport report = FormatBench.measure(dir, SMALL);
		final List<FormatRow> rows = report.rows();
		final List<String> samples = ServiceLoader.load(FormatSample.class).stream().map(p -> p.get().name()).toList();
		assertEquals(2 + samples.size(), rows.size(), "the limit, the float32 reference, then every sample");
		assertTrue(rows.get(0).name().startsWith("limit"));
		assertEquals("maptem n5 float32", rows.get(1).name());
		assertEquals(1, rows.get(1).valuesRatioToFloat32(), 1e-12);
		for (int i = 0; i < samples.size(); i++)
			assertEquals(samples.get(i), rows.get(2 + i).name());
		for (final FormatRow r : rows) {
			assertTrue(r.mibPerS() > 0 && r.storedBytes() > 0 && r.frames() > 0, r.toString());
			assertEquals(r.mibPerS() / rows.get(0).mibPerS(), r.ratioToLimit(), 1e-9, r.toString());
		}
		// number for number: values per second of a row relative to the reference's
		final FormatRow ref = rows.get(1);
		for (final FormatRow r : rows.subList(2, rows.size())) {
			final double values = r.mibPerS() / r.storedBytes() * r.frames() * r.height() * r.width();
			final double refValues = ref.mibPerS() / ref.storedBytes() * ref.frames() * ref.height() * ref.width();
			assertEquals(values / refValues, r.valuesRatioToFloat32(), 1e-9, r.toString());
		}
		final List<BenchRow> bench = report.benchRows();
		assertEquals(rows.size() + samples.size(), bench.size(), "every row, then a values/s row per format");
		assertEquals(samples.get(0) + ", values/s vs float32", bench.get(rows.size()).name());
		assertTrue(report.markdown().contains("| k2is | "), report.markdown());
	}

	@Test
	void formatFilesAreWrittenOnceAndReused(@TempDir final Path dir) throws IOException {
		final BenchOptions npy = SMALL.withOnly("npy");
		FormatBench.measure(dir, npy);
		final Map<Path, FileTime> first = modified(dir);
		assertEquals(1, Files.list(dir).filter(p -> p.getFileName().toString().startsWith("formatbench-npy-uint16-"))
				.filter(Files::isDirectory).count());
		FormatBench.measure(dir, npy);
		assertEquals(first, modified(dir), "nothing rewritten");
		assertEquals(0, Files.list(dir).filter(p -> p.getFileName().toString().startsWith(".")).count(), "no scraps");
	}

	@Test
	void optionsRejectEmptyRuns() {
		assertThrows(IllegalArgumentException.class, () -> SMALL.withBytes(100));
		assertThrows(IllegalArgumentException.class, () -> SMALL.withRepeats(0));
		assertThrows(IllegalArgumentException.class, () -> SMALL.withThreads(0));
	}

	private static Map<Path, FileTime> modified(final Path dir) throws IOException {
		final Map<Path, FileTime> out = new TreeMap<>();
		try (Stream<Path> s = Files.walk(dir)) {
			for (final Path p : s.filter(Files::isRegularFile).toList())
				out.put(p, Files.getLastModifiedTime(p));
		}
		return out;
	}
}
