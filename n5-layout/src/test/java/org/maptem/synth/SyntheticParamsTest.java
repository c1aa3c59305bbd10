package org.maptem.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.maptem.dataset.Calibration;
import org.maptem.dataset.DType;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.LayoutException;

/** Defaults, validation messages, and the provenance round trip of the generator parameters. */
class SyntheticParamsTest {

	private static void assertRejected(final Supplier<SyntheticParams> build, final String... messageParts) {
		final LayoutException e = assertThrows(LayoutException.class, build::get);
		for (final String part : messageParts)
			assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' names '" + part + "'");
	}

	@Test
	void defaultsDescribeA128DetectorAndScaleWithItsSize() {
		final SyntheticParams p = SyntheticParams.builder().build();
		assertArrayEquals(new long[] { 16, 16 }, p.navShape());
		assertArrayEquals(new int[] { 128, 128 }, p.sigShape());
		assertEquals(DType.UINT16, p.dtype());
		assertEquals(12, p.bfRadius(), 0.0);
		assertArrayEquals(new double[] { 1.5, 2 }, p.shiftAmplitude(), 0.0);
		assertEquals(4, p.braggRadius(), 0.0);
		assertArrayEquals(new double[] { 0, 28 }, p.latticeA(), 0.0);
		assertArrayEquals(new double[] { 28, 0 }, p.latticeB(), 0.0);
		assertEquals(46, p.ringInner(), 0.0);
		assertEquals(62, p.ringOuter(), 0.0);
		final Calibration c = p.calibration();
		assertArrayEquals(new double[] { 0.5, 0.5 }, c.scanStep(), 0.0);
		assertEquals("nm", c.scanUnit());
		assertArrayEquals(new double[] { 0.25, 0.25 }, c.detectorPixel(), 0.0);
		assertEquals("mrad", c.detectorUnit());
		assertEquals(300, c.beamEnergy(), 0.0);
		final SyntheticParams small = SyntheticParams.builder().sigShape(32, 48).build();
		assertEquals(3, small.bfRadius(), 0.0);
		assertEquals(15.5, small.ringOuter(), 0.0);
		for (final DType t : DType.values()) {
			assertEquals(t, SyntheticParams.builder().dtype(t).build().dtype(), "defaults fit " + t);
			if (t != DType.INT8)
				assertEquals(t, SyntheticParams.builder().dtype(t).noise(true).build().dtype(), "defaults fit " + t + " with noise");
		}
		// a mean of 101 fits int8, but a Poisson draw may exceed 127
		assertRejected(() -> SyntheticParams.builder().dtype(DType.INT8).noise(true).build(), "largest Poisson count", "int8");
	}

	@Test
	void latticeAndShiftAreRoundedToASixteenthPixel() {
		final SyntheticParams p = SyntheticParams.builder().lattice(new double[] { 0.03, 29.97 }, new double[] { 30.04, -0.1 })
				.shift(1.03, -0.97, 16).build();
		assertArrayEquals(new double[] { 0, 30 }, p.latticeA(), 0.0);
		assertArrayEquals(new double[] { 30.0625, -0.125 }, p.latticeB(), 0.0);
		assertArrayEquals(new double[] { 1.0, -1.0 }, p.shiftAmplitude(), 0.0);
	}

	@Test
	void detailsRebuildEqualParametersAndIdenticalFrames() {
		final SyntheticParams p = SyntheticStemTest.oblique().navShape(2, 3, 4).dtype(DType.INT16).noise(true).seed(-77)
				.calibration(new Calibration(new double[] { 1, 2, 3 }, "um", new double[] { 0.1, 0.2 }, "1/nm", 0.5, 200))
				.build();
		final DatasetMeta meta = p.meta();
		assertEquals("synthetic", meta.provenance().format());
		final SyntheticParams q = SyntheticParams.fromDetails(meta.provenance().details());
		assertEquals(p, q);
		assertEquals(p.calibration(), q.calibration());
		final int[] a = new int[72 * 80];
		final int[] b = new int[72 * 80];
		for (long f = 0; f < 24; f += 5) {
			new SyntheticStem(p).counts(f, a);
			new SyntheticStem(q).counts(f, b);
			assertArrayEquals(a, b, "frame " + f);
		}
	}

	@Test
	void damagedDetailsNameTheKey() {
		final Map<String, String> d = new HashMap<>(SyntheticParams.builder().build().details());
		d.remove("bfRadius");
		assertRejected(() -> SyntheticParams.fromDetails(d), "bfRadius", "found none");
		d.put("bfRadius", "twelve");
		assertRejected(() -> SyntheticParams.fromDetails(d), "bfRadius", "twelve");
		d.put("bfRadius", "12");
		d.put("model", "org.maptem.synth/99");
		assertRejected(() -> SyntheticParams.fromDetails(d), "model", "org.maptem.synth/99");
	}

	@Test
	void radiiThatDoNotFitTheDetectorAreRejected() {
		assertRejected(() -> SyntheticParams.builder().brightField(70, 100).build(), "bfRadius", "70.0", "63.5");
		assertRejected(() -> SyntheticParams.builder().brightField(62.5, 100).build(), "bfRadius", "shift amplitude");
		assertRejected(() -> SyntheticParams.builder().bragg(65, 20, 1).build(), "braggRadius", "65.0", "64.0");
		assertRejected(() -> SyntheticParams.builder().ring(10, 64.5).build(), "ringOuter", "64.5");
		assertRejected(() -> SyntheticParams.builder().brightField(0, 100).build(), "bfRadius", "0.0");
		assertRejected(() -> SyntheticParams.builder().brightField(Double.NaN, 100).sigShape(8, 8).ring(3, 2).build(), "ring",
				"inner 3.0, outer 2.0");
	}

	@Test
	void negativeOrZeroSizesAreRejected() {
		assertRejected(() -> SyntheticParams.builder().navShape(4, 0).build(), "navShape", "[4, 0]");
		assertRejected(() -> SyntheticParams.builder().navShape(-3).build(), "navShape", "[-3]");
		assertRejected(() -> SyntheticParams.builder().navShape(1, 2, 3, 4).build(), "navShape", "1 to 3");
		assertRejected(() -> SyntheticParams.builder().sigShape(-128, 128).build(), "sigShape", "[-128, 128]");
		assertRejected(() -> SyntheticParams.builder().sigShape(1 << 14, 1 << 14).build(), "sigShape", "pixels per frame");
		assertRejected(() -> SyntheticParams.builder().background(-1).build(), "background", "-1");
		assertRejected(() -> SyntheticParams.builder().shift(1, 1, 0).build(), "shiftPeriod", "0.0");
		assertRejected(() -> SyntheticParams.builder().atomCell(0).build(), "atomCell", "0");
		assertRejected(() -> SyntheticParams.builder().bragg(4, 20, -1).build(), "braggOrders", "-1");
		assertRejected(() -> SyntheticParams.builder().dtype(null).build(), "dtype", "none");
	}

	@Test
	void countsThatOverflowTheDtypeAreRejected() {
		assertRejected(() -> SyntheticParams.builder().dtype(DType.UINT8).brightField(12, 300).build(), "intensities", "uint8",
				"255", "301");
		assertRejected(() -> SyntheticParams.builder().dtype(DType.INT8).brightField(12, 127).build(), "intensities", "127",
				"128");
		assertRejected(() -> SyntheticParams.builder().dtype(DType.UINT12_PACKED).brightField(12, 4095).build(), "4095", "4096");
		// a mean of 4000 fits 12 bits, but a Poisson draw can exceed 4095
		assertRejected(() -> SyntheticParams.builder().dtype(DType.UINT12_PACKED).brightField(12, 3999).noise(true).build(),
				"largest Poisson count", "4095");
		assertRejected(() -> SyntheticParams.builder().dtype(DType.FLOAT32).brightField(12, 1 << 24).build(), "16777216");
		assertRejected(() -> SyntheticParams.builder().brightField(12, 1L << 31).dtype(DType.INT32).build(), "bfValue");
		// the annulus counts only where a disk can reach it: disk and annulus both at 40 000 overflow uint16 only then
		final SyntheticParamsBuilder apart = SyntheticParams.builder().background(0).brightField(12, 40_000).ringValues(40_000, 0)
				.bragg(4, 0, 1);
		assertEquals(40_000, apart.build().bfValue());
		assertRejected(() -> apart.ring(10, 60).build(), "intensities", "80000");
	}

	@Test
	void overlappingDisksAreRejected() {
		assertRejected(() -> SyntheticParams.builder().lattice(new double[] { 0, 15 }, new double[] { 28, 0 }).build(), "lattice",
				"central disk", "[0.0, -15.0]");
		assertRejected(() -> SyntheticParams.builder().lattice(new double[] { 0, 17 }, new double[] { 3, 34 }).build(), "lattice",
				"each other");
	}
}
