package org.maptem.results;

import java.nio.file.Path;

import org.maptem.dataset.LayoutException;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.FloatProcessor;

/**
 * Saves results as 32-bit float TIFFs through ImageJ 1, with the image axes' calibration (pixel width, height and
 * depth, units), so Fiji opens them at their physical scale.
 *
 * <p>The first image axis is the TIFF's x, the second its y (height 1 for one-dimensional results). The extra
 * axes become channels (fastest) and any third image axis (a 3D scan) slices, ImageJ's hyperstack order. Never opens
 * a window: safe with {@code java.awt.headless=true}.
 */
final class TiffResults {

	private TiffResults() {
	}

	/** The result as an ImageJ 1 image: float planes, calibration, title the buffer's name, info {@code info}. */
	static ImagePlus toImagePlus(final ResultImage r, final String info) {
		final Planes p = Planes.of(r);
		final double[] v = r.values();
		final ImageStack stack = new ImageStack(p.width(), p.height());
		for (int plane = 0; plane < p.count(); plane++) {
			final float[] pixels = new float[p.width() * p.height()];
			p.copy(v, plane, pixels);
			stack.addSlice(p.label(r.name(), plane), new FloatProcessor(p.width(), p.height(), pixels));
		}
		final ImagePlus imp = new ImagePlus(r.name(), stack);
		imp.setDimensions(p.channels(), p.slices(), 1);
		if (p.channels() > 1 && p.slices() > 1)
			imp.setOpenAsHyperStack(true);
		final Calibration cal = new Calibration();
		final Axis x = r.axes().get(r.extraAxes());
		cal.pixelWidth = x.step();
		cal.setXUnit(unit(x));
		if (r.axes().size() > r.extraAxes() + 1) {
			final Axis y = r.axes().get(r.extraAxes() + 1);
			cal.pixelHeight = y.step();
			cal.setYUnit(unit(y));
		}
		if (r.axes().size() > r.extraAxes() + 2) {
			final Axis z = r.axes().get(r.extraAxes() + 2);
			cal.pixelDepth = z.step();
			cal.setZUnit(unit(z));
		}
		imp.setCalibration(cal);
		imp.setProperty("Info", info);
		final double[] range = Planes.finiteRange(v);
		imp.getProcessor().setMinAndMax(range[0], range[1]);
		return imp;
	}

	/** Writes {@code r} to {@code file} (which need not end in .tif). */
	static void write(final ResultImage r, final String info, final Path file) {
		final ImagePlus imp = toImagePlus(r, info);
		final FileSaver saver = new FileSaver(imp);
		final boolean ok = imp.getStackSize() > 1 ? saver.saveAsTiffStack(file.toString()) : saver.saveAsTiff(file.toString());
		if (!ok)
			throw new LayoutException(file + ": ImageJ could not write the TIFF");
	}

	private static String unit(final Axis a) {
		// ImageJ's word for "no unit" is "pixel"
		return a.unit().isEmpty() || a.unit().equals("px") ? "pixel" : a.unit();
	}
}
