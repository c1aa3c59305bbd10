package org.maptem.udf.corrections;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.maptem.dataset.Dataset;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Tile;
import org.maptem.formats.npy.NpyDataset;
import org.maptem.frames.FrameSource;
import org.maptem.n5.N5Dataset;

/**
 * Loads dark frames, gain maps and excluded-pixel masks from files: NumPy {@code .npy}, N5 datasets and TIFF.
 *
 * <p>The file holds one 2D image {@code [height, width]} (NumPy order; a leading axis of length 1 is accepted) of any
 * element type MapTEM reads, converted to float32: {@code .npy} of {@code u1 i1 b1 u2 i2 u4 i4 f4 f8} in C or
 * Fortran order; an N5 dataset of dimensions {@code [width, height]} (or {@code [width, height, 1]}), any chunking
 * and compression the n5 library reads; a TIFF as {@link #readTiff} describes (read by MapTEM's own small reader, no
 * extra library). {@link #read} picks the format from the file's first bytes (a directory is N5).
 *
 * <p>Bad files raise {@link LayoutException} naming the file and the byte offset or field.
 */
public final class DetectorImages {

	private static final byte[] NPY_MAGIC = { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y' };

	private DetectorImages() {
	}

	/**
	 * Reads an image from an {@code .npy} file, a TIFF file, or an N5 dataset directory (or a container holding a
	 * single dataset).
	 *
	 * @throws LayoutException when the file is none of these, or is bad
	 */
	public static DetectorImage read(final Path path) {
		if (Files.isDirectory(path))
			return readN5(path);
		final byte[] head = head(path);
		if (startsWith(head, NPY_MAGIC))
			return readNpy(path);
		if (head.length >= 4 && ((head[0] == 'I' && head[1] == 'I') || (head[0] == 'M' && head[1] == 'M')))
			return readTiff(path);
		final StringBuilder hex = new StringBuilder("0x");
		for (final byte b : head)
			hex.append(String.format("%02x", b & 0xFF));
		throw LayoutException.badBytes(path, 0, "an .npy file (\\x93NUMPY), a TIFF file (II or MM) or an N5 dataset "
				+ "directory", head.length == 0 ? "an empty file" : hex.toString());
	}

	/**
	 * Reads a 2D NumPy array (or one of shape {@code (1, height, width)}).
	 *
	 * @throws LayoutException when the header is bad or the array holds more than one image
	 */
	public static DetectorImage readNpy(final Path file) {
		try (NpyDataset d = NpyDataset.open(file, OpenOptions.DEFAULTS)) {
			return single(d, file, "shape", Arrays.toString(d.header().shape()));
		}
	}

	/**
	 * Reads a 2D N5 dataset: {@code dir} is the dataset directory, or a container holding only that dataset.
	 *
	 * @throws LayoutException when the attributes or blocks are bad or the dataset holds more than one image
	 */
	public static DetectorImage readN5(final Path dir) {
		try (N5Dataset d = N5Dataset.open(N5Dataset.locate(dir), OpenOptions.DEFAULTS)) {
			return single(d, d.attributes().file(), "dimensions", Arrays.toString(d.attributes().dimensions()));
		}
	}

	/**
	 * Reads a baseline TIFF: one uncompressed grayscale image in strips, 8, 16 or 32-bit unsigned or signed integers
	 * or 32 or 64-bit floats, either byte order. Tiled, compressed, multi-image, colour and BigTIFF files are refused.
	 *
	 * @throws LayoutException naming the file and the byte offset or tag of the first problem
	 */
	public static DetectorImage readTiff(final Path file) {
		return TiffReader.read(file);
	}

	private static DetectorImage single(final Dataset d, final Path file, final String field, final String shape) {
		final DatasetMeta m = d.meta();
		if (m.frameCount() != 1)
			throw LayoutException.badField(file, field, "one 2D detector image", shape + " (" + m.frameCount() + " images)");
		final float[] v = new float[m.framePixels()];
		final Partition p = d.partitions().get(0);
		try (FrameSource s = d.open(p)) {
			s.read(new Tile(0, 1, 0, m.sigHeight(), m.sigWidth()), v);
		}
		return new DetectorImage(m.sigHeight(), m.sigWidth(), v);
	}

	private static byte[] head(final Path file) {
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			final ByteBuffer b = ByteBuffer.allocate((int) Math.min(8, ch.size()));
			while (b.hasRemaining())
				if (ch.read(b) < 0)
					break;
			return Arrays.copyOf(b.array(), b.position());
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot read: " + e, e);
		}
	}

	private static boolean startsWith(final byte[] head, final byte[] magic) {
		if (head.length < magic.length)
			return false;
		for (int i = 0; i < magic.length; i++)
			if (head[i] != magic[i])
				return false;
		return true;
	}
}
