package org.maptem.formats.mib;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.maptem.dataset.LayoutException;

/**
 * One Merlin frame header, parsed and checked field by field: the comma-separated ASCII text in front of every
 * frame of a {@code .mib} file (layout in {@link org.maptem.formats.mib package documentation}).
 *
 * <p>{@link #parse} accepts only headers whose every interpreted field is well formed: the magic, sequence number,
 * header length, chip count and layout, image size, data type, shutter time, counter, colour and gain modes, the
 * eight thresholds and the counter depth (the last non-empty field). Free-text fields (chip select, timestamps,
 * DACs) are kept as they are. Immutable.
 *
 * @param sequence     frame sequence number in the acquisition (field 1), counting from 1 in Merlin files
 * @param headerBytes  length of this header in bytes (field 2): 384 for one chip, 768 for four
 * @param chips        number of chips (field 3)
 * @param width        image width the header states (field 4); raw quad frames state the raw width, e.g. 1024
 * @param height       image height the header states (field 5)
 * @param dataType     pixel encoding (field 6): {@code U08}, {@code U16}, {@code U32} (big-endian counts) or
 *                     {@code R64} (raw detector words)
 * @param layout       chip layout (field 7) without padding, e.g. {@code 1x1}, {@code 2x2}, {@code 4x1}
 * @param chipSelect   enabled chips as hex bits (field 8), e.g. {@code 0F}
 * @param timestamp    acquisition time of the frame (field 9) as written
 * @param shutterSeconds exposure time in seconds (field 10)
 * @param counter      counter read out (field 11)
 * @param colourMode   colour mode (field 12): 0 off, 1 on
 * @param gainMode     gain mode (field 13)
 * @param thresholds   the eight thresholds in keV (fields 14 to 21)
 * @param counterDepth bits per counter: 1, 6, 12 or 24 (the last non-empty field)
 * @param fieldCount   number of comma-separated fields including trailing padding
 */
public record MibHeader(long sequence, int headerBytes, int chips, int width, int height, String dataType,
		String layout, String chipSelect, String timestamp, double shutterSeconds, int counter, int colourMode, int gainMode,
		List<Double> thresholds, int counterDepth, int fieldCount) {

	/** The four bytes every frame header starts with. */
	public static final String MAGIC = "MQ1,";

	/** Smallest header length accepted: room for the fixed fields. */
	public static final int MIN_HEADER_BYTES = 64;

	/** Largest header length accepted; Merlin writes 384 (one chip) or 768 (four chips). */
	public static final int MAX_HEADER_BYTES = 1 << 16;

	/** Largest image side accepted from a header. */
	public static final int MAX_SIDE = 1 << 16;

	/** Bytes needed to read the header length: "MQ1," + sequence + "," + length + ",". */
	static final int PREFIX_BYTES = 32;

	private static final int FIXED_FIELDS = 22;

	public MibHeader {
		thresholds = List.copyOf(thresholds);
	}

	/** True when {@code bytes} start with the frame-header magic {@code MQ1,}. */
	public static boolean hasMagic(final byte[] bytes, final int offset, final int length) {
		if (length < MAGIC.length() || offset < 0 || offset + MAGIC.length() > bytes.length)
			return false;
		for (int i = 0; i < MAGIC.length(); i++)
			if (bytes[offset + i] != MAGIC.charAt(i))
				return false;
		return true;
	}

	/**
	 * The header length a header's first bytes announce (field 2), checked against the accepted range.
	 *
	 * @param file   the file, for messages
	 * @param offset byte offset of the header in the file, for messages
	 * @param head   at least the first bytes of the header (up to {@link #PREFIX_BYTES} are looked at)
	 * @throws LayoutException when the magic is missing or the length is not a number in range
	 */
	public static int headerLength(final Path file, final long offset, final byte[] head) {
		if (!hasMagic(head, 0, head.length))
			throw LayoutException.badBytes(file, offset, "a Merlin frame header starting with \"MQ1,\"",
					quote(head, 0, Math.min(head.length, 8)));
		final String prefix = new String(head, 0, Math.min(head.length, PREFIX_BYTES), StandardCharsets.ISO_8859_1);
		final String[] f = prefix.split(",", -1);
		if (f.length < 4)
			throw LayoutException.badBytes(file, offset, "a header length in field 2 within the first " + PREFIX_BYTES
					+ " bytes", quote(head, 0, Math.min(head.length, PREFIX_BYTES)));
		final long len = digits(file, offset, 2, "header length", f[2], 6);
		if (len < MIN_HEADER_BYTES || len > MAX_HEADER_BYTES)
			throw field(file, offset, 2, "header length", MIN_HEADER_BYTES + " to " + MAX_HEADER_BYTES + " bytes", f[2]);
		return (int) len;
	}

	/**
	 * Parses and checks the header of {@code length} bytes at the start of {@code bytes}.
	 *
	 * @param file   the file, for messages
	 * @param offset byte offset of the header in the file, for messages
	 * @throws LayoutException naming the file, the header's offset and the field that is wrong, with what was expected
	 *                         and found
	 */
	public static MibHeader parse(final Path file, final long offset, final byte[] bytes, final int length) {
		final int hs = headerLength(file, offset, bytes);
		if (hs != length || bytes.length < length)
			throw field(file, offset, 2, "header length", length + " bytes", hs);
		final String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
		final String[] f = text.split(",", -1);
		if (f.length < FIXED_FIELDS + 1)
			throw LayoutException.badBytes(file, offset, "a frame header of at least " + (FIXED_FIELDS + 1)
					+ " comma-separated fields", f.length + " fields");
		final long sequence = digits(file, offset, 1, "sequence number", f[1], 18);
		final int chips = (int) digits(file, offset, 3, "number of chips", f[3], 3);
		if (chips < 1 || chips > 64)
			throw field(file, offset, 3, "number of chips", "1 to 64", f[3]);
		final int width = (int) digits(file, offset, 4, "width", f[4], 6);
		final int height = (int) digits(file, offset, 5, "height", f[5], 6);
		if (width < 1 || width > MAX_SIDE)
			throw field(file, offset, 4, "width", "1 to " + MAX_SIDE + " pixels", f[4]);
		if (height < 1 || height > MAX_SIDE)
			throw field(file, offset, 5, "height", "1 to " + MAX_SIDE + " pixels", f[5]);
		final String type = f[6];
		if (!type.equals("U08") && !type.equals("U16") && !type.equals("U32") && !type.equals("R64"))
			throw field(file, offset, 6, "data type", "U08, U16, U32 or R64", f[6]);
		final String layout = layout(file, offset, f[7], chips);
		final String chipSelect = f[8].trim();
		if (!chipSelect.matches("[0-9A-Fa-f]{1,16}"))
			throw field(file, offset, 8, "chip select", "hexadecimal digits", f[8]);
		final double shutter = number(file, offset, 10, "shutter time (s)", f[10]);
		if (!(shutter >= 0))
			throw field(file, offset, 10, "shutter time (s)", "a time of at least 0 s", f[10]);
		final int counter = (int) digits(file, offset, 11, "counter", f[11], 3);
		final int colour = (int) digits(file, offset, 12, "colour mode", f[12], 3);
		final int gain = (int) digits(file, offset, 13, "gain mode", f[13], 3);
		final List<Double> thresholds = new ArrayList<>(8);
		for (int i = 14; i < FIXED_FIELDS; i++)
			thresholds.add(number(file, offset, i, "threshold " + (i - 14) + " (keV)", f[i]));
		int last = f.length - 1;
		while (last > FIXED_FIELDS && clean(f[last]).isEmpty())
			last--;
		final String depthText = clean(f[last]);
		final int depth = depthText.matches("[0-9]{1,2}") ? Integer.parseInt(depthText) : -1;
		if (depth != 1 && depth != 6 && depth != 12 && depth != 24)
			throw field(file, offset, last, "counter depth (last non-empty field)", "1, 6, 12 or 24", f[last]);
		return new MibHeader(sequence, hs, chips, width, height, type, layout, chipSelect, f[9], shutter, counter,
				colour, gain, thresholds, depth, f.length);
	}

	/** True for raw detector words ({@code R64}), false for processed counts. */
	public boolean raw() {
		return dataType.equals("R64");
	}

	/** Bits of one processed pixel (8, 16, 32), or 64 for raw words. */
	public int typeBits() {
		return Integer.parseInt(dataType.substring(1));
	}

	/** True when everything that decides the byte layout of a frame equals {@code other}'s. */
	public boolean sameGeometry(final MibHeader other) {
		return headerBytes == other.headerBytes && chips == other.chips && width == other.width && height == other.height
				&& dataType.equals(other.dataType) && layout.equals(other.layout) && counterDepth == other.counterDepth;
	}

	/** The geometry fields as text, for messages. */
	public String geometry() {
		return dataType + " " + width + "x" + height + ", " + chips + " chip(s) " + layout + ", counter depth "
				+ counterDepth + ", header " + headerBytes + " bytes";
	}

	private static String layout(final Path file, final long offset, final String raw, final int chips) {
		final String t = raw.trim().toLowerCase(Locale.ROOT);
		final String core = t.endsWith("g") ? t.substring(0, t.length() - 1) : t;
		if (!core.matches("[0-9]{1,2}x[0-9]{1,2}"))
			throw field(file, offset, 7, "chip layout", "columns x rows such as 1x1, 2x2 or 4x1", raw);
		final String[] ab = core.split("x");
		final int n = Integer.parseInt(ab[0]) * Integer.parseInt(ab[1]);
		if (n != chips)
			throw field(file, offset, 7, "chip layout", "a layout of " + chips + " chip(s) as field 3 states", raw);
		return raw.trim();
	}

	private static long digits(final Path file, final long offset, final int index, final String name, final String text,
			final int maxDigits) {
		final String t = text.trim();
		if (t.isEmpty() || t.length() > maxDigits || !t.chars().allMatch(c -> c >= '0' && c <= '9'))
			throw field(file, offset, index, name, "a decimal number of at most " + maxDigits + " digits", text);
		return Long.parseLong(t);
	}

	private static double number(final Path file, final long offset, final int index, final String name,
			final String text) {
		final String t = text.trim();
		if (!t.matches("[-+]?[0-9]+(\\.[0-9]*)?([eE][-+]?[0-9]+)?"))
			throw field(file, offset, index, name, "a decimal number", text);
		return Double.parseDouble(t);
	}

	/** A field without the NUL and space padding Merlin fills headers with. */
	private static String clean(final String s) {
		return s.replace('\0', ' ').trim();
	}

	static LayoutException field(final Path file, final long offset, final int index, final String name,
			final Object expected, final Object found) {
		return LayoutException.badField(file, "frame header at byte " + offset + ", field " + index + " (" + name + ")",
				expected, found instanceof String s ? "\"" + printable(s) + "\"" : found);
	}

	static String quote(final byte[] b, final int from, final int to) {
		return "\"" + printable(new String(b, from, Math.max(0, to - from), StandardCharsets.ISO_8859_1)) + "\"";
	}

	private static String printable(final String s) {
		final StringBuilder sb = new StringBuilder();
		for (int i = 0; i < s.length() && i < 40; i++) {
			final char c = s.charAt(i);
			if (c >= 0x20 && c < 0x7F)
				sb.append(c);
			else
				sb.append(String.format("\\x%02x", (int) c));
		}
		if (s.length() > 40)
			sb.append("...");
		return sb.toString();
	}
}
