package org.maptem.udf.corrections;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the bytes of a baseline grayscale TIFF per the TIFF 6.0 specification, independently of
 * {@link TiffReader}: header ({@code II}/{@code MM}, 42, first IFD offset), the strips from byte 8, then one IFD with
 * entries in ascending tag order (values of at most 4 bytes in place, left-justified; longer ones after the IFD) and
 * a next-IFD offset. Tags can be replaced or removed to make bad files.
 */
final class TiffBytes {

	static final int SHORT = 3;
	static final int LONG = 4;

	private final ByteOrder order;
	private final int width;
	private final int height;
	private final int bits;
	private final int format;
	private final double[] values;
	private int rowsPerStrip;
	private int offsetType = LONG;
	private long nextIfd;
	private final Map<Integer, long[]> replaced = new TreeMap<>();
	private final Map<Integer, Integer> replacedType = new TreeMap<>();

	/** An image of {@code bits}-bit samples of SampleFormat {@code format} (1 unsigned, 2 signed, 3 float). */
	TiffBytes(final ByteOrder order, final int width, final int height, final int bits, final int format,
			final double[] values) {
		this.order = order;
		this.width = width;
		this.height = height;
		this.bits = bits;
		this.format = format;
		this.values = values;
		this.rowsPerStrip = height;
	}

	TiffBytes rowsPerStrip(final int rows) {
		rowsPerStrip = rows;
		return this;
	}

	/** StripOffsets as SHORT instead of LONG. */
	TiffBytes shortOffsets() {
		offsetType = SHORT;
		return this;
	}

	TiffBytes nextIfd(final long offset) {
		nextIfd = offset;
		return this;
	}

	/** Replaces (or adds) tag {@code tag} with {@code type} values; {@code null} removes it. */
	TiffBytes tag(final int tag, final int type, final long... v) {
		replaced.put(tag, v);
		replacedType.put(tag, type);
		return this;
	}

	byte[] build() {
		final int bytesPer = bits / 8;
		final int strips = (height + rowsPerStrip - 1) / rowsPerStrip;
		final ByteBuffer data = ByteBuffer.allocate(values.length * bytesPer).order(order);
		for (final double v : values) {
			if (format == 3 && bits == 32)
				data.putFloat((float) v);
			else if (format == 3)
				data.putDouble(v);
			else if (bits == 8)
				data.put((byte) (long) v);
			else if (bits == 16)
				data.putShort((short) (long) v);
			else
				data.putInt((int) (long) v);
		}
		final long[] offsets = new long[strips];
		final long[] counts = new long[strips];
		for (int s = 0; s < strips; s++) {
			final int rows = Math.min(rowsPerStrip, height - s * rowsPerStrip);
			offsets[s] = 8 + (long) s * rowsPerStrip * width * bytesPer;
			counts[s] = (long) rows * width * bytesPer;
		}
		final Map<Integer, long[]> tags = new TreeMap<>();
		final Map<Integer, Integer> types = new TreeMap<>();
		put(tags, types, 256, LONG, width);
		put(tags, types, 257, SHORT, height);
		put(tags, types, 258, SHORT, bits);
		put(tags, types, 259, SHORT, 1);
		put(tags, types, 262, SHORT, 1);
		put(tags, types, 273, offsetType, offsets);
		put(tags, types, 277, SHORT, 1);
		put(tags, types, 278, LONG, rowsPerStrip);
		put(tags, types, 279, LONG, counts);
		put(tags, types, 339, SHORT, format);
		for (final var e : replaced.entrySet()) {
			if (e.getValue() == null)
				tags.remove(e.getKey());
			else
				put(tags, types, e.getKey(), replacedType.get(e.getKey()), e.getValue());
		}
		final int dataEnd = 8 + data.capacity();
		final int ifd = dataEnd + (dataEnd & 1);
		final int ifdBytes = 2 + 12 * tags.size() + 4;
		final List<byte[]> extra = new ArrayList<>();
		int extraAt = ifd + ifdBytes;
		final ByteBuffer dir = ByteBuffer.allocate(ifdBytes).order(order);
		dir.putShort((short) tags.size());
		for (final var e : tags.entrySet()) {
			final int type = types.get(e.getKey());
			final long[] v = e.getValue();
			final int width = type == SHORT ? 2 : 4;
			final ByteBuffer vb = ByteBuffer.allocate(Math.max(4, v.length * width)).order(order);
			for (final long x : v)
				if (type == SHORT)
					vb.putShort((short) x);
				else
					vb.putInt((int) x);
			dir.putShort((short) (int) e.getKey()).putShort((short) type).putInt(v.length);
			if (v.length * width <= 4)
				dir.put(vb.array(), 0, 4);
			else {
				dir.putInt(extraAt);
				extra.add(vb.array());
				extraAt += vb.capacity();
			}
		}
		dir.putInt((int) nextIfd);
		final ByteBuffer out = ByteBuffer.allocate(extraAt).order(order);
		out.put((byte) (order == ByteOrder.LITTLE_ENDIAN ? 'I' : 'M'));
		out.put((byte) (order == ByteOrder.LITTLE_ENDIAN ? 'I' : 'M'));
		out.putShort((short) 42).putInt(ifd);
		out.put(data.array());
		out.position(ifd);
		out.put(dir.array());
		for (final byte[] b : extra)
			out.put(b);
		return out.array();
	}

	/** Byte offset of the IFD entry of {@code tag} in the bytes {@link #build} returns. */
	int entryOffset(final int tag) {
		final byte[] b = build();
		final ByteBuffer buf = ByteBuffer.wrap(b).order(order);
		final int ifd = buf.getInt(4);
		final int n = buf.getShort(ifd) & 0xFFFF;
		for (int i = 0; i < n; i++)
			if ((buf.getShort(ifd + 2 + 12 * i) & 0xFFFF) == tag)
				return ifd + 2 + 12 * i;
		throw new IllegalArgumentException("no tag " + tag);
	}

	private static void put(final Map<Integer, long[]> tags, final Map<Integer, Integer> types, final int tag,
			final int type, final long... v) {
		tags.put(tag, v);
		types.put(tag, type);
	}
}
