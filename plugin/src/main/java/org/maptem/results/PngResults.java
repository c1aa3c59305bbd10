package org.maptem.results;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.maptem.dataset.LayoutException;

/**
 * Saves results as 8-bit greyscale PNGs for a quick look: values mapped linearly from the result's finite minimum
 * (0) to its maximum (255); NaN (positions outside the ROI) is 0. Several planes (extra axes, 3D scans) are placed
 * side by side, left to right in plane order. Uses {@link ImageIO} on an off-screen image: headless-safe.
 */
final class PngResults {

	private PngResults() {
	}

	/** The grey levels of {@code r}, row-major, {@code planes.count() · width} wide. */
	static byte[] greyLevels(final ResultImage r, final Planes p) {
		final double[] v = r.values();
		final double[] range = Planes.finiteRange(v);
		final double scale = range[1] > range[0] ? 255 / (range[1] - range[0]) : 0;
		final int stripWidth = p.width() * p.count();
		final byte[] grey = new byte[stripWidth * p.height()];
		final float[] plane = new float[p.width() * p.height()];
		for (int k = 0; k < p.count(); k++) {
			p.copy(v, k, plane);
			for (int y = 0; y < p.height(); y++)
				for (int x = 0; x < p.width(); x++) {
					final double value = plane[y * p.width() + x];
					final long g = Double.isFinite(value) ? Math.round((value - range[0]) * scale) : 0;
					grey[y * stripWidth + k * p.width() + x] = (byte) Math.max(0, Math.min(255, g));
				}
		}
		return grey;
	}

	/** Writes {@code r} to {@code file} (which need not end in .png). */
	static void write(final ResultImage r, final Path file) throws IOException {
		final Planes p = Planes.of(r);
		if ((long) p.width() * p.count() > Integer.MAX_VALUE / Math.max(1, p.height()))
			throw new LayoutException(file + ": result '" + r.name() + "' is too large for one PNG");
		final int w = p.width() * p.count();
		final BufferedImage img = new BufferedImage(w, p.height(), BufferedImage.TYPE_BYTE_GRAY);
		final WritableRaster raster = img.getRaster();
		raster.setDataElements(0, 0, w, p.height(), greyLevels(r, p));
		if (!ImageIO.write(img, "png", file.toFile()))
			throw new LayoutException(file + ": no PNG writer in this Java runtime");
	}
}
