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
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maptem.frames.Simd;

class EngineBenchTest {

	/** 64 frames of 128 × 128 float32, two threads, one pass: a smoke run, not a measurement. */
	private static final BenchOptions SMALL = EngineBench.defaults().withBytes(64L * 128 * 128 * 4)
			.withThreads(2).withRepeats(1).withWarmups(0);

	@Test
	void everyUdfRunsOnEveryDtypeWithRatiosToTheLimitAndToFloat32(@TempDir final Path dir) throws IOException {
		final EngineReport report = EngineBench.measure(dir, SMALL);
		final List<EngineRow> rows = report.rows();
		assertEquals(64, report.frames());
		assertEquals(1 + 5 * 3, rows.size(), "the limit, then 5 UDFs on 3 dtypes");
		assertTrue(rows.get(0).name().startsWith("limit"));
		assertEquals(1, rows.get(0).ratioToLimit());
		for (final EngineRow r : rows) {
			assertTrue(r.mibPerS() > 0, r.toString());
			assertEquals(r.mibPerS() / rows.get(0).mibPerS(), r.ratioToLimit(), 1e-9, r.toString());
			if (r.dtype().equals("float32"))
				assertEquals(1, r.valuesRatioToFloat32(), 1e-12, r.toString());
			if (r != rows.get(0)) {
				assertTrue(r.firstPartialMillis() > 0, r.toString());
				// no warm-up: the first run is the one timed pass
				assertEquals(r.firstPartialMillis(), r.firstRunFirstPartialMillis(), r.toString());
			}
		}
		assertTrue(report.firstPartialSummary().contains("for the JVM's first job (sum float32)"),
				report.firstPartialSummary());
		// number for number: MiB/s per stored byte of a value, relative to float32's 4
		final EngineRow f32 = find(rows, "16 masks: dense weights", "float32");
		final EngineRow u12 = find(rows, "16 masks: dense weights", "uint12");
		assertEquals((u12.mibPerS() / 1.5) / (f32.mibPerS() / 4), u12.valuesRatioToFloat32(), 1e-9);
		assertTrue(report.markdown().contains("| 16 masks: dense weights | uint12 |"), report.markdown());
	}

	@Test
	void benchRowsAddValueRatiosForTheNarrowTypes(@TempDir final Path dir) throws IOException {
		final EngineReport report = EngineBench.measure(dir, SMALL.withOnly("sum"));
		final List<BenchRow> rows = report.benchRows();
		assertEquals(1 + 3 + 2, rows.size(), "limit, sum on 3 dtypes, values/s rows for uint16 and uint12");
		final BenchRow u16 = rows.get(4);
		assertEquals("sum, values/s vs float32", u16.name());
		assertEquals("uint16", u16.dtype());
		assertEquals(report.rows().get(2).valuesRatioToFloat32(), u16.ratioToLimit(), 1e-12);
		assertEquals(report.rows().get(1).mibPerS() * u16.ratioToLimit(), u16.mibPerS(), 1e-6);
	}

	@Test
	void dataFilesAreWrittenOnceAndReused(@TempDir final Path dir) throws IOException {
		final BenchOptions sumOnly = SMALL.withOnly("sum");
		EngineBench.measure(dir, sumOnly);
		final Map<Path, FileTime> first = modified(dir);
		assertEquals(4, Files.list(dir).filter(p -> p.getFileName().toString().startsWith("enginebench-64x")).count(),
				"two N5 containers and two raw files");
		EngineBench.measure(dir, sumOnly);
		assertEquals(first, modified(dir), "nothing rewritten");
	}

	@Test
	void testsRunTheVectorKernels() {
		// surefire starts this module's test JVMs with --add-modules jdk.incubator.vector (but for the scalar-kernels run)
		assertTrue(Simd.enabled(), "vector kernels are off in the test JVM");
	}

	@Test
	void optionsRejectEmptyRuns() {
		assertThrows(IllegalArgumentException.class, () -> SMALL.withBytes(100));
		assertThrows(IllegalArgumentException.class, () -> SMALL.withRepeats(0));
		assertThrows(IllegalArgumentException.class, () -> SMALL.withThreads(0));
		assertEquals(3L << 30, ReadBench.parseSize("3g"));
	}

	private static EngineRow find(final List<EngineRow> rows, final String name, final String dtype) {
		return rows.stream().filter(r -> r.name().equals(name) && r.dtype().equals(dtype)).findFirst().orElseThrow();
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
