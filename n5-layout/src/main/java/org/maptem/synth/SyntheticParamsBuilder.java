package org.maptem.synth;

import org.maptem.dataset.Calibration;
import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;

/**
 * Fluent builder of {@link SyntheticParams}; every setter returns this builder, {@link #build()} validates.
 *
 * <p>Defaults: nav {@code [16, 16]}, sig {@code [128, 128]}, uint16, seed 0, no noise, background 1, central disk of
 * value 100, Bragg disks of value 20 to first order, annulus values 8 on atoms and 2 between them, shift period 16
 * and atom cell 4 scan positions, calibration 0.5 nm scan step, 0.25 mrad detector pixels, 0.22 m camera length,
 * 300 keV. Geometry left unset scales with the smaller detector side {@code m} (values for {@code m = 128}):
 * central disk radius {@code 3m/32} (12), shift amplitude {@code [3m/256, m/64]} ([1.5, 2]), Bragg radius
 * {@code m/32} (4), lattice vectors {@code [0, 7m/32]} and {@code [7m/32, 0]} (28 px), annulus {@code 23m/64} to
 * {@code 31m/64} (46 to 62). Not thread-safe; build once and share the result.
 */
public final class SyntheticParamsBuilder {

	long[] navShape = { 16, 16 };
	int[] sigShape = { 128, 128 };
	DType dtype = DType.UINT16;
	long seed;
	boolean noise;
	long background = 1;
	double bfRadius = Double.NaN;
	long bfValue = 100;
	double[] shiftAmplitude = { Double.NaN, Double.NaN };
	double shiftPeriod = 16;
	double braggRadius = Double.NaN;
	long braggValue = 20;
	int braggOrders = 1;
	double[] latticeA;
	double[] latticeB;
	double ringInner = Double.NaN;
	double ringOuter = Double.NaN;
	long ringAtomValue = 8;
	long ringGapValue = 2;
	int atomCell = 4;
	Calibration calibration;

	SyntheticParamsBuilder() {
	}

	/** Scan shape, NumPy order (slowest first), 1 to 3 axes. */
	public SyntheticParamsBuilder navShape(final long... shape) {
		navShape = shape == null ? null : shape.clone();
		return this;
	}

	/** Detector height and width, pixels. */
	public SyntheticParamsBuilder sigShape(final int height, final int width) {
		sigShape = new int[] { height, width };
		return this;
	}

	/** Stored element type; counts must fit it (see {@link org.maptem.synth}). */
	public SyntheticParamsBuilder dtype(final DType type) {
		dtype = type;
		return this;
	}

	/** Seed of the per-frame noise generators. */
	public SyntheticParamsBuilder seed(final long s) {
		seed = s;
		return this;
	}

	/** Poisson noise on ({@code true}) or every pixel at its mean ({@code false}). */
	public SyntheticParamsBuilder noise(final boolean on) {
		noise = on;
		return this;
	}

	/** Mean counts of every pixel before disks and annulus. */
	public SyntheticParamsBuilder background(final long counts) {
		background = counts;
		return this;
	}

	/** Central disk radius (pixels) and the counts each of its pixels adds. */
	public SyntheticParamsBuilder brightField(final double radius, final long counts) {
		bfRadius = radius;
		bfValue = counts;
		return this;
	}

	/**
	 * The disk shift field {@code dy = ampY·cos(2πy/period)}, {@code dx = ampX·sin(2πx/period)}: amplitudes in
	 * pixels (rounded to 1/16), period in scan positions.
	 */
	public SyntheticParamsBuilder shift(final double ampY, final double ampX, final double period) {
		shiftAmplitude = new double[] { ampY, ampX };
		shiftPeriod = period;
		return this;
	}

	/** Bragg disk radius (pixels), the counts each pixel adds, and the highest lattice order (0 for no Bragg disks). */
	public SyntheticParamsBuilder bragg(final double radius, final long counts, final int orders) {
		braggRadius = radius;
		braggValue = counts;
		braggOrders = orders;
		return this;
	}

	/** Lattice vectors {@code [dy, dx]} in pixels (rounded to 1/16) of the Bragg disks around the central disk. */
	public SyntheticParamsBuilder lattice(final double[] a, final double[] b) {
		if (a == null || b == null)
			throw new LayoutException("synthetic data: parameter 'lattice': expected two vectors [dy, dx], found null");
		latticeA = a.clone();
		latticeB = b.clone();
		return this;
	}

	/** Annulus radii around the detector centre, pixels: a pixel at distance d is in it when {@code inner < d ≤ outer}. */
	public SyntheticParamsBuilder ring(final double inner, final double outer) {
		ringInner = inner;
		ringOuter = outer;
		return this;
	}

	/** Counts an annulus pixel adds at scan positions on an atom and between atoms. */
	public SyntheticParamsBuilder ringValues(final long onAtom, final long betweenAtoms) {
		ringAtomValue = onAtom;
		ringGapValue = betweenAtoms;
		return this;
	}

	/** Side of one cell of the checkerboard atom pattern, scan positions. */
	public SyntheticParamsBuilder atomCell(final int positions) {
		atomCell = positions;
		return this;
	}

	/** Calibration to report; {@code null} restores the default. */
	public SyntheticParamsBuilder calibration(final Calibration c) {
		calibration = c;
		return this;
	}

	/**
	 * The validated parameters.
	 *
	 * @throws LayoutException naming the parameter, what it must be and what it is
	 */
	public SyntheticParams build() {
		return new SyntheticParams(this);
	}
}
