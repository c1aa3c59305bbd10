package org.maptem.formats.hdf5;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Encoders of HDF5 chunk filters, the writing side of {@link ChunkFilter}, for files the benchmark samples write:
 * deflate (zlib stream) and bitshuffle+LZ4 in the layout of {@link org.maptem.formats.hdf5 the package
 * documentation}, with an LZ4 block compressor (greedy, one hash probe per position: it finds the long runs of zero
 * bytes of bit-transposed counting data, not the best compression). Not thread-safe: one instance per writer;
 * {@link #close()} frees the deflater's native memory.
 */
final class ChunkEncoders implements AutoCloseable {

	private static final int MIN_MATCH = 4;
	/** The LZ4 block format ends with at least 5 literals, and the last match starts at least 12 bytes before the end. */
	private static final int LAST_LITERALS = 5;
	private static final int MF_LIMIT = 12;
	private static final int HASH_LOG = 12;
	private static final int MAX_OFFSET = 0xFFFF;

	private final int[] table = new int[1 << HASH_LOG];
	private final int level;
	private Deflater deflater;
	private byte[] shuffled = new byte[0];
	private byte[] out = new byte[0];

	/** Encoders; deflate at {@code level} (0 to 9). */
	ChunkEncoders(final int level) {
		this.level = level;
	}

	/** {@code chunk} as one zlib stream (HDF5 filter 1). */
	byte[] deflate(final byte[] chunk) {
		if (deflater == null)
			deflater = new Deflater(level);
		deflater.reset();
		deflater.setInput(chunk);
		deflater.finish();
		final ByteArrayOutputStream b = new ByteArrayOutputStream(chunk.length / 2 + 64);
		final byte[] buf = new byte[1 << 16];
		while (!deflater.finished())
			b.write(buf, 0, deflater.deflate(buf));
		return b.toByteArray();
	}

	/**
	 * {@code chunk} as the bitshuffle filter (HDF5 filter 32008, compression 2) writes it for {@code elemSize}-byte
	 * elements in blocks of the default size: the 12-byte header, each block bit-transposed and LZ4-compressed after
	 * its big-endian length, the last {@code elements mod 8} elements as they are.
	 */
	byte[] bitshuffleLz4(final byte[] chunk, final int elemSize) {
		final int blockElems = Bitshuffle.defaultBlockElements(elemSize);
		final int n = chunk.length / elemSize;
		if (shuffled.length < blockElems * elemSize)
			shuffled = new byte[blockElems * elemSize];
		final int bound = 12 + chunk.length + chunk.length / 255 + 16 * (n / blockElems + 1) + 64;
		if (out.length < bound)
			out = new byte[bound];
		int o = putBE(out, 0, chunk.length, 8);
		o = putBE(out, o, (long) blockElems * elemSize, 4);
		int done = 0;
		while (n - done >= Bitshuffle.MULT) {
			final int m = Math.min(blockElems, (n - done) / Bitshuffle.MULT * Bitshuffle.MULT);
			transpose(chunk, done * elemSize, m, elemSize, shuffled);
			final int len = compress(shuffled, m * elemSize, out, o + 4);
			putBE(out, o, len, 4);
			o += 4 + len;
			done += m;
		}
		final int tail = chunk.length - done * elemSize;
		System.arraycopy(chunk, done * elemSize, out, o, tail);
		return Arrays.copyOf(out, o + tail);
	}

	/**
	 * Bit-transposes {@code m} elements ({@code m} a multiple of 8): bit {@code k} of byte {@code b} of element
	 * {@code j} goes to bit {@code j % 8} of byte {@code j / 8} of row {@code 8b + k}.
	 */
	static void transpose(final byte[] src, final int off, final int m, final int elemSize, final byte[] dst) {
		final int rowBytes = m / 8;
		for (int b = 0; b < elemSize; b++)
			for (int g = 0; g < rowBytes; g++) {
				final int at = off + 8 * g * elemSize + b;
				for (int k = 0; k < 8; k++) {
					int v = 0;
					for (int t = 0; t < 8; t++)
						v |= (src[at + t * elemSize] >>> k & 1) << t;
					dst[(8 * b + k) * rowBytes + g] = (byte) v;
				}
			}
	}

	/**
	 * Compresses {@code src[0, len)} into one LZ4 block at {@code dst[at...]} (room for {@code len + len / 255 + 16}
	 * bytes) and returns its length.
	 */
	int compress(final byte[] src, final int len, final byte[] dst, final int at) {
		Arrays.fill(table, -1);
		int o = at;
		int anchor = 0;
		int ip = 0;
		final int matchLimit = len - LAST_LITERALS;
		while (ip < len - MF_LIMIT) {
			final int seq = int32(src, ip);
			final int h = seq * -1640531535 >>> (32 - HASH_LOG);
			final int ref = table[h];
			table[h] = ip;
			if (ref < 0 || ip - ref > MAX_OFFSET || int32(src, ref) != seq) {
				ip++;
				continue;
			}
			int end = ip + MIN_MATCH;
			while (end < matchLimit && src[end] == src[end - ip + ref])
				end++;
			o = sequence(src, anchor, ip - anchor, dst, o);
			dst[o++] = (byte) (ip - ref);
			dst[o++] = (byte) (ip - ref >>> 8);
			o = matchLength(dst, o, end - ip - MIN_MATCH);
			ip = end;
			anchor = ip;
		}
		o = sequence(src, anchor, len - anchor, dst, o);
		return o - at;
	}

	/** Token and literals of a sequence; the token's match nibble is filled by {@link #length}. */
	private int sequence(final byte[] src, final int from, final int n, final byte[] dst, final int at) {
		int o = at;
		tokenAt = o;
		dst[o++] = (byte) (Math.min(n, 15) << 4);
		o = extra(dst, o, n);
		System.arraycopy(src, from, dst, o, n);
		return o + n;
	}

	/** Where the current sequence's token is. */
	private int tokenAt;

	/**
	 * Sets the match nibble of the current token and writes the bytes after the offset, for a match of
	 * {@code MIN_MATCH + matchExtra} bytes.
	 */
	private int matchLength(final byte[] dst, final int at, final int matchExtra) {
		dst[tokenAt] |= (byte) Math.min(matchExtra, 15);
		return extra(dst, at, matchExtra);
	}

	/** The bytes after a token nibble for a length of {@code n} (none below 15). */
	private static int extra(final byte[] dst, final int at, final int n) {
		int o = at;
		if (n >= 15) {
			int rest = n - 15;
			while (rest >= 255) {
				dst[o++] = (byte) 255;
				rest -= 255;
			}
			dst[o++] = (byte) rest;
		}
		return o;
	}

	private static int int32(final byte[] b, final int i) {
		return b[i] & 0xFF | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | b[i + 3] << 24;
	}

	private static int putBE(final byte[] b, final int at, final long v, final int n) {
		for (int i = 0; i < n; i++)
			b[at + i] = (byte) (v >>> (8 * (n - 1 - i)));
		return at + n;
	}

	@Override
	public void close() {
		if (deflater != null)
			deflater.end();
	}
}
