package org.maptem.formats.blockfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maptem.dataset.Calibration;
import org.maptem.dataset.DType;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.ReadMode;
import org.maptem.dataset.TilePlan;
import org.maptem.formats.Formats;
import org.maptem.formats.HeaderFuzzer;
import org.maptem.formats.RealFileCheck;
import org.maptem.ingest.Ingest;
import org.maptem.ingest.IngestOptions;
import org.maptem.ingest.Samples;

import com.google.gson.JsonObject;

class BlockfileFormatTest {

	@TempDir
	Path dir;

	private static JsonObject ref() throws IOException {
		return RealFileCheck.entry("blockfile/test1");
	}

	/**
	 * An independent blockfile writer following the documented layout: 240-byte header, optional text block,
	 * navigator at {@code navAt}, frame records (AA 55, u32 number, pixels) at {@code dataAt}.
	 */
	static byte[] blo(final int magic, final int nx, final int ny, final int dp, final boolean sixteen, final double[] v) {
		final int navAt = 1024;
		final int dataAt = navAt + nx * ny + 7;
		final int bpp = sixteen ? 2 : 1;
		final ByteBuffer b = ByteBuffer.allocate(dataAt + nx * ny * (6 + dp * dp * bpp)).order(ByteOrder.LITTLE_ENDIAN);
		b.put("IMGBLO".getBytes(StandardCharsets.US_ASCII)).putShort((short) magic).putInt(navAt).putInt(dataAt).putInt(0)
				.putShort((short) dp).putShort((short) 0).putShort((short) nx).putShort((short) ny).putShort((short) 150)
				.putDouble(1.5).putDouble(2.5).putInt(300000).putShort((short) 5000).putInt(1200).putDouble(44000.5);
		if (magic == 259)
			b.put(240, ("Precession angle : 0.5\r\nBlo Bit Depth: " + (sixteen ? 16 : 8) + " bits\r\n")
					.getBytes(StandardCharsets.US_ASCII));
		for (int i = 0; i < nx * ny; i++)
			b.put(navAt + i, (byte) (i + 1));
		int at = dataAt;
		for (int f = 0; f < nx * ny; f++) {
			b.put(at, (byte) 0xAA).put(at + 1, (byte) 0x55).putInt(at + 2, f);
			at += 6;
			for (int p = 0; p < dp * dp; p++) {
				final int x = (int) v[f * dp * dp + p];
				if (sixteen)
					b.putShort(at + 2 * p, (short) x);
				else
					b.put(at + p, (byte) x);
			}
			at += dp * dp * bpp;
		}
		return b.array();
	}

	@Test
	void realFileMatchesTheIndependentReaderThroughDetection() throws IOException {
		final JsonObject e = ref();
		final Path f = RealFileCheck.file(e, 0);
		assertInstanceOf(BlockfileFormat.class, Formats.detect(f));
		try (Dataset d = Formats.open(f, OpenOptions.DEFAULTS)) {
			RealFileCheck.assertMatches(e, d, TilePlan.defaultFor(d.meta()));
		}
	}

	@Test
	void realFileMatchesInOneFramePartitionsAndRowBandsEitherReadMode() throws IOException {
		final JsonObject e = ref();
		for (final ReadMode mode : new ReadMode[] { ReadMode.MMAP, ReadMode.DIRECT })
			try (BlockfileDataset d = BlockfileDataset.open(RealFileCheck.file(e, 0),
					OpenOptions.DEFAULTS.withPartitionBytes(144 * 144).withReadMode(mode))) {
				assertEquals(6, d.partitions().size());
				RealFileCheck.assertMatches(e, d, new TilePlan(1, 7));
			}
	}

	@Test
	void realFileNavigatorIsTheStoredVirtualBrightField() throws IOException {
		final JsonObject e = ref();
		try (BlockfileDataset d = BlockfileDataset.open(RealFileCheck.file(e, 0), OpenOptions.DEFAULTS)) {
			int sum = 0;
			for (final int v : d.navigator())
				sum += v;
			assertEquals(e.get("vbf_navigator_sum").getAsInt(), sum);
			assertEquals("4096", d.meta().provenance().details().get("navigator_offset"));
			assertEquals("4112", d.meta().provenance().details().get("data_offset"));
			// the text block at byte 240 of test1.blo
			assertEquals("Precession angle :; Precession Frequency :; Camera gamma : on",
					d.meta().provenance().details().get("text"));
		}
	}

	@Test
	void realFileCalibrationComesFromTheHeaderFields() throws IOException {
		// header bytes 30..58 of test1.blo: SX = SY = 12.8 nm, 200000 V, SDP 6226, camera length 2000 × 0.1 mm
		try (BlockfileDataset d = BlockfileDataset.open(RealFileCheck.file(ref(), 0), OpenOptions.DEFAULTS)) {
			final Calibration c = d.meta().calibration();
			assertArrayEquals(new double[] { 12.8, 12.8 }, c.scanStep());
			assertEquals("nm", c.scanUnit());
			assertArrayEquals(new double[] { 1e6 / 6226, 1e6 / 6226 }, c.detectorPixel(), 1e-9);
			assertEquals("um", c.detectorUnit());
			assertEquals(0.2, c.cameraLength(), 1e-12);
			assertEquals(200.0, c.beamEnergy(), 1e-12);
		}
	}

	@Test
	void ingestedRealFileHasTheSameSum(@TempDir final Path out) throws IOException {
		final JsonObject e = ref();
		try (BlockfileDataset d = BlockfileDataset.open(RealFileCheck.file(e, 0), OpenOptions.DEFAULTS)) {
			Ingest.run(d, out.resolve("x.n5"), IngestOptions.DEFAULTS);
		}
		try (Dataset n5 = Formats.open(out.resolve("x.n5"), OpenOptions.DEFAULTS)) {
			assertEquals(DType.UINT8, n5.meta().dtype());
			assertArrayEquals(new long[] { 3, 2 }, n5.meta().navShape());
			assertEquals(e.get("total_sum").getAsDouble(), RealFileCheck.sum(Samples.readAll(n5, new TilePlan(4, 144))));
		}
	}

	@Test
	void navShapeOptionReshapesTheScan() throws IOException {
		try (BlockfileDataset d = BlockfileDataset.open(RealFileCheck.file(ref(), 0), OpenOptions.DEFAULTS.withNavShape(6))) {
			assertArrayEquals(new long[] { 6 }, d.meta().navShape());
			assertEquals(ref().get("total_sum").getAsDouble(), RealFileCheck.sum(Samples.readAll(d, new TilePlan(5, 144))));
		}
	}

	@Test
	void writtenSixteenBitFileWithTextBlockReadsBack() throws IOException {
		final double[] v = Samples.values(DType.UINT16, 3 * 2 * 25, 7);
		final Path f = dir.resolve("w16.blo");
		Files.write(f, blo(259, 3, 2, 5, true, v));
		try (BlockfileDataset d = BlockfileDataset.open(f, OpenOptions.DEFAULTS.withPartitionBytes(100))) {
			assertEquals(DType.UINT16, d.meta().dtype());
			assertArrayEquals(new long[] { 2, 3 }, d.meta().navShape());
			assertArrayEquals(new int[] { 5, 5 }, d.meta().sigShape());
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(2, 2)));
			assertArrayEquals(new double[] { 2.5, 1.5 }, d.meta().calibration().scanStep());
			assertArrayEquals(new int[] { 1, 2, 3, 4, 5, 6 }, d.navigator());
		}
	}

	@Test
	void writtenEightBitMagic258FileReadsBack() throws IOException {
		final double[] v = Samples.values(DType.UINT8, 4 * 1 * 9, 8);
		final Path f = dir.resolve("w8.blo");
		Files.write(f, blo(258, 4, 1, 3, false, v));
		try (BlockfileDataset d = BlockfileDataset.open(f, OpenOptions.DEFAULTS)) {
			assertEquals(DType.UINT8, d.meta().dtype());
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(3, 1)));
		}
	}

	@Test
	void probeRecognisesIdThenExtension() {
		final BlockfileFormat fmt = new BlockfileFormat();
		assertEquals(100, fmt.probe(Path.of("x.bin"), "IMGBLO\u0002\u0001".getBytes(StandardCharsets.ISO_8859_1)));
		assertEquals(50, fmt.probe(Path.of("x.BLO"), new byte[] { 1, 2 }));
		assertEquals(0, fmt.probe(Path.of("x.raw"), new byte[] { 1, 2 }));
	}

	// ------------------------------------------------------------------ bad input

	private LayoutException openFails(final byte[] bytes) throws IOException {
		final Path f = dir.resolve("bad.blo");
		Files.write(f, bytes);
		final LayoutException e = assertThrows(LayoutException.class, () -> BlockfileDataset.open(f, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().startsWith(f.toAbsolutePath().toString()), e.getMessage());
		return e;
	}

	@Test
	void wrongIdIsReportedAtOffsetZero() throws IOException {
		final byte[] b = blo(258, 2, 2, 2, false, new double[16]);
		b[3] = 'X';
		final LayoutException e = openFails(b);
		assertTrue(e.getMessage().contains("at byte offset 0: expected the blockfile ID \"IMGBLO\", found \"IMGXLO\""),
				e.getMessage());
	}

	@Test
	void unknownMagicIsReported() throws IOException {
		final byte[] b = blo(258, 2, 2, 2, false, new double[16]);
		b[6] = 7;
		assertTrue(openFails(b).getMessage().contains("field 'MAGIC (byte offset 6)': expected 258 or 259, found 263"));
	}

	@Test
	void scanLargerThanTheFileIsReportedWithExpectedAndFoundSizes() throws IOException {
		final byte[] b = blo(258, 2, 2, 2, false, new double[16]);
		b[24] = 3;
		final LayoutException e = openFails(b);
		assertTrue(e.getMessage().contains("field 'file size': expected " + (1024 + 4 + 7 + 6 * 10) + " bytes"), e.getMessage());
		assertTrue(e.getMessage().endsWith("found " + b.length + " bytes"), e.getMessage());
	}

	@Test
	void brokenFramePrefixIsReportedAtItsOffset() throws IOException {
		final byte[] b = blo(258, 2, 2, 2, false, new double[16]);
		final int last = 1024 + 4 + 7 + 3 * 10;
		b[last + 2] = 9;
		final LayoutException e = openFails(b);
		assertTrue(e.getMessage().contains("at byte offset " + (last + 2) + ": expected frame number 3, found 9"),
				e.getMessage());
		b[last + 2] = 3;
		b[1024 + 4 + 7] = 0;
		assertTrue(openFails(b).getMessage().contains("expected the frame record prefix AA 55 of frame 0, found 00 55"));
	}

	@Test
	void unknownBitDepthIsReported() throws IOException {
		final byte[] b = blo(259, 2, 2, 2, false, new double[16]);
		final byte[] text = "Blo Bit Depth: 12 bits".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(text, 0, b, 264, text.length);
		for (int i = 264 + text.length; i < 300; i++)
			b[i] = 0;
		assertTrue(openFails(b).getMessage().contains("expected 8 bits or 16 bits, found \"Blo Bit Depth: 12 bits\""));
	}

	@Test
	void fuzzedHeadersOfTheRealFileFailWithLayoutExceptionsNamingTheFile() throws IOException {
		final Path f = RealFileCheck.file(ref(), 0);
		final int n = HeaderFuzzer.of(f, 4112 + 6, 0xB10).counts(40, 200, 60).run(dir, HeaderFuzzer.detecting());
		assertEquals(300, n);
	}

	@Test
	void fuzzedHeadersOfAWrittenSixteenBitFileFailWithLayoutExceptions() throws IOException {
		final Path f = dir.resolve("src").resolve("w16.blo");
		Files.createDirectories(f.getParent());
		Files.write(f, blo(259, 3, 2, 5, true, Samples.values(DType.UINT16, 150, 3)));
		final Path work = Files.createDirectories(dir.resolve("work"));
		final int n = HeaderFuzzer.of(f, 1024 + 6 + 7 + 6, 0xB16).counts(30, 150, 60).run(work, HeaderFuzzer.detecting());
		assertEquals(240, n);
	}
}
