package org.maptem.formats.mib;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.maptem.frames.Simd;

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
 * Words are copied out of the buffer in bulk (8 KiB chunks, or the raw quad rows of a band) and unpacked from the copy, by
 * {@link RawVectors} eight values at a time when {@link Simd#enabled()}, else by scalar loops giving the same values.
 * Quad 12-bit frames (chip side a multiple of 8) are copied a few raw rows at a time instead, and each raw row
 * unpacked to its top and its bottom frame row by one vector call per chunk: the copy of a whole band (32 KiB for a
 * 128 × 128 frame) no longer fits the L1 cache, and per half-row calls of a few vector steps cost as much as the
 * unpacking.
 * One decoder per thread: it owns the scratch arrays.
 */
final class RawFrameDecoder {

	/** Words copied out of the buffer at once: 8 KiB, so the copy stays in the L1 cache while it is unpacked. */
	static final int CHUNK_WORDS = 1024;

	/** Reads a big-endian {@code long} from a byte array: one load and a byte swap. */
	private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

	/** {@code BITS[8v + b]} is bit {@code b} of the byte value {@code v}. */
	private static final float[] BITS = new float[256 * 8];

	/** {@code REVERSED_BITS[8v + b]} is bit {@code 7 - b} of the byte value {@code v}. */
	private static final float[] REVERSED_BITS = new float[256 * 8];

	static {
		for (int v = 0; v < 256; v++)
			for (int b = 0; b < 8; b++) {
				BITS[8 * v + b] = (v >>> b) & 1;
				REVERSED_BITS[8 * v + b] = (v >>> (7 - b)) & 1;
			}
	}

	private final FrameEncoding enc;
	private final int bits;
	/** Chip side of a quad frame (0 otherwise), and bytes of one chip's row. */
	private final int chip;
	private final int chipRowBytes;
	private final byte[] bytes;
	/** The raw quad rows of one band, grown to the largest band read. */
	private byte[] run;

	RawFrameDecoder(final FrameEncoding enc) {
		if (enc.kind() == FrameEncoding.Kind.PROCESSED)
			throw new IllegalArgumentException("processed frames need no raw decoder");
		this.enc = enc;
		this.bits = enc.bits();
		this.chip = enc.kind() == FrameEncoding.Kind.RAW_QUAD ? enc.sigHeight() / 2 : 0;
		this.chipRowBytes = chip * bits / 8;
		this.bytes = new byte[8 * CHUNK_WORDS];
	}

	/**
	 * Decodes rows {@code rowStart ... rowStart + rows - 1} of the frame whose pixel data starts at byte
	 * {@code dataPos} of {@code buf} (absolute positions) into {@code dst[off ...]}.
	 */
	void decode(final ByteBuffer buf, final int dataPos, final int rowStart, final int rows, final float[] dst,
			final int off) {
		if (rows <= 0)
			return;
		final int w = enc.sigWidth();
		switch (enc.kind()) {
		case RAW -> {
			final int words = (int) ((long) rows * w * bits / 64);
			final int first = dataPos + (int) ((long) rowStart * w * bits / 8);
			final int per = 64 / bits;
			for (int w0 = 0; w0 < words; w0 += CHUNK_WORDS) {
				final int n = Math.min(CHUNK_WORDS, words - w0);
				buf.get(first + 8 * w0, bytes, 0, 8 * n);
				forward(bytes, 0, n, dst, off + w0 * per, Simd.enabled());
			}
		}
		case RAW_QUAD -> {
			// a frame row is half a raw row: chips 3 and 2 (top) or 1 and 0 (bottom) side by side in the file. The raw
			// rows the band needs are one run (top rows y, bottom rows 2S-1-y), copied out at once.
			final int s = chip;
			final int words = chipRowBytes / 8;
			final int rawRowBytes = 4 * chipRowBytes;
			final int end = rowStart + rows;
			int lo = Integer.MAX_VALUE;
			int hi = -1;
			if (rowStart < s) {
				lo = rowStart;
				hi = Math.min(end, s) - 1;
			}
			if (end > s) {
				lo = Math.min(lo, 2 * s - end);
				hi = Math.max(hi, 2 * s - 1 - Math.max(rowStart, s));
			}
			final boolean vectors = Simd.enabled();
			if (vectors && bits == 16 && s % 8 == 0) {
				// raw rows a few at a time (8 KiB, so the copy stays in the L1 cache), each giving a top and a bottom
				// frame row, in one vector loop nest per chunk
				final int perChunk = Math.max(1, bytes.length / rawRowBytes);
				final byte[] b = perChunk * rawRowBytes <= bytes.length ? bytes : run(rawRowBytes);
				for (int r = lo; r <= hi; r += perChunk) {
					final int n = Math.min(perChunk, hi + 1 - r);
					buf.get(dataPos + r * rawRowBytes, b, 0, n * rawRowBytes);
					RawVectors.quad16(b, r, n, s, rowStart, end, dst, off);
				}
				return;
			}
			final byte[] run = run((hi - lo + 1) * rawRowBytes);
			buf.get(dataPos + lo * rawRowBytes, run, 0, (hi - lo + 1) * rawRowBytes);
			for (int i = 0; i < rows; i++) {
				final int y = rowStart + i;
				final int o = off + i * w;
				if (y < s) {
					final int at = (y - lo) * rawRowBytes + 2 * chipRowBytes;
					forward(run, at + chipRowBytes, words, dst, o, vectors);
					forward(run, at, words, dst, o + s, vectors);
				} else {
					final int at = (2 * s - 1 - y - lo) * rawRowBytes;
					reversed(run, at + chipRowBytes, words, dst, o + s - 1, vectors);
					reversed(run, at, words, dst, o + 2 * s - 1, vectors);
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

	/** The scratch array for raw quad rows, grown to at least {@code size} bytes. */
	private byte[] run(final int size) {
		if (run == null || run.length < size)
			run = new byte[size];
		return run;
	}

	/**
	 * Unpacks the {@code words} words at {@code b[bOff ...]} into {@code dst[off]}, {@code dst[off + 1]}, ...: with
	 * {@link RawVectors} when {@code vectors} ({@link Simd#enabled()}, asked once per frame), else with the scalar
	 * loops; same values.
	 */
	private void forward(final byte[] b, final int bOff, final int words, final float[] dst, final int off,
			final boolean vectors) {
		switch (bits) {
		case 1 -> {
			if (vectors)
				RawVectors.bits1(BITS, b, bOff, words, dst, off);
			else
				bits1(b, bOff, words, dst, off);
		}
		case 8 -> {
			if (vectors)
				RawVectors.bytes8(b, bOff, words, dst, off);
			else
				bytes8(b, bOff, words, dst, off);
		}
		default -> {
			final int done = vectors ? RawVectors.words16(b, bOff, words, dst, off) : 0;
			words16(b, bOff + 8 * done, words - done, dst, off + 4 * done);
		}
		}
	}

	/** Unpacks the {@code words} words at {@code b[bOff ...]} into {@code dst[end]}, {@code dst[end - 1]}, ... */
	private void reversed(final byte[] b, final int bOff, final int words, final float[] dst, final int end,
			final boolean vectors) {
		switch (bits) {
		case 1 -> {
			if (vectors)
				RawVectors.bits1Reversed(REVERSED_BITS, b, bOff, words, dst, end - 64 * words + 1);
			else
				bits1Reversed(b, bOff, words, dst, end);
		}
		case 8 -> {
			if (vectors)
				RawVectors.bytes8Reversed(b, bOff, words, dst, end - 8 * words + 1);
			else
				bytes8Reversed(b, bOff, words, dst, end);
		}
		default -> {
			// the vector loop does the last words of the row (the first values); the scalar one the first words
			final int done = vectors ? RawVectors.words16Reversed(b, bOff, words, dst, end - 4 * words + 1) : 0;
			words16Reversed(b, bOff, words - done, dst, end);
		}
		}
	}

	/** 1-bit: value 8r+b of a word is bit b of its byte 7-r; each byte becomes 8 values through {@link #BITS}. */
	private static void bits1(final byte[] b, final int bOff, final int words, final float[] dst, final int off) {
		for (int j = 0; j < words; j++)
			for (int r = 0; r < 8; r++) {
				final int t = (b[bOff + 8 * j + 7 - r] & 0xFF) << 3;
				final int o = off + 64 * j + 8 * r;
				dst[o] = BITS[t];
				dst[o + 1] = BITS[t + 1];
				dst[o + 2] = BITS[t + 2];
				dst[o + 3] = BITS[t + 3];
				dst[o + 4] = BITS[t + 4];
				dst[o + 5] = BITS[t + 5];
				dst[o + 6] = BITS[t + 6];
				dst[o + 7] = BITS[t + 7];
			}
	}

	/** As {@link #bits1} writing value i to {@code dst[end - i]}. */
	private static void bits1Reversed(final byte[] b, final int bOff, final int words, final float[] dst, final int end) {
		// last value first, so that the stores run forward through dst: byte q of word j holds values
		// 8(7-q) ... 8(7-q)+7, which land at end - 64j - 8(7-q) - 7 ... end - 64j - 8(7-q), highest bit first
		final int start = end - 64 * words + 1;
		for (int i = 0; i < words; i++) {
			final int j = words - 1 - i;
			for (int q = 0; q < 8; q++) {
				final int t = (b[bOff + 8 * j + q] & 0xFF) << 3;
				final int o = start + 64 * i + 8 * q;
				dst[o] = BITS[t + 7];
				dst[o + 1] = BITS[t + 6];
				dst[o + 2] = BITS[t + 5];
				dst[o + 3] = BITS[t + 4];
				dst[o + 4] = BITS[t + 3];
				dst[o + 5] = BITS[t + 2];
				dst[o + 6] = BITS[t + 1];
				dst[o + 7] = BITS[t];
			}
		}
	}

	/** 8-bit: value k of a word is its byte 7-k. */
	private static void bytes8(final byte[] b, final int bOff, final int words, final float[] dst, final int off) {
		for (int j = 0; j < words; j++) {
			final int o = off + 8 * j;
			final int s = bOff + 8 * j;
			dst[o] = b[s + 7] & 0xFF;
			dst[o + 1] = b[s + 6] & 0xFF;
			dst[o + 2] = b[s + 5] & 0xFF;
			dst[o + 3] = b[s + 4] & 0xFF;
			dst[o + 4] = b[s + 3] & 0xFF;
			dst[o + 5] = b[s + 2] & 0xFF;
			dst[o + 6] = b[s + 1] & 0xFF;
			dst[o + 7] = b[s] & 0xFF;
		}
	}

	/** As {@link #bytes8} writing value i to {@code dst[end - i]}: the word's bytes land in file order. */
	private static void bytes8Reversed(final byte[] b, final int bOff, final int words, final float[] dst, final int end) {
		// last word first, so that the stores run forward through dst
		final int start = end - 8 * words + 1;
		for (int i = 0; i < words; i++) {
			final int o = start + 8 * i;
			final int s = bOff + 8 * (words - 1 - i);
			dst[o] = b[s] & 0xFF;
			dst[o + 1] = b[s + 1] & 0xFF;
			dst[o + 2] = b[s + 2] & 0xFF;
			dst[o + 3] = b[s + 3] & 0xFF;
			dst[o + 4] = b[s + 4] & 0xFF;
			dst[o + 5] = b[s + 5] & 0xFF;
			dst[o + 6] = b[s + 6] & 0xFF;
			dst[o + 7] = b[s + 7] & 0xFF;
		}
	}

	/** 16-bit: value k of a word read big-endian as {@code x} is {@code x >>> 16k}. */
	private static void words16(final byte[] b, final int bOff, final int words, final float[] dst, final int off) {
		for (int j = 0; j < words; j++) {
			final long x = (long) LONG_BE.get(b, bOff + 8 * j);
			final int o = off + 4 * j;
			dst[o] = (int) x & 0xFFFF;
			dst[o + 1] = (int) (x >>> 16) & 0xFFFF;
			dst[o + 2] = (int) (x >>> 32) & 0xFFFF;
			dst[o + 3] = (int) (x >>> 48) & 0xFFFF;
		}
	}

	/** As {@link #words16} writing value i to {@code dst[end - i]}. */
	private static void words16Reversed(final byte[] b, final int bOff, final int words, final float[] dst,
			final int end) {
		// last word first, so that the stores run forward through dst
		final int start = end - 4 * words + 1;
		for (int i = 0; i < words; i++) {
			final long x = (long) LONG_BE.get(b, bOff + 8 * (words - 1 - i));
			final int o = start + 4 * i;
			dst[o] = (int) (x >>> 48) & 0xFFFF;
			dst[o + 1] = (int) (x >>> 32) & 0xFFFF;
			dst[o + 2] = (int) (x >>> 16) & 0xFFFF;
			dst[o + 3] = (int) x & 0xFFFF;
		}
	}

	/**
	 * Counter depth 24: {@code count} values from the high-bit words at {@code hi} and the low-bit ones at {@code lo},
	 * copied out in chunks of half the scratch array each.
	 */
	private void combine24(final ByteBuffer buf, final int hi, final int lo, final int count, final float[] dst,
			final int off) {
		final int words = count >>> 2;
		final int half = bytes.length / 2;
		final int chunk = half / 8;
		final boolean vectors = Simd.enabled();
		for (int w0 = 0; w0 < words; w0 += chunk) {
			final int n = Math.min(chunk, words - w0);
			buf.get(hi + 8 * w0, bytes, 0, 8 * n);
			buf.get(lo + 8 * w0, bytes, half, 8 * n);
			final int o = off + 4 * w0;
			final int done = vectors ? RawVectors.combine24(bytes, 0, half, n, dst, o) : 0;
			for (int j = done; j < n; j++) {
				final long h = (long) LONG_BE.get(bytes, 8 * j);
				final long l = (long) LONG_BE.get(bytes, half + 8 * j);
				final int d = o + 4 * j;
				for (int k = 0; k < 4; k++)
					dst[d + k] = ((int) (h >>> 16 * k) & 0xFFF) << 12 | ((int) (l >>> 16 * k) & 0xFFF);
			}
		}
	}
}
