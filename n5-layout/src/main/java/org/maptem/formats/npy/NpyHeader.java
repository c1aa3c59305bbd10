package org.maptem.formats.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;

/**
 * The validated header of a NumPy {@code .npy} file: format version, element type and byte order, memory order,
 * shape, and where the data starts.
 *
 * <p>{@link #read} checks everything a reader relies on before any data is touched: magic, version, header length
 * against the file size, the header dict's syntax and keys, the dtype, the shape, and the file size against the
 * shape. Every failure is a {@link LayoutException} naming the file and the byte offset or field.
 *
 * @param major        format major version: 1, 2 or 3
 * @param minor        format minor version: 0
 * @param descr        the dtype string as written, e.g. {@code "<u2"}
 * @param dtype        element type
 * @param littleEndian byte order of multi-byte elements (true for one-byte types)
 * @param fortranOrder true when the first axis varies fastest
 * @param shape        NumPy shape
 * @param dataOffset   byte offset of the first element
 */
public record NpyHeader(int major, int minor, String descr, DType dtype, boolean littleEndian, boolean fortranOrder,
		long[] shape, long dataOffset) {

	/** The six magic bytes every {@code .npy} file starts with. */
	static final byte[] MAGIC = { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y' };

	/** Longest header accepted; real ones are under a few kilobytes, and this bounds the allocation. */
	static final long MAX_HEADER_BYTES = 1L << 20;

	private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");
	private static final String KNOWN_DESCRS = "one of |u1 |i1 |b1 <u2 >u2 <i2 >i2 <u4 >u4 <i4 >i4 <f4 >f4 <f8 >f8";

	public NpyHeader {
		shape = shape.clone();
	}

	@Override
	public long[] shape() {
		return shape.clone();
	}

	/** Number of elements: the product of the shape. */
	public long elementCount() {
		long n = 1;
		for (final long d : shape)
			n = Math.multiplyExact(n, d);
		return n;
	}

	/** Bytes of the array data. */
	public long dataBytes() {
		return Math.multiplyExact(elementCount(), (long) dtype.bytes());
	}

	public ByteOrder byteOrder() {
		return littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
	}

	/** True when {@code head} starts with the {@code .npy} magic bytes. */
	static boolean hasMagic(final byte[] head) {
		return head.length >= MAGIC.length && Arrays.equals(head, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
	}

	/**
	 * Reads and validates the header of {@code file}, including the file size against the shape.
	 *
	 * @throws LayoutException naming the file and the offset or field of the first problem
	 */
	public static NpyHeader read(final Path file) {
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			final long size = ch.size();
			final ByteBuffer pre = ByteBuffer.allocate((int) Math.min(12, size)).order(ByteOrder.LITTLE_ENDIAN);
			readFully(ch, pre, 0);
			final byte[] p = pre.array();
			if (!hasMagic(p))
				throw LayoutException.badBytes(file, 0, "the .npy magic 93 4E 55 4D 50 59 (\\x93NUMPY)", hex(p, 6));
			if (size < 10)
				throw LayoutException.badBytes(file, size, "a 10-byte .npy preamble", "end of file (file is " + size + " bytes)");
			final int major = p[6] & 0xFF;
			final int minor = p[7] & 0xFF;
			if (major < 1 || major > 3 || minor != 0)
				throw LayoutException.badBytes(file, 6, ".npy format version 1.0, 2.0 or 3.0", major + "." + minor);
			final int prefix = major == 1 ? 10 : 12;
			if (size < prefix)
				throw LayoutException.badBytes(file, size, "a " + prefix + "-byte .npy " + major + ".0 preamble",
						"end of file (file is " + size + " bytes)");
			final long headerLen = major == 1 ? pre.getShort(8) & 0xFFFF : pre.getInt(8) & 0xFFFFFFFFL;
			final long maxLen = Math.min(size - prefix, MAX_HEADER_BYTES);
			if (headerLen > maxLen)
				throw LayoutException.badBytes(file, 8, "a header length of at most " + maxLen + " bytes ("
						+ (maxLen < MAX_HEADER_BYTES ? "the rest of the file" : "a sane header") + ")", headerLen + " bytes");
			final ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
			readFully(ch, hb, prefix);
			final Charset cs = major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
			final NpyHeader h = parse(file, new String(hb.array(), cs), cs, major, minor, prefix + headerLen);
			final long expected;
			try {
				expected = Math.addExact(h.dataOffset, h.dataBytes());
			} catch (final ArithmeticException e) {
				throw LayoutException.badField(file, "shape", "an array smaller than 2^63 bytes", Arrays.toString(h.shape));
			}
			if (size != expected)
				throw LayoutException.badField(file, "file size", expected + " bytes (" + h.dataOffset + " header + shape "
						+ Arrays.toString(h.shape) + " × " + h.dtype.bytes() + " bytes of " + h.descr + ")", size + " bytes");
			return h;
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot read the .npy header: " + e, e);
		}
	}

	private static NpyHeader parse(final Path file, final String text, final Charset cs, final int major, final int minor,
			final long dataOffset) {
		final int prefix = major == 1 ? 10 : 12;
		final Object literal;
		try {
			literal = PyLiteral.parse(text);
		} catch (final PyLiteral.Failure f) {
			final long offset = prefix + text.substring(0, f.position).getBytes(cs).length;
			throw LayoutException.badBytes(file, offset, "a Python dict literal with 'descr', 'fortran_order' and "
					+ "'shape': " + f.expected, f.found);
		}
		if (!(literal instanceof Map<?, ?> dict))
			throw LayoutException.badBytes(file, prefix, "a Python dict literal", abbreviate(text));
		if (!dict.keySet().equals(KEYS))
			throw LayoutException.badField(file, "header keys", "exactly 'descr', 'fortran_order', 'shape'", dict.keySet());
		if (!(dict.get("descr") instanceof String descr))
			throw LayoutException.badField(file, "descr", "a simple dtype string (" + KNOWN_DESCRS + ")", dict.get("descr"));
		if (!(dict.get("fortran_order") instanceof Boolean fortran))
			throw LayoutException.badField(file, "fortran_order", "True or False", dict.get("fortran_order"));
		final long[] shape = shape(file, dict.get("shape"));
		final DType dtype = dtypeOf(file, descr);
		final boolean little = dtype.bytes() == 1 || descr.charAt(0) == '<';
		return new NpyHeader(major, minor, descr, dtype, little, fortran, shape, dataOffset);
	}

	private static long[] shape(final Path file, final Object value) {
		if (!(value instanceof List<?> list))
			throw LayoutException.badField(file, "shape", "a tuple of integers", value);
		if (list.size() < 2 || list.size() > 5)
			throw LayoutException.badField(file, "shape", "2 to 5 axes ([scan axes ...,] height, width)", list);
		final long[] shape = new long[list.size()];
		for (int i = 0; i < shape.length; i++) {
			if (!(list.get(i) instanceof Long n) || n < 1)
				throw LayoutException.badField(file, "shape[" + i + "]", "a positive integer", list.get(i));
			shape[i] = n;
		}
		return shape;
	}

	/** The element type of a NumPy descr; both byte orders, '|' for one-byte types. */
	static DType dtypeOf(final Path file, final String descr) {
		if (descr.length() >= 3 && "<>|".indexOf(descr.charAt(0)) >= 0) {
			final String code = descr.substring(1);
			final char order = descr.charAt(0);
			final DType t = switch (code) {
			case "u1", "b1" -> DType.UINT8;
			case "i1" -> DType.INT8;
			case "u2" -> DType.UINT16;
			case "i2" -> DType.INT16;
			case "u4" -> DType.UINT32;
			case "i4" -> DType.INT32;
			case "f4" -> DType.FLOAT32;
			case "f8" -> DType.FLOAT64;
			default -> null;
			};
			// '|' (not applicable) is only right for one-byte types; numpy never writes it for wider ones
			if (t != null && (t.bytes() == 1 || order != '|'))
				return t;
		}
		throw LayoutException.badField(file, "descr", KNOWN_DESCRS, "'" + descr + "'");
	}

	/** The descr NumPy writes for little-endian {@code dtype}. */
	static String descrOf(final DType dtype) {
		return switch (dtype) {
		case UINT8 -> "|u1";
		case INT8 -> "|i1";
		case UINT16 -> "<u2";
		case INT16 -> "<i2";
		case UINT32 -> "<u4";
		case INT32 -> "<i4";
		case FLOAT32 -> "<f4";
		case FLOAT64 -> "<f8";
		default -> throw new LayoutException("no .npy dtype for " + dtype.n5Name());
		};
	}

	private static void readFully(final FileChannel ch, final ByteBuffer b, final long position) throws IOException {
		long p = position;
		while (b.hasRemaining()) {
			final int n = ch.read(b, p);
			if (n < 0)
				break;
			p += n;
		}
		b.flip();
	}

	private static String hex(final byte[] b, final int n) {
		final StringBuilder s = new StringBuilder();
		for (int i = 0; i < Math.min(n, b.length); i++)
			s.append(i == 0 ? "" : " ").append(String.format("%02X", b[i] & 0xFF));
		return s.length() == 0 ? "an empty file" : s.toString();
	}

	private static String abbreviate(final String s) {
		final String t = s.strip();
		return "'" + (t.length() > 60 ? t.substring(0, 60) + "..." : t) + "'";
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof NpyHeader h && h.major == major && h.minor == minor && h.descr.equals(descr)
				&& h.fortranOrder == fortranOrder && Arrays.equals(h.shape, shape) && h.dataOffset == dataOffset;
	}

	@Override
	public int hashCode() {
		return 31 * (31 * descr.hashCode() + Arrays.hashCode(shape)) + Long.hashCode(dataOffset) + (fortranOrder ? 1 : 0);
	}

	@Override
	public String toString() {
		return ".npy " + major + "." + minor + " " + descr + (fortranOrder ? " Fortran" : " C") + " order, shape "
				+ Arrays.toString(shape) + ", data at byte " + dataOffset;
	}
}
