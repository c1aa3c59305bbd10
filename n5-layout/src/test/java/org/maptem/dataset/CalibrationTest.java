package org.maptem.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Calibration values: equality by content with unknowns (NaN) equal to each other, copies, and derived copies. */
class CalibrationTest {

	private static Calibration sample() {
		return new Calibration(new double[] { 1.5, Double.NaN }, "nm", new double[] { 0.25, 0.5 }, "mrad", Double.NaN, 300);
	}

	@Test
	void equalCalibrationsWithUnknownValuesAreEqualAndHashAlike() {
		final Calibration a = sample();
		final Calibration b = sample();
		assertEquals(a, b, "NaN stands for 'unknown' and equals another unknown");
		assertEquals(a.hashCode(), b.hashCode());
	}

	@Test
	void everyFieldTakesPartInEquality() {
		final Calibration a = sample();
		assertNotEquals(a, new Calibration(new double[] { 1.5, 2 }, "nm", new double[] { 0.25, 0.5 }, "mrad", Double.NaN, 300));
		assertNotEquals(a, new Calibration(new double[] { 1.5, Double.NaN }, "um", new double[] { 0.25, 0.5 }, "mrad", Double.NaN, 300));
		assertNotEquals(a, new Calibration(new double[] { 1.5, Double.NaN }, "nm", new double[] { 0.5, 0.25 }, "mrad", Double.NaN, 300));
		assertNotEquals(a, new Calibration(new double[] { 1.5, Double.NaN }, "nm", new double[] { 0.25, 0.5 }, "1/nm", Double.NaN, 300));
		assertNotEquals(a, new Calibration(new double[] { 1.5, Double.NaN }, "nm", new double[] { 0.25, 0.5 }, "mrad", 0.1, 300));
		assertNotEquals(a, new Calibration(new double[] { 1.5, Double.NaN }, "nm", new double[] { 0.25, 0.5 }, "mrad", Double.NaN, 200));
		assertNotEquals(a, new Calibration(new double[] { 1.5 }, "nm", new double[] { 0.25, 0.5 }, "mrad", Double.NaN, 300));
		assertNotEquals(a, null);
		assertNotEquals(a, "nm");
	}

	@Test
	void arraysAreCopiedInAndOut() {
		final double[] step = { 1, 2 };
		final double[] pixel = { 3, 4 };
		final Calibration c = new Calibration(step, "nm", pixel, "mrad", 1, 2);
		step[0] = 99;
		pixel[0] = 99;
		c.scanStep()[1] = 99;
		c.detectorPixel()[1] = 99;
		assertArrayEquals(new double[] { 1, 2 }, c.scanStep());
		assertArrayEquals(new double[] { 3, 4 }, c.detectorPixel());
	}

	@Test
	void detectorPixelNeedsTwoValues() {
		final LayoutException e = assertThrows(LayoutException.class,
				() -> new Calibration(new double[0], "px", new double[] { 1, 1, 1 }, "px", 0, 0));
		assertTrue(e.getMessage().contains("detectorPixel") && e.getMessage().contains("3"), e.getMessage());
		assertThrows(NullPointerException.class, () -> new Calibration(new double[0], null, new double[] { 1, 1 }, "px", 0, 0));
	}

	@Test
	void scanStepIsOneWhereNotGiven() {
		final Calibration c = Calibration.UNCALIBRATED.withScan(new double[] { 2.5 }, "nm");
		assertEquals(2.5, c.scanStep(0));
		assertEquals(1.0, c.scanStep(1));
		assertEquals(1.0, Calibration.UNCALIBRATED.scanStep(0));
	}

	@Test
	void derivedCopiesChangeOnlyWhatTheySay() {
		final Calibration base = sample();
		final Calibration scan = base.withScan(new double[] { 7, 8 }, "um");
		assertEquals(new Calibration(new double[] { 7, 8 }, "um", new double[] { 0.25, 0.5 }, "mrad", Double.NaN, 300), scan);
		final Calibration det = base.withDetector(0.1, 0.2, "1/nm");
		assertEquals(new Calibration(new double[] { 1.5, Double.NaN }, "nm", new double[] { 0.1, 0.2 }, "1/nm", Double.NaN, 300), det);
		final Calibration optics = base.withOptics(0.15, 200);
		assertEquals(new Calibration(new double[] { 1.5, Double.NaN }, "nm", new double[] { 0.25, 0.5 }, "mrad", 0.15, 200), optics);
		assertEquals(sample(), base, "the original is unchanged");
	}

	@Test
	void uncalibratedKnowsNothing() {
		final Calibration u = Calibration.UNCALIBRATED;
		assertEquals(0, u.scanStep().length);
		assertEquals("px", u.scanUnit());
		assertArrayEquals(new double[] { 1, 1 }, u.detectorPixel());
		assertEquals("px", u.detectorUnit());
		assertTrue(Double.isNaN(u.cameraLength()) && Double.isNaN(u.beamEnergy()));
	}
}
