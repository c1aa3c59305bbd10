package org.maptem.formats.dm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.maptem.dataset.Calibration;
import org.maptem.dataset.DType;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.ReadMode;
import org.maptem.dataset.TilePlan;
import org.maptem.formats.Formats;
import org.maptem.formats.HeaderFuzzer;
import org.maptem.formats.dm.DmBytes.Arr;
import org.maptem.formats.dm.DmBytes.Num;
import org.maptem.formats.dm.DmBytes.Str;
import org.maptem.ingest.Ingest;
import org.maptem.ingest.IngestOptions;
import org.maptem.ingest.Samples;

/** DM3/DM4 tag files written by the test from the documented layout (no real 4D sample was available). */
class DmFormatTest {

	@TempDir
	Path dir;

	/** DM DataType code and array element type of each dtype, from the format description. */
	static int dataType(final DType t) {
		return switch (t) {
		case INT16 -> 1;
		case FLOAT32 -> 2;
		case UINT8 -> 6;
		case INT32 -> 7;
		case INT8 -> 9;
		case UINT16 -> 10;
		case UINT32 -> 11;
		default -> 12;
		};
	}

	static int arrayType(final DType t) {
		return switch (t) {
		case INT16 -> 2;
		case FLOAT32 -> 6;
		case UINT8 -> 10;
		case INT32 -> 3;
		case INT8 -> 9;
		case UINT16 -> 4;
		case UINT32 -> 5;
		default -> 7;
		};
	}

	/** What goes into one test file. */
	record Spec(int version, boolean little, DType dtype, long[] dims, byte[] data, Double swapped, String format,
			double dataTypeOverride) {
	}

	static Spec spec(final int version, final boolean little, final DType t, final long[] dims, final double[] fileOrder,
			final Double swapped) {
		return new Spec(version, little, t, dims, Samples.encode(t, fileOrder, 0, fileOrder.length, little), swapped,
				"Diffraction image", Double.NaN);
	}

	/** A file: noise tags, an RGB thumbnail image, the data image (ImageData then ImageTags), more tags after it. */
	static byte[] file(final Spec s) {
		final DmBytes w = new DmBytes(s.version(), s.little());
		final int n = s.dims().length;
		final String[] units = { "1/nm", "1/nm", "nm", "\u00B5m" };
		final double[] scales = { 0.05, 0.06, 2.5, 0.004 };
		final List<Object> dimNodes = new ArrayList<>();
		final List<Object> calNodes = new ArrayList<>();
		for (int k = 0; k < n; k++) {
			dimNodes.add("");
			dimNodes.add(new Num(5, s.dims()[k]));
			calNodes.add("");
			calNodes.add(DmBytes.group("Origin", new Num(6, -k), "Scale", new Num(6, scales[k]), "Units", w.text(units[k])));
		}
		final List<Object> meta = new ArrayList<>(List.of("Format", w.text(s.format())));
		if (s.swapped() != null) {
			meta.add("Data Order Swapped");
			meta.add(new Num(8, s.swapped()));
		}
		final byte[] thumbPixels = new byte[8 * 6 * 4];
		java.util.Arrays.fill(thumbPixels, (byte) 0x7F);
		final DmBytes.Group thumbnail = DmBytes.group("ImageData", DmBytes.group(
				"Calibrations", DmBytes.group("Dimension", DmBytes.group("", DmBytes.group("Scale", new Num(6, 1)),
						"", DmBytes.group("Scale", new Num(6, 1)))),
				"Data", new Arr(5, 48, thumbPixels),
				"DataType", new Num(3, 23),
				"Dimensions", DmBytes.group("", new Num(5, 8), "", new Num(5, 6)),
				"PixelDepth", new Num(3, 4)),
				"ImageTags", DmBytes.group(),
				"Name", w.text("thumbnail"));
		final DmBytes.Group image = DmBytes.group("ImageData", DmBytes.group(
				"Calibrations", DmBytes.group("Brightness", DmBytes.group("Origin", new Num(6, 0), "Scale", new Num(6, 1),
						"Units", w.text("counts")), "Dimension", DmBytes.group(calNodes.toArray())),
				"Data", new Arr(arrayType(s.dtype()), s.data().length / s.dtype().bytes(), s.data()),
				"DataType", new Num(3, Double.isNaN(s.dataTypeOverride()) ? dataType(s.dtype()) : s.dataTypeOverride()),
				"Dimensions", DmBytes.group(dimNodes.toArray()),
				"PixelDepth", new Num(3, s.dtype().bytes())),
				"ImageTags", DmBytes.group("Meta Data", DmBytes.group(meta.toArray()),
						"Microscope Info", DmBytes.group("Voltage", new Num(7, 200000), "STEM Camera Length", new Num(6, 100),
								"Name", new Str("test microscope"))),
				"Name", w.text("4D"),
				"UniqueID", new DmBytes.Struct(new int[] { 5, 5, 5, 5 }, new double[] { 1, 2, 3, 4 }));
		final DmBytes.Group root = DmBytes.group(
				"ApplicationBounds", new DmBytes.Struct(new int[] { 3, 3, 3, 3 }, new double[] { 0, 0, 800, 600 }),
				"DocumentObjectList", DmBytes.group("", DmBytes.group("AnnotationType", new Num(3, 20))),
				"ImageList", DmBytes.group("", thumbnail, "", image),
				"Image Behavior", DmBytes.group("ViewDisplayID", new Num(3, 8), "Huge", new Num(12, 1L << 40),
						"Flags", new Num(11, -5)),
				"InImageMode", new Num(8, 1));
		return w.file(root);
	}

	/** C-order values of nav [a, b] × sig [h, w] rearranged detector-major: [h][w][a][b]. */
	static double[] detectorMajor(final double[] c, final int a, final int b, final int h, final int w) {
		final double[] out = new double[c.length];
		int i = 0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				for (int ny = 0; ny < a; ny++)
					for (int nx = 0; nx < b; nx++)
						out[i++] = c[((ny * b + nx) * h + y) * w + x];
		return out;
	}

	static Stream<Arguments> versionsAndTypes() {
		final List<Arguments> a = new ArrayList<>();
		for (final DType t : new DType[] { DType.UINT8, DType.INT8, DType.UINT16, DType.INT16, DType.UINT32, DType.INT32,
				DType.FLOAT32, DType.FLOAT64 })
			for (final int version : new int[] { 3, 4 })
				for (final boolean little : new boolean[] { true, false })
					a.add(Arguments.of(t, version, little));
		return a.stream();
	}

	@ParameterizedTest(name = "{0} DM{1} little-endian {2}")
	@MethodSource("versionsAndTypes")
	void readsScanMajor4DOfEveryTypeVersionAndByteOrder(final DType t, final int version, final boolean little)
			throws IOException {
		final double[] v = Samples.values(t, 2 * 3 * 5 * 4, version * 31 + t.ordinal());
		// DM order d0 = det x (4), d1 = det y (5), d2 = scan x (3), d3 = scan y (2)
		final Path f = Files.write(dir.resolve("s.dm" + version), file(spec(version, little, t, new long[] { 4, 5, 3, 2 }, v,
				1.0)));
		try (Dataset d = Formats.open(f, OpenOptions.DEFAULTS.withPartitionBytes(2L * 20 * t.bytes()))) {
			assertInstanceOf(DmDataset.class, d);
			assertArrayEquals(new long[] { 2, 3 }, d.meta().navShape());
			assertArrayEquals(new int[] { 5, 4 }, d.meta().sigShape());
			assertEquals(t, d.meta().dtype());
			assertEquals(4, d.partitions().size());
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(4, 5)));
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(1, 2)));
		}
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = ReadMode.class)
	void mapsCalibrationsOpticsAndReadsInEveryReadMode(final ReadMode mode) throws IOException {
		final double[] v = Samples.values(DType.UINT16, 3 * 2 * 4 * 6, 2);
		final Path f = Files.write(dir.resolve("c.dm4"), file(spec(4, true, DType.UINT16, new long[] { 6, 4, 2, 3 }, v, 1.0)));
		try (DmDataset d = DmDataset.open(f, OpenOptions.DEFAULTS.withReadMode(mode).withPartitionBytes(1))) {
			final Calibration c = d.meta().calibration();
			// nav [d3, d2]: steps of DM dimensions 3 and 2; detector [y, x] = dimensions 1 and 0
			assertArrayEquals(new double[] { 0.004f, 2.5f }, c.scanStep());
			assertEquals("um", c.scanUnit());
			assertArrayEquals(new double[] { 0.06f, 0.05f }, c.detectorPixel());
			assertEquals("1/nm", c.detectorUnit());
			assertEquals(200.0, c.beamEnergy());
			assertEquals(0.1, c.cameraLength(), 1e-12);
			assertEquals("scale 2.5, origin -2.0, units 'nm'", d.meta().provenance().details().get("calibration_dim2"));
			assertEquals(1, d.image().index());
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(2, 3)));
		}
	}

	@Test
	void readsDetectorMajor4DWithoutTheSwappedTagByGathering() throws IOException {
		final int a = 3;
		final int b = 4;
		final int h = 5;
		final int w = 2;
		final double[] c = Samples.values(DType.INT32, a * b * h * w, 8);
		final double[] fileOrder = detectorMajor(c, a, b, h, w);
		// DM order for detector-major files: d0 = scan x, d1 = scan y, d2 = det x, d3 = det y
		for (final Double tag : new Double[] { null, 0.0 }) {
			final Path f = Files.write(dir.resolve("t.dm4"), file(spec(4, true, DType.INT32, new long[] { b, a, w, h },
					fileOrder, tag)));
			try (Dataset d = Formats.open(f, OpenOptions.DEFAULTS.withPartitionBytes(5L * h * w * 4))) {
				assertArrayEquals(new long[] { a, b }, d.meta().navShape());
				assertArrayEquals(new int[] { h, w }, d.meta().sigShape());
				assertEquals(3, d.partitions().size());
				assertArrayEquals(c, Samples.readAll(d, new TilePlan(3, 5)));
				assertArrayEquals(c, Samples.readAll(d, new TilePlan(1, 2)));
				final float[] fl = Samples.readAllFloat(d, new TilePlan(7, 4));
				for (int i = 0; i < c.length; i++)
					assertEquals((float) c[i], fl[i]);
			}
		}
	}

	@Test
	void readsBigEndianDm3StacksAnd2DImages() throws IOException {
		final double[] v = Samples.values(DType.FLOAT32, 7 * 3 * 4, 5);
		final Path f = Files.write(dir.resolve("stack.dm3"), file(spec(3, false, DType.FLOAT32, new long[] { 4, 3, 7 }, v,
				null)));
		try (DmDataset d = DmDataset.open(f, OpenOptions.DEFAULTS.withPartitionBytes(3 * 48))) {
			assertArrayEquals(new long[] { 7 }, d.meta().navShape());
			assertArrayEquals(new int[] { 3, 4 }, d.meta().sigShape());
			assertEquals(3, d.dm().version());
			assertArrayEquals(new double[] { 2.5f }, d.meta().calibration().scanStep());
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(2, 2)));
		}
		final double[] img = Samples.values(DType.INT16, 6 * 9, 6);
		final Path g = Files.write(dir.resolve("img.dm3"), file(spec(3, true, DType.INT16, new long[] { 9, 6 }, img, null)));
		try (DmDataset d = DmDataset.open(g, OpenOptions.DEFAULTS.withNavShape(1, 1))) {
			assertArrayEquals(new long[] { 1, 1 }, d.meta().navShape());
			assertArrayEquals(new int[] { 6, 9 }, d.meta().sigShape());
			assertArrayEquals(img, Samples.readAll(d, new TilePlan(1, 4)));
		}
	}

	@Test
	void scanShapeFromOptionsMayUseTheFirstFramesOnlyAndDropsTheScanCalibration() throws IOException {
		final double[] v = Samples.values(DType.UINT8, 12 * 4, 9);
		final Path f = Files.write(dir.resolve("o.dm4"), file(spec(4, true, DType.UINT8, new long[] { 2, 2, 4, 3 }, v, 1.0)));
		try (DmDataset d = DmDataset.open(f, OpenOptions.DEFAULTS.withNavShape(5, 2))) {
			assertArrayEquals(java.util.Arrays.copyOf(v, 40), Samples.readAll(d, new TilePlan(3, 2)));
			assertEquals("px", d.meta().calibration().scanUnit());
		}
		assertRejects(f, OpenOptions.DEFAULTS.withNavShape(13), "scan shape");
	}

	@Test
	void rejectsInconsistentImagesNamingTheTag() throws IOException {
		final double[] v = Samples.values(DType.UINT16, 2 * 3 * 4, 1);
		final Spec ok = spec(4, true, DType.UINT16, new long[] { 4, 3, 2 }, v, null);
		Files.write(dir.resolve("bad.dm4"), file(new Spec(4, true, DType.UINT16, new long[] { 4, 3, 3 }, ok.data(), null,
				"Diffraction image", Double.NaN)));
		assertRejects(dir.resolve("bad.dm4"), OpenOptions.DEFAULTS, "ImageList/1/ImageData/Data");
		Files.write(dir.resolve("bad.dm4"), file(new Spec(4, true, DType.UINT16, ok.dims(), ok.data(), null,
				"Diffraction image", 3)));
		assertRejects(dir.resolve("bad.dm4"), OpenOptions.DEFAULTS, "ImageList");
		Files.write(dir.resolve("bad.dm4"), file(new Spec(4, true, DType.UINT16, ok.dims(), ok.data(), null,
				"Spectrum image", Double.NaN)));
		assertRejects(dir.resolve("bad.dm4"), OpenOptions.DEFAULTS, "Format");
		Files.write(dir.resolve("bad.dm4"), file(new Spec(4, true, DType.UINT16, ok.dims(), ok.data(), 0.0,
				"Image", Double.NaN)));
		assertRejects(dir.resolve("bad.dm4"), OpenOptions.DEFAULTS, "Data Order Swapped");
		final byte[] good = file(ok);
		final byte[] delim = good.clone();
		final int at = DmBytes.indexOf(delim, "%%%%".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		delim[at + 1] = 'x';
		Files.write(dir.resolve("bad.dm4"), delim);
		assertRejects(dir.resolve("bad.dm4"), OpenOptions.DEFAULTS, "byte offset " + at);
		// a truncated DM4 file fails at the first tag whose size reaches past the end, a DM3 file at the array
		Files.write(dir.resolve("bad.dm4"), java.util.Arrays.copyOf(good, DmBytes.indexOf(good, ok.data()) + 5));
		assertRejects(dir.resolve("bad.dm4"), OpenOptions.DEFAULTS, "tag size within the file");
		final Spec dm3 = spec(3, true, DType.UINT16, new long[] { 4, 3, 2 }, v, null);
		final byte[] good3 = file(dm3);
		Files.write(dir.resolve("bad.dm3"), java.util.Arrays.copyOf(good3, DmBytes.indexOf(good3, dm3.data()) + 5));
		assertRejects(dir.resolve("bad.dm3"), OpenOptions.DEFAULTS, "array tag 'Data' within the file");
	}

	private void assertRejects(final Path f, final OpenOptions o, final String what) {
		final LayoutException e = assertThrows(LayoutException.class, () -> DmDataset.open(f, o));
		assertTrue(e.getMessage().contains(f.getFileName().toString()) && e.getMessage().contains(what), e.getMessage());
	}

	@Test
	void parsesEveryTagKindOfTheTree() throws IOException {
		final Path f = Files.write(dir.resolve("tags.dm3"), file(spec(3, true, DType.UINT8, new long[] { 2, 2 },
				new double[] { 1, 2, 3, 4 }, null)));
		final DmFile dm = DmFile.read(f);
		assertEquals(1.0 * (1L << 40), dm.root().number("Image Behavior", "Huge"));
		assertEquals(-5.0, dm.root().number("Image Behavior", "Flags"));
		assertEquals(List.of(0, 0, 800, 600), ((DmTag.Struct) dm.root().get("ApplicationBounds")).fields());
		assertEquals("test microscope", dm.root().text("ImageList", "#1", "ImageTags", "Microscope Info", "Name"));
		assertEquals("1/nm", dm.root().text("ImageList", "#1", "ImageData", "Calibrations", "Dimension", "#0", "Units"));
		assertEquals("counts", dm.root().text("ImageList", "#1", "ImageData", "Calibrations", "Brightness", "Units"));
		assertEquals(23.0, dm.root().number("ImageList", "#0", "ImageData", "DataType"));
	}

	@Test
	void aFileOfMillionsOfEmptyGroupsIsRejectedBeforeItFillsMemory() throws IOException {
		final int n = DmFile.MAX_TAGS + 10;
		// DM3: header, root group of n entries, each an unlabelled empty group (kind 20, label length 0, flags, count 0)
		final java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(12 + 6 + 9 * n + 8);
		b.putInt(3).putInt(b.capacity() - 16).putInt(1).put((byte) 1).put((byte) 0).putInt(n);
		for (int i = 0; i < n; i++)
			b.put((byte) 20).putShort((short) 0).put((byte) 1).put((byte) 0).putInt(0);
		final Path f = Files.write(dir.resolve("many.dm3"), b.array());
		final LayoutException e = assertThrows(LayoutException.class, () -> DmFile.read(f));
		assertTrue(e.getMessage().contains("many.dm3") && e.getMessage().contains("at most " + DmFile.MAX_TAGS + " tags"),
				e.getMessage());
	}

	@Test
	void detectsByHeaderAndExtensionButLeavesGtgToK2is() throws IOException {
		final byte[] bytes = file(spec(4, true, DType.UINT8, new long[] { 2, 2 }, new double[4], null));
		final DmFormat format = new DmFormat();
		assertEquals(100, format.probe(Path.of("a.bin"), bytes));
		assertEquals(50, format.probe(Path.of("a.DM3"), new byte[32]));
		assertEquals(0, format.probe(Path.of("a.gtg"), bytes));
		assertEquals("dm", Formats.detect(Files.write(dir.resolve("x.dat"), bytes)).name());
	}

	@Test
	void ingestedContainerKeepsValuesAndCalibration() throws IOException {
		final double[] v = Samples.values(DType.FLOAT32, 3 * 4 * 5 * 6, 10);
		final Path f = Files.write(dir.resolve("i.dm4"), file(spec(4, true, DType.FLOAT32, new long[] { 6, 5, 4, 3 }, v, 1.0)));
		final Calibration cal;
		try (Dataset d = Formats.open(f, OpenOptions.DEFAULTS)) {
			cal = d.meta().calibration();
			Ingest.run(d, dir.resolve("i.n5"), IngestOptions.DEFAULTS.withPartitionBytes(4L * 120));
		}
		try (Dataset n5 = Formats.open(dir.resolve("i.n5"), OpenOptions.DEFAULTS)) {
			assertEquals(cal, n5.meta().calibration());
			assertArrayEquals(v, Samples.readAll(n5, new TilePlan(5, 5)));
		}
	}

	@Test
	void fuzzedTagTreesFailWithTheFileNamed() throws IOException {
		final Path work = Files.createDirectories(dir.resolve("fuzz"));
		int total = 0;
		for (final int version : new int[] { 3, 4 }) {
			final Spec s = spec(version, version == 4, DType.UINT16, new long[] { 4, 3, 2, 2 },
					Samples.values(DType.UINT16, 48, version), version == 4 ? null : 1.0);
			final byte[] bytes = file(s);
			final Path valid = Files.write(dir.resolve("f" + version + ".dm" + version), bytes);
			total += HeaderFuzzer.of(valid, DmBytes.indexOf(bytes, s.data()), 20 + version).counts(40, 200, 60)
					.run(work, HeaderFuzzer.detecting());
		}
		assertEquals(600, total);
	}
}
