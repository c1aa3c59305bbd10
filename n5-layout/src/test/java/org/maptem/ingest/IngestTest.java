package org.maptem.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.janelia.saalfeldlab.n5.Bzip2Compression;
import org.janelia.saalfeldlab.n5.Compression;
import org.janelia.saalfeldlab.n5.GzipCompression;
import org.janelia.saalfeldlab.n5.Lz4Compression;
import org.janelia.saalfeldlab.n5.N5FSReader;
import org.janelia.saalfeldlab.n5.RawCompression;
import org.janelia.saalfeldlab.n5.XzCompression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.maptem.dataset.Calibration;
import org.maptem.dataset.DType;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.formats.npy.NpyDataset;
import org.maptem.formats.npy.NpyWriter;
import org.maptem.formats.raw.RawFormat;
import org.maptem.formats.raw.RawParams;
import org.maptem.n5.Sidecar;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class IngestTest {

	@TempDir
	Path dir;

	static Stream<Arguments> dtypesAndOrders() {
		final List<Arguments> a = new ArrayList<>();
		for (final DType t : DType.values())
			for (final boolean little : new boolean[] { true, false })
				a.add(Arguments.of(t, little));
		return a.stream();
	}

	/** A uint16 .npy of {@code shape} with random values, and those values. */
	private double[] npy(final Path file, final long[] shape, final long seed) {
		int n = 1;
		for (final long d : shape)
			n *= (int) d;
		final double[] v = Samples.values(DType.UINT16, n, seed);
		final short[] s = new short[n];
		for (int i = 0; i < n; i++)
			s[i] = (short) v[i];
		NpyWriter.write(file, DType.UINT16, shape, s);
		return v;
	}

	private static Set<String> siblings(final Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
		}
	}

	private static Sidecar sidecar(final Path root) {
		try (N5FSReader n5 = new N5FSReader(root.toString())) {
			return Sidecar.fromJson(n5.getAttribute(Ingest.DATASET, Sidecar.KEY, JsonElement.class), root);
		}
	}

	@ParameterizedTest(name = "{0} little-endian={1}")
	@MethodSource("dtypesAndOrders")
	void rawOfEveryDtypeAndByteOrderWithGapsReadsBackThroughTheN5Library(final DType t, final boolean little)
			throws IOException {
		final double[] v = Samples.values(t, 12 * 12, t.ordinal() * 2 + (little ? 1 : 0));
		final Path raw = Samples.writeRaw(dir.resolve("in.raw"), t, little, v, 12, 12, 11, 6, 2);
		final RawParams p = RawParams.of(new long[] { 3, 4 }, new int[] { 3, 4 }, t).withOffset(11).withFrameGaps(6, 2)
				.withByteOrder(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
		final DType stored = t == DType.UINT12_PACKED ? DType.UINT16 : t;
		try (Dataset d = RawFormat.open(raw, p, OpenOptions.DEFAULTS)) {
			// 3 frames per chunk: nav block [1, 3], two chunks per scan row, the second ragged
			final IngestResult r = Ingest.run(d, dir.resolve("out.n5"),
					IngestOptions.DEFAULTS.withPartitionBytes(3 * stored.bytesFor(12)));
			assertEquals(6, r.chunks());
			assertArrayEquals(new long[] { 1, 3 }, r.sidecar().navBlock());
		}
		assertArrayEquals(v, N5Readback.read(dir.resolve("out.n5"), Ingest.DATASET));
		try (N5FSReader n5 = new N5FSReader(dir.resolve("out.n5").toString())) {
			assertEquals(stored.n5Name(), n5.getDatasetAttributes(Ingest.DATASET).getDataType().toString());
		}
	}

	/** Parses attributes.json without the n5 library. */
	private static JsonObject attributes(final Path root) throws IOException {
		try (Reader r = Files.newBufferedReader(root.resolve("data").resolve("attributes.json"))) {
			return JsonParser.parseReader(r).getAsJsonObject();
		}
	}

	private static int[] ints(final JsonObject o, final String key) {
		return o.getAsJsonArray(key).asList().stream().mapToInt(JsonElement::getAsInt).toArray();
	}

	/**
	 * Expected block files computed from the N5 specification: for every chunk of nav block {@code block} (NumPy
	 * order), a big-endian header (u16 mode 0, u16 ndim, u32 size per N5 dimension, edge sizes truncated), then the
	 * chunk's elements big-endian in C order of its NumPy-order shape.
	 */
	private static Map<String, byte[]> expectedBlocks(final double[] v, final long[] nav, final int h, final int w,
			final long[] block) {
		final int n = nav.length;
		final Map<String, byte[]> out = new TreeMap<>();
		final long[] grid = new long[n];
		final long[] gridSize = new long[n];
		for (int i = 0; i < n; i++)
			gridSize[i] = (nav[i] + block[i] - 1) / block[i];
		while (true) {
			final long[] ext = new long[n];
			int frames = 1;
			for (int i = 0; i < n; i++) {
				ext[i] = Math.min(block[i], nav[i] - grid[i] * block[i]);
				frames *= (int) ext[i];
			}
			final ByteBuffer b = ByteBuffer.allocate(4 + 4 * (n + 2) + frames * h * w * 2).order(ByteOrder.BIG_ENDIAN);
			b.putShort((short) 0).putShort((short) (n + 2)).putInt(w).putInt(h);
			for (int i = n - 1; i >= 0; i--)
				b.putInt((int) ext[i]);
			final long[] local = new long[n];
			for (int f = 0; f < frames; f++) {
				long frame = 0;
				for (int i = 0; i < n; i++)
					frame = frame * nav[i] + grid[i] * block[i] + local[i];
				for (int k = 0; k < h * w; k++)
					b.putShort((short) (int) v[(int) (frame * h * w + k)]);
				for (int i = n - 1; i >= 0; i--) {
					if (++local[i] < ext[i])
						break;
					local[i] = 0;
				}
			}
			final StringBuilder path = new StringBuilder("0/0");
			for (int i = n - 1; i >= 0; i--)
				path.append('/').append(grid[i]);
			out.put(path.toString(), b.array());
			int i = n - 1;
			while (i >= 0 && ++grid[i] >= gridSize[i])
				grid[i--] = 0;
			if (i < 0)
				return out;
		}
	}

	static Stream<Arguments> raggedGrids() {
		// nav shape, frames per chunk budget, nav block worked out by hand from "full faster axes, a block on one"
		return Stream.of(
				Arguments.of(new long[] { 5, 3 }, 7, new long[] { 2, 3 }),
				Arguments.of(new long[] { 2, 3, 4 }, 10, new long[] { 1, 2, 4 }),
				Arguments.of(new long[] { 7 }, 3, new long[] { 3 }),
				Arguments.of(new long[] { 3, 5 }, 2, new long[] { 1, 2 }));
	}

	@ParameterizedTest(name = "nav {0}, {1} frames per chunk")
	@MethodSource("raggedGrids")
	void chunkFilesAreByteForByteTheN5BlocksOfTheSpecification(final long[] nav, final int frames, final long[] block)
			throws IOException {
		final long[] shape = java.util.Arrays.copyOf(nav, nav.length + 2);
		shape[nav.length] = 3;
		shape[nav.length + 1] = 4;
		final double[] v = npy(dir.resolve("in.npy"), shape, 7);
		final Path out = dir.resolve("out.n5");
		try (NpyDataset d = NpyDataset.open(dir.resolve("in.npy"), OpenOptions.DEFAULTS.withPartitionBytes(24))) {
			Ingest.run(d, out, IngestOptions.DEFAULTS.withPartitionBytes(frames * 24L));
		}
		final JsonObject attrs = attributes(out);
		final int[] blockSize = new int[nav.length + 2];
		blockSize[0] = 4;
		blockSize[1] = 3;
		for (int i = 0; i < nav.length; i++)
			blockSize[2 + i] = (int) block[nav.length - 1 - i];
		assertArrayEquals(blockSize, ints(attrs, "blockSize"));
		assertEquals("uint16", attrs.get("dataType").getAsString());
		assertEquals("raw", attrs.getAsJsonObject("compression").get("type").getAsString());
		final Map<String, byte[]> expected = expectedBlocks(v, nav, 3, 4, block);
		final Path data = out.resolve("data");
		final Set<String> files;
		try (Stream<Path> s = Files.walk(data)) {
			files = s.filter(Files::isRegularFile).map(p -> data.relativize(p).toString())
					.filter(p -> !p.equals("attributes.json")).collect(Collectors.toCollection(TreeSet::new));
		}
		assertEquals(expected.keySet(), files);
		for (final Map.Entry<String, byte[]> e : expected.entrySet())
			assertArrayEquals(e.getValue(), Files.readAllBytes(data.resolve(e.getKey())), "chunk " + e.getKey());
	}

	static Stream<Compression> compressions() {
		return Stream.of(new GzipCompression(), new GzipCompression(1, true), new Bzip2Compression(), new XzCompression(),
				new Lz4Compression(), new RawCompression());
	}

	@ParameterizedTest
	@MethodSource("compressions")
	void compressedChunksAreReadableByTheN5Library(final Compression c) throws IOException {
		final double[] v = npy(dir.resolve("in.npy"), new long[] { 4, 3, 5, 6 }, 3);
		try (NpyDataset d = NpyDataset.open(dir.resolve("in.npy"), OpenOptions.DEFAULTS)) {
			Ingest.run(d, dir.resolve("c.n5"), IngestOptions.DEFAULTS.withCompression(c).withPartitionBytes(5 * 60));
		}
		assertArrayEquals(v, N5Readback.read(dir.resolve("c.n5"), Ingest.DATASET));
		try (N5FSReader n5 = new N5FSReader(dir.resolve("c.n5").toString())) {
			assertEquals(c, n5.getDatasetAttributes(Ingest.DATASET).getCompression());
		}
		assertTrue(Verify.container(dir.resolve("c.n5")).ok());
	}

	@ParameterizedTest
	@ValueSource(strings = { "n5_reference_input_001_4x2_6bit.npy", "n5_reference_input_single9_12bit_3x3.npy" })
	void referenceInputsIngestToTheManifestsHash(final String name) throws IOException {
		final Path in = Samples.testdata().resolve("n5").resolve(name);
		final Path out = dir.resolve("ref.n5");
		final Manifest.Entry m;
		try (NpyDataset d = NpyDataset.open(in, OpenOptions.DEFAULTS)) {
			m = Manifest.entryFor(d.meta());
			Ingest.run(d, out, IngestOptions.DEFAULTS.withGzip(1).withPartitionBytes(3 * d.meta().frameBytes()));
		}
		final double[] back = N5Readback.read(out, Ingest.DATASET);
		assertEquals(m.sha256(), Manifest.sha256(Samples.encode(DType.parse(m.dtype()), back, 0, back.length, true)));
		double sum = 0;
		for (final double x : back)
			sum += x;
		assertEquals(m.sum(), sum);
	}

	@Test
	void sidecarRecordsTheModelCalibrationProvenanceAndEveryChunksCrc32c() throws IOException {
		final double[] v = Samples.values(DType.UINT16, 10 * 6, 1);
		final Path raw = Samples.writeRaw(dir.resolve("in.raw"), DType.UINT16, true, v, 10, 6, 0, 0, 0);
		final Calibration cal = Calibration.UNCALIBRATED.withScan(new double[] { 2.5, 1.5 }, "nm")
				.withDetector(0.1, 0.2, "mrad").withOptics(0.2, 300);
		final RawParams p = RawParams.of(new long[] { 2, 5 }, new int[] { 2, 3 }, DType.UINT16).withCalibration(cal);
		final Path out = dir.resolve("meta.n5");
		final Instant before = Instant.now();
		try (Dataset d = RawFormat.open(raw, p, OpenOptions.DEFAULTS)) {
			Ingest.run(d, out, IngestOptions.DEFAULTS.withPartitionBytes(4 * 12));
		}
		final Sidecar s = sidecar(out);
		assertTrue(s.complete());
		assertArrayEquals(new long[] { 1, 4 }, s.navBlock());
		assertArrayEquals(new long[] { 2, 5 }, s.meta().navShape());
		assertArrayEquals(new int[] { 2, 3 }, s.meta().sigShape());
		assertEquals(DType.UINT16, s.meta().dtype());
		assertEquals(cal, s.meta().calibration());
		assertEquals("raw", s.meta().provenance().format());
		assertEquals(List.of(raw.toAbsolutePath().toString()), s.meta().provenance().files());
		final Map<String, String> details = s.meta().provenance().details();
		assertEquals(raw.toAbsolutePath().toString(), details.get("ingest_source"));
		assertEquals("raw", details.get("ingest_compression"));
		assertNotNull(details.get("ingest_maptem_version"));
		assertFalse(Instant.parse(details.get("ingest_time")).isBefore(before.minusSeconds(1)));
		assertEquals("little", details.get("byte_order"));
		final Map<String, String> crcs = new TreeMap<>();
		try (Stream<Path> files = Files.walk(out.resolve("data"))) {
			for (final Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
				if (f.getFileName().toString().equals("attributes.json"))
					continue;
				final CRC32C crc = new CRC32C();
				crc.update(Files.readAllBytes(f));
				crcs.put(out.resolve("data").relativize(f).toString(), String.format("%08x", crc.getValue()));
			}
		}
		assertEquals(Set.of("0/0/0/0", "0/0/1/0", "0/0/0/1", "0/0/1/1"), crcs.keySet());
		assertEquals(crcs, new TreeMap<>(s.checksums()));
	}

	@Test
	void packedTwelveBitIsStoredAsUint16AndSaysSo() throws IOException {
		final double[] v = Samples.values(DType.UINT12_PACKED, 3 * 8, 4);
		final Path raw = Samples.writeRaw(dir.resolve("p.raw"), DType.UINT12_PACKED, true, v, 3, 8, 0, 0, 0);
		try (Dataset d = RawFormat.open(raw, RawParams.of(new long[] { 3 }, new int[] { 2, 4 }, DType.UINT12_PACKED),
				OpenOptions.DEFAULTS)) {
			final IngestResult r = Ingest.run(d, dir.resolve("p.n5"), IngestOptions.DEFAULTS);
			assertEquals(DType.UINT16, r.sidecar().meta().dtype());
			assertEquals("uint12packed", r.sidecar().meta().provenance().details().get("ingest_source_dtype"));
			assertEquals(3 * 8 * 2, r.dataBytes());
		}
		assertArrayEquals(v, N5Readback.read(dir.resolve("p.n5"), Ingest.DATASET));
	}

	@Test
	void framesLargerThanATileAreStreamedInRowBands() throws IOException {
		final double[] v = npy(dir.resolve("big.npy"), new long[] { 2, 600, 600 }, 8);
		try (NpyDataset d = NpyDataset.open(dir.resolve("big.npy"), OpenOptions.DEFAULTS)) {
			Ingest.run(d, dir.resolve("big.n5"), IngestOptions.DEFAULTS.withPartitionBytes(1));
		}
		assertArrayEquals(v, N5Readback.read(dir.resolve("big.n5"), Ingest.DATASET));
	}

	@Test
	void progressReportsEveryChunkAndEndsAtTheTotalBytes() throws IOException {
		npy(dir.resolve("in.npy"), new long[] { 3, 4, 2, 2 }, 2);
		final List<IngestProgress> seen = new ArrayList<>();
		try (NpyDataset d = NpyDataset.open(dir.resolve("in.npy"), OpenOptions.DEFAULTS)) {
			Ingest.run(d, dir.resolve("p.n5"), IngestOptions.DEFAULTS.withPartitionBytes(3 * 8).withThreads(3)
					.withListener(seen::add));
		}
		assertEquals(6, seen.size());
		final Set<String> chunks = new TreeSet<>();
		long last = 0;
		for (int i = 0; i < seen.size(); i++) {
			final IngestProgress p = seen.get(i);
			assertEquals(i + 1, p.chunksDone());
			assertEquals(6, p.chunksTotal());
			assertEquals(12 * 8, p.bytesTotal());
			assertTrue(p.bytesDone() > last);
			last = p.bytesDone();
			chunks.add(p.chunk());
		}
		assertEquals(12 * 8, last);
		assertEquals(1.0, seen.get(5).fraction());
		assertEquals(6, chunks.size());
	}

	@Test
	void parallelWritersProduceTheSameContainerAsOne() throws IOException {
		npy(dir.resolve("in.npy"), new long[] { 5, 7, 3, 3 }, 5);
		try (NpyDataset d = NpyDataset.open(dir.resolve("in.npy"), OpenOptions.DEFAULTS.withPartitionBytes(50))) {
			Ingest.run(d, dir.resolve("one.n5"), IngestOptions.DEFAULTS.withThreads(1).withPartitionBytes(4 * 18));
			Ingest.run(d, dir.resolve("four.n5"), IngestOptions.DEFAULTS.withThreads(4).withPartitionBytes(4 * 18));
		}
		final Sidecar one = sidecar(dir.resolve("one.n5"));
		assertEquals(one.checksums(), sidecar(dir.resolve("four.n5")).checksums());
		for (final String chunk : one.checksums().keySet())
			assertArrayEquals(Files.readAllBytes(dir.resolve("one.n5/data").resolve(chunk)),
					Files.readAllBytes(dir.resolve("four.n5/data").resolve(chunk)));
	}

	@ParameterizedTest(name = "{0} threads")
	@ValueSource(ints = { 1, 2 })
	void listenerThatThrowsMidIngestLeavesNoTargetAndNoPartialDirectory(final int threads) throws IOException {
		npy(dir.resolve("in.npy"), new long[] { 6, 4, 4 }, 6);
		final IllegalStateException boom = new IllegalStateException("listener failed");
		try (NpyDataset d = NpyDataset.open(dir.resolve("in.npy"), OpenOptions.DEFAULTS)) {
			final IllegalStateException e = assertThrows(IllegalStateException.class, () -> Ingest.run(d,
					dir.resolve("out.n5"), IngestOptions.DEFAULTS.withPartitionBytes(32).withThreads(threads).withListener(p -> {
						if (p.chunksDone() == 2)
							throw boom;
					})));
			assertSame(boom, e);
		}
		assertEquals(Set.of("in.npy"), siblings(dir));
	}

	@Test
	void cancellationStopsTheIngestAndLeavesNothing() throws IOException {
		npy(dir.resolve("in.npy"), new long[] { 6, 4, 4 }, 6);
		final int[] chunks = { 0 };
		try (NpyDataset d = NpyDataset.open(dir.resolve("in.npy"), OpenOptions.DEFAULTS)) {
			assertThrows(CancellationException.class, () -> Ingest.run(d, dir.resolve("out.n5"),
					IngestOptions.DEFAULTS.withPartitionBytes(32).withListener(p -> chunks[0]++).withCancellation(() -> chunks[0] >= 1)));
		}
		assertEquals(1, chunks[0]);
		assertEquals(Set.of("in.npy"), siblings(dir));
	}

	@Test
	void interruptedCallerGetsCancellationKeepsItsInterruptFlagAndNothingIsLeft() throws IOException {
		npy(dir.resolve("in.npy"), new long[] { 6, 4, 4 }, 6);
		try (NpyDataset d = NpyDataset.open(dir.resolve("in.npy"), OpenOptions.DEFAULTS)) {
			Thread.currentThread().interrupt();
			try {
				assertThrows(CancellationException.class,
						() -> Ingest.run(d, dir.resolve("out.n5"), IngestOptions.DEFAULTS.withPartitionBytes(32)));
				assertTrue(Thread.currentThread().isInterrupted());
			} finally {
				Thread.interrupted();
			}
		}
		assertEquals(Set.of("in.npy"), siblings(dir));
	}

	@Test
	void interruptMidIngestCancelsAndLeavesNothing() throws IOException {
		npy(dir.resolve("in.npy"), new long[] { 8, 4, 4 }, 6);
		try (NpyDataset d = NpyDataset.open(dir.resolve("in.npy"), OpenOptions.DEFAULTS)) {
			try {
				final CancellationException e = assertThrows(CancellationException.class, () -> Ingest.run(d,
						dir.resolve("out.n5"), IngestOptions.DEFAULTS.withPartitionBytes(32).withListener(p -> {
							if (p.chunksDone() == 2)
								Thread.currentThread().interrupt();
						})));
				assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
				assertTrue(Thread.currentThread().isInterrupted());
			} finally {
				Thread.interrupted();
			}
		}
		assertEquals(Set.of("in.npy"), siblings(dir));
	}

	@Test
	void failingSourceLeavesNoTargetAndNoPartialDirectory() throws IOException {
		npy(dir.resolve("in.npy"), new long[] { 6, 4, 4 }, 6);
		try (NpyDataset d = NpyDataset.open(dir.resolve("in.npy"), OpenOptions.DEFAULTS)) {
			// the file shrinks after opening: mapping the missing frames fails inside a chunk writer
			try (var ch = java.nio.channels.FileChannel.open(dir.resolve("in.npy"), java.nio.file.StandardOpenOption.WRITE)) {
				ch.truncate(200);
			}
			assertThrows(LayoutException.class,
					() -> Ingest.run(d, dir.resolve("out.n5"), IngestOptions.DEFAULTS.withPartitionBytes(32)));
		}
		assertEquals(Set.of("in.npy"), siblings(dir));
	}

	@Test
	void compressionWithoutAStreamWriterIsRefusedBeforeAnythingIsWritten() throws IOException {
		npy(dir.resolve("in.npy"), new long[] { 2, 2, 2 }, 1);
		final Compression whole = new Compression() {

			private static final long serialVersionUID = 1L;

			@Override
			public org.janelia.saalfeldlab.n5.BlockReader getReader() {
				return null;
			}

			@Override
			public org.janelia.saalfeldlab.n5.BlockWriter getWriter() {
				return new org.janelia.saalfeldlab.n5.BlockWriter() {

					@Override
					public <T> void write(final org.janelia.saalfeldlab.n5.DataBlock<T> block, final java.io.OutputStream out) {
						throw new AssertionError("never called");
					}
				};
			}
		};
		try (NpyDataset d = NpyDataset.open(dir.resolve("in.npy"), OpenOptions.DEFAULTS)) {
			final LayoutException e = assertThrows(LayoutException.class,
					() -> Ingest.run(d, dir.resolve("out.n5"), IngestOptions.DEFAULTS.withCompression(whole)));
			assertTrue(e.getMessage().contains("expected a streaming block writer"), e.getMessage());
		}
		assertEquals(Set.of("in.npy"), siblings(dir));
	}

	@Test
	void existingTargetIsRefusedByNameAndLeftUntouched() throws IOException {
		npy(dir.resolve("in.npy"), new long[] { 2, 2, 2 }, 1);
		final Path target = dir.resolve("out.n5");
		Files.createDirectories(target);
		Files.writeString(target.resolve("keep.txt"), "mine");
		try (NpyDataset d = NpyDataset.open(dir.resolve("in.npy"), OpenOptions.DEFAULTS)) {
			final LayoutException e = assertThrows(LayoutException.class, () -> Ingest.run(d, target, IngestOptions.DEFAULTS));
			assertTrue(e.getMessage().startsWith(target.toAbsolutePath() + ": field 'ingest target'"), e.getMessage());
			assertTrue(e.getMessage().endsWith("found an existing directory"), e.getMessage());
		}
		assertEquals("mine", Files.readString(target.resolve("keep.txt")));
		assertEquals(Set.of("in.npy", "out.n5"), siblings(dir));
	}

	@Test
	void overwriteReplacesAnExistingContainerAndLeavesNoOldCopy() throws IOException {
		npy(dir.resolve("a.npy"), new long[] { 3, 2, 2 }, 1);
		final double[] b = npy(dir.resolve("b.npy"), new long[] { 4, 3, 3 }, 2);
		final Path target = dir.resolve("out.n5");
		try (NpyDataset a = NpyDataset.open(dir.resolve("a.npy"), OpenOptions.DEFAULTS)) {
			Ingest.run(a, target, IngestOptions.DEFAULTS);
		}
		try (NpyDataset d = NpyDataset.open(dir.resolve("b.npy"), OpenOptions.DEFAULTS)) {
			Ingest.run(d, target, IngestOptions.DEFAULTS.withOverwrite(true).withPartitionBytes(18));
		}
		assertArrayEquals(b, N5Readback.read(target, Ingest.DATASET));
		assertArrayEquals(new long[] { 4 }, sidecar(target).meta().navShape());
		assertEquals(Set.of("a.npy", "b.npy", "out.n5"), siblings(dir));
		assertTrue(Verify.container(target).ok());
	}
}
