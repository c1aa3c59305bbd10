package org.maptem.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.janelia.saalfeldlab.n5.DataBlock;
import org.janelia.saalfeldlab.n5.DatasetAttributes;
import org.janelia.saalfeldlab.n5.N5FSReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maptem.dataset.Calibration;
import org.maptem.dataset.DType;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.Tile;
import org.maptem.formats.npy.NpyDataset;
import org.maptem.formats.npy.NpyHeader;
import org.maptem.frames.FrameSource;
import org.maptem.udf.BufferSpec;
import org.maptem.udf.BufferType;
import org.maptem.udf.ResultBuffer;
import org.maptem.udf.Results;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.IJ;
import ij.ImagePlus;

/**
 * Every result format reads back with an independent reader (ImageJ 1, ImageIO, NumPy's layout through NpyDataset,
 * the n5 library, a CSV split) with the values, shape and calibration that went in.
 */
class ResultFilesTest {

	/** A 3 × 5 scan of 4 × 6 frames: scan step 0.5 nm (y) by 0.25 nm (x), detector pixel 0.1 (y) by 0.2 (x) mrad. */
	static final DatasetMeta META = new DatasetMeta(new long[] { 3, 5 }, new int[] { 4, 6 }, DType.UINT16,
			new Calibration(new double[] { 0.5, 0.25 }, "nm", new double[] { 0.1, 0.2 }, "mrad", 0.2, 300), null);
	static final JobRecord JOB = JobRecord.of("/data/scan.n5", "n5", META, "disk", Map.of("r", "3"));

	@BeforeAll
	static void headless() {
		System.setProperty("java.awt.headless", "true");
	}

	/** A buffer of {@code spec} on {@link #META} whose value {@code i} is {@code f(i)}. */
	static ResultBuffer buffer(final BufferSpec spec, final java.util.function.IntToDoubleFunction f) {
		final ResultBuffer b = Results.forDataset("test", META, List.of(spec)).buffer(spec.name());
		for (int i = 0; i < b.size(); i++) {
			final double v = f.applyAsDouble(i);
			switch (spec.type()) {
			case FLOAT32 -> b.floats()[i] = (float) v;
			case FLOAT64 -> b.doubles()[i] = v;
			case INT64 -> b.longs()[i] = (long) v;
			}
		}
		return b;
	}

	static ResultBuffer navMap() {
		// value at scan (y, x) = 10 y + x + 0.5, with one position outside the ROI (NaN)
		return buffer(BufferSpec.nav("intensity", BufferType.FLOAT64), i -> i == 7 ? Double.NaN : 10 * (i / 5) + i % 5 + 0.5);
	}

	@Test
	void tiffReadsBackWithTheValuesAndTheScanCalibration(@TempDir final Path dir) throws Exception {
		final Path out = ResultFiles.save(ResultImage.of(navMap(), META), JOB, dir.resolve("bf.tif"));
		final ImagePlus imp = IJ.openImage(out.toString());
		assertNotNull(imp);
		assertEquals(5, imp.getWidth());
		assertEquals(3, imp.getHeight());
		assertEquals(ImagePlus.GRAY32, imp.getType());
		assertEquals(0.25, imp.getCalibration().pixelWidth, 1e-12);
		assertEquals(0.5, imp.getCalibration().pixelHeight, 1e-12);
		assertEquals("nm", imp.getCalibration().getXUnit());
		assertEquals("nm", imp.getCalibration().getYUnit());
		for (int y = 0; y < 3; y++)
			for (int x = 0; x < 5; x++) {
				final float v = imp.getProcessor().getf(x, y);
				if (y * 5 + x == 7)
					assertTrue(Float.isNaN(v));
				else
					assertEquals(10 * y + x + 0.5f, v, 0f, "(" + x + ", " + y + ")");
			}
		assertTrue(((String) imp.getProperty("Info")).contains("\"disk\""), "job record in the TIFF's info");
	}

	@Test
	void tiffOfADetectorResultIsCalibratedInDetectorUnits(@TempDir final Path dir) {
		final ResultBuffer sum = buffer(BufferSpec.sig("intensity", BufferType.FLOAT64), i -> i);
		final ImagePlus imp = IJ.openImage(ResultFiles.save(ResultImage.of(sum, META), JOB, dir.resolve("sum.tiff")).toString());
		assertEquals(6, imp.getWidth());
		assertEquals(4, imp.getHeight());
		assertEquals(0.2, imp.getCalibration().pixelWidth, 1e-12);
		assertEquals(0.1, imp.getCalibration().pixelHeight, 1e-12);
		assertEquals("mrad", imp.getCalibration().getXUnit());
		assertEquals(6 * 2 + 5, imp.getProcessor().getf(5, 2), 0f);
	}

	@Test
	void tiffOfAResultWithExtraShapeHasOneChannelPerIndex(@TempDir final Path dir) {
		// NAV with extra shape [2]: value (y, x, k) at flat ((y * 5) + x) * 2 + k
		final ResultBuffer masks = buffer(BufferSpec.nav("intensity", BufferType.FLOAT64, 2), i -> 100 * (i % 2) + i / 2);
		final ImagePlus imp = IJ.openImage(ResultFiles.save(ResultImage.of(masks, META), JOB, dir.resolve("m.tif")).toString());
		assertEquals(2, imp.getStackSize());
		assertEquals(2, imp.getNChannels());
		for (int k = 0; k < 2; k++)
			for (int y = 0; y < 3; y++)
				for (int x = 0; x < 5; x++)
					assertEquals(100 * k + y * 5 + x, imp.getStack().getProcessor(k + 1).getf(x, y), 0f);
	}

	@Test
	void tiffOfAThreeDimensionalScanHasOneSlicePerOuterPosition(@TempDir final Path dir) {
		final DatasetMeta meta = new DatasetMeta(new long[] { 2, 3, 4 }, new int[] { 4, 6 }, DType.UINT8,
				new Calibration(new double[] { 2, 0.5, 0.25 }, "um", new double[] { 1, 1 }, "px", Double.NaN, Double.NaN), null);
		final ResultBuffer b = Results.forDataset("test", meta, List.of(BufferSpec.nav("v", BufferType.FLOAT32))).buffer("v");
		for (int i = 0; i < 24; i++)
			b.floats()[i] = i;
		final ImagePlus imp = IJ.openImage(ResultFiles.save(ResultImage.of(b, meta), JOB, dir.resolve("v.tif")).toString());
		assertEquals(4, imp.getWidth());
		assertEquals(3, imp.getHeight());
		assertEquals(2, imp.getNSlices());
		assertEquals(2, imp.getCalibration().pixelDepth, 0);
		assertEquals(0.25, imp.getCalibration().pixelWidth, 0);
		assertEquals(12 + 2 * 4 + 1, imp.getStack().getProcessor(2).getf(1, 2), 0f);
	}

	@Test
	void pngIsEightBitStretchedFromMinimumToMaximum(@TempDir final Path dir) throws Exception {
		final ResultBuffer b = buffer(BufferSpec.nav("intensity", BufferType.FLOAT32), i -> i == 3 ? Double.NaN : 2 * i + 10);
		final BufferedImage img = ImageIO.read(ResultFiles.save(ResultImage.of(b, META), JOB, dir.resolve("q.png")).toFile());
		assertEquals(5, img.getWidth());
		assertEquals(3, img.getHeight());
		final int[] grey = img.getRaster().getPixels(0, 0, 5, 3, (int[]) null);
		assertEquals(0, grey[0], "minimum 10 -> 0");
		assertEquals(255, grey[14], "maximum 38 -> 255");
		assertEquals(Math.round((2 * 6 + 10 - 10) * 255 / 28.0), grey[6]);
		assertEquals(0, grey[3], "NaN -> 0");
	}

	@Test
	void npyHasTheNumPyShapeAndValues(@TempDir final Path dir) {
		final ResultBuffer masks = buffer(BufferSpec.nav("intensity", BufferType.FLOAT64, 2), i -> i * 1.25 - 3);
		final Path out = ResultFiles.save(ResultImage.of(masks, META), JOB, dir.resolve("m.npy"));
		final NpyHeader h = NpyHeader.read(out);
		assertArrayEquals(new long[] { 3, 5, 2 }, h.shape());
		assertEquals(DType.FLOAT64, h.dtype());
		try (NpyDataset d = NpyDataset.open(out, OpenOptions.DEFAULTS); FrameSource s = d.open(d.partitions().get(0))) {
			final double[] v = new double[30];
			s.read(new Tile(0, 3, 0, 5, 2), v);
			for (int i = 0; i < 30; i++)
				assertEquals(i * 1.25 - 3, v[i], 0, "element " + i);
		}
	}

	@Test
	void n5DatasetHoldsValuesCalibrationAndJob(@TempDir final Path dir) {
		final Path out = ResultFiles.save(ResultImage.of(navMap(), META), JOB, dir.resolve("res.n5"));
		assertEquals(dir.resolve("res.n5/intensity"), out);
		try (N5FSReader n5 = new N5FSReader(dir.resolve("res.n5").toString())) {
			final DatasetAttributes a = n5.getDatasetAttributes("intensity");
			assertArrayEquals(new long[] { 5, 3 }, a.getDimensions());
			assertEquals("float64", a.getDataType().toString());
			final DataBlock<?> block = n5.readBlock("intensity", a, 0, 0);
			final double[] v = (double[]) block.getData();
			for (int i = 0; i < 15; i++)
				assertEquals(i == 7 ? Double.NaN : 10 * (i / 5) + i % 5 + 0.5, v[i], 0);
			assertArrayEquals(new double[] { 0.25, 0.5 }, n5.getAttribute("intensity", "resolution", double[].class), 0);
			assertArrayEquals(new String[] { "nm", "nm" }, n5.getAttribute("intensity", "units", String[].class));
			final JsonObject job = n5.getAttribute("intensity", "maptem_job", JsonObject.class);
			assertEquals("disk", job.getAsJsonObject("udf").get("name").getAsString());
			assertEquals("3", job.getAsJsonObject("udf").getAsJsonObject("parameters").get("r").getAsString());
		}
	}

	@Test
	void n5PathInsideTheContainerNamesTheDatasetAndSeveralResultsShareIt(@TempDir final Path dir) {
		ResultFiles.save(ResultImage.of(navMap(), META), JOB, dir.resolve("res.n5/maps/bf"));
		ResultFiles.save(ResultImage.of(buffer(BufferSpec.sig("sum", BufferType.INT64), i -> 7L * i), META), JOB,
				dir.resolve("res.n5"));
		try (N5FSReader n5 = new N5FSReader(dir.resolve("res.n5").toString())) {
			assertTrue(n5.datasetExists("maps/bf"));
			final DatasetAttributes a = n5.getDatasetAttributes("sum");
			assertArrayEquals(new long[] { 6, 4 }, a.getDimensions());
			assertEquals(7L * 23, ((long[]) n5.readBlock("sum", a, 0, 0).getData())[23]);
			assertArrayEquals(new double[] { 0.2, 0.1 }, n5.getAttribute("sum", "resolution", double[].class), 0);
		}
	}

	@Test
	void n5RefusesToReplaceADatasetThatIsNotAResult(@TempDir final Path dir) throws Exception {
		final Path data = Files.createDirectories(dir.resolve("scan.n5/data"));
		Files.writeString(data.resolve("attributes.json"), "{\"dimensions\":[2],\"blockSize\":[2],\"dataType\":\"uint8\","
				+ "\"compression\":{\"type\":\"raw\"}}");
		final LayoutException e = assertThrows(LayoutException.class,
				() -> ResultFiles.save(ResultImage.of(navMap(), META), JOB, dir.resolve("scan.n5/data")));
		assertTrue(e.getMessage().contains(data.toString()), e.getMessage());
		assertTrue(Files.readString(data.resolve("attributes.json")).contains("uint8"), "left untouched");
	}

	@Test
	void csvHasOneRowPerScanPositionAndOneColumnPerExtraIndex(@TempDir final Path dir) throws Exception {
		final ResultBuffer masks = buffer(BufferSpec.nav("intensity", BufferType.FLOAT64, 2), i -> i == 5 ? Double.NaN : i / 3.0);
		final List<String> lines = Files.readAllLines(ResultFiles.save(ResultImage.of(masks, META), JOB, dir.resolve("m.csv")));
		assertEquals("y,x,intensity[0],intensity[1]", lines.get(0));
		assertEquals(16, lines.size());
		for (int row = 0; row < 15; row++) {
			final String[] c = lines.get(row + 1).split(",");
			assertEquals(row / 5, Integer.parseInt(c[0]));
			assertEquals(row % 5, Integer.parseInt(c[1]));
			for (int k = 0; k < 2; k++) {
				final int i = row * 2 + k;
				assertEquals(i == 5 ? Double.NaN : i / 3.0, Double.parseDouble(c[2 + k]), 0, "row " + row);
			}
		}
	}

	@Test
	void csvOfAOneDimensionalResultIsIndexAndValue(@TempDir final Path dir) throws Exception {
		final ResultBuffer hist = buffer(BufferSpec.single("counts", BufferType.INT64, 4), i -> 1L << (40 + i));
		final List<String> lines = Files.readAllLines(ResultFiles.save(ResultImage.of(hist, META), JOB, dir.resolve("h.csv")));
		assertEquals(List.of("index,counts", "0," + (1L << 40), "1," + (1L << 41), "2," + (1L << 42), "3," + (1L << 43)), lines);
	}

	@Test
	void sidecarRecordsDatasetAnalysisAndResult(@TempDir final Path dir) throws Exception {
		final JobRecord job = JOB.withRoi("roi.npy: 14 of 15 scan positions").withCorrections(Map.of("dark", "/d/dark.npy"));
		final Path out = ResultFiles.save(ResultImage.of(navMap(), META), job, dir.resolve("bf.npy"));
		final JsonObject o = JsonParser.parseString(Files.readString(dir.resolve("bf.npy.json"))).getAsJsonObject();
		assertEquals("/data/scan.n5", o.getAsJsonObject("dataset").get("path").getAsString());
		assertEquals("[3,5]", o.getAsJsonObject("dataset").get("nav_shape").toString());
		assertEquals("[0.5,0.25]", o.getAsJsonObject("dataset").getAsJsonObject("calibration").get("scan_step").toString());
		assertEquals("disk", o.getAsJsonObject("udf").get("name").getAsString());
		assertEquals("roi.npy: 14 of 15 scan positions", o.get("roi").getAsString());
		assertEquals("/d/dark.npy", o.getAsJsonObject("corrections").get("dark").getAsString());
		assertEquals("[3,5]", o.getAsJsonObject("result").get("shape").toString());
		assertEquals(out.toString(), o.getAsJsonObject("result").get("file").getAsString());
		assertTrue(o.has("maptem_version") && o.has("created"));
	}

	@Test
	void savingReplacesAnOldFileAndLeavesNoTemporaryFiles(@TempDir final Path dir) throws Exception {
		Files.writeString(dir.resolve("bf.csv"), "old");
		ResultFiles.save(ResultImage.of(navMap(), META), JOB, dir.resolve("bf.csv"));
		assertTrue(Files.readString(dir.resolve("bf.csv")).startsWith("y,x,intensity"));
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(List.of("bf.csv", "bf.csv.json"), files.map(p -> p.getFileName().toString()).sorted().toList());
		}
	}

	@Test
	void unknownExtensionIsRejectedNamingTheFileAndTheKnownOnes(@TempDir final Path dir) {
		final Path bad = dir.resolve("bf.jpg");
		final LayoutException e = assertThrows(LayoutException.class,
				() -> ResultFiles.save(ResultImage.of(navMap(), META), JOB, bad));
		assertTrue(e.getMessage().contains(bad.toString()) && e.getMessage().contains("'.jpg'")
				&& e.getMessage().contains(".tif"), e.getMessage());
		assertFalse(Files.exists(bad));
	}
}
