package org.maptem.roi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;
import org.maptem.formats.npy.NpyWriter;
import org.maptem.udf.Roi;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ByteProcessor;

/** ROI masks read from .npy and TIFF select exactly their nonzero positions, in C order of the nav shape. */
class RoiFilesTest {

	static final long[] NAV = { 3, 4 };

	@BeforeAll
	static void headless() {
		System.setProperty("java.awt.headless", "true");
	}

	static void assertFrames(final Roi roi, final long... frames) {
		assertEquals(frames.length, roi.count());
		for (final long f : frames)
			assertTrue(roi.contains(f), "frame " + f + " in " + roi);
	}

	@Test
	void npyMaskSelectsItsNonzeroPositions(@TempDir final Path dir) {
		final Path f = dir.resolve("roi.npy");
		NpyWriter.write(f, DType.UINT8, NAV, new byte[] { 0, 1, 0, 0, 0, 0, 7, 0, 0, 0, 0, 1 });
		assertFrames(RoiFiles.read(f, NAV), 1, 6, 11);
	}

	@Test
	void fortranOrderNpyMaskIsTransposedToCOrder(@TempDir final Path dir) throws Exception {
		// stored first axis fastest: element (y, x) at x * 3 + y; set (0, 1) and (2, 3)
		final byte[] data = new byte[12];
		data[1 * 3 + 0] = 1;
		data[3 * 3 + 2] = 1;
		final String header = new String(NpyWriter.header(DType.UINT8, NAV), StandardCharsets.ISO_8859_1)
				.replace("'fortran_order': False", "'fortran_order': True ");
		final Path f = dir.resolve("roi.npy");
		final byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
		final byte[] all = new byte[h.length + data.length];
		System.arraycopy(h, 0, all, 0, h.length);
		System.arraycopy(data, 0, all, h.length, data.length);
		Files.write(f, all);
		assertFrames(RoiFiles.read(f, NAV), 0 * 4 + 1, 2 * 4 + 3);
	}

	@Test
	void tiffMaskOfTheScanSizeSelectsItsNonzeroPixels(@TempDir final Path dir) {
		final ByteProcessor ip = new ByteProcessor(4, 3);
		ip.set(2, 0, 255);
		ip.set(3, 2, 1);
		final Path f = dir.resolve("roi.tif");
		IJ.saveAsTiff(new ImagePlus("roi", ip), f.toString());
		assertFrames(RoiFiles.read(f, NAV), 2, 11);
	}

	@Test
	void maskOfAnotherShapeIsRejectedNamingBothShapes(@TempDir final Path dir) {
		final Path npy = dir.resolve("roi.npy");
		NpyWriter.write(npy, DType.UINT8, new long[] { 4, 3 }, new byte[12]);
		final LayoutException e = assertThrows(LayoutException.class, () -> RoiFiles.read(npy, NAV));
		assertTrue(e.getMessage().contains(npy.toString()) && e.getMessage().contains("[3, 4]")
				&& e.getMessage().contains("[4, 3]"), e.getMessage());
		final Path tif = dir.resolve("roi.tif");
		IJ.saveAsTiff(new ImagePlus("roi", new ByteProcessor(3, 4)), tif.toString());
		final LayoutException t = assertThrows(LayoutException.class, () -> RoiFiles.read(tif, NAV));
		assertTrue(t.getMessage().contains(tif.toString()) && t.getMessage().contains("4 × 3 pixels")
				&& t.getMessage().contains("3 × 4 pixels"), t.getMessage());
	}

	@Test
	void emptyMaskMissingFileAndOtherExtensionsAreRejected(@TempDir final Path dir) throws Exception {
		final Path zeros = dir.resolve("zeros.npy");
		NpyWriter.write(zeros, DType.UINT8, NAV, new byte[12]);
		assertTrue(assertThrows(LayoutException.class, () -> RoiFiles.read(zeros, NAV)).getMessage().contains("only zeros"));
		final Path missing = dir.resolve("missing.npy");
		assertTrue(assertThrows(LayoutException.class, () -> RoiFiles.read(missing, NAV)).getMessage()
				.contains(missing.toString()));
		final Path txt = Files.writeString(dir.resolve("roi.txt"), "1 0 1");
		assertTrue(assertThrows(LayoutException.class, () -> RoiFiles.read(txt, NAV)).getMessage().contains(".npy or .tif"));
	}
}
