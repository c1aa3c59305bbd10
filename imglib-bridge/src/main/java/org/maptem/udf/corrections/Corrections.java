package org.maptem.udf.corrections;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

import org.maptem.dataset.DatasetMeta;
import org.maptem.udf.UdfException;

/**
 * Detector corrections applied to every frame before any UDF sees it: dark frame subtraction, gain map
 * multiplication, and excluded (hot or dead) pixels replaced by the mean of their valid neighbours.
 *
 * <p>Per pixel, in this order and in float32 arithmetic (as LiberTEM's {@code CorrectionSet}):
 * <ol>
 * <li>{@code v = (raw - dark) * gain}, for every pixel (a missing dark frame is 0, a missing gain map 1);</li>
 * <li>every excluded pixel is set to the mean of the corrected values of its <em>valid</em> neighbours: the 8
 * pixels around it (or the 4 sharing an edge, {@link #withNeighbours}) that lie inside the frame and are not
 * excluded themselves. Patched values never feed another patch, so the order of patching does not matter.</li>
 * </ol>
 * An excluded pixel without any valid neighbour is an error when the job starts, unless
 * {@link #withUnrepairableAllowed} is set; then it keeps its dark- and gain-corrected value (as LiberTEM's
 * {@code allow_empty}). The result does not depend on how frames are cut into tiles: a row-band tile is read with
 * the extra rows its patches need (see {@link TileCorrector}).
 *
 * <p>Each correction carries its own shape, checked against the detector when a job starts ({@link #check}). The
 * value is immutable and serializable: {@code with*} return copies, arrays are copied in and out.
 *
 * <pre>{@code
 * Corrections c = Corrections.none()
 *         .withDark(DetectorImages.read(Path.of("dark.npy")))
 *         .withGain(DetectorImages.read(Path.of("gain.tif")))
 *         .withExcludedPixels(256, 256, new int[] { 10, 200 }, new int[] { 31, 7 });   // ys, xs
 * JobResults r = new LocalExecutor().run(Job.of(dataset, new SumUdf()).withCorrections(c));
 * }</pre>
 */
public final class Corrections implements Serializable {

	private static final long serialVersionUID = 1L;

	private static final Corrections NONE = new Corrections(null, null, 0, 0, new int[0], 8, false);

	private final DetectorImage dark;
	private final DetectorImage gain;
	private final int excludedHeight;
	private final int excludedWidth;
	/** Flat indices {@code y * excludedWidth + x}, sorted, without repeats. */
	private final int[] excluded;
	private final int neighbours;
	private final boolean unrepairableAllowed;

	private Corrections(final DetectorImage dark, final DetectorImage gain, final int excludedHeight,
			final int excludedWidth, final int[] excluded, final int neighbours, final boolean unrepairableAllowed) {
		this.dark = dark;
		this.gain = gain;
		this.excludedHeight = excludedHeight;
		this.excludedWidth = excludedWidth;
		this.excluded = excluded;
		this.neighbours = neighbours;
		this.unrepairableAllowed = unrepairableAllowed;
	}

	/** No correction at all; the starting point for {@code with*}. */
	public static Corrections none() {
		return NONE;
	}

	/**
	 * These corrections with {@code dark} subtracted from every frame ({@code null}: no dark frame).
	 *
	 * @throws UdfException when a value is NaN or infinite
	 */
	public Corrections withDark(final DetectorImage dark) {
		requireFinite("dark frame", dark);
		return new Corrections(dark, gain, excludedHeight, excludedWidth, excluded, neighbours, unrepairableAllowed);
	}

	/** As {@link #withDark(DetectorImage)} for a row-major {@code height × width} array. */
	public Corrections withDark(final int height, final int width, final float[] values) {
		return withDark(new DetectorImage(height, width, values));
	}

	/**
	 * These corrections with every frame multiplied by {@code gain} after the dark frame is subtracted ({@code null}:
	 * no gain map).
	 *
	 * @throws UdfException when a value is NaN or infinite
	 */
	public Corrections withGain(final DetectorImage gain) {
		requireFinite("gain map", gain);
		return new Corrections(dark, gain, excludedHeight, excludedWidth, excluded, neighbours, unrepairableAllowed);
	}

	/** As {@link #withGain(DetectorImage)} for a row-major {@code height × width} array. */
	public Corrections withGain(final int height, final int width, final float[] values) {
		return withGain(new DetectorImage(height, width, values));
	}

	/**
	 * These corrections with the listed pixels excluded (replacing any excluded before), given as coordinate arrays
	 * as LiberTEM's {@code coords}: pixel {@code i} is at row {@code ys[i]}, column {@code xs[i]} of a
	 * {@code height × width} detector. Repeats are allowed; an empty list excludes nothing.
	 *
	 * @throws UdfException when the arrays differ in length or a pixel lies outside {@code height × width}
	 */
	public Corrections withExcludedPixels(final int height, final int width, final int[] ys, final int[] xs) {
		requireShape("excluded pixels", height, width);
		if (ys.length != xs.length)
			throw UdfException.badParameter("corrections", "excluded pixels", "as many ys as xs",
					ys.length + " ys and " + xs.length + " xs");
		final int[] flat = new int[ys.length];
		for (int i = 0; i < ys.length; i++) {
			if (ys[i] < 0 || ys[i] >= height || xs[i] < 0 || xs[i] >= width)
				throw UdfException.badParameter("corrections", "excluded pixels[" + i + "]", "(y, x) inside [" + height
						+ ", " + width + "]", "(" + ys[i] + ", " + xs[i] + ")");
			flat[i] = ys[i] * width + xs[i];
		}
		return new Corrections(dark, gain, height, width, Arrays.stream(flat).sorted().distinct().toArray(), neighbours,
				unrepairableAllowed);
	}

	/**
	 * These corrections with the pixels where {@code mask} is non-zero (or NaN) excluded, replacing any excluded
	 * before; e.g. a boolean {@code .npy} mask or a TIFF with 1 at hot pixels.
	 */
	public Corrections withExcludedMask(final DetectorImage mask) {
		final float[] v = mask.array();
		int n = 0;
		final int[] flat = new int[v.length];
		for (int i = 0; i < v.length; i++)
			if (v[i] != 0)
				flat[n++] = i;
		return new Corrections(dark, gain, mask.height(), mask.width(), Arrays.copyOf(flat, n), neighbours,
				unrepairableAllowed);
	}

	/** As {@link #withExcludedMask(DetectorImage)} for a row-major boolean mask, true where excluded. */
	public Corrections withExcludedMask(final int height, final int width, final boolean[] mask) {
		requireShape("excluded mask", height, width);
		if (mask.length != (long) height * width)
			throw UdfException.badParameter("corrections", "excluded mask", (long) height * width + " values for shape ["
					+ height + ", " + width + "]", mask.length + " values");
		final float[] v = new float[mask.length];
		for (int i = 0; i < v.length; i++)
			v[i] = mask[i] ? 1 : 0;
		return withExcludedMask(new DetectorImage(height, width, v));
	}

	/**
	 * These corrections patching excluded pixels from their 8 surrounding pixels (the default, as LiberTEM) or only
	 * the 4 sharing an edge.
	 *
	 * @throws UdfException when {@code n} is neither 4 nor 8
	 */
	public Corrections withNeighbours(final int n) {
		if (n != 4 && n != 8)
			throw UdfException.badParameter("corrections", "neighbours", "4 or 8", n);
		return new Corrections(dark, gain, excludedHeight, excludedWidth, excluded, n, unrepairableAllowed);
	}

	/**
	 * These corrections leaving an excluded pixel without valid neighbours at its dark- and gain-corrected value
	 * ({@code true}) instead of failing the job ({@code false}, the default).
	 */
	public Corrections withUnrepairableAllowed(final boolean allowed) {
		return new Corrections(dark, gain, excludedHeight, excludedWidth, excluded, neighbours, allowed);
	}

	/** The dark frame, or {@code null}. */
	public DetectorImage dark() {
		return dark;
	}

	/** The gain map, or {@code null}. */
	public DetectorImage gain() {
		return gain;
	}

	/** Number of excluded pixels. */
	public int excludedCount() {
		return excluded.length;
	}

	/** The excluded pixels as {@code [ys, xs]}, sorted row-major. */
	public int[][] excludedPixels() {
		final int[][] yx = new int[2][excluded.length];
		for (int i = 0; i < excluded.length; i++) {
			yx[0][i] = excluded[i] / excludedWidth;
			yx[1][i] = excluded[i] % excludedWidth;
		}
		return yx;
	}

	/** 4 or 8: which neighbours patch an excluded pixel. */
	public int neighbours() {
		return neighbours;
	}

	/** Whether an excluded pixel without valid neighbours is left unpatched instead of failing. */
	public boolean unrepairableAllowed() {
		return unrepairableAllowed;
	}

	/** True when these corrections change nothing. */
	public boolean isEmpty() {
		return dark == null && gain == null && excluded.length == 0;
	}

	/**
	 * Checks these corrections against a detector of {@code meta}'s frame shape.
	 *
	 * @throws UdfException naming the correction, the detector's shape and the one found, or an excluded pixel
	 *                      without valid neighbours
	 */
	public void check(final DatasetMeta meta) {
		corrector(meta.sigHeight(), meta.sigWidth());
	}

	/**
	 * The checked corrections compiled for {@code height × width} frames.
	 *
	 * @throws UdfException as {@link #check}
	 */
	public TileCorrector corrector(final int height, final int width) {
		requireDetectorShape("dark frame", dark, height, width);
		requireDetectorShape("gain map", gain, height, width);
		// a given mask or list is checked even when it excludes nothing: its shape still says which detector it is for
		if (excludedHeight > 0 && (excludedHeight != height || excludedWidth != width))
			throw shapeMismatch("excluded pixels", height, width, "[" + excludedHeight + ", " + excludedWidth + "]");
		return new TileCorrector(height, width, dark == null ? null : dark.array(), gain == null ? null : gain.array(),
				excluded, neighbours, unrepairableAllowed);
	}

	private static void requireDetectorShape(final String what, final DetectorImage image, final int height,
			final int width) {
		if (image != null && (image.height() != height || image.width() != width))
			throw shapeMismatch(what, height, width, image.shapeString());
	}

	private static UdfException shapeMismatch(final String what, final int height, final int width, final String found) {
		return UdfException.badParameter("corrections", what + " shape", "[" + height + ", " + width
				+ "] (the detector's [height, width])", found);
	}

	private static void requireShape(final String what, final int height, final int width) {
		if (height < 1 || width < 1)
			throw UdfException.badParameter("corrections", what + " shape", "positive height and width",
					"[" + height + ", " + width + "]");
	}

	private static void requireFinite(final String what, final DetectorImage image) {
		if (image == null)
			return;
		final float[] v = image.array();
		for (int i = 0; i < v.length; i++)
			if (!Float.isFinite(v[i]))
				throw UdfException.badParameter("corrections", what, "finite values", v[i] + " at (y, x) = ("
						+ i / image.width() + ", " + i % image.width() + ")");
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof Corrections c && Objects.equals(dark, c.dark) && Objects.equals(gain, c.gain)
				&& excludedHeight == c.excludedHeight && excludedWidth == c.excludedWidth
				&& Arrays.equals(excluded, c.excluded) && neighbours == c.neighbours
				&& unrepairableAllowed == c.unrepairableAllowed;
	}

	@Override
	public int hashCode() {
		return Objects.hash(dark, gain, excludedHeight, excludedWidth, Arrays.hashCode(excluded), neighbours,
				unrepairableAllowed);
	}

	@Override
	public String toString() {
		if (isEmpty())
			return "no corrections";
		final StringBuilder b = new StringBuilder("corrections:");
		if (dark != null)
			b.append(" dark ").append(dark.shapeString());
		if (gain != null)
			b.append(" gain ").append(gain.shapeString());
		if (excluded.length > 0)
			b.append(' ').append(excluded.length).append(" excluded pixels (").append(neighbours).append("-neighbour mean)");
		return b.toString();
	}
}
