package org.maptem.formats.ser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;
import org.maptem.frames.Unmapper;

/**
 * The validated structure of a TIA {@code .ser} file (layout in {@link org.maptem.formats.ser the package
 * documentation}): series header, dimension array, the data offset of every valid element, and the element type,
 * size and calibration they all share, from element 0. Every offset is checked against the file length before any data
 * is read; the headers of the other elements are checked against element 0's as their frames are read
 * ({@link #checkElement}). Immutable.
 */
public final class SerHeader {

	static final int DATA_1D = 0x4120;
	static final int DATA_2D = 0x4122;
	static final int TAG_TIME = 0x4152;
	static final int TAG_TIME_POSITION = 0x4142;
	/** Element header bytes before the array. */
	static final int HEADER_2D = 50;
	static final int HEADER_1D = 26;
	/** Longest dimension description or units string accepted. */
	private static final int MAX_STRING = 1 << 16;

	/** One scan dimension: size and calibration as stored, description and units as text. */
	public record Dimension(int size, double calibrationOffset, double calibrationDelta, int calibrationElement,
			String description, String units) {
	}

	private final Path file;
	private final long fileSize;
	private final int version;
	private final int dataTypeId;
	private final int tagTypeId;
	private final int totalElements;
	private final int validElements;
	private final long offsetArrayOffset;
	private final List<Dimension> dimensions;
	private final long[] offsets;
	private final DType dtype;
	private final int width;
	private final int height;
	private final double[] elementCalibration;

	private SerHeader(final Path file, final long fileSize, final int[] fields, final long offsetArrayOffset,
			final List<Dimension> dimensions, final long[] offsets, final DType dtype, final int width, final int height,
			final double[] elementCalibration) {
		this.file = file;
		this.fileSize = fileSize;
		this.version = fields[0];
		this.dataTypeId = fields[1];
		this.tagTypeId = fields[2];
		this.totalElements = fields[3];
		this.validElements = fields[4];
		this.offsetArrayOffset = offsetArrayOffset;
		this.dimensions = List.copyOf(dimensions);
		this.offsets = offsets;
		this.dtype = dtype;
		this.width = width;
		this.height = height;
		this.elementCalibration = elementCalibration.clone();
	}

	/**
	 * Reads and validates {@code file}.
	 *
	 * @throws LayoutException naming the file and the field or byte offset of the first problem
	 */
	public static SerHeader read(final Path file) {
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			return read(file, ch, ch.size());
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot read: " + e.getMessage(), e);
		}
	}

	private static SerHeader read(final Path file, final FileChannel ch, final long size) throws IOException {
		if (size < 30)
			throw LayoutException.badField(file, "file size", "at least the 30-byte series header", size + " bytes");
		final ByteBuffer h = readAt(ch, file, 0, 34, size);
		final int order = Short.toUnsignedInt(h.getShort(0));
		if (order != 0x4949)
			throw LayoutException.badBytes(file, 0, "the byte order mark 0x4949 (\"II\")", hex(order));
		final int id = Short.toUnsignedInt(h.getShort(2));
		if (id != 0x0197)
			throw LayoutException.badField(file, "SeriesID (byte offset 2)", "0x0197", hex(id));
		final int version = Short.toUnsignedInt(h.getShort(4));
		final boolean wide;
		if (version == 0x0220)
			wide = true;
		else if (version >= 0x0200 && version <= 0x0210)
			wide = false;
		else
			throw LayoutException.badField(file, "SeriesVersion (byte offset 4)", "0x0200 to 0x0210 or 0x0220", hex(version));
		final int dataType = h.getInt(6);
		if (dataType != DATA_1D && dataType != DATA_2D)
			throw LayoutException.badField(file, "DataTypeID (byte offset 6)", "0x4120 (1D) or 0x4122 (2D)", hex(dataType));
		final int tagType = h.getInt(10);
		if (tagType != TAG_TIME && tagType != TAG_TIME_POSITION)
			throw LayoutException.badField(file, "TagTypeID (byte offset 10)", "0x4152 or 0x4142", hex(tagType));
		final int total = h.getInt(14);
		final int valid = h.getInt(18);
		final int w = wide ? 8 : 4;
		if (total < 1 || (long) total * w * 2 > size)
			throw LayoutException.badField(file, "TotalNumberElements (byte offset 14)", "1 to " + size / (2L * w)
					+ " (two offset arrays must fit in the file)", total);
		if (valid < 1 || valid > total)
			throw LayoutException.badField(file, "ValidNumberElements (byte offset 18)", "1 to TotalNumberElements " + total, valid);
		final long arrayOffset = wide ? h.getLong(22) : Integer.toUnsignedLong(h.getInt(22));
		final int ndimAt = wide ? 30 : 26;
		final int ndim = h.getInt(ndimAt);
		if (ndim < 1 || ndim > 3)
			throw LayoutException.badField(file, "NumberDimensions (byte offset " + ndimAt + ")", "1 to 3 scan dimensions", ndim);

		final List<Dimension> dims = new ArrayList<>();
		long at = ndimAt + 4;
		long product = 1;
		for (int i = 0; i < ndim; i++) {
			final ByteBuffer d = readAt(ch, file, at, 28, size);
			final int dimSize = d.getInt(0);
			if (dimSize < 1)
				throw LayoutException.badField(file, "DimensionSize of dimension " + i + " (byte offset " + at + ")",
						"at least 1", dimSize);
			product *= dimSize;
			final String description = string(ch, file, at + 24, d.getInt(24), size);
			final long unitsAt = at + 28 + description.length();
			final int unitsLength = readAt(ch, file, unitsAt, 4, size).getInt(0);
			final String units = string(ch, file, unitsAt, unitsLength, size);
			dims.add(new Dimension(dimSize, d.getDouble(4), d.getDouble(12), d.getInt(20), description, units));
			at = unitsAt + 4 + units.length();
			if (product > total)
				break;
		}
		if (product != total)
			throw LayoutException.badField(file, "DimensionSize", "sizes whose product is TotalNumberElements " + total,
					dims.stream().map(Dimension::size).toList());
		if (arrayOffset < at || arrayOffset > size - 2L * total * w)
			throw LayoutException.badField(file, "OffsetArrayOffset (byte offset 22)", "an offset from " + at + " (after the "
					+ "dimension array) to " + (size - 2L * total * w) + " (two arrays of " + total + " offsets before the end of "
					+ "the file)", arrayOffset);

		if ((long) valid * w > Integer.MAX_VALUE)
			throw LayoutException.badField(file, "ValidNumberElements (byte offset 18)", "at most " + Integer.MAX_VALUE / w
					+ " elements (one mapping of the offset array)", valid);
		final long[] offsets = new long[valid];
		final MappedByteBuffer arr = ch.map(FileChannel.MapMode.READ_ONLY, arrayOffset, (long) valid * w);
		arr.order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < valid; i++)
			offsets[i] = wide ? arr.getLong(i * 8) : Integer.toUnsignedLong(arr.getInt(i * 4));
		Unmapper.unmap(arr);

		final boolean twoD = dataType == DATA_2D;
		final int elementHeader = twoD ? HEADER_2D : HEADER_1D;
		final long dimsEnd = at;
		// element 0's header gives the data type, size and calibration; every other element's header is checked
		// against it when its frame is read (checkElement), as the frame's own bytes are, rather than all of them
		// here: touching every element at open cost a page fault each, as long as a pass over the data
		checkOffset(file, offsets[0], 0, arrayOffset, w, dimsEnd, elementHeader, size);
		final ByteBuffer e = readAt(ch, file, offsets[0], elementHeader, size);
		final int typeAt = twoD ? 40 : 20;
		final DType dtype = dataType(file, offsets[0] + typeAt, e.getShort(typeAt));
		final int width = e.getInt(typeAt + 2);
		final int height = twoD ? e.getInt(typeAt + 6) : 1;
		if (width < 1 || height < 1 || (long) width * height > Integer.MAX_VALUE)
			throw LayoutException.badBytes(file, offsets[0] + typeAt + 2, "an array size of 1 to 2^31-1 pixels",
					width + " × " + height);
		final long frameBytes = dtype.bytesFor((long) width * height);
		final double[] cal = twoD ? new double[] { e.getDouble(0), e.getDouble(8), e.getDouble(20), e.getDouble(28) }
				: new double[] { e.getDouble(0), e.getDouble(8), Double.NaN, Double.NaN };
		for (int i = 0; i < valid; i++) {
			checkOffset(file, offsets[i], i, arrayOffset, w, dimsEnd, elementHeader, size);
			if (offsets[i] + elementHeader + frameBytes > size)
				throw LayoutException.badField(file, offsetField(i, arrayOffset, w), "an element of "
						+ (elementHeader + frameBytes) + " bytes ending inside the file (" + size + " bytes)", offsets[i]);
		}
		return new SerHeader(file, size, new int[] { version, dataType, tagType, total, valid }, arrayOffset, dims, offsets,
				dtype, width, height, cal);
	}

	/** The field name of element {@code i}'s data offset, for messages: built only when one is thrown. */
	private static String offsetField(final int i, final long arrayOffset, final int width) {
		return "data offset of element " + i + " (byte offset " + (arrayOffset + (long) i * width) + ")";
	}

	/** Checks that element {@code i}'s data offset leaves room for its header after the dimension array. */
	private static void checkOffset(final Path file, final long off, final int i, final long arrayOffset, final int width,
			final long dimsEnd, final int elementHeader, final long size) {
		if (off < dimsEnd || off > size - elementHeader)
			throw LayoutException.badField(file, offsetField(i, arrayOffset, width), "an element header after the "
					+ "dimension array (byte " + dimsEnd + ") and " + elementHeader + " bytes before the end of the file ("
					+ size + " bytes)", off);
	}

	/**
	 * Checks that the header of element {@code i}, at {@code b[at ...]} (little-endian), declares element 0's data type
	 * and size, so that its frame is read as what it is.
	 *
	 * @throws LayoutException naming the file and the header's byte offset when it does not
	 */
	public void checkElement(final ByteBuffer b, final int at, final long i) {
		final int typeAt = dataTypeId == DATA_2D ? 40 : 20;
		final int type = b.getShort(at + typeAt);
		final int x = b.getInt(at + typeAt + 2);
		final int y = dataTypeId == DATA_2D ? b.getInt(at + typeAt + 6) : 1;
		final long off = offsets[(int) i] + typeAt;
		if (x != width || y != height || dataType(file, off, type) != dtype)
			throw LayoutException.badBytes(file, off, "element " + i + " like element 0: " + dtype.n5Name() + ", " + width
					+ " × " + height, dataType(file, off, type).n5Name() + ", " + x + " × " + y);
	}

	private static DType dataType(final Path file, final long at, final int type) {
		return switch (type) {
		case 1 -> DType.UINT8;
		case 2 -> DType.UINT16;
		case 3 -> DType.UINT32;
		case 4 -> DType.INT8;
		case 5 -> DType.INT16;
		case 6 -> DType.INT32;
		case 7 -> DType.FLOAT32;
		case 8 -> DType.FLOAT64;
		default -> throw LayoutException.badBytes(file, at, "an element DataType from 1 to 8 (complex types 9 and 10 are not "
				+ "read)", type);
		};
	}

	private static String string(final FileChannel ch, final Path file, final long lengthAt, final int length,
			final long size) throws IOException {
		if (length < 0 || length > MAX_STRING)
			throw LayoutException.badBytes(file, lengthAt, "a string length from 0 to " + MAX_STRING, length);
		final ByteBuffer b = readAt(ch, file, lengthAt + 4, length, size);
		return new String(b.array(), 0, length, StandardCharsets.ISO_8859_1);
	}

	private static ByteBuffer readAt(final FileChannel ch, final Path file, final long at, final int n, final long size)
			throws IOException {
		if (at < 0 || at + n > size)
			throw LayoutException.badBytes(file, at, n + " bytes before the end of the file (" + size + " bytes)", "end of file");
		final ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
		while (b.hasRemaining())
			if (ch.read(b, at + b.position()) < 0)
				throw LayoutException.badBytes(file, at + b.position(), n + " bytes", "end of file");
		return b.flip();
	}

	private static String hex(final int v) {
		return String.format(Locale.ROOT, "0x%04X", v);
	}

	public Path file() {
		return file;
	}

	public long fileSize() {
		return fileSize;
	}

	/** SeriesVersion: 0x0210 (32-bit offsets) or 0x0220 (64-bit). */
	public int version() {
		return version;
	}

	/** 0x4120 (1D elements) or 0x4122 (2D). */
	public int dataTypeId() {
		return dataTypeId;
	}

	public int tagTypeId() {
		return tagTypeId;
	}

	public int totalElements() {
		return totalElements;
	}

	public int validElements() {
		return validElements;
	}

	public long offsetArrayOffset() {
		return offsetArrayOffset;
	}

	/** The scan dimensions as stored (first = fastest). */
	public List<Dimension> dimensions() {
		return dimensions;
	}

	/** Byte offset of element {@code i}'s header. */
	public long offset(final int i) {
		return offsets[i];
	}

	/** Data offsets of valid elements {@code from} (inclusive) to {@code to} (exclusive), a copy. */
	public long[] offsets(final int from, final int to) {
		return java.util.Arrays.copyOfRange(offsets, from, to);
	}

	/** Bytes of each element's header. */
	public int elementHeaderBytes() {
		return dataTypeId == DATA_2D ? HEADER_2D : HEADER_1D;
	}

	public DType dtype() {
		return dtype;
	}

	/** ArraySizeX (1D: ArrayLength). */
	public int width() {
		return width;
	}

	/** ArraySizeY (1D: 1). */
	public int height() {
		return height;
	}

	/** Element 0's calibration: offset x, delta x, offset y, delta y (y NaN for 1D elements), in the file's units. */
	public double[] elementCalibration() {
		return elementCalibration.clone();
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "TIA series version 0x%04X, %d of %d elements of %d × %d %s", version, validElements,
				totalElements, height, width, dtype.n5Name());
	}
}
