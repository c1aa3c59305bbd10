package org.maptem.n5;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;

import org.maptem.dataset.LayoutException;

/**
 * The header of an N5 block file, per the N5 specification: big-endian {@code uint16} mode (0 = default,
 * 1 = varlength), {@code uint16} number of dimensions, one {@code uint32} size per dimension (N5 order, fastest
 * first), and for mode 1 a {@code uint32} element count. Data follows, big-endian, compressed as the dataset says.
 *
 * <p>MapTEM reads this itself only on the hot raw path, where it maps the block and skips the header; everything
 * else goes through the n5 library.
 *
 * @param mode        0 (default) or 1 (varlength)
 * @param size        block size per dimension, N5 order
 * @param numElements element count (mode 1), otherwise the product of {@code size}
 */
public record BlockHeader(int mode, int[] size, long numElements) {

	public static final int MODE_DEFAULT = 0;
	public static final int MODE_VARLENGTH = 1;

	public BlockHeader {
		size = size.clone();
	}

	/** A mode-0 header for a block of {@code size} (N5 order). */
	public static BlockHeader of(final int... size) {
		long n = 1;
		for (final int s : size)
			n *= s;
		return new BlockHeader(MODE_DEFAULT, size, n);
	}

	@Override
	public int[] size() {
		return size.clone();
	}

	/** Header length in bytes: where the data starts. */
	public int length() {
		return 4 + 4 * size.length + (mode == MODE_VARLENGTH ? 4 : 0);
	}

	/** The header's bytes. */
	public byte[] toBytes() {
		final ByteBuffer b = ByteBuffer.allocate(length()).order(ByteOrder.BIG_ENDIAN);
		b.putShort((short) mode);
		b.putShort((short) size.length);
		for (final int s : size)
			b.putInt(s);
		if (mode == MODE_VARLENGTH)
			b.putInt((int) numElements);
		return b.array();
	}

	/**
	 * Parses a header from the start of {@code bytes} (position 0, at least {@code 4 + 4 * ndim (+ 4)} bytes),
	 * read from {@code file}.
	 *
	 * @throws LayoutException naming the file, the byte offset and field when the header is short or invalid
	 */
	public static BlockHeader parse(final ByteBuffer bytes, final Path file) {
		final ByteBuffer b = bytes.duplicate().order(ByteOrder.BIG_ENDIAN);
		b.position(0);
		if (b.remaining() < 4)
			throw LayoutException.badBytes(file, 0, "an N5 block header of at least 4 bytes", b.remaining() + " bytes");
		final int mode = b.getShort() & 0xFFFF;
		if (mode != MODE_DEFAULT && mode != MODE_VARLENGTH)
			throw LayoutException.badBytes(file, 0, "block mode 0 (default) or 1 (varlength)", "mode " + mode);
		final int ndim = b.getShort() & 0xFFFF;
		if (ndim < 1 || ndim > 32)
			throw LayoutException.badBytes(file, 2, "1 to 32 dimensions", ndim + " dimensions");
		final int need = 4 + 4 * ndim + (mode == MODE_VARLENGTH ? 4 : 0);
		if (b.limit() < need)
			throw LayoutException.badBytes(file, b.limit(), "a " + need + "-byte header", "end of file");
		final int[] size = new int[ndim];
		long n = 1;
		for (int i = 0; i < ndim; i++) {
			final long s = b.getInt() & 0xFFFFFFFFL;
			if (s < 1 || s > Integer.MAX_VALUE)
				throw LayoutException.badBytes(file, 4 + 4L * i, "a block size of 1 to 2^31-1 for dimension " + i, s);
			size[i] = (int) s;
			n *= s;
		}
		final long count = mode == MODE_VARLENGTH ? b.getInt() & 0xFFFFFFFFL : n;
		return new BlockHeader(mode, size, count);
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof BlockHeader h && h.mode == mode && Arrays.equals(h.size, size) && h.numElements == numElements;
	}

	@Override
	public int hashCode() {
		return 31 * (31 * mode + Arrays.hashCode(size)) + Long.hashCode(numElements);
	}

	@Override
	public String toString() {
		return "mode " + mode + ", size " + Arrays.toString(size) + (mode == MODE_VARLENGTH ? ", " + numElements + " elements" : "");
	}
}
