package org.maptem.udf.com;

import java.util.List;

import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.Tile;
import org.maptem.udf.BufferSpec;
import org.maptem.udf.BufferType;
import org.maptem.udf.Results;
import org.maptem.udf.Sums;
import org.maptem.udf.Udf;
import org.maptem.udf.UdfException;
import org.maptem.udf.masks.MaskRaster;
import org.maptem.udf.masks.Masks;

/**
 * Centre of mass of every frame, inside a disk or over the whole frame, as a shift from a reference point: the
 * basis of differential phase contrast (DPC) imaging.
 *
 * <p>Coordinates are detector pixels with pixel centres at integers ({@code x} column, {@code y} row; see
 * {@link Masks}). With intensity {@code I} summed over the disk, {@code shiftX = Σ I·x / Σ I - cx} and
 * {@code shiftY = Σ I·y / Σ I - cy}; a frame with {@code Σ I = 0} has shift 0 (as LiberTEM's CoM).
 *
 * <p>Buffers, all NAV FLOAT64 of shape {@code navShape}, NaN outside the ROI:
 * <ul>
 * <li>{@code "intensity"}: {@code Σ I} inside the disk (data units);</li>
 * <li>{@code "momentX"}, {@code "momentY"}: {@code Σ I·x}, {@code Σ I·y} (data units × pixels);</li>
 * <li>{@code "shiftX"}, {@code "shiftY"}, derived: the shift in pixels;</li>
 * <li>{@code "magnitude"}, derived: {@code sqrt(shiftX² + shiftY²)} in pixels.</li>
 * </ul>
 *
 * <pre>{@code
 * CenterOfMassUdf com = CenterOfMassUdf.inDisk(63.5, 64.0, 20);
 * JobResults r = new LocalExecutor().run(Job.of(dataset, com));
 * double[] dx = r.get(com).buffer("shiftX").doubles();
 * }</pre>
 */
public final class CenterOfMassUdf extends Udf<CenterOfMassUdf.Region> {

	private static final long serialVersionUID = 1L;

	public static final String INTENSITY = "intensity";
	public static final String MOMENT_X = "momentX";
	public static final String MOMENT_Y = "momentY";
	public static final String SHIFT_X = "shiftX";
	public static final String SHIFT_Y = "shiftY";
	public static final String MAGNITUDE = "magnitude";

	/**
	 * Task data: the pixels the centre of mass is taken over, and the column coordinates {@code 0 .. width-1} as
	 * floats, so {@code Σ I·x} of a row segment is one fast dot product.
	 *
	 * @param pixels  the disk (or the whole frame)
	 * @param columns {@code columns[x] = x}
	 */
	public record Region(MaskRaster pixels, float[] columns) {
	}

	private final double cx;
	private final double cy;
	private final double r;

	private CenterOfMassUdf(final double cx, final double cy, final double r) {
		if (!Double.isFinite(cx))
			throw UdfException.badParameter("CenterOfMassUdf", "cx", "a finite reference x", cx);
		if (!Double.isFinite(cy))
			throw UdfException.badParameter("CenterOfMassUdf", "cy", "a finite reference y", cy);
		if (!(r >= 0))
			throw UdfException.badParameter("CenterOfMassUdf", "r", "a radius >= 0 (or infinity for the whole frame)", r);
		this.cx = cx;
		this.cy = cy;
		this.r = r;
	}

	/**
	 * Centre of mass of the pixels within {@code r} of {@code (cx, cy)}, as a shift from {@code (cx, cy)}.
	 *
	 * @throws UdfException when a value is not finite or {@code r < 0}
	 */
	public static CenterOfMassUdf inDisk(final double cx, final double cy, final double r) {
		if (Double.isInfinite(r))
			throw UdfException.badParameter("CenterOfMassUdf", "r", "a finite radius (use wholeFrame for no disk)", r);
		return new CenterOfMassUdf(cx, cy, r);
	}

	/**
	 * Centre of mass of whole frames, as a shift from {@code (cx, cy)}.
	 *
	 * @throws UdfException when a value is not finite
	 */
	public static CenterOfMassUdf wholeFrame(final double cx, final double cy) {
		return new CenterOfMassUdf(cx, cy, Double.POSITIVE_INFINITY);
	}

	/** Reference x (column) in pixels. */
	public double cx() {
		return cx;
	}

	/** Reference y (row) in pixels. */
	public double cy() {
		return cy;
	}

	/** Disk radius in pixels; infinite for whole frames. */
	public double r() {
		return r;
	}

	@Override
	public List<BufferSpec> buffers(final DatasetMeta meta) {
		return List.of(BufferSpec.nav(INTENSITY, BufferType.FLOAT64), BufferSpec.nav(MOMENT_X, BufferType.FLOAT64),
				BufferSpec.nav(MOMENT_Y, BufferType.FLOAT64), BufferSpec.nav(SHIFT_X, BufferType.FLOAT64).asDerived(),
				BufferSpec.nav(SHIFT_Y, BufferType.FLOAT64).asDerived(),
				BufferSpec.nav(MAGNITUDE, BufferType.FLOAT64).asDerived());
	}

	@Override
	public Region taskData(final DatasetMeta meta) {
		final int h = meta.sigHeight();
		final int w = meta.sigWidth();
		final MaskRaster pixels;
		try {
			pixels = Double.isInfinite(r) ? Masks.rect(0, 0, w, h).rasterize(h, w) : Masks.disk(cx, cy, r).rasterize(h, w);
		} catch (final UdfException e) {
			throw new UdfException("CenterOfMassUdf: parameters 'cx', 'cy', 'r': " + e.getMessage(), e);
		}
		final float[] columns = new float[w];
		for (int x = 0; x < w; x++)
			columns[x] = x;
		return new Region(pixels, columns);
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
		final double[] mag = result.buffer(MAGNITUDE).doubles();
		for (int k = 0; k < sum.length; k++) {
			final double s = sum[k];
			// NaN (not computed) propagates; an empty frame has no shift
			dx[k] = s == 0 ? 0 : mx[k] / s - cx;
			dy[k] = s == 0 ? 0 : my[k] / s - cy;
			mag[k] = Math.sqrt(dx[k] * dx[k] + dy[k] * dy[k]);
		}
	}
}
