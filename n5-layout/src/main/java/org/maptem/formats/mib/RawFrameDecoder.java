package org.maptem.formats.mib;

import java.nio.ByteBuffer;

/**
 * Decodes rows of raw ({@code R64}) Merlin frames into float tiles: unpacks 64-bit detector words and, for quad
 * detectors, puts each chip's rows where they belong.
 *
 * <p>A raw frame is a sequence of 64-bit words stored big-endian (equivalently: reverse the 8 bytes of each word,
 * then read little-endian). Word {@code j} holds the values {@code 64/b·j ...} of the raw image, value {@code k}
 * of the word in bits {@code k·b} to {@code k·b + b - 1} counted from the least significant bit, with {@code b} = 1,
 * 8 or 16 bits for counter depths 1, 6 and 12. Reading the word as a big-endian {@code long} and shifting right by
 * {@code k·b} therefore gives value {@code k}, with no byte shuffling.
 *
 * <ul>
 * <li>One chip: the raw image is the frame.</li>
 * <li>2×2 quad (raw image 4S wide, S high, S the chip side): raw row {@code r} holds chip segments {@code 0 1 2 3}
 * of S values each. Output row {@code r < S} is segment 3 then segment 2; output row {@code 2S-1-r} is segment 1
 * then segment 0, each reversed: the bottom two chips are rotated by 180°.</li>
 * <li>Counter depth 24 on one chip: two 12-bit images in 16-bit words, high bits first; value = high·4096 + low,
 * each masked to 12 bits.</li>
 * </ul>
 * One decoder per thread: the double path uses a scratch row.
 */
final class RawFrameDecoder {

	private final FrameEncoding enc;
	private final int rawWidth;
	private float[] row;

	RawFrameDecoder(final FrameEncoding enc) {
		this.enc = enc;
		this.rawWidth = switch (enc.kind()) {
		case RAW -> enc.sigWidth();
		case RAW_QUAD -> 2 * enc.sigWidth();
		case RAW_24 -> enc.sigWidth();
		case PROCESSED -> throw new IllegalArgumentException("processed frames need no raw decoder");
		};
	}

	/**
	 * Decodes rows {@code rowStart ... rowStart + rows - 1} of the frame whose pixel data starts at byte
	 * {@code dataPos} of {@code buf} (absolute positions; {@code buf} must be big-endian) into {@code dst[off ...]}.
	 */
	void decode(final ByteBuffer buf, final int dataPos, final int rowStart, final int rows, final float[] dst,
			final int off) {
		final int w = enc.sigWidth();
		final int bits = enc.bits();
		switch (enc.kind()) {
		case RAW -> unpack(buf, dataPos + (int) ((long) rowStart * w * bits / 8), rows * w, bits, dst, off, 1);
		case RAW_QUAD -> {
			final int s = enc.sigHeight() / 2;
			final int segBytes = s * bits / 8;
			final int rawRowBytes = rawWidth * bits / 8;
			for (int i = 0; i < rows; i++) {
				final int y = rowStart + i;
				final int o = off + i * w;
				if (y < s) {
					final int p = dataPos + y * rawRowBytes;
					unpack(buf, p + 3 * segBytes, s, bits, dst, o, 1);
					unpack(buf, p + 2 * segBytes, s, bits, dst, o + s, 1);
				} else {
					final int p = dataPos + (2 * s - 1 - y) * rawRowBytes;
					unpack(buf, p + segBytes, s, bits, dst, o + s - 1, -1);
					unpack(buf, p, s, bits, dst, o + 2 * s - 1, -1);
				}
			}
		}
		case RAW_24 -> {
			final int hi = dataPos + rowStart * w * 2;
			final int lo = hi + enc.sigHeight() * w * 2;
			combine24(buf, hi, lo, rows * w, dst, off);
		}
		case PROCESSED -> throw new IllegalStateException("processed frames need no raw decoder");
		}
	}

	/** As {@link #decode(ByteBuffer, int, int, int, float[], int)} into doubles (every value is exact in float). */
	void decode(final ByteBuffer buf, final int dataPos, final int rowStart, final int rows, final double[] dst,
			final int off) {
		final int w = enc.sigWidth();
		if (row == null)
			row = new float[w];
		for (int i = 0; i < rows; i++) {
			decode(buf, dataPos, rowStart + i, 1, row, 0);
			final int o = off + i * w;
			for (int x = 0; x < w; x++)
				dst[o + x] = row[x];
		}
	}

	/**
	 * Unpacks {@code count} {@code bits}-wide values (count a multiple of 64/bits) from the words at {@code pos} into
	 * {@code dst[off]}, {@code dst[off + step]}, ...
	 */
	static void unpack(final ByteBuffer buf, final int pos, final int count, final int bits, final float[] dst,
			final int off, final int step) {
		switch (bits) {
		case 1 -> unpack1(buf, pos, count >>> 6, dst, off, step);
		case 8 -> unpack8(buf, pos, count >>> 3, dst, off, step);
		case 16 -> unpack16(buf, pos, count >>> 2, dst, off, step);
		default -> throw new IllegalArgumentException("raw words hold 1-, 8- or 16-bit values, not " + bits);
		}
	}

	private static void unpack1(final ByteBuffer buf, final int pos, final int words, final float[] dst, final int off,
			final int step) {
		int d = off;
		for (int j = 0; j < words; j++) {
			final long v = buf.getLong(pos + 8 * j);
			if (step == 1) {
				final int lowBits = (int) v;
				final int highBits = (int) (v >>> 32);
				for (int k = 0; k < 32; k++)
					dst[d + k] = (lowBits >>> k) & 1;
				for (int k = 0; k < 32; k++)
					dst[d + 32 + k] = (highBits >>> k) & 1;
				d += 64;
			} else {
				for (int k = 0; k < 64; k++) {
					dst[d] = (int) (v >>> k) & 1;
					d += step;
				}
			}
		}
	}

	private static void unpack8(final ByteBuffer buf, final int pos, final int words, final float[] dst, final int off,
			final int step) {
		int d = off;
		for (int j = 0; j < words; j++) {
			final long v = buf.getLong(pos + 8 * j);
			for (int k = 0; k < 64; k += 8) {
				dst[d] = (int) (v >>> k) & 0xFF;
				d += step;
			}
		}
	}

	private static void unpack16(final ByteBuffer buf, final int pos, final int words, final float[] dst, final int off,
			final int step) {
		int d = off;
		for (int j = 0; j < words; j++) {
			final long v = buf.getLong(pos + 8 * j);
			for (int k = 0; k < 64; k += 16) {
				dst[d] = (int) (v >>> k) & 0xFFFF;
				d += step;
			}
		}
	}

	/** Counter depth 24: {@code count} values from the high-bit words at {@code hi} and the low-bit words at {@code lo}. */
	private static void combine24(final ByteBuffer buf, final int hi, final int lo, final int count, final float[] dst,
			final int off) {
		final int words = count >>> 2;
		int d = off;
		for (int j = 0; j < words; j++) {
			final long h = buf.getLong(hi + 8 * j);
			final long l = buf.getLong(lo + 8 * j);
			for (int k = 0; k < 64; k += 16) {
				dst[d++] = ((int) (h >>> k) & 0xFFF) << 12 | ((int) (l >>> k) & 0xFFF);
			}
		}
	}
}
