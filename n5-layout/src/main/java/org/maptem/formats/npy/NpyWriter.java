package org.maptem.formats.npy;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;

/**
 * Writes NumPy {@code .npy} files: C order, little-endian, format version 1.0, or 2.0 when the header does not fit
 * version 1.0's 16-bit length. The header is padded with spaces so the data starts at a multiple of 64 bytes, as
 * NumPy does.
 *
 * <p>Use the static {@code write} methods for arrays in memory, or {@link #create} and {@code append} to stream
 * values in C order through a bounded buffer; {@link #close()} checks that exactly the shape's element count was
 * written. An instance is for one thread.
 *
 * <pre>{@code
 * NpyWriter.write(Path.of("sum.npy"), new long[] { 256, 256 }, sumImage);      // float32
 * try (NpyWriter w = NpyWriter.create(Path.of("frames.npy"), DType.UINT16, 10, 128, 128)) {
 *     w.append(values, 0, values.length);                                         // rounded, clamped
 * }
 * }</pre>
 */
public final class NpyWriter implements Closeable {

	private static final int BUFFER_BYTES = 1 << 20;

	private final Path file;
	private final FileChannel channel;
	private final DType dtype;
	private final long expected;
	private final ByteBuffer buffer;
	private long written;

	private NpyWriter(final Path file, final DType dtype, final long[] shape) {
		this.file = file;
		this.dtype = dtype;
		final byte[] header = header(dtype, shape);
		long n = 1;
		for (final long d : shape)
			n = Math.multiplyExact(n, d);
		this.expected = n;
		this.buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
		try {
			this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING);
			writeAll(ByteBuffer.wrap(header));
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot write: " + e, e);
		}
	}

	/**
	 * Creates {@code file} (replacing it) for an array of {@code dtype} and {@code shape}; values follow through
	 * {@code append} in C order.
	 *
	 * @throws LayoutException when the file cannot be written or {@code dtype} has no NumPy equivalent
	 */
	public static NpyWriter create(final Path file, final DType dtype, final long... shape) {
		return new NpyWriter(file, dtype, shape);
	}

	/**
	 * The preamble and header of an {@code .npy} file for a C-order little-endian array: magic, version, header
	 * length, the dict literal, space padding and a newline, {@code 64 × k} bytes in all.
	 */
	public static byte[] header(final DType dtype, final long[] shape) {
		final StringBuilder s = new StringBuilder("{'descr': '").append(NpyHeader.descrOf(dtype))
				.append("', 'fortran_order': False, 'shape': (");
		for (int i = 0; i < shape.length; i++) {
			if (shape[i] < 0)
				throw new LayoutException(".npy shape " + Arrays.toString(shape) + ": axis " + i + " is negative");
			s.append(i == 0 ? "" : ", ").append(shape[i]);
		}
		s.append(shape.length == 1 ? ",), }" : "), }");
		int prefix = 10;
		int total = roundUp(prefix + s.length() + 1, 64);
		if (total - prefix > 0xFFFF) {
			prefix = 12;
			total = roundUp(prefix + s.length() + 1, 64);
		}
		final ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
		b.put(NpyHeader.MAGIC);
		b.put((byte) (prefix == 10 ? 1 : 2)).put((byte) 0);
		if (prefix == 10)
			b.putShort((short) (total - prefix));
		else
			b.putInt(total - prefix);
		b.put(s.toString().getBytes(StandardCharsets.ISO_8859_1));
		while (b.position() < total - 1)
			b.put((byte) ' ');
		b.put((byte) '\n');
		return b.array();
	}

	private static int roundUp(final int n, final int m) {
		return (n + m - 1) / m * m;
	}

	/** Writes a float32 array. */
	public static void write(final Path file, final long[] shape, final float[] data) {
		try (NpyWriter w = create(file, DType.FLOAT32, shape)) {
			w.append(data, 0, data.length);
		}
	}

	/** Writes a float64 array. */
	public static void write(final Path file, final long[] shape, final double[] data) {
		try (NpyWriter w = create(file, DType.FLOAT64, shape)) {
			w.append(data, 0, data.length);
		}
	}

	/** Writes bytes as {@code dtype} {@link DType#UINT8} or {@link DType#INT8}, bit for bit. */
	public static void write(final Path file, final DType dtype, final long[] shape, final byte[] data) {
		requireWidth(dtype, 1);
		try (NpyWriter w = create(file, dtype, shape)) {
			for (int off = 0; off < data.length; off += BUFFER_BYTES) {
				final int n = Math.min(BUFFER_BYTES, data.length - off);
				w.buffer.put(data, off, n);
				w.flushBuffer(n);
			}
		}
	}

	/** Writes shorts as {@code dtype} {@link DType#UINT16} or {@link DType#INT16}, bit for bit. */
	public static void write(final Path file, final DType dtype, final long[] shape, final short[] data) {
		requireWidth(dtype, 2);
		try (NpyWriter w = create(file, dtype, shape)) {
			for (int off = 0; off < data.length; off += BUFFER_BYTES / 2) {
				final int n = Math.min(BUFFER_BYTES / 2, data.length - off);
				w.buffer.asShortBuffer().put(data, off, n);
				w.buffer.position(2 * n);
				w.flushBuffer(n);
			}
		}
	}

	/** Writes ints as {@code dtype} {@link DType#UINT32} or {@link DType#INT32}, bit for bit. */
	public static void write(final Path file, final DType dtype, final long[] shape, final int[] data) {
		requireWidth(dtype, 4);
		try (NpyWriter w = create(file, dtype, shape)) {
			for (int off = 0; off < data.length; off += BUFFER_BYTES / 4) {
				final int n = Math.min(BUFFER_BYTES / 4, data.length - off);
				w.buffer.asIntBuffer().put(data, off, n);
				w.buffer.position(4 * n);
				w.flushBuffer(n);
			}
		}
	}

	private static void requireWidth(final DType dtype, final int bytes) {
		if (dtype.bytes() != bytes || dtype.isFloating())
			throw new LayoutException("integer data of " + bytes + "-byte elements cannot be written as " + dtype.n5Name()
					+ "; use float[] or double[] for floating types");
	}

	/**
	 * Appends {@code len} values in C order, converted to this file's dtype: integer types round to nearest and clamp
	 * to their range (NaN becomes 0).
	 */
	public void append(final double[] values, final int off, final int len) {
		final int per = BUFFER_BYTES / 8;
		for (int start = 0; start < len; start += per) {
			final int n = Math.min(per, len - start);
			for (int i = 0; i < n; i++)
				put(values[off + start + i]);
			flushBuffer(n);
		}
	}

	/** As {@link #append(double[], int, int)} for floats. */
	public void append(final float[] values, final int off, final int len) {
		final int per = BUFFER_BYTES / 8;
		for (int start = 0; start < len; start += per) {
			final int n = Math.min(per, len - start);
			if (dtype == DType.FLOAT32) {
				buffer.asFloatBuffer().put(values, off + start, n);
				buffer.position(4 * n);
			} else
				for (int i = 0; i < n; i++)
					put(values[off + start + i]);
			flushBuffer(n);
		}
	}

	private void put(final double v) {
		switch (dtype) {
		case FLOAT64 -> buffer.putDouble(v);
		case FLOAT32 -> buffer.putFloat((float) v);
		case UINT8 -> buffer.put((byte) clamp(v, 0, 0xFF));
		case INT8 -> buffer.put((byte) clamp(v, Byte.MIN_VALUE, Byte.MAX_VALUE));
		case UINT16 -> buffer.putShort((short) clamp(v, 0, 0xFFFF));
		case INT16 -> buffer.putShort((short) clamp(v, Short.MIN_VALUE, Short.MAX_VALUE));
		case UINT32 -> buffer.putInt((int) clamp(v, 0, 0xFFFFFFFFL));
		case INT32 -> buffer.putInt((int) clamp(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
		default -> throw new LayoutException("no .npy dtype for " + dtype.n5Name());
		}
	}

	private static long clamp(final double v, final long min, final long max) {
		if (Double.isNaN(v))
			return 0;
		return (long) Math.max(min, Math.min(max, Math.rint(v)));
	}

	private void flushBuffer(final long elements) {
		if (written + elements > expected) {
			buffer.clear();
			throw new LayoutException(file + ": more values than the shape holds: " + expected + " expected, "
					+ (written + elements) + " given");
		}
		buffer.flip();
		try {
			writeAll(buffer);
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot write: " + e, e);
		}
		buffer.clear();
		written += elements;
	}

	private void writeAll(final ByteBuffer b) throws IOException {
		while (b.hasRemaining())
			channel.write(b);
	}

	/**
	 * Closes the file.
	 *
	 * @throws LayoutException when fewer values were written than the shape holds (the file is deleted)
	 */
	@Override
	public void close() {
		try {
			channel.close();
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot finish writing: " + e, e);
		}
		if (written != expected) {
			try {
				Files.deleteIfExists(file);
			} catch (final IOException e) {
				// the message below says the file is incomplete either way
			}
			throw new LayoutException(file + ": " + written + " values written, the shape needs " + expected
					+ "; the incomplete file was deleted");
		}
	}
}
