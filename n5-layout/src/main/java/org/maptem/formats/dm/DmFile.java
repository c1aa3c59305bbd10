package org.maptem.formats.dm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.maptem.dataset.LayoutException;

/**
 * A Digital Micrograph DM3 or DM4 tag file: header and the whole tag tree, arrays located but not read (layout in
 * the package documentation).
 *
 * <p>{@link #read} validates every structural field as it goes (versions, byte order, tag kinds, delimiters, type
 * definitions, counts and array sizes against the bytes left in the file, nesting depth) and fails with a
 * {@link LayoutException} naming the file and the byte offset.
 *
 * @param file         the file
 * @param version      3 or 4
 * @param rootLength   the header's root length field, as written
 * @param littleEndian byte order of tag values and arrays (header field: 1 little-endian, 0 big-endian)
 * @param root         the root tag group
 */
public record DmFile(Path file, int version, long rootLength, boolean littleEndian, DmTag.Group root) {

	/** Deepest group nesting accepted (as ncempy allows). */
	static final int MAX_DEPTH = 64;
	/** Longest type definition of a data tag accepted: a struct of 1000 fields is far beyond any real tag. */
	static final int MAX_INFO = 2005;
	/** Most tags (entries of all groups) accepted: real files have thousands; this bounds the memory a file can claim. */
	static final int MAX_TAGS = 1 << 20;
	/** Character arrays up to this many elements are decoded as text (units, names). */
	static final int MAX_TEXT = 4096;

	/** Encoded type numbers of the tag format. */
	static final int STRUCT = 15;
	static final int STRING = 18;
	static final int ARRAY = 20;
	static final int USHORT = 4;
	static final int TAG_GROUP = 20;
	static final int TAG_DATA = 21;

	/** Bytes of a simple encoded type, or 0 when {@code type} is not simple. */
	static int simpleSize(final long type) {
		return switch ((int) Math.min(type, 64)) {
		case 2, 4 -> 2;
		case 3, 5, 6 -> 4;
		case 7, 11, 12 -> 8;
		case 8, 9, 10 -> 1;
		default -> 0;
		};
	}

	/**
	 * True when {@code head} starts like a tag file: version 3 or 4, then byte order 0 or 1, then a root group whose
	 * two flag bytes are 0 or 1.
	 */
	public static boolean hasSignature(final byte[] head) {
		if (head.length < 18)
			return false;
		final ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.BIG_ENDIAN);
		final int v = b.getInt(0);
		if (v != 3 && v != 4)
			return false;
		final int at = v == 3 ? 8 : 12;
		final int order = b.getInt(at);
		return (order == 0 || order == 1) && (head[at + 4] & 0xFE) == 0 && (head[at + 5] & 0xFE) == 0;
	}

	/**
	 * Reads the header and the tag tree of {@code file}.
	 *
	 * @throws LayoutException naming the file and the byte offset of the first problem
	 */
	public static DmFile read(final Path file) {
		try (DmInput in = new DmInput(file)) {
			final long version = in.be32("DM version");
			if (version != 3 && version != 4)
				throw LayoutException.badBytes(file, 0, "DM version 3 or 4", version);
			final boolean dm4 = version == 4;
			final long rootLength = dm4 ? in.be64("root length") : in.be32("root length");
			final long orderAt = in.position();
			final long order = in.be32("byte order");
			if (order != 0 && order != 1)
				throw LayoutException.badBytes(file, orderAt, "byte order 0 (big-endian) or 1 (little-endian)", order);
			final Parser p = new Parser(in, dm4, order == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
			return new DmFile(file, (int) version, rootLength, order == 1, p.group(0));
		}
	}

	/** The recursive descent over the tag structure. */
	private static final class Parser {

		private final DmInput in;
		private final boolean dm4;
		private final ByteOrder order;
		private final Path file;
		private int tags;

		Parser(final DmInput in, final boolean dm4, final ByteOrder order) {
			this.in = in;
			this.dm4 = dm4;
			this.order = order;
			this.file = in.file();
		}

		/** A count or type word: u32 in DM3, u64 in DM4, big-endian. */
		private long word(final String what) {
			return dm4 ? in.be64(what) : in.be32(what);
		}

		DmTag.Group group(final int depth) {
			if (depth > MAX_DEPTH)
				throw LayoutException.badBytes(file, in.position(), "tag groups nested at most " + MAX_DEPTH + " deep",
						"a deeper group");
			in.u8("group sorted flag");
			in.u8("group open flag");
			final long at = in.position();
			final long n = word("tag count");
			// every entry takes at least its kind byte and label length
			if (n > (in.size() - in.position()) / 3)
				throw LayoutException.badBytes(file, at, "a tag count the remaining " + (in.size() - in.position())
						+ " bytes can hold", n);
			final List<DmTag.Entry> entries = new ArrayList<>();
			for (long i = 0; i < n; i++)
				entries.add(entry(depth));
			return new DmTag.Group(entries);
		}

		private DmTag.Entry entry(final int depth) {
			final long at = in.position();
			if (++tags > MAX_TAGS)
				throw LayoutException.badBytes(file, at, "at most " + MAX_TAGS + " tags in the file", "more");
			final int kind = in.u8("tag kind");
			if (kind != TAG_GROUP && kind != TAG_DATA)
				throw LayoutException.badBytes(file, at, "tag kind 20 (group) or 21 (data)", kind);
			final int labelLength = in.be16("label length");
			final String label = labelLength == 0 ? ""
					: StandardCharsets.ISO_8859_1.decode(in.take(labelLength, ByteOrder.BIG_ENDIAN, "tag label")).toString();
			if (dm4) {
				final long sizeAt = in.position();
				final long tagSize = in.be64("tag size");
				if (tagSize > in.size() - in.position())
					throw LayoutException.badBytes(file, sizeAt, "a tag size within the file", tagSize);
			}
			return new DmTag.Entry(label, kind == TAG_GROUP ? group(depth + 1) : data(label));
		}

		private DmTag data(final String label) {
			final long at = in.position();
			final ByteBuffer d = in.take(4, ByteOrder.BIG_ENDIAN, "%%%% delimiter");
			if (d.getInt(0) != 0x25252525)
				throw LayoutException.badBytes(file, at, "the delimiter %%%% of data tag '" + label + "'",
						String.format("0x%08X", d.getInt(0)));
			final long infoAt = in.position();
			final long n = word("type definition length");
			if (n < 1 || n > MAX_INFO)
				throw LayoutException.badBytes(file, infoAt, "a type definition of 1 to " + MAX_INFO + " words", n);
			final long[] info = new long[(int) n];
			for (int i = 0; i < n; i++)
				info[i] = word("type definition");
			final long type = info[0];
			final int simple = simpleSize(type);
			if (simple > 0) {
				expectLength(infoAt, info, 1, label);
				return new DmTag.Scalar((int) type, value(type));
			}
			if (type == STRING) {
				expectLength(infoAt, info, 2, label);
				final long length = info[1];
				if (length <= MAX_TEXT)
					return new DmTag.Text(StandardCharsets.ISO_8859_1
							.decode(in.take((int) length, order, "string tag '" + label + "'")).toString());
				in.skip(length, "string tag '" + label + "'");
				return new DmTag.Text("");
			}
			if (type == STRUCT) {
				final int fields = structFields(infoAt, info, 1, label);
				expectLength(infoAt, info, 3 + 2 * fields, label);
				final List<Number> values = new ArrayList<>();
				for (int k = 0; k < fields; k++)
					values.add(value(info[4 + 2 * k]));
				return new DmTag.Struct(values);
			}
			if (type == ARRAY) {
				if (n < 2)
					throw LayoutException.badBytes(file, infoAt, "an element type for array tag '" + label + "'", "none");
				final long element = info[1];
				final int elementBytes;
				final long count;
				if (element == STRUCT) {
					final int fields = structFields(infoAt, info, 2, label);
					expectLength(infoAt, info, 5 + 2 * fields, label);
					int sum = 0;
					for (int k = 0; k < fields; k++)
						sum += simpleSize(info[5 + 2 * k]);
					elementBytes = sum;
					count = info[4 + 2 * fields];
				} else {
					elementBytes = simpleSize(element);
					if (elementBytes == 0)
						throw LayoutException.badBytes(file, infoAt, "array tag '" + label + "' of simple types or structs",
								"element type " + element);
					expectLength(infoAt, info, 3, label);
					count = info[2];
				}
				final long offset = in.position();
				if (count > (in.size() - offset) / Math.max(1, elementBytes))
					throw LayoutException.badBytes(file, infoAt, "array tag '" + label + "' within the file: at most "
							+ (in.size() - offset) / Math.max(1, elementBytes) + " elements of " + elementBytes + " bytes",
							count + " elements");
				String text = null;
				if (element == USHORT && count <= MAX_TEXT) {
					final ByteBuffer b = in.take((int) count * 2, order, "text array '" + label + "'");
					final char[] c = new char[(int) count];
					for (int i = 0; i < c.length; i++)
						c[i] = b.getChar(2 * i);
					text = new String(c);
				} else
					in.skip(count * elementBytes, "array tag '" + label + "'");
				return new DmTag.Array((int) element, elementBytes, count, offset, text);
			}
			throw LayoutException.badBytes(file, infoAt, "encoded type 2-12 (numbers), 15 (struct), 18 (string) or 20 "
					+ "(array) for tag '" + label + "'", type);
		}

		/** Number of fields of the struct defined from {@code info[from]} (name length, field count, pairs). */
		private int structFields(final long infoAt, final long[] info, final int from, final String label) {
			if (info.length < from + 2)
				throw LayoutException.badBytes(file, infoAt, "a struct definition for tag '" + label + "'", "too few words");
			final long fields = info[from + 1];
			if (fields < 0 || fields > (MAX_INFO - 5) / 2)
				throw LayoutException.badBytes(file, infoAt, "0 to " + (MAX_INFO - 5) / 2 + " struct fields in tag '" + label
						+ "'", fields);
			if (info.length < from + 2 + 2 * fields)
				throw LayoutException.badBytes(file, infoAt, "a struct definition of " + fields + " fields in tag '" + label
						+ "'", info.length + " words");
			for (int k = 0; k < fields; k++) {
				final long t = info[from + 3 + 2 * k];
				if (simpleSize(t) == 0)
					throw LayoutException.badBytes(file, infoAt, "simple field types in struct tag '" + label + "'",
							"type " + t);
			}
			return (int) fields;
		}

		private void expectLength(final long infoAt, final long[] info, final int n, final String label) {
			if (info.length != n)
				throw LayoutException.badBytes(file, infoAt, n + " type definition words for tag '" + label + "' of type "
						+ info[0], info.length);
		}

		/** One value of simple type {@code type} in the file's byte order. */
		private Number value(final long type) {
			final ByteBuffer b = in.take(simpleSize(type), order, "tag value");
			return switch ((int) type) {
			case 2 -> b.getShort(0);
			case 3 -> b.getInt(0);
			case 4 -> Short.toUnsignedInt(b.getShort(0));
			case 5 -> Integer.toUnsignedLong(b.getInt(0));
			case 6 -> b.getFloat(0);
			case 7 -> b.getDouble(0);
			case 8, 10 -> Byte.toUnsignedInt(b.get(0));
			case 9 -> b.get(0);
			case 11 -> b.getLong(0);
			default -> {
				final long v = b.getLong(0);
				yield v >= 0 ? (Number) v : (Number) Double.parseDouble(Long.toUnsignedString(v));
			}
			};
		}
	}
}
