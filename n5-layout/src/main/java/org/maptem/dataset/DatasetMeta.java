package org.maptem.dataset;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a 4D-STEM dataset is: its scan (nav) and detector (sig) shapes, element type, calibration and provenance.
 *
 * <p>Shapes are in NumPy order, slowest axis first: a 2D scan of 256 rows and 512 columns of 128 × 96 pixel frames
 * has {@code navShape = [256, 512]} and {@code sigShape = [128, 96]} (height, width). Frames are numbered in that
 * order ({@code frame = y * width + x}). N5 stores the reverse order; {@link #n5Dimensions()} converts.
 *
 * <p>This is the content of the versioned {@code maptem} object in a container's {@code attributes.json} (see
 * {@code docs/format.md}); it is immutable, serializable and cheap to ship to workers.
 */
public final class DatasetMeta implements Serializable {

	private static final long serialVersionUID = 1L;

	private final long[] navShape;
	private final int[] sigShape;
	private final DType dtype;
	private final Calibration calibration;
	private final Provenance provenance;

	/**
	 * @throws LayoutException when a shape has the wrong number of axes or a non-positive extent, a frame has more
	 *                         than 2^31-1 pixels, or the dataset more than 2^63-1 frames or bytes
	 */
	public DatasetMeta(final long[] navShape, final int[] sigShape, final DType dtype, final Calibration calibration,
			final Provenance provenance) {
		if (navShape.length < 1 || navShape.length > 3)
			throw new LayoutException("nav shape needs 1 to 3 scan axes, found " + Arrays.toString(navShape));
		if (sigShape.length != 2)
			throw new LayoutException("sig shape needs 2 detector axes [height, width], found " + Arrays.toString(sigShape));
		long frames = 1;
		for (final long n : navShape) {
			if (n < 1)
				throw new LayoutException("nav shape: every axis needs at least 1 position, found " + Arrays.toString(navShape));
			if (frames > Long.MAX_VALUE / n)
				throw new LayoutException("nav shape " + Arrays.toString(navShape) + " holds more than 2^63-1 frames");
			frames *= n;
		}
		for (final int n : sigShape)
			if (n < 1)
				throw new LayoutException("sig shape: every axis needs at least 1 pixel, found " + Arrays.toString(sigShape));
		// a frame is decoded into one Java array, and the whole dataset's byte count must fit a long
		if ((long) sigShape[0] * sigShape[1] > Integer.MAX_VALUE)
			throw new LayoutException("sig shape " + Arrays.toString(sigShape) + " holds more than 2^31-1 pixels per frame");
		final long frameBytes = dtype == null ? 0 : dtype.bytesFor((long) sigShape[0] * sigShape[1]);
		if (frameBytes > 0 && frames > Long.MAX_VALUE / frameBytes)
			throw new LayoutException("nav shape " + Arrays.toString(navShape) + " × sig shape " + Arrays.toString(sigShape)
					+ " holds more than 2^63-1 bytes");
		this.navShape = navShape.clone();
		this.sigShape = sigShape.clone();
		this.dtype = Objects.requireNonNull(dtype, "dtype");
		this.calibration = calibration == null ? Calibration.UNCALIBRATED : calibration;
		this.provenance = provenance == null ? Provenance.of("unknown") : provenance;
	}

	/** Scan shape, NumPy order (slowest first). */
	public long[] navShape() {
		return navShape.clone();
	}

	/** Detector shape {@code [height, width]}. */
	public int[] sigShape() {
		return sigShape.clone();
	}

	public int sigHeight() {
		return sigShape[0];
	}

	public int sigWidth() {
		return sigShape[1];
	}

	public DType dtype() {
		return dtype;
	}

	public Calibration calibration() {
		return calibration;
	}

	public Provenance provenance() {
		return provenance;
	}

	/** Number of frames, the product of the nav shape. */
	public long frameCount() {
		long n = 1;
		for (final long d : navShape)
			n *= d;
		return n;
	}

	/** Pixels in one frame. */
	public int framePixels() {
		return sigShape[0] * sigShape[1];
	}

	/** Bytes of one stored frame in this dataset's dtype. */
	public long frameBytes() {
		return dtype.bytesFor(framePixels());
	}

	/** Bytes of the whole dataset as stored. */
	public long totalBytes() {
		return frameBytes() * frameCount();
	}

	/** The 4D (or 3D/5D) shape in N5 order: {@code [sigX, sigY, navN-1 ... nav0]}. */
	public long[] n5Dimensions() {
		final long[] d = new long[2 + navShape.length];
		d[0] = sigShape[1];
		d[1] = sigShape[0];
		for (int i = 0; i < navShape.length; i++)
			d[2 + i] = navShape[navShape.length - 1 - i];
		return d;
	}

	/** A copy with another calibration. */
	public DatasetMeta withCalibration(final Calibration c) {
		return new DatasetMeta(navShape, sigShape, dtype, c, provenance);
	}

	/** A copy with another provenance. */
	public DatasetMeta withProvenance(final Provenance p) {
		return new DatasetMeta(navShape, sigShape, dtype, calibration, p);
	}

	/** A copy with another nav shape holding the same number of frames (e.g. a 1D stack seen as a 2D scan). */
	public DatasetMeta withNavShape(final long[] nav) {
		final DatasetMeta m = new DatasetMeta(nav, sigShape, dtype, calibration, provenance);
		if (m.frameCount() != frameCount())
			throw new LayoutException("nav shape " + Arrays.toString(nav) + " holds " + m.frameCount() + " frames, the data has "
					+ frameCount());
		return m;
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof DatasetMeta m))
			return false;
		return Arrays.equals(navShape, m.navShape) && Arrays.equals(sigShape, m.sigShape) && dtype == m.dtype
				&& calibration.equals(m.calibration) && provenance.equals(m.provenance);
	}

	@Override
	public int hashCode() {
		return Objects.hash(Arrays.hashCode(navShape), Arrays.hashCode(sigShape), dtype, calibration, provenance);
	}

	@Override
	public String toString() {
		return "nav " + Arrays.toString(navShape) + " × sig " + Arrays.toString(sigShape) + " " + dtype.n5Name();
	}
}
