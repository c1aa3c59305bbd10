package org.maptem.roi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

import org.maptem.dataset.LayoutException;
import org.maptem.formats.npy.NpyHeader;
import org.maptem.frames.TileDecoder;
import org.maptem.udf.Roi;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;

/**
 * Reads a ROI (the scan positions a job processes) from a mask file: a NumPy {@code .npy} array or a TIFF image
 * whose shape is the dataset's nav shape; a nonzero value marks a position inside the ROI.
 *
 * <p>A {@code .npy} mask has exactly the nav shape in NumPy order (any numeric dtype including {@code |b1}, C or
 * Fortran order). A TIFF mask of a 2D scan {@code [ny, nx]} is {@code nx} pixels wide and {@code ny} high; a 1D
 * scan is one row; a 3D scan {@code [nz, ny, nx]} a stack of {@code nz} slices. TIFFs are read with ImageJ 1
 * without opening a window.
 */
public final class RoiFiles {

	private RoiFiles() {
	}

	/**
	 * The ROI in {@code file} for a dataset of nav shape {@code navShape} (NumPy order).
	 *
	 * @throws LayoutException naming the file when it cannot be read, its extension is neither .npy nor .tif/.tiff,
	 *                         its shape is not the nav shape, or it selects no position
	 */
	public static Roi read(final Path file, final long[] navShape) {
		if (!Files.isRegularFile(file))
			throw new LayoutException(file + ": no such ROI file");
		final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		final boolean[] mask;
		if (name.endsWith(".npy"))
			mask = npy(file, navShape);
		else if (name.endsWith(".tif") || name.endsWith(".tiff"))
			mask = tiff(file, navShape);
		else
			throw LayoutException.badField(file, "file extension", "a ROI mask in .npy or .tif/.tiff", "'" + name + "'");
		boolean any = false;
		for (final boolean b : mask)
			any |= b;
		if (!any)
			throw LayoutException.badField(file, "values", "at least one nonzero position (inside the ROI)",
					"only zeros in all " + mask.length);
		return Roi.of(navShape, mask);
	}

	private static boolean[] npy(final Path file, final long[] navShape) {
		final NpyHeader h = NpyHeader.read(file);
		if (!Arrays.equals(h.shape(), navShape))
			throw LayoutException.badField(file, "shape", "the dataset's nav shape " + Arrays.toString(navShape)
					+ " (NumPy order)", Arrays.toString(h.shape()));
		final int n = (int) h.elementCount();
		final float[] values = new float[n];
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			// the header check bounded the size: one value per scan position
			final ByteBuffer bytes = ByteBuffer.allocate((int) h.dataBytes()).order(h.byteOrder());
			while (bytes.hasRemaining())
				if (ch.read(bytes, h.dataOffset() + bytes.position()) < 0)
					throw new IOException("end of file at byte " + (h.dataOffset() + bytes.position()));
			new TileDecoder().decode(bytes, 0, n, h.dtype(), values, 0);
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot read the ROI mask: " + e, e);
		}
		final boolean[] mask = new boolean[n];
		final long[] shape = h.shape();
		for (int i = 0; i < n; i++)
			mask[h.fortranOrder() ? fortranIndex(i, shape) : i] = values[i] != 0;
		return mask;
	}

	/** The C-order flat index of the element stored {@code i}-th in Fortran order (first axis fastest). */
	private static int fortranIndex(final int i, final long[] shape) {
		long rest = i;
		long c = 0;
		long stride = 1;
		final long[] idx = new long[shape.length];
		for (int a = 0; a < shape.length; a++) {
			idx[a] = rest % shape[a];
			rest /= shape[a];
		}
		for (int a = shape.length - 1; a >= 0; a--) {
			c += idx[a] * stride;
			stride *= shape[a];
		}
		return (int) c;
	}

	private static boolean[] tiff(final Path file, final long[] navShape) {
		final ImagePlus imp = IJ.openImage(file.toString());
		if (imp == null)
			throw new LayoutException(file + ": ImageJ could not read this TIFF as a ROI mask");
		final long nx = navShape[navShape.length - 1];
		final long ny = navShape.length > 1 ? navShape[navShape.length - 2] : 1;
		final long nz = navShape.length > 2 ? navShape[0] : 1;
		if (imp.getWidth() != nx || imp.getHeight() != ny || imp.getStackSize() != nz)
			throw LayoutException.badField(file, "size", nx + " × " + ny + " pixels" + (nz > 1 ? " × " + nz + " slices" : "")
					+ " (the dataset's nav shape " + Arrays.toString(navShape) + ")", imp.getWidth() + " × " + imp.getHeight()
					+ " pixels" + (imp.getStackSize() > 1 ? " × " + imp.getStackSize() + " slices" : ""));
		final ImageStack stack = imp.getStack();
		final int plane = (int) (nx * ny);
		final boolean[] mask = new boolean[(int) (plane * nz)];
		for (int z = 0; z < nz; z++) {
			final ij.process.ImageProcessor ip = stack.getProcessor(z + 1);
			for (int i = 0; i < plane; i++)
				mask[z * plane + i] = ip.getf(i) != 0;
		}
		return mask;
	}
}
