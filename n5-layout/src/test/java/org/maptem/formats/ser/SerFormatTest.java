package org.maptem.formats.ser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.maptem.dataset.Calibration;
import org.maptem.dataset.DType;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Tile;
import org.maptem.dataset.TilePlan;
import org.maptem.formats.Formats;
import org.maptem.formats.HeaderFuzzer;
import org.maptem.formats.RealFileCheck;
import org.maptem.frames.FrameSource;
import org.maptem.ingest.Ingest;
import org.maptem.ingest.IngestOptions;
import org.maptem.ingest.Samples;

import com.google.gson.JsonObject;

class SerFormatTest {

	@TempDir
	Path dir;

	private static JsonObject ref() throws IOException {
		return RealFileCheck.entry("tia/128x128x5-diffraction_preview");
	}

	/** A scan dimension for the writer: size, delta, units. */
	record Dim(int size, double delta, String units) {
	}

	/**
	 * An independent .ser writer following the documented layout. Elements are written after the dimension array
	 * with random gaps between them (so they are not evenly spaced), each array's rows from the bottom row of the image
	 * up; version 0x0210 puts the offset arrays after the data, 0x0220 before it. {@code typeCode} is the element DataType; {@code valid} elements are written.
	 */
	static byte[] ser(final int version, final boolean twoD, final Dim[] dims, final int valid, final int typeCode,
			final DType t, final int w, final int h, final double[] v, final long seed) {
		final boolean wide = version == 0x0220;
		final int total = java.util.Arrays.stream(dims).mapToInt(Dim::size).reduce(1, (a, b) -> a * b);
		final ByteArrayOutputStream head = new ByteArrayOutputStream();
		final ByteBuffer hb = ByteBuffer.allocate(wide ? 34 : 30).order(ByteOrder.LITTLE_ENDIAN);
		hb.putShort((short) 0x4949).putShort((short) 0x0197).putShort((short) version).putInt(twoD ? 0x4122 : 0x4120)
				.putInt(0x4152).putInt(total).putInt(valid);
		final int offsetArrayAt = 0; // patched below
		if (wide)
			hb.putLong(offsetArrayAt);
		else
			hb.putInt(offsetArrayAt);
		hb.putInt(dims.length);
		head.writeBytes(hb.array());
		for (final Dim d : dims) {
			final byte[] desc = "Scan".getBytes(StandardCharsets.ISO_8859_1);
			final byte[] units = d.units().getBytes(StandardCharsets.ISO_8859_1);
			final ByteBuffer db = ByteBuffer.allocate(28 + desc.length + 4 + units.length).order(ByteOrder.LITTLE_ENDIAN);
			db.putInt(d.size()).putDouble(0).putDouble(d.delta()).putInt(0).putInt(desc.length).put(desc).putInt(units.length)
					.put(units);
			head.writeBytes(db.array());
		}
		final int w8 = wide ? 8 : 4;
		final int arrays = 2 * total * w8;
		final Random r = new Random(seed);
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(head.toByteArray());
		final int arrayAt = wide ? out.size() : -1;
		if (wide)
			out.writeBytes(new byte[arrays]);
		final long[] offsets = new long[total];
		final int px = w * h;
		for (int e = 0; e < valid; e++) {
			out.writeBytes(new byte[r.nextInt(13)]);
			offsets[e] = out.size();
			final ByteBuffer eh = ByteBuffer.allocate(twoD ? 50 : 26).order(ByteOrder.LITTLE_ENDIAN);
			if (twoD)
				eh.putDouble(-1.0).putDouble(0.25).putInt(0).putDouble(-2.0).putDouble(0.5).putInt(0).putShort((short) typeCode)
						.putInt(w).putInt(h);
			else
				eh.putDouble(-1.0).putDouble(0.25).putInt(0).putShort((short) typeCode).putInt(w);
			out.writeBytes(eh.array());
			// rows from the bottom of the image up
			for (int row = h - 1; row >= 0; row--)
				out.writeBytes(Samples.encode(t, v, e * px + row * w, w, true));
		}
		final int arrayPos = wide ? arrayAt : out.size();
		if (!wide)
			out.writeBytes(new byte[arrays]);
		final ByteBuffer all = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
		if (wide)
			all.putLong(22, arrayPos);
		else
			all.putInt(22, arrayPos);
		for (int e = 0; e < total; e++)
			if (wide)
				all.putLong(arrayPos + 8 * e, offsets[e]);
			else
				all.putInt(arrayPos + 4 * e, (int) offsets[e]);
		return all.array();
	}

	@Test
	void realFileMatchesTheIndependentReaderThroughDetection() throws IOException {
		final JsonObject e = ref();
		final Path ser = RealFileCheck.file(e, 1);
		assertInstanceOf(SerFormat.class, Formats.detect(ser));
		try (Dataset d = Formats.open(ser, OpenOptions.DEFAULTS)) {
			RealFileCheck.assertMatches(e, d, TilePlan.defaultFor(d.meta()));
		}
	}

	@Test
	void realFileMatchesInTwoFramePartitionsAndRowBands() throws IOException {
		final JsonObject e = ref();
		try (SerDataset d = SerDataset.open(RealFileCheck.file(e, 1), OpenOptions.DEFAULTS.withPartitionBytes(2 * 65536))) {
			assertEquals(3, d.partitions().size());
			RealFileCheck.assertMatches(e, d, new TilePlan(1, 29));
			RealFileCheck.assertMatches(e, d, new TilePlan(2, 128));
		}
	}

	@Test
	void realFileCalibrationComesFromElementHeaderAndEmi() throws IOException {
		// element header: CalibrationDeltaX = DeltaY = 42464134.612716675 (1/m); the .emi: "Reciprocal Space",
		// AcceleratingVoltage 200000 V, "Camera length" 1.100 m
		try (SerDataset d = SerDataset.open(RealFileCheck.file(ref(), 1), OpenOptions.DEFAULTS)) {
			final Calibration c = d.meta().calibration();
			assertArrayEquals(new double[] { 0.042464134612716675, 0.042464134612716675 }, c.detectorPixel(), 1e-15);
			assertEquals("1/nm", c.detectorUnit());
			assertEquals(200.0, c.beamEnergy());
			assertEquals(1.1, c.cameraLength());
			assertEquals(2, d.meta().provenance().files().size());
			assertEquals("0x0220", d.meta().provenance().details().get("version"));
			assertEquals("152", d.meta().provenance().details().get("first_element_offset"));
		}
	}

	@Test
	void realFileWithoutItsEmiKeepsTheDetectorInPixels() throws IOException {
		final Path ser = dir.resolve("alone_1.ser");
		Files.copy(RealFileCheck.file(ref(), 1), ser);
		try (SerDataset d = SerDataset.open(ser, OpenOptions.DEFAULTS)) {
			assertEquals("px", d.meta().calibration().detectorUnit());
			assertTrue(Double.isNaN(d.meta().calibration().beamEnergy()));
			assertEquals(1, d.meta().provenance().files().size());
			final String[] x = d.meta().provenance().details().get("element_calibration_offset_delta_x").split(", ");
			assertEquals(42464134.612716675, Double.parseDouble(x[1]));
		}
	}

	@Test
	void ingestedRealFileHasTheSameSum(@TempDir final Path out) throws IOException {
		final JsonObject e = ref();
		try (SerDataset d = SerDataset.open(RealFileCheck.file(e, 1), OpenOptions.DEFAULTS)) {
			Ingest.run(d, out.resolve("x.n5"), IngestOptions.DEFAULTS);
		}
		try (Dataset n5 = Formats.open(out.resolve("x.n5"), OpenOptions.DEFAULTS)) {
			assertEquals(DType.INT32, n5.meta().dtype());
			assertEquals(e.get("total_sum").getAsDouble(), RealFileCheck.sum(Samples.readAll(n5, new TilePlan(2, 128))));
		}
	}

	@ParameterizedTest(name = "version 0x{0}")
	@ValueSource(ints = { 0x0210, 0x0220 })
	void writtenTwoDimensionalScanWithUnevenElementsReadsBackInScanOrder(final int version) throws IOException {
		final double[] v = Samples.values(DType.FLOAT32, 6 * 4 * 3, version);
		final Path f = dir.resolve("scan.ser");
		Files.write(f, ser(version, true, new Dim[] { new Dim(3, 2e-9, "m"), new Dim(2, 5e-9, "m") }, 6, 7, DType.FLOAT32, 3,
				4, v, version));
		try (SerDataset d = SerDataset.open(f, OpenOptions.DEFAULTS.withPartitionBytes(2 * 12 * 4))) {
			assertArrayEquals(new long[] { 2, 3 }, d.meta().navShape());
			assertArrayEquals(new int[] { 4, 3 }, d.meta().sigShape());
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(2, 3)));
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(1, 1)));
			final float[] f32 = Samples.readAllFloat(d, new TilePlan(3, 3));
			for (int i = 0; i < v.length; i++)
				assertEquals((float) v[i], f32[i], 0, "value " + i);
			assertArrayEquals(new double[] { 5, 2 }, d.meta().calibration().scanStep(), 1e-12);
			assertEquals("nm", d.meta().calibration().scanUnit());
		}
	}

	@ParameterizedTest(name = "DataType {0}")
	@ValueSource(ints = { 1, 2, 3, 4, 5, 6, 7, 8 })
	void everyRealElementTypeReadsBack(final int code) throws IOException {
		final DType t = new DType[] { null, DType.UINT8, DType.UINT16, DType.UINT32, DType.INT8, DType.INT16, DType.INT32,
				DType.FLOAT32, DType.FLOAT64 }[code];
		final double[] v = Samples.values(t, 4 * 10, code);
		final Path f = dir.resolve("t.ser");
		Files.write(f, ser(0x0220, true, new Dim[] { new Dim(4, 1, "") }, 4, code, t, 5, 2, v, code));
		try (SerDataset d = SerDataset.open(f, OpenOptions.DEFAULTS)) {
			assertEquals(t, d.meta().dtype());
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(3, 2)));
		}
	}

	@Test
	void oneDimensionalElementsAreOneRowFrames() throws IOException {
		final double[] v = Samples.values(DType.UINT16, 3 * 7, 3);
		final Path f = dir.resolve("spectra.ser");
		Files.write(f, ser(0x0210, false, new Dim[] { new Dim(3, 1, "") }, 3, 2, DType.UINT16, 7, 1, v, 4));
		try (SerDataset d = SerDataset.open(f, OpenOptions.DEFAULTS)) {
			assertArrayEquals(new int[] { 1, 7 }, d.meta().sigShape());
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(2, 1)));
		}
	}

	@Test
	void stoppedAcquisitionIsAStackOfTheValidElements() throws IOException {
		final double[] v = Samples.values(DType.INT16, 5 * 4, 5);
		final Path f = dir.resolve("stopped.ser");
		Files.write(f, ser(0x0220, true, new Dim[] { new Dim(3, 1e-9, "m"), new Dim(3, 1e-9, "m") }, 5, 5, DType.INT16, 2, 2,
				v, 6));
		try (SerDataset d = SerDataset.open(f, OpenOptions.DEFAULTS)) {
			assertArrayEquals(new long[] { 5 }, d.meta().navShape());
			assertEquals("9", d.meta().provenance().details().get("total_elements"));
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(4, 2)));
			assertEquals(0, d.meta().calibration().scanStep().length);
		}
	}

	@Test
	void emiNameIsTheSerNameWithoutItsIndex() {
		assertEquals(Path.of("/d/a_b.emi"), EmiInfo.emiFor(Path.of("/d/a_b_12.ser")));
		assertEquals(Path.of("/d/x.emi"), EmiInfo.emiFor(Path.of("/d/x.SER")));
	}

	@Test
	void probeRecognisesMarkAndSeriesIdThenExtension() {
		final SerFormat s = new SerFormat();
		assertEquals(100, s.probe(Path.of("a.bin"), new byte[] { 0x49, 0x49, (byte) 0x97, 0x01, 0x20, 0x02 }));
		assertEquals(50, s.probe(Path.of("a.ser"), new byte[] { 1 }));
		assertEquals(0, s.probe(Path.of("a.emi"), new byte[] { 1 }));
	}

	// ------------------------------------------------------------------ bad input

	private LayoutException openFails(final byte[] bytes) throws IOException {
		final Path f = dir.resolve("bad.ser");
		Files.write(f, bytes);
		final LayoutException e = assertThrows(LayoutException.class, () -> SerDataset.open(f, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().startsWith(f.toAbsolutePath().toString()), e.getMessage());
		return e;
	}

	/** The exception of reading every frame of {@code bytes}, which open: element headers are checked as read. */
	private LayoutException readFails(final byte[] bytes) throws IOException {
		final Path f = dir.resolve("bad.ser");
		Files.write(f, bytes);
		final LayoutException e = assertThrows(LayoutException.class, () -> {
			try (SerDataset d = SerDataset.open(f, OpenOptions.DEFAULTS)) {
				final float[] t = new float[d.meta().framePixels()];
				for (final Partition p : d.partitions())
					try (FrameSource s = d.open(p)) {
						for (long i = p.firstFrame(); i < p.endFrame(); i++)
							s.read(new Tile(i, 1, 0, d.meta().sigHeight(), d.meta().sigWidth()), t);
					}
			}
		});
		assertTrue(e.getMessage().startsWith(f.toAbsolutePath().toString()), e.getMessage());
		return e;
	}

	private static byte[] small() {
		return ser(0x0220, true, new Dim[] { new Dim(2, 1, "") }, 2, 2, DType.UINT16, 2, 2, new double[8], 1);
	}

	@Test
	void headerFieldsAreCheckedOneByOne() throws IOException {
		final Object[][] cases = { { 0, (byte) 0x4A, "at byte offset 0: expected the byte order mark 0x4949" },
				{ 2, (byte) 0x98, "field 'SeriesID (byte offset 2)': expected 0x0197, found 0x0198" },
				{ 5, (byte) 0x03, "field 'SeriesVersion (byte offset 4)'" },
				{ 6, (byte) 0x21, "field 'DataTypeID (byte offset 6)': expected 0x4120 (1D) or 0x4122 (2D), found 0x4121" },
				{ 10, (byte) 0x50, "field 'TagTypeID (byte offset 10)'" },
				{ 14, (byte) 3, "field 'DimensionSize': expected sizes whose product is TotalNumberElements 3, found [2]" },
				{ 18, (byte) 3, "field 'ValidNumberElements (byte offset 18)': expected 1 to TotalNumberElements 2, found 3" },
				{ 30, (byte) 4, "field 'NumberDimensions (byte offset 30)': expected 1 to 3 scan dimensions, found 4" },
				{ 22, (byte) 2, "field 'OffsetArrayOffset (byte offset 22)'" } };
		for (final Object[] c : cases) {
			final byte[] b = small();
			b[(int) c[0]] = (byte) c[1];
			final LayoutException e = openFails(b);
			assertTrue(e.getMessage().contains((String) c[2]), e.getMessage());
		}
	}

	@Test
	void elementsThatDifferOrLeaveTheFileAreReportedAtTheirOffsets() throws IOException {
		// an element unlike element 0 is found when its frame is read; an offset outside the file when the file opens
		final byte[] b = small();
		final ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
		final long array = bb.getLong(22);
		final long second = bb.getLong((int) array + 8);
		bb.putShort((int) second + 40, (short) 5);
		LayoutException e = readFails(b);
		assertTrue(e.getMessage().contains("at byte offset " + (second + 40) + ": expected element 1 like element 0: uint16, "
				+ "2 × 2, found int16, 2 × 2"), e.getMessage());
		bb.putInt((int) second + 42, 3);
		assertTrue(readFails(b).getMessage().contains("found int16, 3 × 2"));
		bb.putInt((int) second + 42, 2);
		bb.putShort((int) second + 40, (short) 9);
		assertTrue(readFails(b).getMessage().contains("expected an element DataType from 1 to 8"));
		bb.putShort((int) second + 40, (short) 2);
		bb.putLong((int) array + 8, b.length - 20);
		e = openFails(b);
		assertTrue(e.getMessage().contains("field 'data offset of element 1 (byte offset " + (array + 8) + ")'"), e.getMessage());
	}

	@Test
	void anElementUnlikeElement0InALaterPartitionIsReportedAtItsOffsetWhenRead() throws IOException {
		// six float32 elements of 3 × 4 in partitions of two: element 4's type (at byte 40 of its header) says int32
		final byte[] b = ser(0x0220, true, new Dim[] { new Dim(3, 1, ""), new Dim(2, 1, "") }, 6, 7, DType.FLOAT32, 3, 4,
				Samples.values(DType.FLOAT32, 6 * 12, 4), 4);
		final ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
		final long fifth = bb.getLong((int) bb.getLong(22) + 4 * 8);
		bb.putShort((int) fifth + 40, (short) 6);
		final Path f = dir.resolve("later.ser");
		Files.write(f, b);
		try (SerDataset d = SerDataset.open(f, OpenOptions.DEFAULTS.withPartitionBytes(2 * 12 * 4))) {
			assertTrue(d.partitions().size() > 1);
			final float[] t = new float[12];
			for (final Partition p : d.partitions())
				try (FrameSource s = d.open(p)) {
					for (long i = p.firstFrame(); i < p.endFrame(); i++) {
						final Tile tile = new Tile(i, 1, 2, 2, 3); // a row band: the element is mapped from its header on
						if (i != 4) {
							s.read(tile, t);
							continue;
						}
						assertTrue(p.firstFrame() > 0, "element 4 lies in a later partition");
						final LayoutException e = assertThrows(LayoutException.class, () -> s.read(tile, t));
						assertTrue(e.getMessage().contains("at byte offset " + (fifth + 40) + ": expected element 4 like "
								+ "element 0: float32, 3 × 4, found int32, 3 × 4"), e.getMessage());
					}
				}
		}
	}

	@Test
	void fuzzedRealFileFailsWithLayoutExceptionsNamingTheFile() throws IOException {
		final JsonObject e = ref();
		Files.copy(RealFileCheck.file(e, 0), dir.resolve(RealFileCheck.file(e, 0).getFileName()));
		final int n = HeaderFuzzer.of(RealFileCheck.file(e, 1), 152 + 50, 0x5E1).counts(40, 200, 60)
				.run(dir, HeaderFuzzer.detecting());
		assertEquals(300, n);
	}

	@Test
	void fuzzedWrittenVersion0210FileWithTrailingOffsetArrayFailsWithLayoutExceptions() throws IOException {
		final Path src = Files.createDirectories(dir.resolve("src")).resolve("w_1.ser");
		final byte[] b = ser(0x0210, true, new Dim[] { new Dim(3, 1e-9, "m"), new Dim(2, 1e-9, "m") }, 6, 6, DType.INT32, 3, 2,
				Samples.values(DType.INT32, 36, 9), 9);
		Files.write(src, b);
		final Path work = Files.createDirectories(dir.resolve("work"));
		final int n = HeaderFuzzer.of(src, b.length, 0x5E2).counts(40, 300, 100).run(work, HeaderFuzzer.detecting());
		assertEquals(440, n);
	}
}
