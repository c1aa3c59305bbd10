package org.maptem.n5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.janelia.saalfeldlab.n5.DataType;
import org.janelia.saalfeldlab.n5.DatasetAttributes;
import org.janelia.saalfeldlab.n5.N5FSWriter;
import org.janelia.saalfeldlab.n5.RawCompression;
import org.janelia.saalfeldlab.n5.ShortArrayDataBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maptem.dataset.Calibration;
import org.maptem.dataset.DType;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Partitions;
import org.maptem.dataset.Tile;
import org.maptem.formats.Formats;
import org.maptem.frames.FrameSource;
import org.maptem.frames.MappedFrameSource;
import org.maptem.frames.TileDecoder;

/**
 * The examples in {@code docs/format.md} are true: the hex dump is what the n5 library writes, the full example
 * opens as described, and the worked example's numbers follow from the partitioning rule.
 */
class DocumentedExamplesTest {

	@TempDir
	Path tmp;

	private static String doc() throws IOException {
		final Path p = Path.of("").toAbsolutePath().getParent().resolve("docs/format.md");
		return Files.readString(p);
	}

	/** The fenced block following {@code <!-- example: name -->} in the document. */
	private static String example(final String name) throws IOException {
		final Matcher m = Pattern.compile("<!-- example: " + name + " -->\\s*```[a-z]*\\n(.*?)```", Pattern.DOTALL).matcher(doc());
		assertTrue(m.find(), "docs/format.md has example " + name);
		return m.group(1);
	}

	@Test
	void theHexDumpIsTheBlockTheN5LibraryWrites() throws IOException {
		final StringBuilder hex = new StringBuilder();
		for (final String line : example("block-hexdump").split("\n")) {
			// "00000010: 0000 0001 ...  ................": the bytes sit between the colon and the two-space gap
			final String bytes = line.substring(line.indexOf(':') + 1, line.lastIndexOf("  "));
			hex.append(bytes.replace(" ", ""));
		}
		final Path container = tmp.resolve("small.n5");
		final DatasetAttributes a = new DatasetAttributes(new long[] { 3, 2, 2, 1 }, new int[] { 3, 2, 2, 1 }, DataType.UINT16,
				new RawCompression());
		final short[] values = new short[12];
		for (short i = 0; i < 12; i++)
			values[i] = i;
		try (N5FSWriter w = new N5FSWriter(container.toString())) {
			w.createDataset("data", a);
			w.writeBlock("data", a, new ShortArrayDataBlock(new int[] { 3, 2, 2, 1 }, new long[] { 0, 0, 0, 0 }, values));
		}
		assertEquals(hex.toString(), HexFormat.of().formatHex(Files.readAllBytes(container.resolve("data/0/0/0/0"))));
		try (Dataset d = Formats.open(container, OpenOptions.DEFAULTS)) {
			assertArrayEquals(new long[] { 1, 2 }, d.meta().navShape());
			final double[] frames = new double[12];
			try (FrameSource s = d.open(d.partitions().get(0))) {
				s.read(new Tile(0, 2, 0, 2, 3), frames);
			}
			for (int i = 0; i < 12; i++)
				assertEquals(i, frames[i], "values count 0, 1, 2, ... in C order");
		}
	}

	@Test
	void theFullExampleOpensAsDescribed() throws IOException {
		final Path container = tmp.resolve("scan.n5");
		Files.createDirectories(container.resolve("data"));
		Files.writeString(container.resolve("attributes.json"), "{\"n5\": \"4.0.0\"}");
		Files.writeString(container.resolve("data/attributes.json"), example("dataset-attributes"));
		final DatasetAttributes a = new DatasetAttributes(new long[] { 96, 128, 6, 4 }, new int[] { 96, 128, 6, 2 }, DataType.UINT16,
				new RawCompression());
		try (N5FSWriter w = new N5FSWriter(container.toString())) {
			for (long gy = 0; gy < 2; gy++)
				w.writeBlock("data", a, new ShortArrayDataBlock(new int[] { 96, 128, 6, 2 }, new long[] { 0, 0, 0, gy },
						new short[96 * 128 * 12]));
		}
		assertEquals(294_932, Files.size(container.resolve("data/0/0/0/1")), "the block size the example states");
		try (Dataset d = Formats.open(container, OpenOptions.DEFAULTS)) {
			final N5Dataset n5 = (N5Dataset) d;
			assertTrue(n5.isMaptem());
			assertArrayEquals(new long[] { 4, 6 }, d.meta().navShape());
			assertArrayEquals(new int[] { 128, 96 }, d.meta().sigShape());
			assertEquals(DType.UINT16, d.meta().dtype());
			assertEquals(new Calibration(new double[] { 2.5, 2.5 }, "nm", new double[] { 0.5, 0.5 }, "mrad", Double.NaN, 200),
					d.meta().calibration());
			assertEquals("mib", d.meta().provenance().format());
			assertEquals(List.of("/data/scan_001.mib"), d.meta().provenance().files());
			assertEquals("384", d.meta().provenance().details().get("header_bytes"));
			assertEquals(List.of(new Partition(0, 0, 12), new Partition(1, 12, 12)), d.partitions());
			assertEquals("0/0/0/1", n5.chunkKey(d.partitions().get(1)));
			assertEquals("c03f9b12", n5.attributes().sidecar().checksums().get("0/0/0/1"));
			try (FrameSource s = d.open(d.partitions().get(1))) {
				assertInstanceOf(MappedFrameSource.class, s);
			}
		}
	}

	@Test
	void theWorkedExampleFollowsFromThePartitioningRule() throws IOException {
		final String doc = doc();
		final long frameBytes = 128 * 96 * 2;
		final long[] nav = { 256, 512 };
		final long[] block = Partitions.navBlock(nav, new long[] { 1, 1 }, Partitions.framesFor(frameBytes, Partitions.DEFAULT_PARTITION_BYTES));
		assertArrayEquals(new long[] { 21, 512 }, block);
		assertTrue(doc.contains("`[96, 128, 512, 21]`"));
		final List<Partition> parts = Partitions.of(nav, block);
		assertEquals(13, parts.size());
		assertEquals(4 * 512, parts.get(12).frameCount(), "the last chunk holds 4 scan rows");
		// frame (30, 7): chunk row 1, frame 4615 of the block, after the 20-byte header
		final Partition p = parts.get(1);
		assertTrue(p.firstFrame() <= 30 * 512 + 7 && 30 * 512 + 7 < p.endFrame());
		final long offset = BlockHeader.of(96, 128, 512, 21).length() + (30L * 512 + 7 - p.firstFrame()) * frameBytes;
		assertEquals(113_418_260L, offset);
		assertTrue(doc.contains("113 418 260") && doc.contains("113 419 238"));
		assertEquals(113_419_238L, offset + (5 * 96 + 9) * 2);
		final Matcher header = Pattern.compile("```\\n(00 00  00 04[^\\n]*)\\n").matcher(doc);
		assertTrue(header.find(), "the worked example's header dump");
		assertEquals(HexFormat.of().formatHex(BlockHeader.of(96, 128, 512, 21).toBytes()), header.group(1).replace(" ", ""));
	}

	@Test
	void thePartitionTableFollowsFromThePartitioningRule() throws IOException {
		final String doc = doc();
		final Object[][] rows = { { new long[] { 7, 13 }, 30L, "[2, 13]", 4 }, { new long[] { 7, 13 }, 5L, "[1, 5]", 21 },
				{ new long[] { 2, 3, 4 }, 12L, "[1, 3, 4]", 2 } };
		for (final Object[] r : rows) {
			final long[] nav = (long[]) r[0];
			final long[] ones = new long[nav.length];
			java.util.Arrays.fill(ones, 1);
			final long[] block = Partitions.navBlock(nav, ones, (Long) r[1]);
			assertEquals(r[2], java.util.Arrays.toString(block));
			assertEquals(r[3], Partitions.of(nav, block).size());
			assertTrue(doc.contains("| " + r[1] + " | `" + r[2] + "` | " + r[3]), "docs/format.md has the row for " + r[2]);
		}
	}

	@Test
	void thePackedTwelveBitExampleIsWhatTheDecoderReads() {
		final float[] v = new float[3];
		// BC 3A 12 holds 0xABC and 0x123; a third value 0x456 takes two more bytes: 56 04
		new TileDecoder().decode(ByteBuffer.wrap(new byte[] { (byte) 0xBC, 0x3A, 0x12, 0x56, 0x04 }), 0, 3, DType.UINT12_PACKED, v, 0);
		assertArrayEquals(new float[] { 0xABC, 0x123, 0x456 }, v);
		assertEquals(5, DType.UINT12_PACKED.bytesFor(3));
	}
}
