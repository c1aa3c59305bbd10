package org.maptem.udf.corrections;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

import org.maptem.dataset.LayoutException;

/**
 * Reads one grayscale image from a baseline TIFF file (TIFF 6.0): uncompressed, one sample per pixel, stored in
 * strips, 8, 16 or 32-bit unsigned or signed integers or 32 or 64-bit IEEE floats, little ({@code II}) or big
 * ({@code MM}) endian.
 *
 * <p>Layout relied on (TIFF 6.0, sections 2, 3, 8, 19): an 8-byte header (byte order, 42, offset of the first IFD);
 * an IFD is a 2-byte entry count, 12-byte entries (tag, type, count, value or offset of the values; values of at most
 * 4 bytes are stored in place, left-justified) and the 4-byte offset of the next IFD. Tags used: ImageWidth 256,
 * ImageLength 257, BitsPerSample 258, Compression 259 (must be 1), PhotometricInterpretation 262 (0 or 1),
 * StripOffsets 273, SamplesPerPixel 277 (must be 1), RowsPerStrip 278, StripByteCounts 279, SampleFormat 339
 * (1 unsigned, 2 signed, 3 float). Tiled images (TileWidth 322), several images (a non-zero next-IFD offset) and
 * BigTIFF are refused. Everything is checked against the file size before any pixel is read; errors are
 * {@link LayoutException}s naming the file and the byte offset or the tag.
 */
final class TiffReader {

	private static final int IMAGE_WIDTH = 256;
	private static final int IMAGE_LENGTH = 257;
	private static final int BITS_PER_SAMPLE = 258;
	private static final int COMPRESSION = 259;
	private static final int PHOTOMETRIC = 262;
	private static final int STRIP_OFFSETS = 273;
	private static final int SAMPLES_PER_PIXEL = 277;
	private static final int ROWS_PER_STRIP = 278;
	private static final int STRIP_BYTE_COUNTS = 279;
	private static final int TILE_WIDTH = 322;
	private static final int SAMPLE_FORMAT = 339;

	private static final int SHORT = 3;
	private static final int LONG = 4;

	/** A directory entry: where it is, its type, count and the offset of its values (in place or elsewhere). */
	private record Entry(long at, int tag, int type, long count, long valuesAt) {
	}

	private final Path file;
	private final FileChannel channel;
	private final long size;
	private ByteOrder order;

	private TiffReader(final Path file, final FileChannel channel, final long size) {
		this.file = file;
		this.channel = channel;
		this.size = size;
	}

	/**
	 * Reads the image of {@code file}.
	 *
	 * @throws LayoutException naming the file and the byte offset or tag of the first problem
	 */
	static DetectorImage read(final Path file) {
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			return new TiffReader(file, ch, ch.size()).image();
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot read: " + e, e);
		}
	}

	private DetectorImage image() throws IOException {
		final ByteBuffer head = bytes(0, 8, "an 8-byte TIFF header");
		final int b0 = head.get(0);
		final int b1 = head.get(1);
		if (b0 == 'I' && b1 == 'I')
			order = ByteOrder.LITTLE_ENDIAN;
		else if (b0 == 'M' && b1 == 'M')
			order = ByteOrder.BIG_ENDIAN;
		else
			throw LayoutException.badBytes(file, 0, "byte order 'II' or 'MM'", hex(head, 2));
		head.order(order);
		final int magic = head.getShort(2) & 0xFFFF;
		if (magic == 43)
			throw LayoutException.badBytes(file, 2, "42 (classic TIFF)", "43 (BigTIFF, not supported)");
		if (magic != 42)
			throw LayoutException.badBytes(file, 2, 42, magic);
		final long ifd = head.getInt(4) & 0xFFFFFFFFL;
		if (ifd < 8 || ifd % 2 != 0)
			throw LayoutException.badBytes(file, 4, "an even first-IFD offset of at least 8", ifd);
		final Map<Integer, Entry> entries = directory(ifd);
		if (entries.containsKey(TILE_WIDTH))
			throw badTag(entries.get(TILE_WIDTH), "an image stored in strips", "a tiled image (TileWidth)");
		final long width = scalar(entries, IMAGE_WIDTH, -1);
		final long height = scalar(entries, IMAGE_LENGTH, -1);
		if (width < 1 || height < 1 || width * height > Integer.MAX_VALUE - 8)
			throw LayoutException.badField(file, "ImageWidth × ImageLength (tags 256, 257)",
					"a positive size of fewer than 2^31 pixels", width + " × " + height);
		final long samples = scalar(entries, SAMPLES_PER_PIXEL, 1);
		if (samples != 1)
			throw badTag(entries.get(SAMPLES_PER_PIXEL), "1 sample per pixel (grayscale)", samples);
		final long compression = scalar(entries, COMPRESSION, 1);
		if (compression != 1)
			throw badTag(entries.get(COMPRESSION), "1 (uncompressed)", compression);
		final long photometric = scalar(entries, PHOTOMETRIC, 1);
		if (photometric != 0 && photometric != 1)
			throw badTag(entries.get(PHOTOMETRIC), "0 or 1 (grayscale)", photometric);
		final long bits = scalar(entries, BITS_PER_SAMPLE, 1);
		final long format = scalar(entries, SAMPLE_FORMAT, 1);
		final Sample sample = sample(entries, bits, format);
		final long rowsPerStrip = Math.min(height, scalar(entries, ROWS_PER_STRIP, 0xFFFFFFFFL));
		if (rowsPerStrip < 1)
			throw badTag(entries.get(ROWS_PER_STRIP), "at least 1 row per strip", rowsPerStrip);
		final int strips = (int) ((height + rowsPerStrip - 1) / rowsPerStrip);
		final long[] offsets = array(require(entries, STRIP_OFFSETS), strips);
		final Entry countsEntry = entries.get(STRIP_BYTE_COUNTS);
		final long[] counts = countsEntry == null ? null : array(countsEntry, strips);
		final long rowBytes = width * sample.bytes;
		final float[] values = new float[(int) (width * height)];
		for (int s = 0; s < strips; s++) {
			final long rows = Math.min(rowsPerStrip, height - s * rowsPerStrip);
			final long need = rows * rowBytes;
			if (counts != null && counts[s] < need)
				throw badTag(countsEntry, "StripByteCounts[" + s + "] of at least " + need + " bytes (" + rows
						+ " rows of " + rowBytes + " bytes)", counts[s]);
			final ByteBuffer strip = bytes(offsets[s], need, "strip " + s + " of " + strips + " (" + need + " bytes)");
			sample.decode(strip.order(order), values, (int) (s * rowsPerStrip * width), (int) (rows * width));
		}
		final long next = bytes(ifd + 2 + 12L * entries.size(), 4, "the next-IFD offset").order(order).getInt(0)
				& 0xFFFFFFFFL;
		if (next != 0)
			throw LayoutException.badBytes(file, ifd + 2 + 12L * entries.size(), "next-IFD offset 0 (a single image)",
					next + " (a second image)");
		return new DetectorImage((int) height, (int) width, values);
	}

	private Map<Integer, Entry> directory(final long ifd) throws IOException {
		final int n = bytes(ifd, 2, "an IFD entry count").order(order).getShort(0) & 0xFFFF;
		if (n == 0)
			throw LayoutException.badBytes(file, ifd, "at least one IFD entry", 0);
		final ByteBuffer b = bytes(ifd + 2, 12L * n + 4, n + " IFD entries and a next-IFD offset").order(order);
		final Map<Integer, Entry> entries = new HashMap<>();
		for (int i = 0; i < n; i++) {
			final long at = ifd + 2 + 12L * i;
			final int tag = b.getShort(12 * i) & 0xFFFF;
			final int type = b.getShort(12 * i + 2) & 0xFFFF;
			final long count = b.getInt(12 * i + 4) & 0xFFFFFFFFL;
			final long bytes = count * typeBytes(type);
			final long valuesAt = bytes <= 4 ? at + 8 : b.getInt(12 * i + 8) & 0xFFFFFFFFL;
			entries.put(tag, new Entry(at, tag, type, count, valuesAt));
		}
		return entries;
	}

	/** Bytes per value of a field type (TIFF 6.0 section 2); 1 for types this reader never reads. */
	private static int typeBytes(final int type) {
		return switch (type) {
		case SHORT, 8 -> 2;
		case LONG, 9, 11 -> 4;
		case 5, 10, 12 -> 8;
		default -> 1;
		};
	}

	private long scalar(final Map<Integer, Entry> entries, final int tag, final long fallback) throws IOException {
		final Entry e = entries.get(tag);
		if (e == null) {
			if (fallback < 0)
				throw LayoutException.badField(file, "tag " + tag, "present (required)", "absent");
			return fallback;
		}
		if (e.count < 1)
			throw badTag(e, "at least one value", "count 0");
		// BitsPerSample and SampleFormat repeat per sample; one sample is checked separately
		return array(e, 1)[0];
	}

	private Entry require(final Map<Integer, Entry> entries, final int tag) {
		final Entry e = entries.get(tag);
		if (e == null)
			throw LayoutException.badField(file, "tag " + tag, "present (required)", "absent");
		return e;
	}

	/** The first {@code n} values of a BYTE, SHORT or LONG entry, which must hold at least {@code n}. */
	private long[] array(final Entry e, final int n) throws IOException {
		if (e.type != 1 && e.type != SHORT && e.type != LONG)
			throw badTag(e, "type BYTE, SHORT or LONG", "type " + e.type);
		if (e.count < n)
			throw badTag(e, "at least " + n + " values", e.count);
		final int width = typeBytes(e.type);
		final ByteBuffer b = bytes(e.valuesAt, (long) n * width, "values of tag " + e.tag).order(order);
		final long[] v = new long[n];
		for (int i = 0; i < n; i++)
			v[i] = switch (e.type) {
			case SHORT -> b.getShort(2 * i) & 0xFFFF;
			case LONG -> b.getInt(4 * i) & 0xFFFFFFFFL;
			default -> b.get(i) & 0xFF;
			};
		return v;
	}

	private Sample sample(final Map<Integer, Entry> entries, final long bits, final long format) {
		final Sample s = switch ((int) format) {
		case 1, 4 -> bits == 8 ? Sample.U8 : bits == 16 ? Sample.U16 : bits == 32 ? Sample.U32 : null;
		case 2 -> bits == 8 ? Sample.I8 : bits == 16 ? Sample.I16 : bits == 32 ? Sample.I32 : null;
		case 3 -> bits == 32 ? Sample.F32 : bits == 64 ? Sample.F64 : null;
		default -> null;
		};
		if (s == null) {
			final Entry e = entries.containsKey(BITS_PER_SAMPLE) ? entries.get(BITS_PER_SAMPLE) : entries.get(SAMPLE_FORMAT);
			final String found = bits + "-bit samples of SampleFormat " + format;
			if (e == null)
				throw LayoutException.badField(file, "BitsPerSample (tag 258)", "8, 16 or 32 (integers), 32 or 64 (floats)",
						found);
			throw badTag(e, "8, 16 or 32-bit integers (SampleFormat 1 or 2) or 32 or 64-bit floats (SampleFormat 3)",
					found);
		}
		return s;
	}

	/** Reads {@code n} bytes at {@code offset}, after checking they lie inside the file. */
	private ByteBuffer bytes(final long offset, final long n, final String what) throws IOException {
		if (offset < 0 || n > Integer.MAX_VALUE - 8 || offset + n > size)
			throw LayoutException.badBytes(file, offset, what, "only " + Math.max(0, size - offset)
					+ " bytes left in a file of " + size + " bytes");
		final ByteBuffer b = ByteBuffer.allocate((int) n);
		long at = offset;
		while (b.hasRemaining()) {
			final int r = channel.read(b, at);
			if (r < 0)
				throw LayoutException.badBytes(file, at, what, "end of file");
			at += r;
		}
		return b.flip();
	}

	private LayoutException badTag(final Entry e, final Object expected, final Object found) {
		return LayoutException.badBytes(file, e.at, "tag " + e.tag + ": " + expected, found);
	}

	private static String hex(final ByteBuffer b, final int n) {
		final StringBuilder s = new StringBuilder("0x");
		for (int i = 0; i < n; i++)
			s.append(String.format("%02x", b.get(i) & 0xFF));
		return s.toString();
	}

	/** Sample encodings: bytes per value and decoding to float. */
	private enum Sample {
		U8(1), I8(1), U16(2), I16(2), U32(4), I32(4), F32(4), F64(8);

		final int bytes;

		Sample(final int bytes) {
			this.bytes = bytes;
		}

		void decode(final ByteBuffer b, final float[] dst, final int from, final int n) {
			for (int i = 0; i < n; i++)
				dst[from + i] = switch (this) {
				case U8 -> b.get(i) & 0xFF;
				case I8 -> b.get(i);
				case U16 -> b.getShort(2 * i) & 0xFFFF;
				case I16 -> b.getShort(2 * i);
				case U32 -> b.getInt(4 * i) & 0xFFFFFFFFL;
				case I32 -> b.getInt(4 * i);
				case F32 -> b.getFloat(4 * i);
				case F64 -> (float) b.getDouble(8 * i);
				};
		}
	}
}
