package org.maptem.formats.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;

/** The LZ4 block decoder against lz4-java's encoders, literal-only blocks, and malformed blocks. */
class Lz4BlockTest {

	private static byte[] compress(final LZ4Compressor c, final byte[] data) {
		final byte[] out = new byte[c.maxCompressedLength(data.length)];
		return Arrays.copyOf(out, c.compress(data, 0, data.length, out, 0, out.length));
	}

	/** Data with runs of one byte, short repeating patterns (overlapping matches of offsets 2 to 7) and noise. */
	private static byte[] data(final int n, final long seed) {
		final SplittableRandom r = new SplittableRandom(seed);
		final byte[] b = new byte[n];
		int i = 0;
		while (i < n) {
			final int kind = r.nextInt(3);
			final int len = Math.min(n - i, 1 + r.nextInt(300));
			if (kind == 0)
				Arrays.fill(b, i, i + len, (byte) r.nextInt(3));
			else if (kind == 1) {
				final int period = 2 + r.nextInt(6);
				for (int k = 0; k < len; k++)
					b[i + k] = (byte) (k % period * 37);
			} else
				for (int k = 0; k < len; k++)
					b[i + k] = (byte) r.nextInt(256);
			i += len;
		}
		return b;
	}

	@Test
	void decodesWhatLz4JavaEncodesFastAndHigh() throws BadChunk {
		final LZ4Factory f = LZ4Factory.safeInstance();
		for (final int n : new int[] { 1, 5, 13, 64, 1000, 8192, 65536, 300_000 })
			for (final LZ4Compressor c : new LZ4Compressor[] { f.fastCompressor(), f.highCompressor() }) {
				final byte[] d = data(n, n);
				final byte[] block = compress(c, d);
				final byte[] out = new byte[n + 10];
				assertEquals(n, Lz4Block.decode(block, 0, block.length, out, 3, n));
				assertArrayEquals(d, Arrays.copyOfRange(out, 3, 3 + n));
			}
	}

	@Test
	void decodesLongLiteralRuns() throws BadChunk {
		final byte[] d = data(70_000, 2);
		final byte[] block = BitshuffleTest.lz4Literals(d, 0, d.length);
		final byte[] out = new byte[d.length];
		assertEquals(d.length, Lz4Block.decode(block, 0, block.length, out, 0, out.length));
		assertArrayEquals(d, out);
	}

	@Test
	void offsetsBeforeTheOutputAndOverrunsAreRejectedAtTheirByte() throws BadChunk {
		// token: 1 literal, match length 4; literal 'a'; offset 2 (only 1 byte written)
		final byte[] far = { 0x10, 'a', 2, 0, 0x00 };
		final BadChunk e = assertThrows(BadChunk.class, () -> Lz4Block.decode(far, 0, far.length, new byte[100], 0, 100));
		assertEquals(2, e.offset);
		final byte[] zero = { 0x10, 'a', 0, 0, 0x00 };
		assertEquals(2, assertThrows(BadChunk.class, () -> Lz4Block.decode(zero, 0, zero.length, new byte[100], 0, 100)).offset);
		final byte[] ok = { 0x1F, 'a', 1, 0, 100, 0x00 };
		final byte[] out = new byte[200];
		assertEquals(1 + 4 + 15 + 100, Lz4Block.decode(ok, 0, ok.length, out, 0, 200));
		assertThrows(BadChunk.class, () -> Lz4Block.decode(ok, 0, ok.length, new byte[119], 0, 119));
		final byte[] tooManyLiterals = { 0x50, 'a', 'b' };
		assertThrows(BadChunk.class, () -> Lz4Block.decode(tooManyLiterals, 0, 3, new byte[10], 0, 10));
		final byte[] endsInMatch = { 0x10, 'a', 1, 0 };
		assertThrows(BadChunk.class, () -> Lz4Block.decode(endsInMatch, 0, 4, new byte[10], 0, 10));
	}

	@Test
	void randomAndMutatedBlocksDecodeOrFailWithBadChunkInsideTheBlock() throws BadChunk {
		final SplittableRandom r = new SplittableRandom(5);
		final byte[] good = compress(LZ4Factory.safeInstance().fastCompressor(), data(5000, 9));
		int failed = 0;
		for (int t = 0; t < 5000; t++) {
			final byte[] b;
			if (t % 2 == 0) {
				b = new byte[1 + r.nextInt(64)];
				for (int i = 0; i < b.length; i++)
					b[i] = (byte) r.nextInt(256);
			} else {
				b = Arrays.copyOf(good, 1 + r.nextInt(good.length));
				b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
			}
			try {
				final int n = Lz4Block.decode(b, 0, b.length, new byte[6000], 0, 6000);
				assertTrue(n >= 0 && n <= 6000);
			} catch (final BadChunk e) {
				assertTrue(e.offset >= 0 && e.offset <= b.length, e.getMessage());
				failed++;
			}
		}
		assertTrue(failed > 2500, "most random blocks are malformed: " + failed);
	}
}
