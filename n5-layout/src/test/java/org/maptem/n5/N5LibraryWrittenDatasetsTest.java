package org.maptem.n5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.janelia.saalfeldlab.n5.Bzip2Compression;
import org.janelia.saalfeldlab.n5.Compression;
import org.janelia.saalfeldlab.n5.GzipCompression;
import org.janelia.saalfeldlab.n5.Lz4Compression;
import org.janelia.saalfeldlab.n5.N5FSWriter;
import org.janelia.saalfeldlab.n5.RawCompression;
import org.janelia.saalfeldlab.n5.XzCompression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maptem.dataset.DType;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.Partition;
import org.maptem.formats.Formats;
import org.maptem.frames.FrameSource;
import org.maptem.frames.MappedFrameSource;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Datasets written by the n5 library itself, in every dtype, compression and a range of chunkings, open through
 * {@link Formats#open} and read back exactly the values the test wrote, at tiny and large partition sizes.
 */
class N5LibraryWrittenDatasetsTest {

	private static final DType[] TYPES = { DType.UINT8, DType.INT8, DType.UINT16, DType.INT16, DType.UINT32, DType.INT32,
			DType.FLOAT32, DType.FLOAT64 };

	@TempDir
	Path tmp;

	static Stream<Arguments> compressions() {
		return Stream.of(Arguments.of("raw", new RawCompression()), Arguments.of("gzip", new GzipCompression()),
				Arguments.of("gzip-zlib", new GzipCompression(1, true)), Arguments.of("bzip2", new Bzip2Compression()),
				Arguments.of("lz4", new Lz4Compression()), Arguments.of("xz", new XzCompression(1)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("compressions")
	void everyDtypeReadsBackWhatTheN5LibraryWrote(final String name, final Compression compression) {
		// 3 × 5 scan of 4 × 6 frames, chunks of 2 scan rows: the last chunk row is truncated
		final long[] nav = { 3, 5 };
		final int[] bs = { 6, 4, 5, 2 };
		for (final DType type : TYPES) {
			final Path container = tmp.resolve(name + "-" + type.n5Name() + ".n5");
			N5Fixtures.write(container, "data", type, nav, 4, 6, bs, compression);
			for (final long partitionBytes : new long[] { 1, 1L << 30 })
				try (Dataset d = Formats.open(container, OpenOptions.DEFAULTS.withPartitionBytes(partitionBytes))) {
					N5Fixtures.assertMeta(d, nav, 4, 6, type);
					assertEquals(name.startsWith("gzip") ? "gzip" : name, ((N5Dataset) d).attributes().compression());
					N5Fixtures.assertValues(d, type, 7 * 8, g -> false, bs);
				}
		}
	}

	/** Chunkings: NumPy nav, frame h × w, N5 block size. */
	static Stream<Arguments> chunkings() {
		final List<Arguments> a = new ArrayList<>();
		// a single 2D frame, whole and in blocks that split the detector (truncated at both edges)
		a.add(Arguments.of(new long[0], 5, 7, new int[] { 7, 5 }));
		a.add(Arguments.of(new long[0], 5, 7, new int[] { 3, 2 }));
		// one scan axis: MapTEM-like runs of 3 frames, ragged (7 = 3 + 3 + 1)
		a.add(Arguments.of(new long[] { 7 }, 5, 7, new int[] { 7, 5, 3 }));
		a.add(Arguments.of(new long[] { 7 }, 5, 7, new int[] { 4, 5, 2 }));
		// two scan axes
		a.add(Arguments.of(new long[] { 3, 5 }, 5, 7, new int[] { 7, 5, 5, 1 }));
		a.add(Arguments.of(new long[] { 3, 5 }, 5, 7, new int[] { 7, 5, 5, 2 }));
		a.add(Arguments.of(new long[] { 3, 5 }, 5, 7, new int[] { 7, 5, 2, 1 }));
		a.add(Arguments.of(new long[] { 3, 5 }, 5, 7, new int[] { 4, 3, 2, 2 }));
		a.add(Arguments.of(new long[] { 3, 5 }, 5, 7, new int[] { 7, 5, 5, 3 }));
		a.add(Arguments.of(new long[] { 3, 5 }, 5, 7, new int[] { 8, 8, 8, 4 }));
		a.add(Arguments.of(new long[] { 1, 9 }, 1, 7, new int[] { 7, 1, 4, 1 }));
		// three scan axes
		a.add(Arguments.of(new long[] { 2, 3, 4 }, 3, 4, new int[] { 4, 3, 4, 3, 1 }));
		a.add(Arguments.of(new long[] { 2, 3, 4 }, 3, 4, new int[] { 4, 3, 4, 1, 1 }));
		a.add(Arguments.of(new long[] { 2, 3, 4 }, 3, 4, new int[] { 3, 2, 3, 2, 2 }));
		a.add(Arguments.of(new long[] { 2, 3, 4 }, 3, 4, new int[] { 4, 3, 4, 3, 2 }));
		return a.stream();
	}

	@ParameterizedTest(name = "nav {0} sig {1}x{2} blockSize {3}")
	@MethodSource("chunkings")
	void everyChunkingReadsBackWhatTheN5LibraryWrote(final long[] nav, final int h, final int w, final int[] bs) {
		for (final boolean pad : new boolean[] { false, true })
			for (final Compression c : new Compression[] { new RawCompression(), new GzipCompression() }) {
				final Path container = tmp.resolve((pad ? "padded-" : "truncated-") + c.getType() + ".n5");
				N5Fixtures.write(container, "data", DType.UINT16, nav, h, w, bs, c, pad, g -> false);
				final long frameBytes = 2L * h * w;
				for (final long partitionBytes : new long[] { 1, frameBytes * 2 + 1, frameBytes * 5, 1L << 30 })
					try (Dataset d = Formats.open(container, OpenOptions.DEFAULTS.withPartitionBytes(partitionBytes))) {
						N5Fixtures.assertMeta(d, nav, h, w, DType.UINT16);
						N5Fixtures.assertValues(d, DType.UINT16, 3L * w * 8, g -> false, bs);
					}
			}
	}

	@Test
	void missingBlocksOfAForeignDatasetReadAsZeros() {
		final long[] nav = { 3, 5 };
		final int[] bs = { 4, 3, 2, 2 };
		final Predicate<long[]> missing = g -> (g[0] + g[1] + g[2] + g[3]) % 3 == 1;
		for (final Compression c : new Compression[] { new RawCompression(), new GzipCompression() }) {
			final Path container = tmp.resolve("holes-" + c.getType() + ".n5");
			N5Fixtures.write(container, "data", DType.INT16, nav, 5, 7, bs, c, false, missing);
			try (Dataset d = Formats.open(container, OpenOptions.DEFAULTS.withPartitionBytes(1))) {
				N5Fixtures.assertValues(d, DType.INT16, 1 << 20, missing, bs);
			}
		}
	}

	@Test
	void contiguousRawChunksAreMappedInPlaceWithoutASidecarWhenPartitionsMatchChunks() {
		// MapTEM-like [sigW, sigH, navX, k]; partitions of exactly one chunk take the mmap fast path
		final long[] nav = { 7, 5 };
		final int[] bs = { 6, 4, 5, 3 };
		final Path container = tmp.resolve("maptem-like.n5");
		N5Fixtures.write(container, "data", DType.UINT16, nav, 4, 6, bs, new RawCompression());
		try (Dataset d = Formats.open(container, OpenOptions.DEFAULTS.withPartitionBytes(2L * 4 * 6 * 15))) {
			assertEquals(3, d.partitions().size(), "one partition per chunk: 7 scan rows = 3 + 3 + 1");
			assertEquals(List.of(new Partition(0, 0, 15), new Partition(1, 15, 15), new Partition(2, 30, 5)), d.partitions());
			assertAllMapped(d);
			N5Fixtures.assertValues(d, DType.UINT16, 100, g -> false, bs);
		}
	}

	@Test
	void aSidecarMakesEveryChunkOnePartitionReadInPlaceWhateverTheBudget() {
		final long[] nav = { 7, 5 };
		final int[] bs = { 6, 4, 5, 3 };
		final Path container = tmp.resolve("with-sidecar.n5");
		N5Fixtures.write(container, "data", DType.FLOAT32, nav, 4, 6, bs, new RawCompression());
		try (N5FSWriter w = new N5FSWriter(container.toString())) {
			w.setAttribute("data", "maptem", sidecar(nav, 4, 6, "float32", new long[] { 3, 5 }, true));
		}
		for (final long partitionBytes : new long[] { 1, 1L << 30 })
			try (Dataset d = Formats.open(container, OpenOptions.DEFAULTS.withPartitionBytes(partitionBytes))) {
				assertTrue(((N5Dataset) d).isMaptem());
				assertEquals(List.of(new Partition(0, 0, 15), new Partition(1, 15, 15), new Partition(2, 30, 5)), d.partitions());
				assertEquals("0/0/0/2", ((N5Dataset) d).chunkKey(d.partitions().get(2)));
				assertAllMapped(d);
				N5Fixtures.assertValues(d, DType.FLOAT32, 1 << 20, g -> false, bs);
			}
	}

	@Test
	void aSingleRawFrameIsMappedFromItsOneBlock() {
		final Path container = tmp.resolve("frame.n5");
		final Path dir = N5Fixtures.write(container, "data", DType.UINT32, new long[0], 5, 7, new int[] { 7, 5 }, new RawCompression());
		try (Dataset d = Formats.open(container, OpenOptions.DEFAULTS)) {
			assertEquals(dir.resolve("0").resolve("0"), ((N5Dataset) d).chunkFile(d.partitions().get(0)));
			assertAllMapped(d);
			N5Fixtures.assertValues(d, DType.UINT32, 1 << 20, g -> false, new int[] { 7, 5 });
		}
	}

	@Test
	void zeroPaddedEdgeChunksAreCroppedOnTheFastPathToo() {
		final long[] nav = { 7, 5 };
		final int[] bs = { 6, 4, 5, 3 };
		final Path container = tmp.resolve("padded.n5");
		N5Fixtures.write(container, "data", DType.UINT8, nav, 4, 6, bs, new RawCompression(), true, g -> false);
		try (Dataset d = Formats.open(container, OpenOptions.DEFAULTS.withPartitionBytes(4 * 6 * 15))) {
			assertAllMapped(d);
			N5Fixtures.assertValues(d, DType.UINT8, 1 << 20, g -> false, bs);
		}
	}

	@Test
	void compressedOrDetectorSplittingChunksAreAssembledInMemory() {
		final Path gz = tmp.resolve("gz.n5");
		N5Fixtures.write(gz, "data", DType.UINT16, new long[] { 3, 5 }, 4, 6, new int[] { 6, 4, 5, 1 }, new GzipCompression());
		final Path split = tmp.resolve("split.n5");
		N5Fixtures.write(split, "data", DType.UINT16, new long[] { 3, 5 }, 4, 6, new int[] { 3, 4, 5, 1 }, new RawCompression());
		for (final Path c : List.of(gz, split))
			try (Dataset d = Formats.open(c, OpenOptions.DEFAULTS.withPartitionBytes(2 * 4 * 6 * 5))) {
				for (final Partition p : d.partitions())
					try (FrameSource s = d.open(p)) {
						assertFalse(s instanceof MappedFrameSource, c + " cannot be mapped in place");
					}
			}
	}

	@Test
	void theDatasetIsFoundInsideTheContainerOrOpenedDirectly() throws Exception {
		final Path container = tmp.resolve("x.n5");
		final Path dir = N5Fixtures.write(container, "data", DType.UINT8, new long[] { 2, 3 }, 4, 6, new int[] { 6, 4, 3, 1 },
				new RawCompression());
		assertEquals("4.0.0", com.google.gson.JsonParser.parseString(Files.readString(container.resolve("attributes.json")))
				.getAsJsonObject().get("n5").getAsString(), "the n5 library marks the root with its N5 version, as docs/format.md says");
		assertEquals(dir, N5Dataset.locate(container));
		assertEquals(dir, N5Dataset.locate(dir));
		try (Dataset a = Formats.open(container, OpenOptions.DEFAULTS); Dataset b = Formats.open(dir, OpenOptions.DEFAULTS)) {
			assertEquals(a.meta(), b.meta());
		}
	}

	private static void assertAllMapped(final Dataset d) {
		for (final Partition p : d.partitions())
			try (FrameSource s = d.open(p)) {
				assertInstanceOf(MappedFrameSource.class, s, d.storage() + ": " + p + " should be mapped in place");
			}
	}

	/** A version-1 sidecar written from the schema in docs/format.md, not by {@link Sidecar}. */
	static JsonObject sidecar(final long[] nav, final int h, final int w, final String dtype, final long[] navBlock,
			final boolean complete) {
		final JsonObject o = new JsonObject();
		o.addProperty("version", 1);
		o.add("nav_shape", array(nav));
		o.add("sig_shape", array(new long[] { h, w }));
		o.addProperty("dtype", dtype);
		final JsonObject cal = new JsonObject();
		final JsonArray step = new JsonArray();
		for (int i = 0; i < nav.length; i++)
			step.add(1.5);
		cal.add("scan_step", step);
		cal.addProperty("scan_unit", "nm");
		final JsonArray px = new JsonArray();
		px.add(0.25);
		px.add(0.25);
		cal.add("detector_pixel", px);
		cal.addProperty("detector_unit", "mrad");
		cal.add("camera_length_m", com.google.gson.JsonNull.INSTANCE);
		cal.addProperty("beam_energy_kev", 300.0);
		o.add("calibration", cal);
		final JsonObject prov = new JsonObject();
		prov.addProperty("format", "test");
		prov.add("files", new JsonArray());
		prov.add("details", new JsonObject());
		o.add("provenance", prov);
		final JsonObject part = new JsonObject();
		part.add("nav_block", array(navBlock));
		o.add("partitioning", part);
		final JsonObject sums = new JsonObject();
		sums.addProperty("algorithm", "crc32c");
		sums.add("chunks", new JsonObject());
		o.add("checksums", sums);
		o.addProperty("complete", complete);
		return o;
	}

	static JsonArray array(final long[] v) {
		final JsonArray a = new JsonArray();
		for (final long x : v)
			a.add(x);
		return a;
	}
}
