package org.maptem.formats.empad;

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
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
import org.maptem.n5.TestData;

import com.google.gson.JsonObject;

class EmpadFormatTest {

	@TempDir
	Path dir;

	private static Path empad(final String name) {
		return TestData.root().resolve("data").resolve("empad").resolve(name);
	}

	/** Frames of 130 × 128 float32: the 128 × 128 pixels from {@code v}, then two rows of -1 as metadata. */
	static byte[] raw(final double[] v, final int frames) {
		final ByteBuffer b = ByteBuffer.allocate(frames * 130 * 128 * 4).order(ByteOrder.LITTLE_ENDIAN);
		for (int f = 0; f < frames; f++) {
			for (int p = 0; p < 128 * 128; p++)
				b.putFloat((float) v[f * 128 * 128 + p]);
			for (int p = 0; p < 2 * 128; p++)
				b.putFloat(-1f);
		}
		return b.array();
	}

	private static String xmlScan(final String rawName, final String extra) {
		return "<root name=\"t\"><type>scan</type><raw_file filename=\"/somewhere/else/" + rawName + "\"/>" + extra + "</root>";
	}

	@ParameterizedTest
	@ValueSource(strings = { "empad/map4x4", "empad/stack_images" })
	void realFilesMatchTheIndependentReaderThroughDetection(final String id) throws IOException {
		final JsonObject e = RealFileCheck.entry(id);
		final Path xml = RealFileCheck.file(e, 0);
		assertInstanceOf(EmpadFormat.class, Formats.detect(xml));
		try (Dataset d = Formats.open(xml, OpenOptions.DEFAULTS)) {
			RealFileCheck.assertMatches(e, d, TilePlan.defaultFor(d.meta()));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "empad/map4x4", "empad/stack_images" })
	void realFilesMatchInSmallPartitionsAndRowBandsEitherReadMode(final String id) throws IOException {
		final JsonObject e = RealFileCheck.entry(id);
		for (final ReadMode mode : new ReadMode[] { ReadMode.MMAP, ReadMode.DIRECT })
			try (EmpadDataset d = EmpadDataset.open(RealFileCheck.file(e, 0),
					OpenOptions.DEFAULTS.withPartitionBytes(3 * 128 * 128 * 4).withReadMode(mode))) {
				assertTrue(d.partitions().size() >= 4, "several partitions");
				RealFileCheck.assertMatches(e, d, new TilePlan(2, 37));
			}
	}

	@Test
	void realRawFileIsRecognisedAndOpenedThroughTheXmlThatNamesIt() throws IOException {
		final JsonObject e = RealFileCheck.entry("empad/map4x4");
		final Path raw = RealFileCheck.file(e, 1);
		assertInstanceOf(EmpadFormat.class, Formats.detect(raw));
		try (Dataset d = Formats.open(raw, OpenOptions.DEFAULTS)) {
			assertEquals(RealFileCheck.file(e, 0).toAbsolutePath().normalize().toString(),
					Path.of(d.meta().provenance().files().get(0)).normalize().toString());
			RealFileCheck.assertMatches(e, d, new TilePlan(16, 128));
		}
	}

	@Test
	void realScanCalibrationComesFromTheXmlElements() throws IOException {
		// map4x4.xml: optics.get_full_scan_field_of_view [4.5663426505682195e-06, ...] m, scan_size 0.55 (acquire),
		// pix_x = pix_y = 4, calibrated_diffraction_angle 0.00042906574394463665 rad, camera length 0.7225 m, 300 kV
		try (EmpadDataset d = EmpadDataset.open(empad("map4x4.xml"), OpenOptions.DEFAULTS)) {
			final Calibration c = d.meta().calibration();
			final double step = 4.5663426505682195e-06 * 0.55 / 4 * 1e9;
			assertArrayEquals(new double[] { step, step }, c.scanStep(), 1e-9);
			assertEquals("nm", c.scanUnit());
			assertArrayEquals(new double[] { 0.42906574394463665, 0.42906574394463665 }, c.detectorPixel(), 1e-12);
			assertEquals("mrad", c.detectorUnit());
			assertEquals(0.7225, c.cameraLength());
			assertEquals(300.0, c.beamEnergy());
			assertEquals("pix_y, pix_x", d.meta().provenance().details().get("nav_shape_from"));
			assertEquals("0.51 211118", d.meta().provenance().details().get("software_version"));
		}
	}

	@Test
	void realSeriesHasNoScanCalibration() throws IOException {
		try (EmpadDataset d = EmpadDataset.open(empad("stack_images.xml"), OpenOptions.DEFAULTS)) {
			assertEquals(0, d.meta().calibration().scanStep().length);
			assertEquals("count", d.meta().provenance().details().get("nav_shape_from"));
		}
	}

	@Test
	void versionOneTwoTwoXmlStatesItsScanAndOpticsInTheNewElements() throws IOException {
		final EmpadXml x = EmpadXml.read(empad("EMPAD_v1.2.2_x32_y64_size0.8.xml"));
		assertEquals("scan_x32_y64.raw", x.rawName());
		assertArrayEquals(new long[] { 64, 32 }, x.candidates().get(0).nav());
		assertEquals(0.6, x.candidates().get(0).scanSize());
		assertArrayEquals(new double[] { 1.272412341559544e-06, 1.272412341559544e-06 }, x.fieldOfView());
		assertEquals(0.369, x.cameraLength());
		assertEquals(300000.0, x.voltage());
		assertTrue(Double.isNaN(x.diffractionAngle()));
		assertEquals("0.72", x.details().get("full_scan_field_of_view_scale_factor"));
	}

	@Test
	void versionOneTwoTwoXmlOpensWithAMatchingRawFile() throws IOException {
		// the real v1.2.2 XML with its scan shrunk to 3 × 2 (its 64 × 32 raw file would be 136 MB)
		final String xml = Files.readString(empad("EMPAD_v1.2.2_x32_y64_size0.8.xml"))
				.replace("<scan_resolution_y>64</scan_resolution_y>", "<scan_resolution_y>3</scan_resolution_y>")
				.replace("<scan_resolution_x>32</scan_resolution_x>", "<scan_resolution_x>2</scan_resolution_x>");
		Files.writeString(dir.resolve("v122.xml"), xml);
		final double[] v = Samples.values(DType.FLOAT32, 6 * 128 * 128, 5);
		Files.write(dir.resolve("scan_x32_y64.raw"), raw(v, 6));
		try (EmpadDataset d = EmpadDataset.open(dir.resolve("v122.xml"), OpenOptions.DEFAULTS)) {
			assertArrayEquals(new long[] { 3, 2 }, d.meta().navShape());
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(4, 50)));
			final Calibration c = d.meta().calibration();
			assertArrayEquals(new double[] { 1.272412341559544e-06 * 0.6 / 3 * 1e9, 1.272412341559544e-06 * 0.6 / 2 * 1e9 },
					c.scanStep(), 1e-9);
			assertEquals("px", c.detectorUnit());
			assertEquals(0.369, c.cameraLength());
			assertEquals(300.0, c.beamEnergy());
		}
	}

	@Test
	void searchScanParametersAreUsedWhenTheAcquireShapeDoesNotMatchTheRawSize() throws IOException {
		Files.writeString(dir.resolve("s.xml"), xmlScan("s.raw",
				"<scan_parameters mode=\"search\"><scan_resolution_x>2</scan_resolution_x><scan_resolution_y>1</scan_resolution_y>"
						+ "</scan_parameters><scan_parameters mode=\"acquire\"><scan_resolution_x>4</scan_resolution_x>"
						+ "<scan_resolution_y>4</scan_resolution_y></scan_parameters>"));
		final double[] v = Samples.values(DType.FLOAT32, 2 * 128 * 128, 6);
		Files.write(dir.resolve("s.raw"), raw(v, 2));
		try (EmpadDataset d = EmpadDataset.open(dir.resolve("s.xml"), OpenOptions.DEFAULTS)) {
			assertArrayEquals(new long[] { 1, 2 }, d.meta().navShape());
			assertEquals("scan_parameters[@mode=\"search\"]/scan_resolution_y, _x",
					d.meta().provenance().details().get("nav_shape_from"));
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(1, 128)));
		}
	}

	@Test
	void rawWithTheXmlsOwnNameIsUsedWhenTheNamedOneIsMissing() throws IOException {
		Files.writeString(dir.resolve("acq.xml"), "<root><type>series</type><count>1</count><raw_file filename=\"gone.raw\"/></root>");
		final double[] v = Samples.values(DType.FLOAT32, 128 * 128, 9);
		Files.write(dir.resolve("acq.raw"), raw(v, 1));
		try (EmpadDataset d = EmpadDataset.open(dir.resolve("acq.xml"), OpenOptions.DEFAULTS)) {
			assertEquals(dir.resolve("acq.raw").toAbsolutePath(), d.rawFile());
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(1, 128)));
		}
	}

	@Test
	void xmlUnderAnotherNameIsRecognisedByItsContent() throws IOException {
		Files.writeString(dir.resolve("acq.txt"), "<root><type>series</type><count>1</count><raw_file filename=\"acq.raw\"/></root>");
		final double[] v = Samples.values(DType.FLOAT32, 128 * 128, 19);
		Files.write(dir.resolve("acq.raw"), raw(v, 1));
		assertInstanceOf(EmpadFormat.class, Formats.detect(dir.resolve("acq.txt")));
		try (Dataset d = Formats.open(dir.resolve("acq.txt"), OpenOptions.DEFAULTS)) {
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(1, 64)));
		}
	}

	@Test
	void rawWithoutXmlNeedsTheNavShapeFromTheOptions() throws IOException {
		final double[] v = Samples.values(DType.FLOAT32, 4 * 128 * 128, 10);
		final Path raw = dir.resolve("lonely.raw");
		Files.write(raw, raw(v, 4));
		final LayoutException e = assertThrows(LayoutException.class, () -> EmpadDataset.open(raw, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().contains("lonely.raw: field 'scan shape'"), e.getMessage());
		try (EmpadDataset d = EmpadDataset.open(raw, OpenOptions.DEFAULTS.withNavShape(2, 2))) {
			assertArrayEquals(new long[] { 2, 2 }, d.meta().navShape());
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(3, 128)));
		}
		final LayoutException wrong = assertThrows(LayoutException.class,
				() -> EmpadDataset.open(raw, OpenOptions.DEFAULTS.withNavShape(3, 2)));
		assertTrue(wrong.getMessage().startsWith(raw.toAbsolutePath().toString()), wrong.getMessage());
	}

	@Test
	void ingestedRealScanHasTheSameSum(@TempDir final Path out) throws IOException {
		final JsonObject e = RealFileCheck.entry("empad/map4x4");
		try (EmpadDataset d = EmpadDataset.open(RealFileCheck.file(e, 0), OpenOptions.DEFAULTS)) {
			Ingest.run(d, out.resolve("x.n5"), IngestOptions.DEFAULTS);
		}
		try (Dataset n5 = Formats.open(out.resolve("x.n5"), OpenOptions.DEFAULTS)) {
			assertEquals(DType.FLOAT32, n5.meta().dtype());
			assertArrayEquals(new long[] { 4, 4 }, n5.meta().navShape());
			assertEquals(e.get("total_sum").getAsDouble(), RealFileCheck.sum(Samples.readAll(n5, new TilePlan(4, 128))));
		}
	}

	@Test
	void probeRecognisesEmpadXmlOnly() {
		final EmpadFormat f = new EmpadFormat();
		assertEquals(100, f.probe(Path.of("a.xml"),
				"<?xml version=\"1.0\"?>\n<root name=\"x\"><raw_file filename=\"a.raw\"/></root>".getBytes(StandardCharsets.US_ASCII)));
		assertEquals(0, f.probe(Path.of("b.xml"), "<project><raw_file/></project>".getBytes(StandardCharsets.US_ASCII)));
		assertEquals(0, f.probe(dir.resolve("c.raw"), new byte[] { 0, 0, 0, 0 }));
	}

	// ------------------------------------------------------------------ bad input

	private LayoutException openFails(final Path f) {
		final LayoutException e = assertThrows(LayoutException.class, () -> EmpadDataset.open(f, OpenOptions.DEFAULTS));
		return e;
	}

	@Test
	void rawSizeMatchingNoStatedShapeIsReportedWithTheCandidates() throws IOException {
		Files.copy(empad("map4x4.xml"), dir.resolve("map4x4.xml"));
		Files.write(dir.resolve("scan_x4_y4.raw"), new byte[(int) (15 * EmpadDataset.FRAME_STRIDE)]);
		final LayoutException e = openFails(dir.resolve("map4x4.xml"));
		assertTrue(e.getMessage().startsWith(dir.resolve("scan_x4_y4.raw").toAbsolutePath().toString() + ": field 'file size'"),
				e.getMessage());
		assertTrue(e.getMessage().contains("[4, 4] from pix_y, pix_x"), e.getMessage());
		assertTrue(e.getMessage().endsWith("found 998400 bytes = 15 frames"), e.getMessage());
	}

	@Test
	void rawSizeThatIsNoWholeNumberOfFramesIsReported() throws IOException {
		Files.copy(empad("stack_images.xml"), dir.resolve("stack_images.xml"));
		Files.write(dir.resolve("series_x10.raw"), new byte[1000]);
		final LayoutException e = openFails(dir.resolve("stack_images.xml"));
		assertTrue(e.getMessage().contains("series_x10.raw: field 'file size': expected a positive multiple of 66560 bytes"),
				e.getMessage());
	}

	@Test
	void missingRawFileIsReportedWithBothCandidates() throws IOException {
		Files.copy(empad("stack_images.xml"), dir.resolve("stack_images.xml"));
		final LayoutException e = openFails(dir.resolve("stack_images.xml"));
		assertTrue(e.getMessage().contains("field 'raw_file/@filename': expected an existing file"), e.getMessage());
		assertTrue(e.getMessage().contains("series_x10.raw") && e.getMessage().contains("stack_images.raw"), e.getMessage());
	}

	@Test
	void malformedXmlIsReportedWithLineAndColumn() throws IOException {
		final Path x = dir.resolve("bad.xml");
		Files.writeString(x, "<root>\n<raw_file filename=\"a.raw\"/>\n<type>scan</typo></root>");
		final LayoutException e = openFails(x);
		assertTrue(e.getMessage().startsWith(x.toAbsolutePath() + ": line 3, column"), e.getMessage());
	}

	@Test
	void doctypeDeclarationsAreRefused() throws IOException {
		final Path x = dir.resolve("dtd.xml");
		Files.writeString(x, "<?xml version=\"1.0\"?><!DOCTYPE root [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;\">]>"
				+ "<root><raw_file filename=\"&b;\"/></root>");
		final LayoutException e = openFails(x);
		assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
	}

	@Test
	void nonNumericOrNonPositiveScanSizesAreReportedByElement() throws IOException {
		final Path x = dir.resolve("n.xml");
		Files.writeString(x, xmlScan("n.raw", "<pix_x>4</pix_x><pix_y>four</pix_y>"));
		assertTrue(openFails(x).getMessage().contains("field 'pix_y': expected a positive integer, found \"four\""));
		Files.writeString(x, xmlScan("n.raw", "<pix_x>0</pix_x><pix_y>4</pix_y>"));
		assertTrue(openFails(x).getMessage().contains("field 'pix_x': expected a positive integer of at most 16777216, found 0"));
		Files.writeString(x, xmlScan("n.raw", ""));
		assertTrue(openFails(x).getMessage().contains("expected the scan shape, found none of them"));
		Files.writeString(x, "<root><type>movie</type><raw_file filename=\"n.raw\"/></root>");
		assertTrue(openFails(x).getMessage().contains("field 'type': expected scan or series, found \"movie\""));
		Files.writeString(x, "<root><type>scan</type></root>");
		assertTrue(openFails(x).getMessage().contains("field 'raw_file/@filename'"));
	}

	@Test
	void fuzzedRealXmlFailsWithLayoutExceptionsNamingTheFile() throws IOException {
		final Path xml = empad("map4x4.xml");
		Files.copy(empad("scan_x4_y4.raw"), dir.resolve("scan_x4_y4.raw"), StandardCopyOption.REPLACE_EXISTING);
		final int n = HeaderFuzzer.of(xml, (int) Files.size(xml), 0xE3A).counts(40, 200, 60).run(dir, HeaderFuzzer.detecting());
		assertEquals(300, n);
	}

	@Test
	void fuzzedRealSeriesXmlFailsWithLayoutExceptionsNamingTheFile() throws IOException {
		final Path xml = empad("stack_images.xml");
		Files.copy(empad("series_x10.raw"), dir.resolve("series_x10.raw"), StandardCopyOption.REPLACE_EXISTING);
		final int n = HeaderFuzzer.of(xml, (int) Files.size(xml), 0xE3B).counts(40, 200, 60).run(dir, HeaderFuzzer.detecting());
		assertEquals(300, n);
	}

	@Test
	void truncatedRealRawFilesFailWithLayoutExceptionsNamingTheRawFile() throws IOException {
		final Path raw = empad("series_x10.raw");
		Files.copy(empad("stack_images.xml"), dir.resolve("stack_images.xml"), StandardCopyOption.REPLACE_EXISTING);
		final int n = HeaderFuzzer.of(raw, 0, 0xE3C).counts(40, 0, 0)
				.run(dir, file -> EmpadDataset.open(dir.resolve("stack_images.xml"), OpenOptions.DEFAULTS));
		assertEquals(40, n);
	}
}
