package org.maptem.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.janelia.saalfeldlab.n5.DataBlock;
import org.janelia.saalfeldlab.n5.DatasetAttributes;
import org.janelia.saalfeldlab.n5.N5FSReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maptem.bench.BenchFiles.Part;
import org.maptem.dataset.DType;
import org.maptem.dataset.DatasetMeta;

/** The benchmark's plumbing, on a few MiB: correct files, checked sums, parsed dd output. Nothing here is timed. */
class ReadBenchTest {

	private static final long MIB = 1L << 20;

	@TempDir
	Path dir;

	@Test
	void aSmallRunGivesEveryCachedRowAndReusesItsFiles() throws IOException {
		final ReadBench.Options o = ReadBench.Options.defaults().withBytes(8 * MIB).withThreads(2).withRepeats(1);
		final List<BenchRow> rows = ReadBench.run(dir, o);
		assertEquals(4, rows.size());
		assertEquals(1.0, rows.get(0).ratioToLimit());
		for (final BenchRow r : rows)
			assertTrue(r.mibPerS() > 0 && r.ratioToLimit() > 0, r.toString());
		final long written;
		try (var files = Files.walk(dir)) {
			written = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().lastModified()).max().orElse(0);
		}
		ReadBench.run(dir, o);
		try (var files = Files.walk(dir)) {
			assertEquals(written, files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().lastModified()).max().orElse(0),
					"a second run must reuse the cached files");
		}
	}

	@Test
	void benchmarkBlocksAreValidN5ReadByTheN5Library() throws IOException {
		final BenchData data = new BenchData(7);
		final DatasetMeta meta = BenchFiles.meta(512, DType.UINT16);
		final Path container = dir.resolve("c.n5");
		final List<Part> parts = BenchFiles.n5(container, data, meta, 128 * meta.frameBytes());
		assertEquals(4, parts.size());
		final N5FSReader n5 = new N5FSReader(container.toString());
		final DatasetAttributes attrs = n5.getDatasetAttributes("data");
		assertArrayEquals(new long[] { 128, 128, 128, 4 }, attrs.getDimensions());
		final Part third = parts.get(2);
		final DataBlock<?> block = n5.readBlock("data", attrs, 0, 0, 0, 2);
		final short[] v = (short[]) block.getData();
		double sum = 0;
		for (final short s : v)
			sum += s & 0xFFFF;
		assertEquals(data.expectedSum(third.partition().firstFrame(), third.partition().frameCount()), sum);
	}

	@Test
	void largerThanRamComparisonRunsOnASmallForcedFile() throws IOException {
		final ReadBench.Options o = ReadBench.Options.defaults().withBytes(4 * MIB).withThreads(2).withRepeats(1)
				.withLargerThanRam(8 * MIB, 1);
		final ExecutorService exec = Executors.newFixedThreadPool(2);
		try {
			final List<BenchRow> rows = LargeReadBench.run(dir, new BenchData(1), o, exec, 1 << 18);
			assumeTrue(rows.size() == 3, "needs GNU dd and O_DIRECT");
			assertTrue(rows.get(0).name().contains("dd"));
			assertTrue(rows.get(2).name().contains("O_DIRECT"), rows.get(2).name());
			for (final BenchRow r : rows)
				assertTrue(r.mibPerS() > 0, r.toString());
		} finally {
			exec.shutdownNow();
		}
	}

	@Test
	void ddSummaryIsParsedToMibPerSecond() {
		final String out = "64+0 records in\n64+0 records out\n1073741824 bytes (1.1 GB, 1.0 GiB) copied, 1.6 s, 671 MB/s\n";
		assertEquals(640.0, LargeReadBench.parseDdRate(out).getAsDouble(), 1e-9);
		assertEquals(OptionalDouble.empty(), LargeReadBench.parseDdRate("dd: failed to open 'x': No such file"));
	}

	@Test
	void sizesTakeBinaryUnits() {
		assertEquals(1L << 30, ReadBench.parseSize("1g"));
		assertEquals(512 * MIB, ReadBench.parseSize("512M"));
		assertEquals(12345, ReadBench.parseSize("12345"));
	}

	@Test
	void partitionsAre256MibOrSmallEnoughForTwoPerThread() {
		assertEquals(256 * MIB, ReadBench.partitionBytes(BenchFiles.meta(1 << 16, DType.FLOAT32), 2));
		assertEquals(128 * MIB, ReadBench.partitionBytes(BenchFiles.meta(1 << 14, DType.FLOAT32), 4));
		assertEquals(64 * 1024, ReadBench.partitionBytes(BenchFiles.meta(3, DType.FLOAT32), 8));
	}
}
