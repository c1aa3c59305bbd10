package org.maptem.n5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;

import org.janelia.saalfeldlab.n5.Compression;
import org.janelia.saalfeldlab.n5.GzipCompression;
import org.janelia.saalfeldlab.n5.RawCompression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maptem.dataset.DType;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Tile;
import org.maptem.formats.Formats;
import org.maptem.frames.FrameSource;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * Broken N5 containers fail with a {@link LayoutException} whose message names the file and the field or byte
 * offset, what was expected and what was found; none of them runs out of memory or hangs.
 */
class CorruptN5InputTest {

	/** The valid dataset the block tests corrupt: a 7 × 5 scan of 4 × 6 uint16 frames in chunks of 3 scan rows. */
	private static final long[] NAV = { 7, 5 };
	private static final int[] BLOCK = { 6, 4, 5, 3 };
	private static final long CHUNK_BYTES = 2L * 4 * 6 * 15;

	@TempDir
	Path tmp;

	// ---- attributes.json ----

	@Test
	void missingAttributesJson() throws IOException {
		final Path dir = Files.createDirectories(tmp.resolve("x.n5/data"));
		final LayoutException e = assertThrows(LayoutException.class, () -> N5Dataset.open(dir, OpenOptions.DEFAULTS));
		assertNames(e, dir.resolve("attributes.json"), "missing", "attributes.json");
		assertNames(assertThrows(LayoutException.class, () -> Formats.open(tmp.resolve("x.n5"), OpenOptions.DEFAULTS)),
				tmp.resolve("x.n5"), "no N5 dataset");
	}

	@Test
	void emptyAttributesJson() throws IOException {
		final Path file = attributes("");
		assertNames(openFails(file.getParent()), file, "byte offset 0", "expected a JSON object", "found an empty file");
	}

	@Test
	void attributesJsonThatIsNotJson() throws IOException {
		final Path file = attributes("{\"dimensions\": [6, 4, 5, 7], \"blockSize\": [6, 4");
		assertNames(openFails(file.getParent()), file, "expected a JSON object", "invalid JSON", "line 1");
		final Path list = attributes("[6, 4, 5, 7]");
		assertNames(openFails(list.getParent()), list, "expected a JSON object", "[6,4,5,7]");
	}

	@Test
	void dimensionsMissingNegativeOrOfTheWrongType() throws IOException {
		final String rest = "\"blockSize\": [6, 4, 5, 3], \"dataType\": \"uint16\", \"compression\": {\"type\": \"raw\"}";
		assertNames(openFails(attributes("{" + rest + "}").getParent()), file(), "'dimensions'", "expected a non-empty array",
				"found nothing (field missing)");
		assertNames(openFails(attributes("{\"dimensions\": [6, 4, -5, 7], " + rest + "}").getParent()), file(), "'dimensions[2]'",
				"expected a positive integer", "found -5");
		assertNames(openFails(attributes("{\"dimensions\": \"6,4,5,7\", " + rest + "}").getParent()), file(), "'dimensions'",
				"found \"6,4,5,7\"");
		assertNames(openFails(attributes("{\"dimensions\": [6, 4, 5.5, 7], " + rest + "}").getParent()), file(), "'dimensions[2]'",
				"found 5.5");
		assertNames(openFails(attributes("{\"dimensions\": [6, \"4\", 5, 7], " + rest + "}").getParent()), file(), "'dimensions[1]'",
				"found \"4\"");
		assertNames(openFails(attributes("{\"dimensions\": [], " + rest + "}").getParent()), file(), "'dimensions'", "found []");
	}

	@Test
	void dimensionsOutside2To5Axes() throws IOException {
		final Path one = attributes("{\"dimensions\": [6], \"blockSize\": [6], \"dataType\": \"uint16\"}");
		assertNames(openFails(one.getParent()), one, "'dimensions'", "2 to 5 dimensions", "[6]");
		final Path six = attributes("{\"dimensions\": [6, 4, 1, 1, 1, 1], \"blockSize\": [6, 4, 1, 1, 1, 1], \"dataType\": \"uint16\"}");
		assertNames(openFails(six.getParent()), six, "'dimensions'", "2 to 5 dimensions", "[6, 4, 1, 1, 1, 1]");
	}

	@Test
	void blockSizeOfTheWrongLengthOrZero() throws IOException {
		final Path f = attributes("{\"dimensions\": [6, 4, 5, 7], \"blockSize\": [6, 4, 5], \"dataType\": \"uint16\"}");
		assertNames(openFails(f.getParent()), f, "'blockSize'", "expected 4 values", "found [6, 4, 5]");
		final Path z = attributes("{\"dimensions\": [6, 4, 5, 7], \"blockSize\": [6, 0, 5, 3], \"dataType\": \"uint16\"}");
		assertNames(openFails(z.getParent()), z, "'blockSize[1]'", "positive integer", "found 0");
	}

	@Test
	void unknownOrMissingDataType() throws IOException {
		final Path f = attributes("{\"dimensions\": [6, 4, 5, 7], \"blockSize\": [6, 4, 5, 3], \"dataType\": \"complex64\"}");
		assertNames(openFails(f.getParent()), f, "'dataType'", "uint16", "found complex64");
		final Path m = attributes("{\"dimensions\": [6, 4, 5, 7], \"blockSize\": [6, 4, 5, 3]}");
		assertNames(openFails(m.getParent()), m, "'dataType'", "found nothing (field missing)");
		final Path o = attributes("{\"dimensions\": [6, 4, 5, 7], \"blockSize\": [6, 4, 5, 3], \"dataType\": {\"t\": 1}}");
		assertNames(openFails(o.getParent()), o, "'dataType'", "{\"t\":1}");
	}

	@Test
	void unknownCompression() throws IOException {
		final String head = "{\"dimensions\": [6, 4, 5, 7], \"blockSize\": [6, 4, 5, 3], \"dataType\": \"uint16\", \"compression\": ";
		assertNames(openFails(attributes(head + "{\"type\": \"zstd\"}}").getParent()), file(), "'compression.type'", "gzip",
				"found zstd");
		assertNames(openFails(attributes(head + "{\"type\": {\"name\": \"gzip\"}}}").getParent()), file(), "'compression.type'",
				"expected a string", "{\"name\":\"gzip\"}");
		assertNames(openFails(attributes(head + "{\"level\": 5}}").getParent()), file(), "'compression'", "\"type\"",
				"{\"level\":5}");
		assertNames(openFails(attributes(head + "[\"gzip\"]}").getParent()), file(), "'compression'", "[\"gzip\"]");
	}

	@Test
	void absurdDimensionsFailFastWithoutAllocating() throws IOException {
		final long big = Integer.MAX_VALUE;
		final Path f = attributes("{\"dimensions\": [" + big + ", " + big + ", " + big + ", " + big + "], \"blockSize\": [1, 1, 1, 1],"
				+ " \"dataType\": \"uint8\"}");
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertNames(openFails(f.getParent()), f, "'dimensions'",
				"[" + big + ", " + big + ", " + big + ", " + big + "]"));
		final Path g = attributes("{\"dimensions\": [6, 4, " + (1L << 40) + ", " + (1L << 40) + "], \"blockSize\": [6, 4, 5, 3],"
				+ " \"dataType\": \"uint8\"}");
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertNames(openFails(g.getParent()), g, "'dimensions'",
				Long.toString(1L << 40)));
	}

	// ---- the maptem sidecar ----

	@Test
	void sidecarWithMissingFields() throws IOException {
		assertSidecarFails(o -> o.remove("nav_shape"), "'maptem.nav_shape'", "expected a JSON array", "found nothing (field missing)");
		assertSidecarFails(o -> o.remove("version"), "'maptem.version'", "found nothing (field missing)");
		assertSidecarFails(o -> o.remove("calibration"), "'maptem.calibration'", "expected a JSON object", "field missing");
		assertSidecarFails(o -> o.getAsJsonObject("calibration").remove("scan_unit"), "'maptem.calibration.scan_unit'",
				"expected a string", "field missing");
		assertSidecarFails(o -> o.getAsJsonObject("provenance").remove("files"), "'maptem.provenance.files'", "field missing");
		assertSidecarFails(o -> o.remove("partitioning"), "'maptem.partitioning'", "field missing");
		assertSidecarFails(o -> o.getAsJsonObject("partitioning").remove("nav_block"), "'maptem.partitioning.nav_block'",
				"field missing");
		assertSidecarFails(o -> o.remove("complete"), "'maptem.complete'", "field missing");
		assertSidecarFails(o -> o.getAsJsonObject("checksums").remove("chunks"), "'maptem.checksums.chunks'", "field missing");
	}

	@Test
	void sidecarWithFieldsOfTheWrongType() throws IOException {
		assertSidecarFails(o -> o.addProperty("version", "1"), "'maptem.version'", "expected an integer", "found \"1\"");
		assertSidecarFails(o -> o.addProperty("version", 1.5), "'maptem.version'", "expected an integer", "found 1.5");
		assertSidecarFails(o -> o.add("nav_shape", JsonParser.parseString("[7.5, 5]")), "'maptem.nav_shape[0]'", "found 7.5");
		assertSidecarFails(o -> o.addProperty("dtype", 16), "'maptem.dtype'", "expected a string", "found 16");
		assertSidecarFails(o -> o.addProperty("dtype", "complex64"), "'maptem.dtype'", "complex64");
		assertSidecarFails(o -> o.add("calibration", new JsonArray()), "'maptem.calibration'", "expected a JSON object", "found []");
		assertSidecarFails(o -> o.getAsJsonObject("calibration").addProperty("scan_step", "1 nm"), "'maptem.calibration.scan_step'",
				"expected a JSON array", "\"1 nm\"");
		assertSidecarFails(o -> o.getAsJsonObject("calibration").add("detector_pixel", JsonParser.parseString("[1, 2, 3]")),
				"'maptem.calibration.detector_pixel'", "2 values", "[1.0, 2.0, 3.0]");
		assertSidecarFails(o -> o.getAsJsonObject("calibration").addProperty("camera_length_m", "long"),
				"'maptem.calibration.camera_length_m'", "a number or null", "\"long\"");
		assertSidecarFails(o -> o.getAsJsonObject("provenance").add("files", JsonParser.parseString("[{}]")),
				"'maptem.provenance.files[0]'", "expected a string", "found {}");
		assertSidecarFails(o -> o.getAsJsonObject("provenance").add("details", JsonParser.parseString("{\"offset\": [1]}")),
				"'maptem.provenance.details.offset'", "expected a string", "found [1]");
		assertSidecarFails(o -> o.getAsJsonObject("checksums").getAsJsonObject("chunks").addProperty("0/0/0/0", 5),
				"'maptem.checksums.chunks.0/0/0/0'", "expected a string", "found 5");
		assertSidecarFails(o -> o.getAsJsonObject("checksums").addProperty("algorithm", "md5"), "'maptem.checksums.algorithm'",
				"crc32c", "found md5");
		assertSidecarFails(o -> o.addProperty("complete", "yes"), "'maptem.complete'", "expected true or false", "found \"yes\"");
		assertSidecarFails(o -> o.add("sig_shape", JsonParser.parseString("[4, -6]")), "'maptem.sig_shape[1]'", "positive integer",
				"found -6");
		assertSidecarFails(o -> o.add("sig_shape", JsonParser.parseString("[4, 6, 1]")), "'maptem.sig_shape'", "[4, 6, 1]");
		assertSidecarFails(o -> o.add("partitioning", new JsonPrimitive(3)), "'maptem.partitioning'", "found 3");
	}

	@Test
	void sidecarFromANewerVersion() throws IOException {
		assertSidecarFails(o -> o.addProperty("version", 2), "'maptem.version'", "expected 1 to 1", "found 2");
		assertSidecarFails(o -> o.addProperty("version", 0), "'maptem.version'", "found 0");
	}

	@Test
	void sidecarDisagreeingWithTheN5Attributes() throws IOException {
		assertSidecarFails(o -> o.add("nav_shape", JsonParser.parseString("[5, 7]")), "'maptem'", "dimensions [6, 4, 5, 7]",
				"nav [5, 7]");
		assertSidecarFails(o -> o.add("sig_shape", JsonParser.parseString("[6, 4]")), "'maptem'", "sig [6, 4]");
		assertSidecarFails(o -> o.addProperty("dtype", "float32"), "'maptem'", "dataType uint16", "float32");
		assertSidecarFails(o -> o.getAsJsonObject("partitioning").add("nav_block", JsonParser.parseString("[2, 5]")),
				"'maptem.partitioning.nav_block'", "[3, 5]", "found [2, 5]");
		assertSidecarFails(o -> o.getAsJsonObject("partitioning").add("nav_block", JsonParser.parseString("[3]")),
				"'maptem.partitioning.nav_block'", "2 values", "found [3]");
	}

	@Test
	void incompleteIngest() throws IOException {
		assertSidecarFails(o -> o.addProperty("complete", false), "'maptem.complete'", "expected true", "found false");
	}

	@Test
	void missingChunkOfAMapTemContainer() throws IOException {
		for (final Compression c : new Compression[] { new RawCompression(), new GzipCompression() }) {
			final Path dir = validDataset(c);
			writeSidecar(dir, o -> { });
			Files.delete(dir.resolve("0/0/0/1"));
			final LayoutException e = assertThrows(LayoutException.class, () -> readEverything(dir, CHUNK_BYTES), c.getType());
			assertNames(e, dir.resolve("0/0/0/1"), "chunk file missing", "frames 15 to 29");
		}
	}

	// ---- block files ----

	@Test
	void blockShorterThanItsHeader() throws IOException {
		assertBlockFails(new byte[] { 0, 0, 0 }, "byte offset 0", "at least 4 bytes", "found 3 bytes");
		assertBlockFails(header(0, 4, 6, 4), "byte offset 12", "20-byte header", "end of file");
		assertBlockFails(new byte[0], "byte offset 0", "found 0 bytes");
	}

	@Test
	void rawBlockWithShortData() throws IOException {
		final byte[] h = header(0, 4, 6, 4, 5, 3);
		final byte[] half = Arrays.copyOf(h, h.length + 2 * 4 * 6 * 15 / 2);
		assertBlockFails(half, "byte offset " + half.length, "20-byte header and 720 bytes of raw uint16 data", "end of file");
		final byte[] oneShort = Arrays.copyOf(h, h.length + 2 * 4 * 6 * 15 - 1);
		assertBlockFails(oneShort, "byte offset " + oneShort.length, "740 bytes", "end of file");
	}

	@Test
	void compressedBlockWithShortData() throws IOException {
		final Path dir = validDataset(new GzipCompression());
		final Path block = dir.resolve("0/0/0/1");
		final byte[] bytes = Files.readAllBytes(block);
		Files.write(block, Arrays.copyOf(bytes, 20 + (bytes.length - 20) / 2));
		for (final long budget : new long[] { 1, CHUNK_BYTES })
			assertNames(assertThrows(LayoutException.class, () -> readEverything(dir, budget)), block, "byte offset 20",
					"720 bytes of gzip-compressed uint16 data", "does not decode");
	}

	@Test
	void blockWithTheWrongNumberOfDimensions() throws IOException {
		assertBlockFails(withData(header(0, 3, 6, 4, 15)), "byte offset 2", "expected 4 dimensions", "found 3 dimensions");
		assertBlockFails(withData(header(0, 0)), "byte offset 2", "1 to 32 dimensions", "0 dimensions");
	}

	@Test
	void blockWithTheWrongDetectorSize() throws IOException {
		assertBlockFails(withData(header(0, 4, 3, 4, 5, 3)), "byte offset 4", "size of 6 for dimension 0", "found 3");
		assertBlockFails(withData(header(0, 4, 6, 8, 5, 3)), "byte offset 8", "size of 4 for dimension 1", "found 8");
	}

	@Test
	void blockWithTooFewFrames() throws IOException {
		assertBlockFails(withData(header(0, 4, 6, 4, 5, 2)), "byte offset 16", "size of 3 for dimension 3", "found 2");
		assertBlockFails(withData(header(0, 4, 6, 4, 4, 3)), "byte offset 12", "size of 5 for dimension 2", "found 4");
		// varlength: an element count below the block's sizes
		assertBlockFails(withData(header(1, 4, 6, 4, 5, 3, 100)), "byte offset 20", "element count of 360", "found 100");
	}

	@Test
	void blockWithAnInvalidMode() throws IOException {
		assertBlockFails(withData(header(7, 4, 6, 4, 5, 3)), "byte offset 0", "mode 0 (default) or 1 (varlength)", "mode 7");
		assertBlockFails(withData(header(2, 4, 6, 4, 5, 3)), "byte offset 0", "mode 2");
	}

	@Test
	void blockHeadersClaimingHugeBlocksFailFast() throws IOException {
		final int max = Integer.MAX_VALUE;
		for (final Compression c : new Compression[] { new RawCompression(), new GzipCompression() })
			assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
				assertBlockFails(c, withData(header(0, 4, 6, 4, 5, max)), "byte offset 16", "for dimension 3", "found " + max);
				assertBlockFails(c, withData(header(0, 4, max, max, max, max)), "byte offset 4", "found " + max);
				assertBlockFails(c, withData(header(1, 4, 6, 4, 5, 3, max)), "byte offset 20", "element count", "found " + max);
				assertBlockFails(c, withData(header(0, 4, 6, 4, 5, -1)), "byte offset 16", "1 to 2^31-1", "4294967295");
			});
	}

	@Test
	void blockFileThatIsADirectory() throws IOException {
		final Path dir = validDataset(new GzipCompression());
		final Path block = dir.resolve("0/0/0/1");
		Files.delete(block);
		Files.createDirectories(block.resolve("0"));
		// not a regular file: read as a missing block of a foreign dataset, i.e. zeros
		try (Dataset d = Formats.open(dir, OpenOptions.DEFAULTS.withPartitionBytes(CHUNK_BYTES))) {
			N5Fixtures.assertValues(d, DType.UINT16, 1 << 20, g -> g[3] == 1, BLOCK);
		}
	}

	// ---- containers ----

	@Test
	void containerWithSeveralDatasetsAndNoMapTemOneListsThem() throws IOException {
		final Path container = tmp.resolve("two.n5");
		N5Fixtures.write(container, "raw", DType.UINT8, new long[] { 2, 3 }, 4, 6, new int[] { 6, 4, 3, 1 }, new RawCompression());
		N5Fixtures.write(container, "processed/binned", DType.UINT8, new long[] { 2, 3 }, 2, 3, new int[] { 3, 2, 3, 1 },
				new RawCompression());
		final LayoutException e = assertThrows(LayoutException.class, () -> Formats.open(container, OpenOptions.DEFAULTS));
		assertNames(e, container, "2 datasets", "raw", "processed/binned");
	}

	@Test
	void containerWithSeveralDatasetsOpensTheMapTemOne() throws IOException {
		final Path container = tmp.resolve("mixed.n5");
		N5Fixtures.write(container, "other", DType.UINT8, new long[] { 2, 3 }, 4, 6, new int[] { 6, 4, 3, 1 }, new RawCompression());
		final Path data = N5Fixtures.write(container, "data", DType.UINT16, NAV, 4, 6, BLOCK, new RawCompression());
		writeSidecar(data, o -> { });
		try (Dataset d = Formats.open(container, OpenOptions.DEFAULTS)) {
			assertEquals(data, ((N5Dataset) d).directory());
			N5Fixtures.assertValues(d, DType.UINT16, 1 << 20, g -> false, BLOCK);
		}
	}

	@Test
	void containerWithoutDatasets() throws IOException {
		final Path container = Files.createDirectories(tmp.resolve("empty.n5/group"));
		Files.writeString(container.getParent().resolve("attributes.json"), "{\"n5\": \"4.0.0\"}");
		assertNames(assertThrows(LayoutException.class, () -> Formats.open(container.getParent(), OpenOptions.DEFAULTS)),
				container.getParent(), "no N5 dataset");
	}

	// ---- helpers ----

	private Path file() {
		return tmp.resolve("x.n5/data/attributes.json");
	}

	/** Writes {@code x.n5/data/attributes.json} with {@code text} and returns it. */
	private Path attributes(final String text) throws IOException {
		final Path f = file();
		Files.createDirectories(f.getParent());
		Files.writeString(f, text, StandardCharsets.UTF_8);
		return f;
	}

	/** Opening {@code dir} both directly and through format detection fails; returns the direct failure. */
	private static LayoutException openFails(final Path dir) {
		final LayoutException viaFormats = assertThrows(LayoutException.class, () -> readEverything(dir, 1 << 20));
		final LayoutException direct = assertThrows(LayoutException.class, () -> N5Dataset.open(dir, OpenOptions.DEFAULTS));
		assertEquals(direct.getMessage(), viaFormats.getMessage(), "Formats.open reports the same problem");
		return direct;
	}

	private static void readEverything(final Path path, final long partitionBytes) {
		try (Dataset d = Formats.open(path, OpenOptions.DEFAULTS.withPartitionBytes(partitionBytes))) {
			final double[] buf = new double[d.meta().framePixels()];
			for (final Partition p : d.partitions())
				try (FrameSource s = d.open(p)) {
					for (long f = p.firstFrame(); f < p.endFrame(); f++)
						s.read(new Tile(f, 1, 0, d.meta().sigHeight(), d.meta().sigWidth()), buf);
				}
		}
	}

	private Path validDataset(final Compression c) {
		return N5Fixtures.write(tmp.resolve("valid-" + c.getType() + "-" + System.nanoTime() + ".n5"), "data", DType.UINT16, NAV, 4,
				6, BLOCK, c);
	}

	private static void writeSidecar(final Path dir, final Consumer<JsonObject> edit) throws IOException {
		final Path f = dir.resolve("attributes.json");
		final JsonObject attrs = JsonParser.parseString(Files.readString(f)).getAsJsonObject();
		final JsonObject sidecar = N5LibraryWrittenDatasetsTest.sidecar(NAV, 4, 6, "uint16", new long[] { 3, 5 }, true);
		edit.accept(sidecar);
		attrs.add("maptem", sidecar);
		Files.writeString(f, attrs.toString());
	}

	private void assertSidecarFails(final Consumer<JsonObject> edit, final String... fragments) throws IOException {
		final Path dir = validDataset(new RawCompression());
		writeSidecar(dir, edit);
		assertNames(assertThrows(LayoutException.class, () -> readEverything(dir, CHUNK_BYTES)), dir.resolve("attributes.json"),
				fragments);
	}

	/** Replaces the second chunk (a full one, frames 15 to 29) with {@code bytes}; reading fails on both read paths. */
	private void assertBlockFails(final byte[] bytes, final String... fragments) throws IOException {
		assertBlockFails(new RawCompression(), bytes, fragments);
	}

	private void assertBlockFails(final Compression c, final byte[] bytes, final String... fragments) throws IOException {
		final Path dir = validDataset(c);
		final Path block = dir.resolve("0/0/0/1");
		Files.write(block, bytes);
		for (final long budget : new long[] { 1, CHUNK_BYTES, 1L << 30 })
			assertNames(assertThrows(LayoutException.class, () -> readEverything(dir, budget), "partitions of " + budget + " bytes"),
					block, fragments);
	}

	/** A block header from the spec: big-endian u16 mode, u16 ndim, then u32 values (sizes, and the count in mode 1). */
	private static byte[] header(final int mode, final int ndim, final long... values) throws IOException {
		final ByteArrayOutputStream b = new ByteArrayOutputStream();
		final DataOutputStream out = new DataOutputStream(b);
		out.writeShort(mode);
		out.writeShort(ndim);
		for (final long v : values)
			out.writeInt((int) v);
		return b.toByteArray();
	}

	/** {@code header} followed by a full chunk's worth of data bytes. */
	private static byte[] withData(final byte[] header) {
		return Arrays.copyOf(header, header.length + (int) CHUNK_BYTES);
	}

	static void assertNames(final LayoutException e, final Path file, final String... fragments) {
		final String m = e.getMessage();
		assertTrue(m.contains(file.toString()), () -> "message does not name " + file + ": " + m);
		for (final String f : fragments)
			assertTrue(m.contains(f), () -> "message does not say '" + f + "': " + m);
	}
}
