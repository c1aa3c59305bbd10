package org.maptem.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maptem.dataset.Calibration;
import org.maptem.dataset.DType;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.TilePlan;
import org.maptem.formats.Formats;
import org.maptem.formats.raw.RawFormat;
import org.maptem.formats.raw.RawParams;
import org.maptem.n5.N5Dataset;

/** Containers written by {@link Ingest} read back through MapTEM's own N5 reader, fast raw path and library path. */
class IngestN5DatasetTest {

	@TempDir
	Path dir;

	static Stream<Arguments> cases() {
		final List<Arguments> a = new ArrayList<>();
		for (final DType t : DType.values())
			for (final boolean gzip : new boolean[] { false, true })
				a.add(Arguments.of(t, gzip));
		return a.stream();
	}

	@ParameterizedTest(name = "{0} gzip={1}")
	@MethodSource("cases")
	void ingestedRawReadsBackThroughN5DatasetWithTheSourceMeta(final DType t, final boolean gzip) throws IOException {
		final double[] v = Samples.values(t, 14 * 12, 31 + t.ordinal());
		final Path raw = Samples.writeRaw(dir.resolve("in.raw"), t, false, v, 14, 12, 3, 4, 0);
		final Calibration cal = Calibration.UNCALIBRATED.withScan(new double[] { 1.5, 2 }, "nm");
		final RawParams p = RawParams.of(new long[] { 2, 7 }, new int[] { 3, 4 }, t).withOffset(3).withFrameGaps(4, 0)
				.withByteOrder(ByteOrder.BIG_ENDIAN).withCalibration(cal);
		final Path out = dir.resolve("out.n5");
		final DType stored = t == DType.UINT12_PACKED ? DType.UINT16 : t;
		try (Dataset d = RawFormat.open(raw, p, OpenOptions.DEFAULTS)) {
			final IngestOptions o = IngestOptions.DEFAULTS.withPartitionBytes(3 * stored.bytesFor(12));
			Ingest.run(d, out, gzip ? o.withGzip(5) : o);
		}
		try (N5Dataset n5 = N5Dataset.open(out.resolve(Ingest.DATASET), OpenOptions.DEFAULTS)) {
			assertTrue(n5.isMaptem());
			assertArrayEquals(new long[] { 2, 7 }, n5.meta().navShape());
			assertEquals(stored, n5.meta().dtype());
			assertEquals(cal, n5.meta().calibration());
			assertEquals(6, n5.partitions().size());
			assertArrayEquals(v, Samples.readAll(n5, new TilePlan(2, 2)));
		}
	}

	@Test
	void aContainerReingestedWithOtherChunksHoldsTheSameValues() throws IOException {
		final double[] v = Samples.values(DType.INT16, 5 * 6 * 6, 12);
		final Path raw = Samples.writeRaw(dir.resolve("in.raw"), DType.INT16, true, v, 30, 6, 0, 0, 0);
		try (Dataset d = RawFormat.open(raw, RawParams.of(new long[] { 5, 6 }, new int[] { 2, 3 }, DType.INT16),
				OpenOptions.DEFAULTS)) {
			Ingest.run(d, dir.resolve("a.n5"), IngestOptions.DEFAULTS.withPartitionBytes(4 * 12));
		}
		try (N5Dataset a = N5Dataset.open(dir.resolve("a.n5").resolve(Ingest.DATASET), OpenOptions.DEFAULTS)) {
			final IngestResult r = Ingest.run(a, dir.resolve("b.n5"), IngestOptions.DEFAULTS.withPartitionBytes(13 * 12));
			assertArrayEquals(new long[] { 2, 6 }, r.sidecar().navBlock());
		}
		assertArrayEquals(v, N5Readback.read(dir.resolve("b.n5"), Ingest.DATASET));
	}

	@Test
	void aForeignZarrWrittenContainerIngestsToItsManifestHash() throws IOException {
		final Path foreign = Samples.testdata().resolve("n5/zarr_written.n5/mib_single9_12bit_3x3_gzip");
		final Manifest.Entry m;
		try (N5Dataset d = N5Dataset.open(foreign, OpenOptions.DEFAULTS)) {
			m = Manifest.entryFor(d.meta());
			Ingest.run(d, dir.resolve("z.n5"), IngestOptions.DEFAULTS.withPartitionBytes(2 * d.meta().frameBytes()));
		}
		final double[] back = N5Readback.read(dir.resolve("z.n5"), Ingest.DATASET);
		assertEquals(m.sha256(), Manifest.sha256(Samples.encode(DType.UINT16, back, 0, back.length, true)));
	}

	@Test
	void formatDetectionOpensTheIngestedContainer() throws IOException {
		final double[] v = Samples.values(DType.FLOAT32, 6 * 4, 2);
		final Path raw = Samples.writeRaw(dir.resolve("in.raw"), DType.FLOAT32, true, v, 6, 4, 0, 0, 0);
		try (Dataset d = RawFormat.open(raw, RawParams.of(new long[] { 6 }, new int[] { 2, 2 }, DType.FLOAT32),
				OpenOptions.DEFAULTS)) {
			Ingest.run(d, dir.resolve("c.n5"), IngestOptions.DEFAULTS.withPartitionBytes(32));
		}
		try (Dataset d = Formats.open(dir.resolve("c.n5"), OpenOptions.DEFAULTS)) {
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(3, 1)));
		}
	}

	@Test
	void aContainerCaughtMidIngestDoesNotOpenAsComplete() throws IOException {
		final double[] v = Samples.values(DType.UINT8, 8 * 4, 2);
		final Path raw = Samples.writeRaw(dir.resolve("in.raw"), DType.UINT8, true, v, 8, 4, 0, 0, 0);
		final List<String> seen = new ArrayList<>();
		try (Dataset d = RawFormat.open(raw, RawParams.of(new long[] { 8 }, new int[] { 2, 2 }, DType.UINT8),
				OpenOptions.DEFAULTS)) {
			Ingest.run(d, dir.resolve("c.n5"), IngestOptions.DEFAULTS.withPartitionBytes(8).withListener(p -> {
				if (p.chunksDone() != 2)
					return;
				final Path partial;
				try (Stream<Path> s = Files.list(dir)) {
					partial = s.filter(f -> f.getFileName().toString().startsWith("c.n5.partial-")).findFirst().orElseThrow();
				} catch (final IOException e) {
					throw new AssertionError(e);
				}
				seen.add(assertThrows(LayoutException.class,
						() -> N5Dataset.open(partial.resolve(Ingest.DATASET), OpenOptions.DEFAULTS)).getMessage());
				seen.add(String.valueOf(Files.exists(dir.resolve("c.n5"))));
			}));
		}
		assertEquals(2, seen.size());
		assertTrue(seen.get(0).contains("maptem.complete"), seen.get(0));
		assertEquals("false", seen.get(1));
		assertTrue(Verify.container(dir.resolve("c.n5")).ok());
	}
}
