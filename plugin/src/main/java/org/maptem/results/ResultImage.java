package org.maptem.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.maptem.dataset.Calibration;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.LayoutException;
import org.maptem.img.ResultImgs;
import org.maptem.udf.BufferKind;
import org.maptem.udf.ResultBuffer;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.LongType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Util;
import net.imglib2.view.Views;

/**
 * A UDF result as an ImgLib2 image with the dataset's calibration on its axes: what the result writers save.
 *
 * <p>Axis order is ImgLib2's, fastest first: the buffer's NumPy shape reversed. The first {@link #extraAxes()}
 * dimensions are the buffer's extra shape (index axes, e.g. the mask number of a virtual detector); the rest are
 * the <em>image axes</em>: scan {@code x, y(, z)} for NAV buffers (step and unit from the scan calibration), detector
 * {@code kx, ky} for SIG buffers (detector pixel size and unit), and index axes for SINGLE buffers (which have no
 * extra axes: their whole shape is the image). The image shares the buffer's memory when made by {@link #of}.
 * Immutable apart from the pixels; not thread-safe while the pixels change.
 */
public final class ResultImage {

	private final String name;
	private final BufferKind kind;
	private final RandomAccessibleInterval<? extends RealType<?>> image;
	private final List<Axis> axes;
	private final int extraAxes;

	/**
	 * @param name      the buffer's name, e.g. {@code "intensity"}
	 * @param kind      what the buffer is indexed by
	 * @param image     the values, ImgLib2 axis order
	 * @param axes      one per image dimension, same order
	 * @param extraAxes how many leading dimensions are the buffer's extra shape
	 * @throws LayoutException when the axes do not match the image's dimensions
	 */
	public ResultImage(final String name, final BufferKind kind, final RandomAccessibleInterval<? extends RealType<?>> image,
			final List<Axis> axes, final int extraAxes) {
		this.name = name;
		this.kind = kind;
		this.image = image;
		this.axes = List.copyOf(axes);
		this.extraAxes = extraAxes;
		if (axes.size() != image.numDimensions() || extraAxes < 0 || extraAxes >= Math.max(1, axes.size()))
			throw new LayoutException("result '" + name + "': expected one axis per dimension of a "
					+ image.numDimensions() + "-dimensional image and fewer extra axes than axes, found " + axes.size()
					+ " axes, " + extraAxes + " extra");
	}

	/**
	 * Wraps {@code buffer} (without copying) with the axes and calibration of {@code meta}'s dataset.
	 */
	@SuppressWarnings("unchecked")
	public static ResultImage of(final ResultBuffer buffer, final DatasetMeta meta) {
		final RandomAccessibleInterval<? extends RealType<?>> img = (RandomAccessibleInterval<? extends RealType<?>>) ResultImgs
				.wrap(buffer);
		final BufferKind kind = buffer.spec().kind();
		final int[] extra = buffer.spec().extraShape();
		final List<Axis> axes = new ArrayList<>();
		if (kind == BufferKind.SINGLE) {
			final int n = img.numDimensions();
			for (int d = 0; d < n; d++)
				axes.add(Axis.index(n == 1 ? "index" : "index" + (n - 1 - d)));
			return new ResultImage(buffer.name(), kind, img, axes, 0);
		}
		for (int d = 0; d < extra.length; d++)
			axes.add(Axis.index(extra.length == 1 ? "k" : "k" + (extra.length - 1 - d)));
		final Calibration c = meta.calibration();
		if (kind == BufferKind.NAV) {
			final long[] nav = meta.navShape();
			final String[] names = { "x", "y", "z" };
			for (int d = 0; d < nav.length; d++)
				axes.add(calibrated(names[d], c.scanStep(nav.length - 1 - d), c.scanUnit()));
		} else {
			final double[] px = c.detectorPixel();
			axes.add(calibrated("kx", px[1], c.detectorUnit()));
			axes.add(calibrated("ky", px[0], c.detectorUnit()));
		}
		return new ResultImage(buffer.name(), kind, img, axes, extra.length);
	}

	/** An axis of {@code step} in {@code unit}, or of 1 pixel when the step is unknown (not a positive number). */
	private static Axis calibrated(final String name, final double step, final String unit) {
		return step > 0 && Double.isFinite(step) ? new Axis(name, step, unit) : new Axis(name, 1, "px");
	}

	/** The buffer's name. */
	public String name() {
		return name;
	}

	/** What the buffer was indexed by: scan positions, detector pixels, or neither. */
	public BufferKind kind() {
		return kind;
	}

	/** The values, ImgLib2 axis order (fastest first). */
	public RandomAccessibleInterval<? extends RealType<?>> image() {
		return image;
	}

	/** One axis per dimension of {@link #image()}, same order. */
	public List<Axis> axes() {
		return axes;
	}

	/** Number of leading dimensions that are the buffer's extra shape (index axes). */
	public int extraAxes() {
		return extraAxes;
	}

	/** Dimensions in ImgLib2 order. */
	public long[] dimensions() {
		return image.dimensionsAsLongArray();
	}

	/** Shape in NumPy order (slowest first): the reversed dimensions. */
	public long[] shape() {
		final long[] d = dimensions();
		final long[] s = new long[d.length];
		for (int i = 0; i < d.length; i++)
			s[i] = d[d.length - 1 - i];
		return s;
	}

	/** Number of values. */
	public long size() {
		long n = 1;
		for (final long d : dimensions())
			n *= d;
		return n;
	}

	/** The element type's NumPy/N5 name: {@code float32}, {@code float64} or {@code int64}. */
	public String dtype() {
		final Object t = Util.getTypeFromInterval(image);
		if (t instanceof FloatType)
			return "float32";
		if (t instanceof LongType)
			return "int64";
		return "float64";
	}

	/**
	 * Every value as a double, in NumPy C order (the last NumPy axis, i.e. ImgLib2's first, fastest).
	 *
	 * @throws LayoutException when the image holds more values than one Java array can
	 */
	public double[] values() {
		final long n = size();
		if (n > Integer.MAX_VALUE - 8)
			throw new LayoutException("result '" + name + "' of shape " + Arrays.toString(shape()) + " has " + n
					+ " values, more than one array holds");
		final double[] out = new double[(int) n];
		final Cursor<? extends RealType<?>> c = Views.flatIterable(image).cursor();
		for (int i = 0; i < out.length; i++)
			out[i] = c.next().getRealDouble();
		return out;
	}

	@Override
	public String toString() {
		return name + " (" + kind + ", " + dtype() + ", shape " + Arrays.toString(shape()) + ")";
	}
}
