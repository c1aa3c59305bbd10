package org.maptem.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The dataset model: shape validation, NumPy ↔ N5 axis order, sizes, copies and value semantics. */
class DatasetMetaTest {

	private static DatasetMeta meta(final long[] nav, final int[] sig, final DType t) {
		return new DatasetMeta(nav, sig, t, null, null);
	}

	@Test
	void shapesWithTheWrongNumberOfAxesAreRejected() {
		assertMessage(() -> meta(new long[0], new int[] { 4, 4 }, DType.UINT8), "1 to 3 scan axes");
		assertMessage(() -> meta(new long[] { 1, 2, 3, 4 }, new int[] { 4, 4 }, DType.UINT8), "[1, 2, 3, 4]");
		assertMessage(() -> meta(new long[] { 2 }, new int[] { 4 }, DType.UINT8), "[4]");
		assertMessage(() -> meta(new long[] { 2 }, new int[] { 4, 4, 4 }, DType.UINT8), "[4, 4, 4]");
	}

	@Test
	void emptyOrNegativeExtentsAreRejected() {
		assertMessage(() -> meta(new long[] { 3, 0 }, new int[] { 4, 4 }, DType.UINT8), "[3, 0]");
		assertMessage(() -> meta(new long[] { -3 }, new int[] { 4, 4 }, DType.UINT8), "[-3]");
		assertMessage(() -> meta(new long[] { 3 }, new int[] { 0, 4 }, DType.UINT8), "[0, 4]");
	}

	@Test
	void shapesBeyondWhatCanBeAddressedAreRejected() {
		assertMessage(() -> meta(new long[] { 1 }, new int[] { 65536, 65536 }, DType.UINT8), "2^31-1 pixels");
		assertMessage(() -> meta(new long[] { 1L << 32, 1L << 32 }, new int[] { 1, 1 }, DType.UINT8), "2^63-1 frames");
		assertMessage(() -> meta(new long[] { 1L << 31, 1L << 31 }, new int[] { 4, 4 }, DType.FLOAT64), "2^63-1 bytes");
	}

	@Test
	void n5DimensionsAreTheNumPyShapeReversed() {
		// NumPy (scan_y, scan_x, det_y, det_x) = (3, 4, 5, 6) is N5 [det_x, det_y, scan_x, scan_y] = [6, 5, 4, 3]
		assertArrayEquals(new long[] { 6, 5, 4, 3 }, meta(new long[] { 3, 4 }, new int[] { 5, 6 }, DType.UINT8).n5Dimensions());
		assertArrayEquals(new long[] { 6, 5, 7 }, meta(new long[] { 7 }, new int[] { 5, 6 }, DType.UINT8).n5Dimensions());
		assertArrayEquals(new long[] { 6, 5, 4, 3, 2 }, meta(new long[] { 2, 3, 4 }, new int[] { 5, 6 }, DType.UINT8).n5Dimensions());
	}

	@Test
	void sizesFollowFromShapeAndType() {
		final DatasetMeta m = meta(new long[] { 3, 4 }, new int[] { 5, 7 }, DType.UINT16);
		assertEquals(12, m.frameCount());
		assertEquals(35, m.framePixels());
		assertEquals(70, m.frameBytes());
		assertEquals(840, m.totalBytes());
		assertEquals(5, m.sigHeight());
		assertEquals(7, m.sigWidth());
		// 35 packed 12-bit values take 420 bits = 52.5 bytes, rounded up
		assertEquals(53, meta(new long[] { 2 }, new int[] { 5, 7 }, DType.UINT12_PACKED).frameBytes());
	}

	@Test
	void aFrameStackCanBeSeenAsAScanOfTheSameFrameCount() {
		final DatasetMeta stack = meta(new long[] { 12 }, new int[] { 5, 7 }, DType.UINT8);
		final DatasetMeta scan = stack.withNavShape(new long[] { 3, 4 });
		assertArrayEquals(new long[] { 3, 4 }, scan.navShape());
		assertEquals(stack.frameCount(), scan.frameCount());
		final LayoutException e = assertThrows(LayoutException.class, () -> stack.withNavShape(new long[] { 5, 5 }));
		assertTrue(e.getMessage().contains("25") && e.getMessage().contains("12"), e.getMessage());
	}

	@Test
	void missingCalibrationAndProvenanceHaveDefaults() {
		final DatasetMeta m = meta(new long[] { 2 }, new int[] { 3, 3 }, DType.UINT8);
		assertEquals(Calibration.UNCALIBRATED, m.calibration());
		assertEquals("unknown", m.provenance().format());
	}

	@Test
	void shapesAreCopiedInAndOut() {
		final long[] nav = { 3, 4 };
		final int[] sig = { 5, 6 };
		final DatasetMeta m = meta(nav, sig, DType.UINT8);
		nav[0] = 99;
		sig[0] = 99;
		m.navShape()[1] = 99;
		m.sigShape()[1] = 99;
		assertArrayEquals(new long[] { 3, 4 }, m.navShape());
		assertArrayEquals(new int[] { 5, 6 }, m.sigShape());
	}

	@Test
	void equalityIsByValue() {
		final Calibration cal = Calibration.UNCALIBRATED.withScan(new double[] { 2, 3 }, "nm");
		final Provenance prov = new Provenance("raw", List.of("/a.raw"), Map.of("offset", "0"));
		final DatasetMeta a = new DatasetMeta(new long[] { 3, 4 }, new int[] { 5, 6 }, DType.UINT16, cal, prov);
		final DatasetMeta b = new DatasetMeta(new long[] { 3, 4 }, new int[] { 5, 6 }, DType.UINT16,
				Calibration.UNCALIBRATED.withScan(new double[] { 2, 3 }, "nm"), new Provenance("raw", List.of("/a.raw"), Map.of("offset", "0")));
		assertEquals(a, b);
		assertEquals(a.hashCode(), b.hashCode());
		assertNotEquals(a, b.withNavShape(new long[] { 4, 3 }));
		assertNotEquals(a, new DatasetMeta(new long[] { 3, 4 }, new int[] { 5, 6 }, DType.INT16, cal, prov));
		assertNotEquals(a, b.withCalibration(Calibration.UNCALIBRATED));
		assertNotEquals(a, b.withProvenance(prov.with("offset", 512)));
	}

	@Test
	void survivesJavaSerialization() throws Exception {
		final DatasetMeta m = new DatasetMeta(new long[] { 3, 4 }, new int[] { 5, 6 }, DType.FLOAT32,
				Calibration.UNCALIBRATED.withOptics(0.2, Double.NaN), Provenance.of("npy", "/x.npy").with("fortran_order", false));
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(m);
		}
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			assertEquals(m, in.readObject());
		}
	}

	@Test
	void provenanceDetailsAreSortedAndReadOnly() {
		final Provenance p = new Provenance("raw", List.of("/b", "/a"), Map.of("z", "1", "a", "2"));
		assertEquals(List.of("a", "z"), List.copyOf(p.details().keySet()));
		assertEquals(List.of("/b", "/a"), p.files(), "files keep reading order");
		assertThrows(UnsupportedOperationException.class, () -> p.details().put("x", "y"));
		assertEquals("512", p.with("offset", 512).details().get("offset"));
		assertEquals(2, p.details().size(), "with() returns a copy");
	}

	private static void assertMessage(final org.junit.jupiter.api.function.Executable e, final String fragment) {
		final LayoutException x = assertThrows(LayoutException.class, e);
		assertTrue(x.getMessage().contains(fragment), () -> "'" + fragment + "' not in: " + x.getMessage());
	}
}
