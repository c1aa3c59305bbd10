package org.maptem.formats.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;

/**
 * The bitshuffle(+LZ4) and LZ4 chunk decoders against an encoder written here from the bitshuffle definition (bit
 * {@code k} of byte {@code b} of element {@code j} goes to bit {@code j % 8} of byte {@code j / 8} of row
 * {@code 8b + k}), bit by bit, and against hand-computed blocks.
 */
class BitshuffleTest {

	/** Bit-shuffles {@code data} block by block, bit by bit; the tail of fewer than 8 elements is copied. */
	static byte[] shuffle(final byte[] data, final int elemSize, final int blockElems) {
		final int n = data.length / elemSize;
		final byte[] out = new byte[data.length];
		int done = 0;
		while (n - done >= 8) {
			final int m = Math.min(blockElems, (n - done) / 8 * 8);
			final int base = done * elemSize;
			for (int j = 0; j < m; j++)
				for (int b = 0; b < elemSize; b++)
					for (int k = 0; k < 8; k++) {
						final int bit = data[base + j * elemSize + b] >> k & 1;
						final int row = 8 * b + k;
						out[base + row * (m / 8) + j / 8] |= (byte) (bit << (j % 8));
					}
			done += m;
		}
		System.arraycopy(data, done * elemSize, out, done * elemSize, data.length - done * elemSize);
		return out;
	}

	/** An LZ4 block holding {@code data} as one run of literals (valid LZ4: the last sequence has no match). */
	static byte[] lz4Literals(final byte[] data, final int off, final int len) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(Math.min(len, 15) << 4);
		if (len >= 15) {
			int rest = len - 15;
			while (rest >= 255) {
				out.write(255);
				rest -= 255;
			}
			out.write(rest);
		}
		out.write(data, off, len);
		return out.toByteArray();
	}

	interface BlockCompressor {
		byte[] compress(byte[] data, int off, int len);
	}

	static final BlockCompressor LITERALS = BitshuffleTest::lz4Literals;

	static final BlockCompressor LZ4_JAVA = (data, off, len) -> {
		final LZ4Compressor c = LZ4Factory.safeInstance().highCompressor();
		final byte[] out = new byte[c.maxCompressedLength(len)];
		final int n = c.compress(data, off, len, out, 0, out.length);
		return java.util.Arrays.copyOf(out, n);
	};

	/** A bitshuffle+LZ4 chunk as the HDF5 filter writes it. */
	static byte[] encodeChunk(final byte[] data, final int elemSize, final int blockElems, final BlockCompressor lz4) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		writeBE(out, data.length, 8);
		writeBE(out, (long) blockElems * elemSize, 4);
		final byte[] shuffled = shuffle(data, elemSize, blockElems);
		final int n = data.length / elemSize;
		int done = 0;
		while (n - done >= 8) {
			final int m = Math.min(blockElems, (n - done) / 8 * 8);
			final byte[] c = lz4.compress(shuffled, done * elemSize, m * elemSize);
			writeBE(out, c.length, 4);
			out.write(c, 0, c.length);
			done += m;
		}
		out.write(shuffled, done * elemSize, data.length - done * elemSize);
		return out.toByteArray();
	}

	static void writeBE(final ByteArrayOutputStream out, final long v, final int bytes) {
		for (int i = bytes - 1; i >= 0; i--)
			out.write((int) (v >>> (8 * i)) & 0xFF);
	}

	static byte[] random(final int n, final long seed, final boolean compressible) {
		final SplittableRandom r = new SplittableRandom(seed);
		final byte[] b = new byte[n];
		for (int i = 0; i < n; i++)
			// counting-detector-like values: mostly small, so that shuffled bit rows compress
			b[i] = (byte) (compressible ? (r.nextInt(10) == 0 ? r.nextInt(4) : 0) : r.nextInt(256));
		return b;
	}

	/** {@code n} counting-detector-like values: mostly 0, some 1 to 19. */
	static double[] sparse(final int n, final long seed) {
		final SplittableRandom r = new SplittableRandom(seed);
		final double[] v = new double[n];
		for (int i = 0; i < n; i++)
			v[i] = r.nextInt(8) == 0 ? 1 + r.nextInt(19) : 0;
		return v;
	}

	@ParameterizedTest(name = "{0}-byte elements, {1} elements, blocks of {2}")
	@CsvSource({ "1, 4096, 1024", "2, 1000, 256", "4, 36864, 2048", "4, 37, 2048", "4, 5, 2048", "8, 1003, 128",
			"4, 2056, 2048", "2, 4100, 4096", "4, 8, 8" })
	void decodesChunksFromAnIndependentBitByBitEncoder(final int elemSize, final int elements, final int blockElems)
			throws BadChunk {
		for (final boolean compressible : new boolean[] { true, false })
			for (final BlockCompressor c : new BlockCompressor[] { LITERALS, LZ4_JAVA }) {
				final byte[] data = random(elements * elemSize, elements * 31L + elemSize, compressible);
				final byte[] chunk = encodeChunk(data, elemSize, blockElems, c);
				final byte[] out = new byte[data.length];
				new Bitshuffle().decodeLz4(chunk, 0, chunk.length, elemSize, out, data.length);
				assertArrayEquals(data, out);
			}
	}

	@Test
	void decodesAChunkAtAnOffsetInsideALargerArray() throws BadChunk {
		final byte[] data = random(4 * 300, 5, true);
		final byte[] chunk = encodeChunk(data, 4, 64, LZ4_JAVA);
		final byte[] padded = new byte[chunk.length + 20];
		System.arraycopy(chunk, 0, padded, 7, chunk.length);
		final byte[] out = new byte[data.length];
		new Bitshuffle().decodeLz4(padded, 7, chunk.length, 4, out, data.length);
		assertArrayEquals(data, out);
	}

	@Test
	void untransposesHandComputedBlocks() {
		// one byte per element: element 0 = 0x01 sets bit 0 of row 0; element 7 = 0x80 sets bit 7 of row 7
		final byte[] shuffled = { 0x01, 0, 0, 0, 0, 0, 0, (byte) 0x80 };
		final byte[] out = new byte[8];
		Bitshuffle.untranspose(shuffled, 0, out, 0, 8, 1);
		assertArrayEquals(new byte[] { 1, 0, 0, 0, 0, 0, 0, (byte) 0x80 }, out);
		// every row 0x01: element 0 has all 8 bits set, the others none
		final byte[] all = { 1, 1, 1, 1, 1, 1, 1, 1 };
		Bitshuffle.untranspose(all, 0, out, 0, 8, 1);
		assertArrayEquals(new byte[] { (byte) 0xFF, 0, 0, 0, 0, 0, 0, 0 }, out);
		// 16-bit elements, little-endian value 0x0100 in element 2: byte 1 bit 0 → row 8, bit 2 → 0x04
		final byte[] s16 = new byte[16];
		s16[8] = 0x04;
		final byte[] o16 = new byte[16];
		Bitshuffle.untranspose(s16, 0, o16, 0, 8, 2);
		final byte[] want = new byte[16];
		want[2 * 2 + 1] = 1;
		assertArrayEquals(want, o16);
	}

	@Test
	void transposeIsAnInvolutionAndMovesBitIJToJI() {
		final SplittableRandom r = new SplittableRandom(3);
		for (int t = 0; t < 200; t++) {
			final long x = r.nextLong();
			final long y = Bitshuffle.transpose8x8(x);
			assertEquals(x, Bitshuffle.transpose8x8(y));
			for (int i = 0; i < 8; i++)
				for (int j = 0; j < 8; j++)
					assertEquals(x >>> (8 * i + j) & 1, y >>> (8 * j + i) & 1);
		}
	}

	@ParameterizedTest(name = "{0}-byte elements")
	@CsvSource({ "1", "2", "4", "8" })
	void decodesBlocksWhoseHighBytePlanesAreEmptyInSomeGroupsOnly(final int elemSize) throws BadChunk {
		// counts below 256 leave every byte plane but the lowest empty, except in the runs holding a large value
		final int elements = 3000;
		final SplittableRandom r = new SplittableRandom(elemSize);
		final byte[] data = new byte[elements * elemSize];
		for (int j = 0; j < elements; j++) {
			data[j * elemSize] = (byte) r.nextInt(200);
			if (j % 700 == 5)
				for (int b = 1; b < elemSize; b++)
					data[j * elemSize + b] = (byte) (1 + r.nextInt(255));
		}
		final int block = Bitshuffle.defaultBlockElements(elemSize);
		for (final BlockCompressor c : new BlockCompressor[] { LITERALS, LZ4_JAVA }) {
			final byte[] chunk = encodeChunk(data, elemSize, block, c);
			final byte[] out = new byte[data.length];
			new Bitshuffle().decodeLz4(chunk, 0, chunk.length, elemSize, out, data.length);
			assertArrayEquals(data, out);
		}
		final byte[] plain = new byte[data.length];
		new Bitshuffle().decodePlain(shuffle(data, elemSize, block), 0, data.length, elemSize, 0, plain);
		assertArrayEquals(data, plain);
	}

	@ParameterizedTest(name = "{0}-byte elements, {1} elements, blocks of {2}")
	@CsvSource({ "2, 5000, 0", "4, 2053, 0", "1, 100, 16", "8, 9, 0" })
	void decodesUncompressedBitshuffleWithTheDefaultOrGivenBlockSize(final int elemSize, final int elements, final int blockParam)
			throws BadChunk {
		final int block = blockParam == 0 ? Math.max(128, 8192 / elemSize / 8 * 8) : blockParam;
		assertEquals(block, blockParam == 0 ? Bitshuffle.defaultBlockElements(elemSize) : blockParam);
		final byte[] data = random(elements * elemSize, elements, false);
		final byte[] shuffled = shuffle(data, elemSize, block);
		final byte[] out = new byte[data.length];
		new Bitshuffle().decodePlain(shuffled, 0, shuffled.length, elemSize, blockParam, out);
		assertArrayEquals(data, out);
	}

	/** The HDF5 LZ4 filter's chunk: same header, blocks stored raw when LZ4 does not shrink them. */
	static byte[] encodeLz4Filter(final byte[] data, final int blockBytes) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		writeBE(out, data.length, 8);
		writeBE(out, blockBytes, 4);
		for (int off = 0; off < data.length; off += blockBytes) {
			final int n = Math.min(blockBytes, data.length - off);
			final byte[] c = LZ4_JAVA.compress(data, off, n);
			if (c.length >= n) {
				writeBE(out, n, 4);
				out.write(data, off, n);
			} else {
				writeBE(out, c.length, 4);
				out.write(c, 0, c.length);
			}
		}
		return out.toByteArray();
	}

	@Test
	void decodesLz4FilterChunksWithCompressedAndRawBlocks() throws BadChunk {
		final byte[] data = new byte[10000];
		System.arraycopy(random(3000, 1, false), 0, data, 0, 3000); // incompressible first block: stored raw
		System.arraycopy(random(7000, 2, true), 0, data, 3000, 7000);
		final byte[] chunk = encodeLz4Filter(data, 3000);
		final byte[] out = new byte[data.length];
		new Bitshuffle().decodeLz4Filter(chunk, 0, chunk.length, out, data.length);
		assertArrayEquals(data, out);
	}

	@Test
	void headerSizeOtherThanTheChunkShapeIsReportedAtByteZero() {
		final byte[] data = random(4 * 64, 1, true);
		final byte[] chunk = encodeChunk(data, 4, 64, LZ4_JAVA);
		final BadChunk e = assertThrows(BadChunk.class, () -> new Bitshuffle().decodeLz4(chunk, 0, chunk.length, 4,
				new byte[512], 512));
		assertEquals(0, e.offset);
		assertEquals("256", e.found);
	}

	@Test
	void blockLengthPastTheChunkIsReportedAtTheLengthField() {
		final byte[] data = random(4 * 64, 1, true);
		final byte[] chunk = encodeChunk(data, 4, 64, LZ4_JAVA);
		chunk[12] = 0x7F;
		final BadChunk e = assertThrows(BadChunk.class, () -> new Bitshuffle().decodeLz4(chunk, 0, chunk.length, 4,
				new byte[256], 256));
		assertEquals(12, e.offset);
		assertTrue(e.getMessage().contains("block length of at most"), e.getMessage());
	}

	@Test
	void blockSizeNotAMultipleOfEightElementsIsRejected() {
		final byte[] chunk = encodeChunk(random(4 * 64, 1, true), 4, 64, LZ4_JAVA);
		chunk[11] = 0x04; // 256 → 260 bytes: 65 elements
		final BadChunk e = assertThrows(BadChunk.class, () -> new Bitshuffle().decodeLz4(chunk, 0, chunk.length, 4,
				new byte[256], 256));
		assertEquals(8, e.offset);
	}

	@Test
	void truncatedOrPaddedChunksAndCorruptBlocksAreRejected() {
		final byte[] data = random(4 * 1000, 9, true);
		final byte[] chunk = encodeChunk(data, 4, 128, LZ4_JAVA);
		final Bitshuffle d = new Bitshuffle();
		for (int len = 0; len < chunk.length; len += 7) {
			final int n = len;
			assertThrows(BadChunk.class, () -> d.decodeLz4(chunk, 0, n, 4, new byte[4000], 4000), "length " + n);
		}
		final byte[] padded = java.util.Arrays.copyOf(chunk, chunk.length + 1);
		final BadChunk extra = assertThrows(BadChunk.class, () -> d.decodeLz4(padded, 0, padded.length, 4, new byte[4000], 4000));
		assertEquals(chunk.length, extra.offset);
		final SplittableRandom r = new SplittableRandom(4);
		int rejected = 0;
		for (int t = 0; t < 300; t++) {
			final byte[] bad = chunk.clone();
			final int at = Bitshuffle.HEADER + r.nextInt(bad.length - Bitshuffle.HEADER);
			bad[at] ^= (byte) (1 << r.nextInt(8));
			try {
				d.decodeLz4(bad, 0, bad.length, 4, new byte[4000], 4000);
			} catch (final BadChunk e) {
				assertTrue(e.offset >= 0 && e.offset <= bad.length, e.getMessage());
				rejected++;
			}
		}
		// flips inside literals decode to other values: only the framing and LZ4 syntax are checkable
		assertTrue(rejected > 0, "some flips break the framing");
	}
}
