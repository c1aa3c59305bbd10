package org.maptem.udf.com;

import java.util.List;

import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.Tile;
import org.maptem.frames.Simd;
import org.maptem.udf.BufferSpec;
import org.maptem.udf.BufferType;
import org.maptem.udf.Results;
import org.maptem.udf.Sums;
import org.maptem.udf.Udf;
import org.maptem.udf.UdfException;
import org.maptem.udf.masks.Mask;
import org.maptem.udf.masks.MaskRaster;
import org.maptem.udf.masks.Masks;
import org.maptem.udf.masks.VirtualDetectors;

/**
 * Centre of mass of every frame, inside a disk, a ring or over the whole frame, as a shift from a reference point,
 * and the differential phase contrast (DPC) images derived from the shift field: LiberTEM's {@code CoMUDF}, with its
 * regression.
 *
 * <p>Coordinates are detector pixels with pixel centres at integers ({@code x} column, {@code y} row; see
 * {@link Masks}). With intensity {@code I} summed over the region, {@code shiftX = Σ I·x / Σ I - cx} and
 * {@code shiftY = Σ I·y / Σ I - cy}; a frame with {@code Σ I = 0} has shift 0 (as LiberTEM). The region is the disk
 * {@code d <= r} around {@code (cx, cy)}, the ring {@code ri < d <= r} when {@code ri > 0}, or every pixel (beyond
 * {@code ri}) when {@code r} is infinite.
 *
 * <p>The <em>field</em> is the shift in scan coordinates, corrected as LiberTEM's {@code apply_correction}: first
 * {@code flipY} negates the y shift (detectors with pixel (0, 0) at the bottom left, e.g. Merlin), then a scan
 * rotation of {@code θ} degrees gives {@code fieldY = cos θ·sy + sin θ·sx} and
 * {@code fieldX = -sin θ·sy + cos θ·sx}
 * (a positive angle turns the vector clockwise as displayed, y down). Divergence and curl are finite differences of
 * the field over the scan, as LiberTEM's {@code np.gradient} (central differences, one-sided at the scan edges; see
 * {@code VectorFields} for ROI edges, 1D and 3D scans): {@code divergence = ∂fieldY/∂y + ∂fieldX/∂x},
 * {@code curl = ∂fieldY/∂x - ∂fieldX/∂y}, in detector pixels per scan step. Near the ROI's edge they use the
 * positions inside it only, where LiberTEM takes 0 shifts outside it.
 *
 * <p><em>Regression</em> (LiberTEM's {@code regression}), to flatten a background field such as a misplaced centre or
 * descan error: {@link Regression#NONE} (default), {@link Regression#SUBTRACT_MEAN} (the mean field over the computed
 * positions) or {@link Regression#SUBTRACT_LINEAR} (a least-squares plane {@code a + b·y + c·x} per component, y and
 * x the scan row and column), or a given 3 × 2 matrix {@code [[y, x], [dy/dy, dx/dy], [dy/dx, dx/dx]]}. It is fitted
 * to the corrected field, subtracted from it before magnitude, divergence and curl, and recomputed from all positions
 * computed so far after every merge (so a live result's regression settles as the scan fills in). As LiberTEM warns,
 * a regression fitted to the data itself also removes real long-range fields.
 *
 * <p>Buffers, all NAV FLOAT64 of shape {@code navShape}, NaN outside the ROI:
 * <ul>
 * <li>{@code "intensity"}: {@code Σ I} inside the region (data units);</li>
 * <li>{@code "momentX"}, {@code "momentY"}: {@code Σ I·x}, {@code Σ I·y} (data units × pixels);</li>
 * <li>derived {@code "shiftX"}, {@code "shiftY"}: the raw shift in detector pixels (LiberTEM's {@code raw_shifts});</li>
 * <li>derived {@code "fieldX"}, {@code "fieldY"}: the corrected shift in pixels (LiberTEM's {@code field_x},
 * {@code field_y});</li>
 * <li>derived {@code "magnitude"}: {@code sqrt(fieldX² + fieldY²)} in pixels;</li>
 * <li>derived {@code "divergence"}, {@code "curl"}: pixels per scan step;</li>
 * <li>derived {@code "regression"}: SINGLE FLOAT64 of shape {@code [3, 2]}, the subtracted background
 * {@code [[y, x], [dy/dy, dx/dy], [dy/dx, dx/dx]]} (zeros without regression).</li>
 * </ul>
 * Derived buffers are recomputed from the moments after every merge, so live results stay consistent; divergence
 * and curl cost a pass over the scan each time.
 *
 * <pre>{@code
 * CenterOfMassUdf com = CenterOfMassUdf.inDisk(63.5, 64.0, 20).withScanRotation(-12).withFlipY(true);
 * JobResults r = new LocalExecutor().run(Job.of(dataset, com));
 * double[] div = r.get(com).buffer("divergence").doubles();
 * }</pre>
 */
public final class CenterOfMassUdf extends Udf<CenterOfMassUdf.Region> {

	private static final long serialVersionUID = 3L;

	public static final String INTENSITY = "intensity";
	public static final String MOMENT_X = "momentX";
	public static final String MOMENT_Y = "momentY";
	public static final String SHIFT_X = "shiftX";
	public static final String SHIFT_Y = "shiftY";
	public static final String FIELD_X = "fieldX";
	public static final String FIELD_Y = "fieldY";
	public static final String MAGNITUDE = "magnitude";
	public static final String DIVERGENCE = "divergence";
	public static final String CURL = "curl";
	public static final String REGRESSION = "regression";

	/** LiberTEM's regression options, with its integer codes. */
	public enum Regression {
		/** {@code -1}: nothing subtracted. */
		NONE(-1),
		/** {@code 0}: the mean field subtracted. */
		SUBTRACT_MEAN(0),
		/** {@code 1}: a least-squares plane over the scan subtracted. */
		SUBTRACT_LINEAR(1);

		private final int code;

		Regression(final int code) {
			this.code = code;
		}

		/** LiberTEM's integer code: -1, 0 or 1. */
		public int code() {
			return code;
		}
	}

	/**
	 * Task data: the pixels the centre of mass is taken over, and the column coordinates {@code 0 .. width-1} as
	 * floats, so {@code Σ I·x} of a row segment is one fast dot product.
	 *
	 * @param pixels  the disk, ring or whole frame (a binary mask)
	 * @param columns {@code columns[x] = x}
	 */
	public record Region(MaskRaster pixels, float[] columns) {
	}

	private final double cx;
	private final double cy;
	private final double r;
	private final double ri;
	private final double scanRotation;
	private final boolean flipY;
	private final Regression regression;
	/** A given background {@code [y, x, dy/dy, dx/dy, dy/dx, dx/dx]}, or null to fit one (or none). */
	private final double[] givenRegression;

	private CenterOfMassUdf(final double cx, final double cy, final double r, final double ri, final double scanRotation,
			final boolean flipY) {
		this(cx, cy, r, ri, scanRotation, flipY, Regression.NONE, null);
	}

	private CenterOfMassUdf(final double cx, final double cy, final double r, final double ri, final double scanRotation,
			final boolean flipY, final Regression regression, final double[] givenRegression) {
		if (!Double.isFinite(cx))
			throw UdfException.badParameter("CenterOfMassUdf", "cx", "a finite reference x", cx);
		if (!Double.isFinite(cy))
			throw UdfException.badParameter("CenterOfMassUdf", "cy", "a finite reference y", cy);
		if (!(r >= 0))
			throw UdfException.badParameter("CenterOfMassUdf", "r", "a radius >= 0 (or infinity for the whole frame)", r);
		if (!(ri >= 0) || Double.isInfinite(ri))
			throw UdfException.badParameter("CenterOfMassUdf", "ri", "a finite inner radius >= 0", ri);
		if (ri > 0 && ri >= r)
			throw UdfException.badParameter("CenterOfMassUdf", "r", "an outer radius larger than the inner radius " + ri, r);
		if (!Double.isFinite(scanRotation))
			throw UdfException.badParameter("CenterOfMassUdf", "scan_rotation", "a finite angle in degrees", scanRotation);
		this.cx = cx;
		this.cy = cy;
		this.r = r;
		this.ri = ri;
		this.scanRotation = scanRotation;
		this.flipY = flipY;
		this.regression = java.util.Objects.requireNonNull(regression, "regression");
		this.givenRegression = givenRegression;
	}

	/**
	 * Centre of mass of the pixels within {@code r} of {@code (cx, cy)}, as a shift from {@code (cx, cy)}.
	 *
	 * @throws UdfException when a value is not finite or {@code r < 0}
	 */
	public static CenterOfMassUdf inDisk(final double cx, final double cy, final double r) {
		if (Double.isInfinite(r))
			throw UdfException.badParameter("CenterOfMassUdf", "r", "a finite radius (use wholeFrame for no disk)", r);
		return new CenterOfMassUdf(cx, cy, r, 0, 0, false);
	}

	/**
	 * Centre of mass of the pixels at {@code ri < d <= ro} from {@code (cx, cy)}, as a shift from {@code (cx, cy)};
	 * {@code ro} may be infinite for everything beyond {@code ri}.
	 *
	 * @throws UdfException when a value is not finite (but {@code ro}), {@code ri < 0} or {@code ri >= ro}
	 */
	public static CenterOfMassUdf inRing(final double cx, final double cy, final double ri, final double ro) {
		if (!(ri >= 0) || Double.isInfinite(ri))
			throw UdfException.badParameter("CenterOfMassUdf", "ri", "a finite inner radius >= 0", ri);
		if (!(ro > ri))
			throw UdfException.badParameter("CenterOfMassUdf", "r", "an outer radius larger than the inner radius " + ri,
					ro);
		return new CenterOfMassUdf(cx, cy, ro, ri, 0, false);
	}

	/**
	 * Centre of mass of whole frames, as a shift from {@code (cx, cy)}.
	 *
	 * @throws UdfException when a value is not finite
	 */
	public static CenterOfMassUdf wholeFrame(final double cx, final double cy) {
		return new CenterOfMassUdf(cx, cy, Double.POSITIVE_INFINITY, 0, 0, false);
	}

	/**
	 * This UDF with the shifts rotated by {@code degrees} into scan coordinates (LiberTEM's {@code scan_rotation}).
	 *
	 * @throws UdfException when the angle is not finite
	 */
	public CenterOfMassUdf withScanRotation(final double degrees) {
		return new CenterOfMassUdf(cx, cy, r, ri, degrees, flipY, regression, givenRegression);
	}

	/** This UDF with the y shift negated before the rotation when {@code flip} (LiberTEM's {@code flip_y}). */
	public CenterOfMassUdf withFlipY(final boolean flip) {
		return new CenterOfMassUdf(cx, cy, r, ri, scanRotation, flip, regression, givenRegression);
	}

	/** This UDF fitting and subtracting {@code option} from the field (LiberTEM's {@code regression=-1, 0, 1}). */
	public CenterOfMassUdf withRegression(final Regression option) {
		return new CenterOfMassUdf(cx, cy, r, ri, scanRotation, flipY, option, null);
	}

	/**
	 * This UDF subtracting a given background from the field: {@code [[y, x], [dy/dy, dx/dy], [dy/dx, dx/dx]]} flat,
	 * i.e. {@code fieldY -= m[0] + m[2]·row + m[4]·column} and {@code fieldX -= m[1] + m[3]·row + m[5]·column}, e.g.
	 * the {@code "regression"} result of a reference measurement.
	 *
	 * @throws UdfException unless {@code m} holds 6 finite values
	 */
	public CenterOfMassUdf withRegression(final double... m) {
		if (m == null || m.length != 6)
			throw UdfException.badParameter("CenterOfMassUdf", "regression", "6 values [y, x, dy/dy, dx/dy, dy/dx, dx/dx]",
					m == null ? "none" : m.length + " values");
		for (final double v : m)
			if (!Double.isFinite(v))
				throw UdfException.badParameter("CenterOfMassUdf", "regression", "finite values", java.util.Arrays.toString(m));
		return new CenterOfMassUdf(cx, cy, r, ri, scanRotation, flipY, Regression.NONE, m.clone());
	}

	/** The regression fitted to the field; {@link Regression#NONE} also when a given matrix is subtracted. */
	public Regression regression() {
		return regression;
	}

	/** Reference x (column) in pixels. */
	public double cx() {
		return cx;
	}

	/** Reference y (row) in pixels. */
	public double cy() {
		return cy;
	}

	/** Outer radius in pixels; infinite for whole frames. */
	public double r() {
		return r;
	}

	/** Inner radius in pixels (excluded); 0 for a disk. */
	public double ri() {
		return ri;
	}

	/** Scan rotation in degrees. */
	public double scanRotation() {
		return scanRotation;
	}

	/** True when the y shift is negated before the rotation. */
	public boolean flipY() {
		return flipY;
	}

	@Override
	public List<BufferSpec> buffers(final DatasetMeta meta) {
		return List.of(BufferSpec.nav(INTENSITY, BufferType.FLOAT64), BufferSpec.nav(MOMENT_X, BufferType.FLOAT64),
				BufferSpec.nav(MOMENT_Y, BufferType.FLOAT64), derived(SHIFT_X), derived(SHIFT_Y), derived(FIELD_X),
				derived(FIELD_Y), derived(MAGNITUDE), derived(DIVERGENCE), derived(CURL),
				BufferSpec.single(REGRESSION, BufferType.FLOAT64, 3, 2).asDerived());
	}

	private static BufferSpec derived(final String name) {
		return BufferSpec.nav(name, BufferType.FLOAT64).asDerived();
	}

	@Override
	public Region taskData(final DatasetMeta meta) {
		final int h = meta.sigHeight();
		final int w = meta.sigWidth();
		final MaskRaster pixels;
		try {
			pixels = region(h, w).rasterize(h, w);
		} catch (final UdfException e) {
			throw new UdfException("CenterOfMassUdf: parameters 'cx', 'cy', 'r', 'ri': " + e.getMessage(), e);
		}
		final float[] columns = new float[w];
		for (int x = 0; x < w; x++)
			columns[x] = x;
		return new Region(pixels, columns);
	}

	private Mask region(final int h, final int w) {
		if (ri == 0)
			return Double.isInfinite(r) ? Masks.rect(0, 0, w, h) : Masks.disk(cx, cy, r);
		if (!Double.isInfinite(r))
			return Masks.ring(cx, cy, ri, r);
		// everything beyond ri: a ring reaching past the farthest detector corner
		return Masks.ring(cx, cy, ri, Math.max(ri + 1, VirtualDetectors.beyondCorners(h, w, cx, cy)));
	}

	@Override
	public void processTile(final Tile tile, final float[] data, final Results partial, final Region region) {
		final MaskRaster disk = region.pixels();
		final float[] columns = region.columns();
		final double[] sum = partial.buffer(INTENSITY).doubles();
		final double[] mx = partial.buffer(MOMENT_X).doubles();
		final double[] my = partial.buffer(MOMENT_Y).doubles();
		final int width = tile.sigWidth();
		final int rowStart = tile.sigRowStart();
		final int per = tile.sigRows() * width;
		final int r0 = Math.max(rowStart, disk.firstRow());
		final int r1 = Math.min(rowStart + tile.sigRows(), disk.endRow());
		final int first = partial.navIndex(tile.firstFrame());
		if (Simd.enabled()) {
			VectorMoments.add(data, tile.frameCount(), rowStart, tile.sigRows(), width, disk, columns, sum, mx, my, first);
			return;
		}
		for (int f = 0; f < tile.frameCount(); f++) {
			double s = 0;
			double sx = 0;
			double sy = 0;
			for (int y = r0; y < r1; y++) {
				final int row = f * per + (y - rowStart) * width;
				double rowSum = 0;
				for (int g = disk.segmentStart(y); g < disk.segmentEnd(y); g++) {
					final int x0 = disk.x0(g);
					final int x1 = disk.x1(g);
					rowSum += Sums.sum(data, row + x0, row + x1);
					sx += Sums.dot(data, row + x0, columns, x0, x1 - x0);
				}
				s += rowSum;
				sy += y * rowSum;
			}
			// += because a frame split into row bands arrives in several tiles
			sum[first + f] += s;
			mx[first + f] += sx;
			my[first + f] += sy;
		}
	}

	@Override
	public void postprocess(final Results result) {
		final double[] sum = result.buffer(INTENSITY).doubles();
		final double[] mx = result.buffer(MOMENT_X).doubles();
		final double[] my = result.buffer(MOMENT_Y).doubles();
		final double[] dx = result.buffer(SHIFT_X).doubles();
		final double[] dy = result.buffer(SHIFT_Y).doubles();
		final double[] fx = result.buffer(FIELD_X).doubles();
		final double[] fy = result.buffer(FIELD_Y).doubles();
		final double[] mag = result.buffer(MAGNITUDE).doubles();
		final double angle = Math.toRadians(scanRotation);
		final double cos = Math.cos(angle);
		final double sin = Math.sin(angle);
		for (int k = 0; k < sum.length; k++) {
			final double s = sum[k];
			// NaN (not computed) propagates; an empty frame has no shift
			dx[k] = s == 0 ? 0 : mx[k] / s - cx;
			dy[k] = s == 0 ? 0 : my[k] / s - cy;
			final double y = flipY ? -dy[k] : dy[k];
			fy[k] = cos * y + sin * dx[k];
			fx[k] = -sin * y + cos * dx[k];
		}
		final long[] nav = result.buffer(FIELD_X).shape();
		final double[] background = result.buffer(REGRESSION).doubles();
		if (givenRegression != null)
			System.arraycopy(givenRegression, 0, background, 0, 6);
		else
			FieldRegression.fit(regression, fy, fx, nav, background);
		FieldRegression.subtract(background, fy, fx, nav);
		for (int k = 0; k < sum.length; k++)
			mag[k] = Math.sqrt(fx[k] * fx[k] + fy[k] * fy[k]);
		VectorFields.divergence(fy, fx, nav, result.buffer(DIVERGENCE).doubles());
		VectorFields.curl(fy, fx, nav, result.buffer(CURL).doubles());
	}

	@Override
	public String toString() {
		return name() + "(cx=" + cx + ", cy=" + cy + ", r=" + r + ", ri=" + ri + ", scan_rotation=" + scanRotation
				+ ", flip_y=" + flipY + ", regression="
				+ (givenRegression != null ? java.util.Arrays.toString(givenRegression) : regression.code()) + ")";
	}
}
