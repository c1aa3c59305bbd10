package org.maptem.synth;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.maptem.dataset.Calibration;
import org.maptem.dataset.DType;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Provenance;

/**
 * Everything that defines a synthetic 4D-STEM dataset: shapes, stored type, seed, the geometry and intensities of
 * the model described in {@link org.maptem.synth}, and the calibration to report. Built with {@link #builder()};
 * immutable, validated on construction, serializable and thread-safe.
 *
 * <p>Units: radii, shift amplitudes and lattice vectors in detector pixels, vectors as {@code [dy, dx]}; the shift
 * period and the atom cell in scan positions; intensities in counts per pixel (non-negative integers). Lattice
 * vectors and shift amplitudes are rounded to 1/16 pixel ({@link #quantize}) so disk membership is exact.
 *
 * <p>{@link #details()} lists every parameter as text, and {@link #fromDetails} rebuilds identical parameters from
 * it, so a dataset's provenance is enough to regenerate it bit for bit.
 */
public final class SyntheticParams implements Serializable {

	private static final long serialVersionUID = 1L;

	/** Version of the model in {@link org.maptem.synth}; bumped whenever the same parameters would give other frames. */
	public static final int MODEL_VERSION = 1;

	/** Largest pixel count of any dtype: counts are held as Java {@code int}. */
	static final long MAX_COUNT = Integer.MAX_VALUE;

	/** Largest detector frame: {@code 2^26} pixels, so one frame of any dtype fits one Java array. */
	static final long MAX_FRAME_PIXELS = 1L << 26;

	private final long[] navShape;
	private final int[] sigShape;
	private final DType dtype;
	private final long seed;
	private final boolean noise;
	private final long background;
	private final double bfRadius;
	private final long bfValue;
	private final double[] shiftAmplitude;
	private final double shiftPeriod;
	private final double braggRadius;
	private final long braggValue;
	private final int braggOrders;
	private final double[] latticeA;
	private final double[] latticeB;
	private final double ringInner;
	private final double ringOuter;
	private final long ringAtomValue;
	private final long ringGapValue;
	private final int atomCell;
	private final Calibration calibration;

	SyntheticParams(final SyntheticParamsBuilder b) {
		SyntheticValidation.checkShapes(b.navShape, b.sigShape, b.dtype);
		navShape = b.navShape.clone();
		sigShape = b.sigShape.clone();
		dtype = b.dtype;
		seed = b.seed;
		noise = b.noise;
		background = b.background;
		final double m = Math.min(sigShape[0], sigShape[1]);
		// unset geometry scales with the smaller detector side, so the defaults are valid for any detector size
		bfRadius = orDefault(b.bfRadius, m * 3 / 32);
		bfValue = b.bfValue;
		shiftAmplitude = new double[] { quantize(orDefault(b.shiftAmplitude[0], m * 3 / 256)),
				quantize(orDefault(b.shiftAmplitude[1], m / 64)) };
		shiftPeriod = b.shiftPeriod;
		braggRadius = orDefault(b.braggRadius, m / 32);
		braggValue = b.braggValue;
		braggOrders = b.braggOrders;
		latticeA = quantize(b.latticeA == null ? new double[] { 0, m * 7 / 32 } : b.latticeA);
		latticeB = quantize(b.latticeB == null ? new double[] { m * 7 / 32, 0 } : b.latticeB);
		ringInner = orDefault(b.ringInner, m * 23 / 64);
		ringOuter = orDefault(b.ringOuter, m * 31 / 64);
		ringAtomValue = b.ringAtomValue;
		ringGapValue = b.ringGapValue;
		atomCell = b.atomCell;
		calibration = b.calibration != null ? b.calibration
				: new Calibration(filled(navShape.length, 0.5), "nm", new double[] { 0.25, 0.25 }, "mrad", 0.22, 300);
		SyntheticValidation.check(this);
	}

	/** A builder holding the defaults: a 16 × 16 scan of 128 × 128 uint16 frames, seed 0, no noise. */
	public static SyntheticParamsBuilder builder() {
		return new SyntheticParamsBuilder();
	}

	/** A builder holding these parameters (geometry already resolved), to change a few. */
	public SyntheticParamsBuilder toBuilder() {
		return builder().navShape(navShape).sigShape(sigShape[0], sigShape[1]).dtype(dtype).seed(seed).noise(noise)
				.background(background).brightField(bfRadius, bfValue)
				.shift(shiftAmplitude[0], shiftAmplitude[1], shiftPeriod).bragg(braggRadius, braggValue, braggOrders)
				.lattice(latticeA, latticeB).ring(ringInner, ringOuter).ringValues(ringAtomValue, ringGapValue)
				.atomCell(atomCell).calibration(calibration);
	}

	/** Rounds a length in pixels to the nearest 1/16 pixel (ties to even), the grid all disk centres lie on. */
	public static double quantize(final double pixels) {
		return Math.rint(pixels * 16) / 16;
	}

	private static double[] quantize(final double[] v) {
		if (v.length != 2)
			throw new LayoutException("synthetic data: a lattice vector needs 2 values [dy, dx], found " + Arrays.toString(v));
		return new double[] { quantize(v[0]), quantize(v[1]) };
	}

	private static double orDefault(final double v, final double dflt) {
		return Double.isNaN(v) ? dflt : v;
	}

	private static double[] filled(final int n, final double v) {
		final double[] a = new double[n];
		Arrays.fill(a, v);
		return a;
	}

	/** Scan shape, NumPy order (slowest first). */
	public long[] navShape() {
		return navShape.clone();
	}

	/** Detector shape {@code [height, width]}. */
	public int[] sigShape() {
		return sigShape.clone();
	}

	public DType dtype() {
		return dtype;
	}

	/** Seed of the per-frame noise generators. */
	public long seed() {
		return seed;
	}

	/** True when counts are Poisson samples, false when every pixel holds its mean exactly. */
	public boolean noise() {
		return noise;
	}

	/** Mean counts of every pixel before disks and ring are added. */
	public long background() {
		return background;
	}

	/** Radius of the central (bright-field) disk, pixels. */
	public double bfRadius() {
		return bfRadius;
	}

	/** Counts a pixel of the central disk adds. */
	public long bfValue() {
		return bfValue;
	}

	/** Amplitude of the disk shift {@code [dy, dx]}, pixels, a multiple of 1/16. */
	public double[] shiftAmplitude() {
		return shiftAmplitude.clone();
	}

	/** Period of the disk shift field, scan positions. */
	public double shiftPeriod() {
		return shiftPeriod;
	}

	/** Radius of every Bragg disk, pixels. */
	public double braggRadius() {
		return braggRadius;
	}

	/** Counts a pixel of a Bragg disk adds. */
	public long braggValue() {
		return braggValue;
	}

	/** Bragg orders N: disks at {@code i·a + j·b} for {@code -N ≤ i, j ≤ N} except the origin; 0 for none. */
	public int braggOrders() {
		return braggOrders;
	}

	/** First lattice vector {@code [dy, dx]}, pixels, multiples of 1/16. */
	public double[] latticeA() {
		return latticeA.clone();
	}

	/** Second lattice vector {@code [dy, dx]}, pixels, multiples of 1/16. */
	public double[] latticeB() {
		return latticeB.clone();
	}

	/** Inner radius of the annulus (exclusive), pixels. */
	public double ringInner() {
		return ringInner;
	}

	/** Outer radius of the annulus (inclusive), pixels. */
	public double ringOuter() {
		return ringOuter;
	}

	/** Counts an annulus pixel adds at a scan position on an atom. */
	public long ringAtomValue() {
		return ringAtomValue;
	}

	/** Counts an annulus pixel adds at a scan position between atoms. */
	public long ringGapValue() {
		return ringGapValue;
	}

	/** Side of one checkerboard cell of the atom pattern, scan positions. */
	public int atomCell() {
		return atomCell;
	}

	public Calibration calibration() {
		return calibration;
	}

	/** Number of frames, the product of the nav shape. */
	public long frameCount() {
		long n = 1;
		for (final long d : navShape)
			n *= d;
		return n;
	}

	/** The dataset model: shapes, dtype, calibration, and provenance {@code "synthetic"} with {@link #details()}. */
	public DatasetMeta meta() {
		return new DatasetMeta(navShape, sigShape, dtype, calibration,
				new Provenance("synthetic", java.util.List.of(), details()));
	}

	/** Every parameter as text, keyed by name: the provenance details from which {@link #fromDetails} rebuilds. */
	public Map<String, String> details() {
		final Map<String, String> d = new LinkedHashMap<>();
		d.put("model", "org.maptem.synth/" + MODEL_VERSION);
		d.put("navShape", join(navShape));
		d.put("sigShape", sigShape[0] + "," + sigShape[1]);
		d.put("dtype", dtype.n5Name());
		d.put("seed", Long.toString(seed));
		d.put("noise", Boolean.toString(noise));
		d.put("background", Long.toString(background));
		d.put("bfRadius", Double.toString(bfRadius));
		d.put("bfValue", Long.toString(bfValue));
		d.put("shiftAmplitude", join(shiftAmplitude));
		d.put("shiftPeriod", Double.toString(shiftPeriod));
		d.put("braggRadius", Double.toString(braggRadius));
		d.put("braggValue", Long.toString(braggValue));
		d.put("braggOrders", Integer.toString(braggOrders));
		d.put("latticeA", join(latticeA));
		d.put("latticeB", join(latticeB));
		d.put("ringInner", Double.toString(ringInner));
		d.put("ringOuter", Double.toString(ringOuter));
		d.put("ringAtomValue", Long.toString(ringAtomValue));
		d.put("ringGapValue", Long.toString(ringGapValue));
		d.put("atomCell", Integer.toString(atomCell));
		d.put("scanStep", join(calibration.scanStep()));
		d.put("scanUnit", calibration.scanUnit());
		d.put("detectorPixel", join(calibration.detectorPixel()));
		d.put("detectorUnit", calibration.detectorUnit());
		d.put("cameraLength", Double.toString(calibration.cameraLength()));
		d.put("beamEnergy", Double.toString(calibration.beamEnergy()));
		return d;
	}

	/**
	 * Rebuilds the parameters a dataset was generated with from its provenance details.
	 *
	 * @throws LayoutException naming the key when one is missing, unparsable, or from another model version
	 */
	public static SyntheticParams fromDetails(final Map<String, String> d) {
		final DetailReader r = new DetailReader(d);
		final String model = r.text("model");
		if (!model.equals("org.maptem.synth/" + MODEL_VERSION))
			throw new LayoutException("synthetic provenance: detail 'model': expected org.maptem.synth/" + MODEL_VERSION
					+ ", found " + model);
		final int[] sig = r.ints("sigShape", 2);
		final double[] amp = r.doubles("shiftAmplitude", 2);
		final double[] step = r.doubles("scanStep", -1);
		final double[] pixel = r.doubles("detectorPixel", 2);
		return builder().navShape(r.longs("navShape")).sigShape(sig[0], sig[1]).dtype(DType.parse(r.text("dtype")))
				.seed(r.longValue("seed")).noise(r.bool("noise")).background(r.longValue("background"))
				.brightField(r.doubleValue("bfRadius"), r.longValue("bfValue"))
				.shift(amp[0], amp[1], r.doubleValue("shiftPeriod"))
				.bragg(r.doubleValue("braggRadius"), r.longValue("braggValue"), (int) r.longValue("braggOrders"))
				.lattice(r.doubles("latticeA", 2), r.doubles("latticeB", 2))
				.ring(r.doubleValue("ringInner"), r.doubleValue("ringOuter"))
				.ringValues(r.longValue("ringAtomValue"), r.longValue("ringGapValue"))
				.atomCell((int) r.longValue("atomCell"))
				.calibration(new Calibration(step, r.text("scanUnit"), pixel, r.text("detectorUnit"),
						r.doubleValue("cameraLength"), r.doubleValue("beamEnergy")))
				.build();
	}

	private static String join(final long[] v) {
		final StringBuilder s = new StringBuilder();
		for (int i = 0; i < v.length; i++)
			s.append(i == 0 ? "" : ",").append(v[i]);
		return s.toString();
	}

	private static String join(final double[] v) {
		final StringBuilder s = new StringBuilder();
		for (int i = 0; i < v.length; i++)
			s.append(i == 0 ? "" : ",").append(v[i]);
		return s.toString();
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof SyntheticParams p && details().equals(p.details());
	}

	@Override
	public int hashCode() {
		return details().hashCode();
	}

	@Override
	public String toString() {
		return "synthetic " + details();
	}
}
