package org.maptem.formats.hdf5;

import java.util.Arrays;

/**
 * Decodes one LZ4 block (the LZ4 block format: sequences of a token, literal length, literals, 2-byte little-endian
 * match offset and match length; the last sequence has literals only) with every read and write bounds-checked.
 *
 * <p>Written here rather than taken from lz4-java because lz4-java's bounds-checked (pure Java, no
 * {@code sun.misc.Unsafe}) decoder copies overlapping matches byte by byte, which makes it the slowest step of
 * reading bitshuffled detector data (long runs of zero bits are offset-1 matches), while its faster decoders skip
 * bounds checks that malformed input needs. Overlapping matches are copied here by doubling spans
 * ({@link System#arraycopy}) or a fill. Stateless and thread-safe.
 */
final class Lz4Block {

	private static final int MIN_MATCH = 4;

	private Lz4Block() {
	}

	/**
	 * Decodes {@code src[off, off + len)} into {@code dst[dstOff, dstOff + max)}.
	 *
	 * @return the number of bytes written
	 * @throws BadChunk at the offset (from {@code off}) where the block breaks the format or overruns {@code max}
	 */
	static int decode(final byte[] src, final int off, final int len, final byte[] dst, final int dstOff, final int max)
			throws BadChunk {
		final int end = off + len;
		final int dstEnd = dstOff + max;
		int ip = off;
		int op = dstOff;
		if (len == 0)
			throw new BadChunk(0, "an LZ4 block of at least one byte", "an empty block");
		while (true) {
			final int token = src[ip++] & 0xFF;
			long literals = token >>> 4;
			if (literals == 15) {
				int b;
				do {
					if (ip >= end)
						throw new BadChunk(ip - off, "a literal length byte", "the end of the block");
					b = src[ip++] & 0xFF;
					literals += b;
				} while (b == 255);
			}
			if (literals > end - ip)
				throw new BadChunk(ip - off, literals + " literal bytes", (end - ip) + " bytes left in the block");
			if (literals > dstEnd - op)
				throw new BadChunk(ip - off, "at most " + (dstEnd - op) + " more decoded bytes", literals + " literals");
			System.arraycopy(src, ip, dst, op, (int) literals);
			ip += (int) literals;
			op += (int) literals;
			if (ip == end)
				return op - dstOff;
			if (ip + 2 > end)
				throw new BadChunk(ip - off, "a 2-byte match offset", "the end of the block");
			final int offset = (src[ip] & 0xFF) | (src[ip + 1] & 0xFF) << 8;
			if (offset == 0 || offset > op - dstOff)
				throw new BadChunk(ip - off, "a match offset of 1 to " + (op - dstOff), offset);
			ip += 2;
			long match = token & 15;
			if (match == 15) {
				int b;
				do {
					if (ip >= end)
						throw new BadChunk(ip - off, "a match length byte", "the end of the block");
					b = src[ip++] & 0xFF;
					match += b;
				} while (b == 255);
			}
			match += MIN_MATCH;
			if (match > dstEnd - op)
				throw new BadChunk(ip - off, "at most " + (dstEnd - op) + " more decoded bytes", "a match of " + match);
			copyMatch(dst, op, offset, (int) match);
			op += (int) match;
			if (ip >= end)
				throw new BadChunk(ip - off, "a last sequence of literals", "the block ending in a match");
		}
	}

	/** Copies {@code n} bytes from {@code offset} bytes back, repeating the pattern when they overlap. */
	private static void copyMatch(final byte[] dst, final int op, final int offset, final int n) {
		final int from = op - offset;
		if (offset >= n) {
			System.arraycopy(dst, from, dst, op, n);
			return;
		}
		if (offset == 1) {
			Arrays.fill(dst, op, op + n, dst[from]);
			return;
		}
		// [from, op + done) repeats with period offset: copy it forward in spans that double
		int done = 0;
		while (done < n) {
			final int span = Math.min(offset + done, n - done);
			System.arraycopy(dst, from, dst, op + done, span);
			done += span;
		}
	}
}
