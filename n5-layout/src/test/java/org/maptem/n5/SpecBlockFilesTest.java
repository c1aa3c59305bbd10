package org.maptem.n5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.janelia.saalfeldlab.n5.DataBlock;
import org.janelia.saalfeldlab.n5.DatasetAttributes;
import org.janelia.saalfeldlab.n5.N5FSReader;
import org.janelia.saalfeldlab.n5.N5FSWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.maptem.dataset.DType;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Tile;
import org.maptem.formats.Formats;
import org.maptem.frames.FrameSource;
import org.maptem.frames.MappedFrameSource;

/**
 * Block files written byte by byte from the N5 specification (big-endian {@code u16} mode, {@code u16} ndim,
 * {@code u32} size per dimension, {@code u32} element count in mode 1, then big-endian data) read the same through
 * the n5 library and through MapTEM, and {@link BlockHeader} produces exactly those header bytes.
 */
class SpecBlockFilesTest {

	/** N5 dimensions of the hand-written dataset: 5 × 3 frames, a 4 × 3 scan, chunks of 2 scan rows. */
	private static final long[] DIMS = { 5, 3, 4, 3 };
	private static final int[] BLOCK = { 5, 3, 4, 2 };

	@TempDir
	Path tmp;

	@Test
	void headerBytesAreThoseOfTheSpec() {
		// mode 0, 4 dimensions, sizes 7, 5, 4, 3 — each field big-endian
		assertEquals("0000" + "0004" + "00000007" + "00000005" + "00000004" + "00000003",
				HexFormat.of().formatHex(BlockHeader.of(7, 5, 4, 3).toBytes()));
		assertEquals(20, BlockHeader.of(7, 5, 4, 3).length());
		// mode 1 (varlength) appends the element count: 100 = 0x64
		assertEquals("0001" + "0004" + "00000007" + "00000005" + "00000004" + "00000003" + "00000064",
				HexFormat.of().formatHex(new BlockHeader(BlockHeader.MODE_VARLENGTH, new int[] { 7, 5, 4, 3 }, 100).toBytes()));
		assertEquals(24, new BlockHeader(BlockHeader.MODE_VARLENGTH, new int[] { 7, 5, 4, 3 }, 100).length());
		// sizes above 2^15 and 2^16 are unsigned 32-bit
		assertEquals("0000" + "0002" + "00008000" + "00012345", HexFormat.of().formatHex(BlockHeader.of(0x8000, 0x12345).toBytes()));
	}

	@Test
	void specHeaderBytesParseToTheirFields() {
		final byte[] mode0 = HexFormat.of().parseHex("0000" + "0003" + "00000100" + "00000080" + "00000010");
		assertEquals(BlockHeader.of(256, 128, 16), BlockHeader.parse(ByteBuffer.wrap(mode0), tmp.resolve("b")));
		final byte[] mode1 = HexFormat.of().parseHex("0001" + "0002" + "00000003" + "00000004" + "0000000a");
		final BlockHeader h = BlockHeader.parse(ByteBuffer.wrap(mode1), tmp.resolve("b"));
		assertEquals(new BlockHeader(1, new int[] { 3, 4 }, 10), h);
		assertEquals(16, h.length(), "2 + 2 + 2 × 4 + 4 bytes");
	}

	@Test
	void theN5LibraryWritesTheSameBytesAsTheSpec() throws IOException {
		final Path container = tmp.resolve("lib.n5");
		final DatasetAttributes a = new DatasetAttributes(DIMS, BLOCK, org.janelia.saalfeldlab.n5.DataType.UINT16,
				new org.janelia.saalfeldlab.n5.RawCompression());
		try (N5FSWriter w = new N5FSWriter(container.toString())) {
			w.createDataset("data", a);
			for (long gy = 0; gy < 2; gy++) {
				final int rows = gy == 0 ? 2 : 1;
				final short[] v = new short[5 * 3 * 4 * rows];
				int k = 0;
				for (int y = 0; y < rows; y++)
					for (int x = 0; x < 4; x++)
						for (int py = 0; py < 3; py++)
							for (int px = 0; px < 5; px++)
								v[k++] = (short) value(DType.UINT16, (gy * 2 + y) * 4 + x, py, px);
				w.writeBlock("data", a, new org.janelia.saalfeldlab.n5.ShortArrayDataBlock(new int[] { 5, 3, 4, rows },
						new long[] { 0, 0, 0, gy }, v));
			}
		}
		final Path spec = writeSpecDataset(tmp.resolve("spec.n5"), DType.UINT16, false);
		for (final String block : new String[] { "0/0/0/0", "0/0/0/1" })
			assertEquals(HexFormat.of().formatHex(Files.readAllBytes(spec.resolve("data").resolve(block))),
					HexFormat.of().formatHex(Files.readAllBytes(container.resolve("data").resolve(block))), block);
	}

	@ParameterizedTest
	@EnumSource(value = DType.class, names = "UINT12_PACKED", mode = EnumSource.Mode.EXCLUDE)
	void specBlocksReadTheSameThroughTheN5LibraryAndMapTem(final DType type) throws IOException {
		for (final boolean varlength : new boolean[] { false, true }) {
			final Path container = writeSpecDataset(tmp.resolve(type.n5Name() + (varlength ? "-varlength" : "") + ".n5"), type,
					varlength);
			// the n5 library
			try (N5FSReader r = new N5FSReader(container.toString())) {
				final DatasetAttributes a = r.getDatasetAttributes("data");
				for (int gy = 0; gy < 2; gy++) {
					final DataBlock<?> b = r.readBlock("data", a, 0, 0, 0, gy);
					final int rows = gy == 0 ? 2 : 1;
					assertArrayEquals(new int[] { 5, 3, 4, rows }, b.getSize());
					assertEquals(5 * 3 * 4 * rows, b.getNumElements());
					final ByteBuffer bytes = b.toByteBuffer();
					int k = 0;
					for (int y = 0; y < rows; y++)
						for (int x = 0; x < 4; x++)
							for (int py = 0; py < 3; py++)
								for (int px = 0; px < 5; px++, k++)
									assertEquals(value(type, (gy * 2 + y) * 4 + x, py, px), bigEndian(bytes, k, type), 0.0,
											"n5 library, block " + gy + " element " + k);
				}
			}
			// MapTEM, on the assembling path (1-frame partitions) and the mapped path (partitions = chunks)
			for (final long partitionBytes : new long[] { 1, type.bytes() * 15L * 8 })
				try (Dataset d = Formats.open(container, OpenOptions.DEFAULTS.withPartitionBytes(partitionBytes))) {
					assertArrayEquals(new long[] { 3, 4 }, d.meta().navShape());
					assertArrayEquals(new int[] { 3, 5 }, d.meta().sigShape());
					final double[] frame = new double[15];
					for (final Partition p : d.partitions())
						try (FrameSource s = d.open(p)) {
							if (partitionBytes > 1)
								assertInstanceOf(MappedFrameSource.class, s, "mode " + (varlength ? 1 : 0) + " chunks map in place");
							for (long f = p.firstFrame(); f < p.endFrame(); f++) {
								s.read(new Tile(f, 1, 0, 3, 5), frame);
								for (int py = 0; py < 3; py++)
									for (int px = 0; px < 5; px++)
										assertEquals(value(type, f, py, px), frame[py * 5 + px], 0.0,
												"MapTEM, frame " + f + " y " + py + " x " + px);
							}
						}
				}
		}
	}

	/**
	 * Writes container {@code dir} by hand: a root {@code attributes.json} with the N5 version, and dataset
	 * {@code data} with two blocks, the second truncated to one scan row.
	 */
	private static Path writeSpecDataset(final Path dir, final DType type, final boolean varlength) throws IOException {
		Files.createDirectories(dir.resolve("data/0/0/0"));
		Files.writeString(dir.resolve("attributes.json"), "{\"n5\":\"4.0.0\"}", StandardCharsets.UTF_8);
		Files.writeString(dir.resolve("data/attributes.json"), "{\"dimensions\":[5,3,4,3],\"blockSize\":[5,3,4,2],\"dataType\":\""
				+ type.n5Name() + "\",\"compression\":{\"type\":\"raw\"}}", StandardCharsets.UTF_8);
		for (int gy = 0; gy < 2; gy++) {
			final int rows = gy == 0 ? 2 : 1;
			final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			final DataOutputStream out = new DataOutputStream(bytes); // big-endian by definition
			out.writeShort(varlength ? 1 : 0);
			out.writeShort(4);
			out.writeInt(5);
			out.writeInt(3);
			out.writeInt(4);
			out.writeInt(rows);
			if (varlength)
				out.writeInt(5 * 3 * 4 * rows);
			for (int y = 0; y < rows; y++)
				for (int x = 0; x < 4; x++)
					for (int py = 0; py < 3; py++)
						for (int px = 0; px < 5; px++) {
							final double v = value(type, (gy * 2 + y) * 4 + x, py, px);
							switch (type) {
							case UINT8, INT8 -> out.writeByte((int) v);
							case UINT16, INT16 -> out.writeShort((int) v);
							case UINT32, INT32 -> out.writeInt((int) (long) v);
							case FLOAT32 -> out.writeFloat((float) v);
							case FLOAT64 -> out.writeDouble(v);
							default -> throw new IllegalArgumentException(type.toString());
							}
						}
			Files.write(dir.resolve("data/0/0/0/" + gy), bytes.toByteArray());
		}
		return dir;
	}

	/** A small value per frame, row and column that uses the sign and the high bits of each type. */
	private static double value(final DType type, final long frame, final int y, final int x) {
		final long v = frame * 100 + y * 10 + x;
		switch (type) {
		case UINT8: return 255 - v % 256;
		case INT8: return v % 2 == 0 ? -(v % 128) : v % 128;
		case UINT16: return 65535 - v;
		case INT16: return -30000 + v;
		case UINT32: return 4_000_000_000L + v;
		case INT32: return -2_000_000_000 + v;
		case FLOAT32: return -1.5f * v;
		case FLOAT64: return v / 3.0;
		default: throw new IllegalArgumentException(type.toString());
		}
	}

	/** Element {@code k} of big-endian data of {@code type}, decoded here without MapTEM. */
	private static double bigEndian(final ByteBuffer b, final int k, final DType type) {
		final ByteBuffer be = b.duplicate().order(java.nio.ByteOrder.BIG_ENDIAN);
		switch (type) {
		case UINT8: return be.get(k) & 0xFF;
		case INT8: return be.get(k);
		case UINT16: return be.getShort(2 * k) & 0xFFFF;
		case INT16: return be.getShort(2 * k);
		case UINT32: return be.getInt(4 * k) & 0xFFFFFFFFL;
		case INT32: return be.getInt(4 * k);
		case FLOAT32: return be.getFloat(4 * k);
		case FLOAT64: return be.getDouble(8 * k);
		default: throw new IllegalArgumentException(type.toString());
		}
	}
}
