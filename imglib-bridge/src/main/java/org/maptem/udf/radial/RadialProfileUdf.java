package org.maptem.udf.radial;

import java.util.List;

import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.Tile;
import org.maptem.udf.BufferSpec;
import org.maptem.udf.BufferType;
import org.maptem.udf.Results;
import org.maptem.udf.Udf;
import org.maptem.udf.UdfException;

/**
 * Azimuthal integration of every frame around a centre: the mean (or sum) of the pixels in rings of equal width, a
 * radial profile per scan position (e.g. for fluctuation electron microscopy or phase maps by scattering angle).
 *
 * <p>Geometry as {@link org.maptem.udf.masks.Masks}: pixel centres at integer coordinates, {@code d} the distance
 * of a pixel centre from {@code (cx, cy)}. With {@code bins = ceil(rmax / dr)}, a pixel belongs to bin
 * {@code floor(d / dr)} when {@code d < rmax}: bin {@code k} covers {@code k·dr <= d < (k+1)·dr}, so the centre
 * pixel is in bin 0, and pixels at or beyond {@code rmax} are left out. Bins are hard (each pixel counts once, with
 * weight 1), unlike LiberTEM's antialiased {@code masks.radial_bins}.
 *
 * <p>Buffers:
 * <ul>
 * <li>{@code "profile"}: NAV, FLOAT64, shape {@code navShape + [bins]}: per frame and bin, the mean of the bin's
 * pixels (data units; NaN for a bin holding no pixel centre) or, for {@link #sum}, their sum; NaN outside the
 * ROI;</li>
 * <li>{@code "pixels"}: SINGLE, INT64, shape {@code [bins]}: how many detector pixels each bin holds (the same for
 * every frame).</li>
 * </ul>
 *
 * <pre>{@code
 * RadialProfileUdf radial = RadialProfileUdf.mean(63.5, 63.5, 2, 64);
 * JobResults r = new LocalExecutor().run(Job.of(dataset, radial));
 * double[] profiles = r.get(radial).buffer("profile").doubles(); // [frame * bins + bin]
 * }</pre>
 */
public final class RadialProfileUdf extends Udf<RadialProfileUdf.Bins> {

	private static final long serialVersionUID = 1L;

	public static final String PROFILE = "profile";
	public static final String PIXELS = "pixels";

	/** Most bins a profile may have. */
	public static final int MAX_BINS = 1 << 20;

	/**
	 * Task data: the bin of every detector pixel (-1 when beyond {@code rmax}), the pixels per bin, and the factor
	 * each bin's sum is multiplied by (1 / pixels for the mean, 1 for the sum).
	 */
	public static final class Bins {
		private final int[] binOf;
		private final long[] pixels;
		private final double[] scale;

		Bins(final int[] binOf, final long[] pixels, final double[] scale) {
			this.binOf = binOf;
			this.pixels = pixels;
			this.scale = scale;
		}
	}

	private final double cx;
	private final double cy;
	private final double dr;
	private final double rmax;
	private final boolean mean;

	private RadialProfileUdf(final double cx, final double cy, final double dr, final double rmax, final boolean mean) {
		finite("cx", cx);
		finite("cy", cy);
		finite("dr", dr);
		finite("rmax", rmax);
		if (dr <= 0)
			throw UdfException.badParameter("RadialProfileUdf", "dr", "a ring width > 0", dr);
		if (rmax <= 0)
			throw UdfException.badParameter("RadialProfileUdf", "rmax", "an outer radius > 0", rmax);
		if (Math.ceil(rmax / dr) > MAX_BINS)
			throw UdfException.badParameter("RadialProfileUdf", "dr", "at most " + MAX_BINS + " rings up to rmax " + rmax,
					"dr " + dr + " giving " + Math.ceil(rmax / dr));
		this.cx = cx;
		this.cy = cy;
		this.dr = dr;
		this.rmax = rmax;
		this.mean = mean;
	}

	/**
	 * The mean of every ring of width {@code dr} around {@code (cx, cy)} up to {@code rmax} (pixels).
	 *
	 * @throws UdfException when a value is not finite, {@code dr} or {@code rmax} is not positive, or there would be
	 *                      more than {@link #MAX_BINS} rings
	 */
	public static RadialProfileUdf mean(final double cx, final double cy, final double dr, final double rmax) {
		return new RadialProfileUdf(cx, cy, dr, rmax, true);
	}

	/** The sum of every ring, otherwise as {@link #mean}. */
	public static RadialProfileUdf sum(final double cx, final double cy, final double dr, final double rmax) {
		return new RadialProfileUdf(cx, cy, dr, rmax, false);
	}

	/**
	 * The smallest {@code rmax} that is a multiple of {@code dr} and reaches past every pixel of a
	 * {@code height × width} detector from {@code (cx, cy)}: the default for a profile of the whole frame.
	 */
	public static double wholeFrameRmax(final double cx, final double cy, final double dr, final int height,
			final int width) {
		final double dx = Math.max(Math.abs(cx), Math.abs(width - 1 - cx));
		final double dy = Math.max(Math.abs(cy), Math.abs(height - 1 - cy));
		return (Math.floor(Math.sqrt(dx * dx + dy * dy) / dr) + 1) * dr;
	}

	public double cx() {
		return cx;
	}

	public double cy() {
		return cy;
	}

	public double dr() {
		return dr;
	}

	public double rmax() {
		return rmax;
	}

	/** True for means, false for sums. */
	public boolean isMean() {
		return mean;
	}

	/** Number of rings: {@code ceil(rmax / dr)}. */
	public int bins() {
		return (int) Math.ceil(rmax / dr);
	}

	@Override
	public List<BufferSpec> buffers(final DatasetMeta meta) {
		return List.of(BufferSpec.nav(PROFILE, BufferType.FLOAT64, bins()), BufferSpec.single(PIXELS, BufferType.INT64,
				bins()));
	}

	@Override
	public Bins taskData(final DatasetMeta meta) {
		final int h = meta.sigHeight();
		final int w = meta.sigWidth();
		final int n = bins();
		final int[] binOf = new int[h * w];
		final long[] pixels = new long[n];
		long covered = 0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final double d = Math.sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy));
				final int b = d < rmax ? Math.min(n - 1, (int) Math.floor(d / dr)) : -1;
				binOf[y * w + x] = b;
				if (b >= 0) {
					pixels[b]++;
					covered++;
				}
			}
		if (covered == 0)
			throw new UdfException(name() + ": parameters 'cx', 'cy', 'rmax': expected rings covering at least one "
					+ "pixel of the " + h + " × " + w + " detector (x 0 to " + (w - 1) + ", y 0 to " + (h - 1) + "), found none within " + rmax
					+ " of (" + cx + ", " + cy + ")");
		final double[] scale = new double[n];
		for (int b = 0; b < n; b++)
			scale[b] = !mean ? 1 : pixels[b] == 0 ? Double.NaN : 1.0 / pixels[b];
		return new Bins(binOf, pixels, scale);
	}

	@Override
	public void processTile(final Tile tile, final float[] data, final Results partial, final Bins bins) {
		final double[] out = partial.buffer(PROFILE).doubles();
		final long[] pixels = partial.buffer(PIXELS).longs();
		final int n = bins.pixels.length;
		System.arraycopy(bins.pixels, 0, pixels, 0, n);
		final int[] binOf = bins.binOf;
		final double[] scale = bins.scale;
		final int per = tile.sigRows() * tile.sigWidth();
		final int offset = tile.sigRowStart() * tile.sigWidth();
		final double[] acc = new double[n];
		final int first = partial.navIndex(tile.firstFrame());
		for (int f = 0; f < tile.frameCount(); f++) {
			java.util.Arrays.fill(acc, 0);
			final int base = f * per;
			for (int i = 0; i < per; i++) {
				final int b = binOf[offset + i];
				if (b >= 0)
					acc[b] += data[base + i];
			}
			final int pos = (first + f) * n;
			// += because a frame split into row bands arrives in several tiles
			for (int b = 0; b < n; b++)
				out[pos + b] += acc[b] * scale[b];
		}
	}

	/** The pixel counts are the same in every partial result; the profiles are NAV buffers merged by the engine. */
	@Override
	public void merge(final Results dest, final Results src) {
		final long[] a = dest.buffer(PIXELS).longs();
		final long[] b = src.buffer(PIXELS).longs();
		for (int k = 0; k < a.length; k++)
			a[k] = Math.max(a[k], b[k]);
	}

	private static void finite(final String parameter, final double v) {
		if (!Double.isFinite(v))
			throw UdfException.badParameter("RadialProfileUdf", parameter, "a finite number", v);
	}

	@Override
	public String toString() {
		return name() + "(cx=" + cx + ", cy=" + cy + ", dr=" + dr + ", rmax=" + rmax + ", " + (mean ? "mean" : "sum") + ")";
	}
}
