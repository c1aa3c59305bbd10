package org.maptem.formats.hdf5;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Decodes chunks written by the bitshuffle HDF5 filter (id 32008), with or without its LZ4 stage, and by the HDF5
 * LZ4 filter (id 32004), whose framing is the same.
 *
 * <p>Bitshuffle stores, per block of {@code n} elements ({@code n} a multiple of 8) of {@code s} bytes, {@code 8s}
 * bit rows of {@code n / 8} bytes: row {@code 8b + k} holds bit {@code k} of byte {@code b} of every element,
 * element {@code j} at bit {@code j % 8} of byte {@code j / 8}. A chunk of {@code N} elements is {@code N / n} full
 * blocks, then one block of the largest multiple of 8 elements left, then the last {@code N % 8} elements copied
 * unshuffled. With LZ4 the chunk starts with a 12-byte header (big-endian u64 decoded bytes, big-endian u32 block
 * bytes) and every block is a big-endian u32 compressed length followed by an LZ4 block; without it the chunk is
 * the shuffled bytes alone and blocks have the filter's block size ({@code 8192 / s} elements rounded down to a
 * multiple of 8, at least 128, when 0). The HDF5 LZ4 filter has the same header and per-block lengths without the
 * bit shuffle; a block whose length equals its decoded size is stored raw.
 *
 * <p>LZ4 blocks are decoded by {@link Lz4Block} (bounds-checked); every block must decode to exactly its size. One
 * instance per thread; it owns a block-sized scratch array.
 */
final class Bitshuffle {

	private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	/** Size of the LZ4 chunk header: decoded bytes (u64) and block bytes (u32), big-endian. */
	static final int HEADER = 12;
	/** Elements per bit-transposed group. */
	static final int MULT = 8;

	private byte[] block = new byte[0];

	/** Default block size in elements of the bitshuffle filter for {@code elemSize}-byte elements. */
	static int defaultBlockElements(final int elemSize) {
		final int n = 8192 / elemSize / MULT * MULT;
		return Math.max(n, 128);
	}

	/**
	 * Decodes a bitshuffle+LZ4 chunk: {@code src[off, off + len)} into {@code dst[0, expected)}.
	 *
	 * @param expected the decoded chunk size in bytes, a multiple of {@code elemSize}
	 * @throws BadChunk when the header disagrees with {@code expected}, a block length runs past the chunk, a block
	 *                  does not decode to its size, or bytes are left over
	 */
	void decodeLz4(final byte[] src, final int off, final int len, final int elemSize, final byte[] dst, final int expected)
			throws BadChunk {
		final int blockElems = readHeader(src, off, len, elemSize, true, expected);
		final int elems = expected / elemSize;
		int in = off + HEADER;
		int out = 0;
		int done = 0;
		while (elems - done >= MULT) {
			final int n = Math.min(blockElems, (elems - done) / MULT * MULT);
			final int bytes = n * elemSize;
			in = decodeBlock(src, off, len, in, bytes, scratch(bytes));
			untranspose(block, dst, out, n, elemSize);
			out += bytes;
			done += n;
		}
		in = copyTail(src, off, len, in, dst, out, expected - out);
		if (in != off + len)
			throw new BadChunk(in - off, "the chunk to end after its last block", (off + len - in) + " more bytes");
	}

	/**
	 * Decodes an uncompressed bitshuffle chunk: {@code src[off, off + len)} ({@code len} = decoded size) into
	 * {@code dst}.
	 *
	 * @param blockElems the filter's block size in elements, 0 for the default
	 */
	void decodePlain(final byte[] src, final int off, final int len, final int elemSize, final int blockElems,
			final byte[] dst) throws BadChunk {
		final int block = blockElems == 0 ? defaultBlockElements(elemSize) : blockElems;
		if (block % MULT != 0)
			throw new BadChunk(0, "a block size that is a multiple of 8 elements (filter parameter 3)", blockElems);
		if (len % elemSize != 0)
			throw new BadChunk(0, "a chunk of whole " + elemSize + "-byte elements", len + " bytes");
		final int elems = len / elemSize;
		int done = 0;
		int pos = 0;
		while (elems - done >= MULT) {
			final int n = Math.min(block, (elems - done) / MULT * MULT);
			untranspose(src, off + pos, dst, pos, n, elemSize);
			pos += n * elemSize;
			done += n;
		}
		System.arraycopy(src, off + pos, dst, pos, len - pos);
	}

	/**
	 * Decodes an HDF5 LZ4 filter chunk (id 32004): {@code src[off, off + len)} into {@code dst[0, expected)}.
	 *
	 * @param expected decoded bytes the caller expects; the header must say the same
	 */
	void decodeLz4Filter(final byte[] src, final int off, final int len, final byte[] dst, final int expected)
			throws BadChunk {
		final int blockBytes = readHeader(src, off, len, 1, false, expected);
		int in = off + HEADER;
		int out = 0;
		while (out < expected) {
			final int bytes = Math.min(blockBytes, expected - out);
			final int clen = lengthAt(src, off, len, in);
			if (clen == bytes) {
				System.arraycopy(src, in + 4, dst, out, bytes);
				in += 4 + bytes;
			} else {
				in = decodeBlock(src, off, len, in, bytes, scratch(bytes));
				System.arraycopy(block, 0, dst, out, bytes);
			}
			out += bytes;
		}
		if (in != off + len)
			throw new BadChunk(in - off, "the chunk to end after its last block", (off + len - in) + " more bytes");
	}

	/**
	 * Checks the 12-byte header against {@code expected}; returns the block size in elements. Bit-shuffled blocks hold
	 * a multiple of 8 elements.
	 */
	private static int readHeader(final byte[] src, final int off, final int len, final int elemSize,
			final boolean shuffled, final int expected) throws BadChunk {
		if (len < HEADER)
			throw new BadChunk(0, "a " + HEADER + "-byte LZ4 chunk header", len + " bytes");
		long total = 0;
		for (int i = 0; i < 8; i++)
			total = total << 8 | (src[off + i] & 0xFF);
		if (total != expected)
			throw new BadChunk(0, expected + " decoded bytes (the chunk shape × element size)", total);
		final long blockBytes = u32(src, off + 8);
		final int unit = shuffled ? MULT * elemSize : 1;
		if (blockBytes < 1 || blockBytes > Integer.MAX_VALUE || blockBytes % unit != 0)
			throw new BadChunk(8, "a block size of a positive multiple of " + unit + " bytes", blockBytes);
		return (int) (blockBytes / elemSize);
	}

	/** Decodes the length-prefixed LZ4 block at {@code in} into {@code dst[0, bytes)}; returns the next block's start. */
	private int decodeBlock(final byte[] src, final int off, final int len, final int in, final int bytes, final byte[] dst)
			throws BadChunk {
		final int clen = lengthAt(src, off, len, in);
		final int got;
		try {
			got = Lz4Block.decode(src, in + 4, clen, dst, 0, bytes);
		} catch (final BadChunk e) {
			throw new BadChunk(in + 4 - off + e.offset, e.expected + " (LZ4 block of " + clen + " bytes)", e.found);
		}
		if (got != bytes)
			throw new BadChunk(in + 4 - off, "an LZ4 block decoding to " + bytes + " bytes", got + " bytes");
		return in + 4 + clen;
	}

	/** The big-endian u32 block length at {@code in}, checked to lie inside the chunk. */
	private static int lengthAt(final byte[] src, final int off, final int len, final int in) throws BadChunk {
		if (in + 4 > off + len)
			throw new BadChunk(in - off, "a 4-byte block length", "the end of the chunk");
		final long clen = u32(src, in);
		if (clen > off + len - in - 4)
			throw new BadChunk(in - off, "a block length of at most " + (off + len - in - 4) + " bytes (the rest of the chunk)",
					clen);
		return (int) clen;
	}

	private static int copyTail(final byte[] src, final int off, final int len, final int in, final byte[] dst, final int out,
			final int bytes) throws BadChunk {
		if (in + bytes > off + len)
			throw new BadChunk(in - off, bytes + " unshuffled tail bytes", (off + len - in) + " bytes left");
		System.arraycopy(src, in, dst, out, bytes);
		return in + bytes;
	}

	private byte[] scratch(final int bytes) {
		if (block.length < bytes)
			block = new byte[bytes];
		return block;
	}

	private static long u32(final byte[] b, final int i) {
		return (b[i] & 0xFFL) << 24 | (b[i + 1] & 0xFFL) << 16 | (b[i + 2] & 0xFFL) << 8 | (b[i + 3] & 0xFFL);
	}

	/** Un-transposes one block of {@code n} elements held at {@code src[0 ...]} into {@code dst[dstOff ...]}. */
	private static void untranspose(final byte[] src, final byte[] dst, final int dstOff, final int n, final int elemSize) {
		untranspose(src, 0, dst, dstOff, n, elemSize);
	}

	/**
	 * Un-transposes one block of {@code n} elements ({@code n} a multiple of 8) from {@code src[srcOff ...]} into
	 * {@code dst[dstOff ...]}. Eight groups of 8 elements at a time: one 8-byte read from each of the 8 bit rows of a
	 * byte plane gives an 8 × 8 byte matrix whose transpose holds, per group, the word whose 8 × 8 bit transpose is
	 * that byte of the group's 8 elements; the planes of 1-, 2- and 4-byte elements are then interleaved in registers
	 * and written 8 bytes at a time. Groups left over (fewer than 8) go one word at a time.
	 */
	static void untranspose(final byte[] src, final int srcOff, final byte[] dst, final int dstOff, final int n,
			final int elemSize) {
		final int rowBytes = n / MULT;
		final long[] planes = new long[8 * elemSize];
		int g0 = 0;
		for (; g0 + 8 <= rowBytes; g0 += 8) {
			for (int b = 0; b < elemSize; b++)
				planeWords(src, srcOff + 8 * b * rowBytes + g0, rowBytes, planes, 8 * b);
			final int out = dstOff + 8 * g0 * elemSize;
			switch (elemSize) {
			case 1 -> {
				for (int j = 0; j < 8; j++)
					LONG.set(dst, out + 8 * j, planes[j]);
			}
			case 2 -> {
				for (int j = 0; j < 8; j++) {
					final long p0 = planes[j];
					final long p1 = planes[8 + j];
					if (p1 == 0) {
						// values below 256, common in counting data: the high bytes stay 0
						LONG.set(dst, out + 16 * j, spread8(p0));
						LONG.set(dst, out + 16 * j + 8, spread8(p0 >>> 32));
						continue;
					}
					LONG.set(dst, out + 16 * j, spread8(p0) | spread8(p1) << 8);
					LONG.set(dst, out + 16 * j + 8, spread8(p0 >>> 32) | spread8(p1 >>> 32) << 8);
				}
			}
			case 4 -> {
				for (int j = 0; j < 8; j++) {
					final long p0 = planes[j];
					final long p1 = planes[8 + j];
					final long p2 = planes[16 + j];
					final long p3 = planes[24 + j];
					// 16-bit units (byte 0, byte 1) and (byte 2, byte 3) of elements 0-3 and 4-7
					final long lo01 = spread8(p0) | spread8(p1) << 8;
					final long hi01 = spread8(p0 >>> 32) | spread8(p1 >>> 32) << 8;
					final long lo23 = spread8(p2) | spread8(p3) << 8;
					final long hi23 = spread8(p2 >>> 32) | spread8(p3 >>> 32) << 8;
					final int o = out + 32 * j;
					LONG.set(dst, o, spread16(lo01) | spread16(lo23) << 16);
					LONG.set(dst, o + 8, spread16(lo01 >>> 32) | spread16(lo23 >>> 32) << 16);
					LONG.set(dst, o + 16, spread16(hi01) | spread16(hi23) << 16);
					LONG.set(dst, o + 24, spread16(hi01 >>> 32) | spread16(hi23 >>> 32) << 16);
				}
			}
			default -> {
				for (int b = 0; b < elemSize; b++)
					for (int j = 0; j < 8; j++) {
						final long x = planes[8 * b + j];
						final int o = out + 8 * j * elemSize + b;
						for (int m = 0; m < 8; m++)
							dst[o + m * elemSize] = (byte) (x >>> (8 * m));
					}
			}
			}
		}
		for (int b = 0; b < elemSize; b++) {
			final int rows = srcOff + 8 * b * rowBytes;
			for (int g = g0; g < rowBytes; g++) {
				long x = 0;
				for (int k = 0; k < 8; k++)
					x |= (src[rows + k * rowBytes + g] & 0xFFL) << (8 * k);
				x = transpose8x8(x);
				final int o = dstOff + 8 * g * elemSize + b;
				for (int m = 0; m < 8; m++)
					dst[o + m * elemSize] = (byte) (x >>> (8 * m));
			}
		}
	}

	/**
	 * For the 8 groups starting at byte {@code at} of a plane's first bit row: {@code out[o + j]} gets the word whose
	 * byte {@code m} is byte {@code b} of element {@code m} of group {@code j}.
	 */
	private static void planeWords(final byte[] src, final int at, final int rowBytes, final long[] out, final int o) {
		long r0 = (long) LONG.get(src, at);
		long r1 = (long) LONG.get(src, at + rowBytes);
		long r2 = (long) LONG.get(src, at + 2 * rowBytes);
		long r3 = (long) LONG.get(src, at + 3 * rowBytes);
		long r4 = (long) LONG.get(src, at + 4 * rowBytes);
		long r5 = (long) LONG.get(src, at + 5 * rowBytes);
		long r6 = (long) LONG.get(src, at + 6 * rowBytes);
		long r7 = (long) LONG.get(src, at + 7 * rowBytes);
		if ((r0 | r1 | r2 | r3 | r4 | r5 | r6 | r7) == 0) {
			// counting data leaves its high bit planes empty: nothing to transpose
			java.util.Arrays.fill(out, o, o + 8, 0L);
			return;
		}
		// transpose the 8 × 8 byte matrix (row k = bit row k, column j = group j): swap 1-, 2-, then 4-byte blocks
		long t;
		t = ((r0 >>> 8) ^ r1) & 0x00FF00FF00FF00FFL; r1 ^= t; r0 ^= t << 8;
		t = ((r2 >>> 8) ^ r3) & 0x00FF00FF00FF00FFL; r3 ^= t; r2 ^= t << 8;
		t = ((r4 >>> 8) ^ r5) & 0x00FF00FF00FF00FFL; r5 ^= t; r4 ^= t << 8;
		t = ((r6 >>> 8) ^ r7) & 0x00FF00FF00FF00FFL; r7 ^= t; r6 ^= t << 8;
		t = ((r0 >>> 16) ^ r2) & 0x0000FFFF0000FFFFL; r2 ^= t; r0 ^= t << 16;
		t = ((r1 >>> 16) ^ r3) & 0x0000FFFF0000FFFFL; r3 ^= t; r1 ^= t << 16;
		t = ((r4 >>> 16) ^ r6) & 0x0000FFFF0000FFFFL; r6 ^= t; r4 ^= t << 16;
		t = ((r5 >>> 16) ^ r7) & 0x0000FFFF0000FFFFL; r7 ^= t; r5 ^= t << 16;
		t = ((r0 >>> 32) ^ r4) & 0x00000000FFFFFFFFL; r4 ^= t; r0 ^= t << 32;
		t = ((r1 >>> 32) ^ r5) & 0x00000000FFFFFFFFL; r5 ^= t; r1 ^= t << 32;
		t = ((r2 >>> 32) ^ r6) & 0x00000000FFFFFFFFL; r6 ^= t; r2 ^= t << 32;
		t = ((r3 >>> 32) ^ r7) & 0x00000000FFFFFFFFL; r7 ^= t; r3 ^= t << 32;
		out[o] = transpose8x8(r0);
		out[o + 1] = transpose8x8(r1);
		out[o + 2] = transpose8x8(r2);
		out[o + 3] = transpose8x8(r3);
		out[o + 4] = transpose8x8(r4);
		out[o + 5] = transpose8x8(r5);
		out[o + 6] = transpose8x8(r6);
		out[o + 7] = transpose8x8(r7);
	}

	/** The low 4 bytes of {@code v} moved to bytes 0, 2, 4, 6. */
	static long spread8(final long v) {
		long x = v & 0xFFFFFFFFL;
		x = (x | x << 16) & 0x0000FFFF0000FFFFL;
		return (x | x << 8) & 0x00FF00FF00FF00FFL;
	}

	/** The low two 16-bit units of {@code v} moved to units 0 and 2. */
	static long spread16(final long v) {
		final long x = v & 0xFFFFFFFFL;
		return (x | x << 16) & 0x0000FFFF0000FFFFL;
	}

	/**
	 * Transposes the 8 × 8 bit matrix whose row {@code i} is byte {@code i} of {@code x} (bit {@code j} of the byte
	 * = column {@code j}), by three swaps of 2 × 2, 4 × 4 and 8 × 8 sub-blocks.
	 */
	static long transpose8x8(long x) {
		long t = (x ^ (x >>> 7)) & 0x00AA00AA00AA00AAL;
		x = x ^ t ^ (t << 7);
		t = (x ^ (x >>> 14)) & 0x0000CCCC0000CCCCL;
		x = x ^ t ^ (t << 14);
		t = (x ^ (x >>> 28)) & 0x00000000F0F0F0F0L;
		return x ^ t ^ (t << 28);
	}
}
