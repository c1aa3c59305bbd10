package org.maptem.formats.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;

/**
 * The frame-header validator reads every field of real headers and names the file, the header's offset and the
 * field of each kind of damage.
 */
class MibHeaderTest {

	@TempDir
	Path dir;

	private static Path real(final String name) {
		return ReferenceEntry.byId("mib/" + name).file();
	}

	@Test
	void realSingleChipHeaderFieldsAreRead() {
		final MibFile f = MibFile.inspect(real("001_4x2_6bit"));
		final MibHeader h = f.header();
		assertEquals(1, h.sequence());
		assertEquals(384, h.headerBytes());
		assertEquals(1, h.chips());
		assertEquals(256, h.width());
		assertEquals(256, h.height());
		assertEquals("U08", h.dataType());
		assertEquals("1x1", h.layout());
		assertEquals("01", h.chipSelect());
		assertEquals(0.1, h.shutterSeconds());
		assertEquals(List.of(40.0, 511.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0), h.thresholds());
		assertEquals(6, h.counterDepth());
		assertEquals(8, f.frames());
		assertEquals(8, f.lastSequence());
		assertEquals(0, f.trailingBytes());
	}

	@Test
	void realQuadRawHeaderStatesTheRawSizeAndDecodesToASquare() {
		final MibFile f = MibFile.inspect(real("Quad_1_Frame_CounterDepth_1_Rows_256RAW"));
		assertEquals(768, f.header().headerBytes());
		assertEquals(1024, f.header().width());
		assertEquals(256, f.header().height());
		assertEquals("2x2", f.header().layout());
		assertEquals("0F", f.header().chipSelect());
		assertEquals(FrameEncoding.Kind.RAW_QUAD, f.encoding().kind());
		assertEquals(512, f.encoding().sigHeight());
		assertEquals(512, f.encoding().sigWidth());
		assertEquals(1024 * 256 / 8, f.encoding().dataBytes());
	}

	@Test
	void provenanceCarriesTheHeaderFactsAndTheDataIsUncalibrated() {
		try (MibDataset d = MibDataset.open(real("002_merlin_test_roi_sig256x128_nav4x2_hot_pixel_52x_39y"),
				OpenOptions.DEFAULTS)) {
			final var p = d.meta().provenance();
			assertEquals("mib", p.format());
			assertEquals("12", p.details().get("counter_depth"));
			assertEquals("U16", p.details().get("data_type"));
			assertEquals("384", p.details().get("header_bytes"));
			assertEquals("8", p.details().get("hdr.frames_in_acquisition"));
			assertTrue(p.details().get("thresholds_keV").startsWith("["), p.details().toString());
			assertTrue(p.files().get(p.files().size() - 1).endsWith(".hdr"), p.files().toString());
			assertEquals(org.maptem.dataset.Calibration.UNCALIBRATED, d.meta().calibration());
		}
	}

	/** Replaces {@code from} by {@code to} (same length) in the first header of a copy of a real one-chip file. */
	private Path damaged(final String from, final String to) throws IOException {
		final byte[] b = Files.readAllBytes(real("Single_9_Frame_CounterDepth_6_Rows_256"));
		final String head = new String(b, 0, 384, StandardCharsets.ISO_8859_1);
		final int at = head.indexOf(from);
		if (at < 0 || from.length() != to.length())
			throw new AssertionError("cannot replace '" + from + "' in " + head);
		final byte[] t = to.getBytes(StandardCharsets.ISO_8859_1);
		System.arraycopy(t, 0, b, at, t.length);
		return Files.write(dir.resolve("damaged.mib"), b);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', value = {
			"MQ1,000001| MQ2,000001| MQ1,",
			"MQ1,000001,| MQ1,00000x,| field 1 (sequence number)",
			",00384,| ,00010,| field 2 (header length)",
			",00384,| ,00388,| byte offset",
			",01,0256| ,0x,0256| field 3 (number of chips)",
			",0256,0256,| ,0000,0256,| field 4 (width)",
			",0256,0256,| ,0256,-256,| field 5 (height)",
			",U08,| ,U12,| field 6 (data type)",
			",U08,| ,U64,| field 6 (data type)",
			"U08,   1x1,| U08,2x2   ,| field 7 (chip layout)",
			"U08,   1x1,| U08,1xx1  ,| field 7 (chip layout)",
			",01,2021| ,0Z,2021| field 8 (chip select)",
			",0.001000,| ,0.0x1000,| field 10 (shutter time",
			",2.000000E+0,| ,2.00000?E+0,| field 14 (threshold 0",
			"ns,6,| ns,7,| counter depth",
			"ns,6,| ns,x,| counter depth",
	})
	void damagedHeaderFieldsAreNamed(final String from, final String to, final String field) throws IOException {
		final Path file = damaged(from.trim(), to.trim());
		final LayoutException e = assertThrows(LayoutException.class, () -> MibDataset.open(file, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().contains("damaged.mib"), e.getMessage());
		assertTrue(e.getMessage().contains(field.trim()), "message names '" + field.trim() + "': " + e.getMessage());
	}

	@Test
	void processedTypeTooNarrowForTheCounterDepthIsRefused() throws IOException {
		final Path file = MibWriter.write(dir.resolve("narrow.mib"), 1, 384, 1, 8, 8, "U08", "1x1", 12,
				new byte[][] { new byte[64] });
		final LayoutException e = assertThrows(LayoutException.class, () -> MibDataset.open(file, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().contains("narrow.mib") && e.getMessage().contains("data type"), e.getMessage());
	}

	@Test
	void laterFrameHeadersThatDisagreeWithTheFirstAreFound() throws IOException {
		final byte[] a = MibWriter.header(1, 384, 1, 16, 8, "U08", "1x1", 6);
		final byte[] b = MibWriter.header(2, 384, 1, 16, 8, "U08", "1x1", 1);
		final byte[] file = new byte[2 * (384 + 128)];
		System.arraycopy(a, 0, file, 0, 384);
		System.arraycopy(b, 0, file, 512, 384);
		final Path p = Files.write(dir.resolve("mixed.mib"), file);
		final LayoutException e = assertThrows(LayoutException.class, () -> MibDataset.open(p, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().contains("mixed.mib") && e.getMessage().contains("byte offset 512"), e.getMessage());
	}

	@Test
	void aWrongFrameSizeIsCaughtAtTheNextFrameHeader() throws IOException {
		// width 0256 -> 0255 in every header: frames are then a row short, so frame 1 starts inside frame 0's pixels
		final byte[] b = Files.readAllBytes(real("Single_9_Frame_CounterDepth_6_Rows_256"));
		final byte[] t = Arrays.copyOf(b, b.length);
		final String head = new String(b, 0, 384, StandardCharsets.ISO_8859_1);
		t[head.indexOf(",0256,0256,") + 4] = '5';
		final Path p = Files.write(dir.resolve("short.mib"), t);
		final LayoutException e = assertThrows(LayoutException.class, () -> MibDataset.open(p, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().contains("short.mib") && e.getMessage().contains("byte offset"), e.getMessage());
	}

	@Test
	void bytesAfterTheLastFrameMustStartAFrameHeader() throws IOException {
		final byte[] b = Files.readAllBytes(real("Single_1_Frame_CounterDepth_6_Rows_256"));
		final byte[] t = Arrays.copyOf(b, b.length + 10);
		final Path p = Files.write(dir.resolve("tail.mib"), t);
		final LayoutException e = assertThrows(LayoutException.class, () -> MibDataset.open(p, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().contains("tail.mib") && e.getMessage().contains("byte offset " + b.length),
				e.getMessage());
	}

	@Test
	void aFileWithoutOneWholeFrameIsRefused() throws IOException {
		final byte[] b = Files.readAllBytes(real("Single_1_Frame_CounterDepth_6_Rows_256"));
		final Path p = Files.write(dir.resolve("cut.mib"), Arrays.copyOf(b, 1000));
		final LayoutException e = assertThrows(LayoutException.class, () -> MibDataset.open(p, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().contains("cut.mib") && e.getMessage().contains("file size"), e.getMessage());
	}
}
