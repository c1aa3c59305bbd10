package org.maptem.formats.mib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.maptem.dataset.DType;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.TilePlan;
import org.maptem.ingest.Samples;

/**
 * Raw ({@code R64}) layouts without a real sample in the shared test data — 6- and 12-bit words on one chip and on
 * a quad, 24-bit as two 12-bit images — written by {@link MibWriter} from the documented layout and decoded back.
 * (1-bit single and quad raw files are covered by the real samples in {@link MibReferenceTest}; they are included
 * here too so every depth goes through the same checks.)
 */
class MibRawLayoutTest {

	@TempDir
	Path dir;

	@ParameterizedTest(name = "depth {0} in {1}-bit words")
	@CsvSource({ "1, 1, uint8", "6, 8, uint8", "12, 16, uint16" })
	void singleChipRawWordsDecodeToTheWrittenValues(final int depth, final int bits, final String dtype)
			throws IOException {
		final int w = 128;
		final int h = 24;
		final int frames = 3;
		final int[][] truth = new int[frames][];
		final byte[][] data = new byte[frames][];
		for (int f = 0; f < frames; f++) {
			truth[f] = MibWriter.random(w * h, depth, 10 * depth + f);
			data[f] = MibWriter.raw(truth[f], bits);
		}
		final Path file = MibWriter.write(dir.resolve("raw" + depth + ".mib"), 1, 384, 1, w, h, "R64", "1x1", depth, data);
		assertDecodes(file, truth, h, w, dtype);
	}

	@ParameterizedTest(name = "depth {0} in {1}-bit words")
	@CsvSource({ "1, 1, uint8", "6, 8, uint8", "12, 16, uint16" })
	void quadRawRowsAreReassembledWithTheBottomChipsRotated(final int depth, final int bits, final String dtype)
			throws IOException {
		final int s = 64;
		final int frames = 2;
		final int[][] truth = new int[frames][];
		final byte[][] data = new byte[frames][];
		for (int f = 0; f < frames; f++) {
			truth[f] = MibWriter.random(4 * s * s, depth, 100 * depth + f);
			data[f] = MibWriter.raw(MibWriter.quadToRaw(truth[f], s), bits);
		}
		final Path file = MibWriter.write(dir.resolve("quad" + depth + ".mib"), 1, 768, 4, 4 * s, s, "R64", "2x2", depth,
				data);
		assertDecodes(file, truth, 2 * s, 2 * s, dtype);
	}

	@Test
	void quadAssemblyPutsEachChipInItsCorner() throws IOException {
		// one marked pixel per chip segment, at raw row 0, segment offset 1: where it lands is the whole claim
		final int s = 64;
		final int[] raw = new int[4 * s * s];
		for (int seg = 0; seg < 4; seg++)
			raw[seg * s + 1] = seg + 1;
		final Path file = MibWriter.write(dir.resolve("corners.mib"), 1, 768, 4, 4 * s, s, "R64", "2x2", 6,
				new byte[][] { MibWriter.raw(raw, 8) });
		try (Dataset d = MibDataset.open(file, OpenOptions.DEFAULTS)) {
			final double[] v = Samples.readAll(d, TilePlan.defaultFor(d.meta()));
			final int n = 2 * s;
			assertEquals(4, v[0 * n + 1], "segment 3: top-left, row 0, column 1");
			assertEquals(3, v[0 * n + s + 1], "segment 2: top-right, row 0, column S+1");
			assertEquals(2, v[(n - 1) * n + (s - 2)], "segment 1: bottom-left, rotated: last row, column S-2");
			assertEquals(1, v[(n - 1) * n + (n - 2)], "segment 0: bottom-right, rotated: last row, column 2S-2");
			assertEquals(10, java.util.Arrays.stream(v).sum(), "nothing else is set");
		}
	}

	@Test
	void rawDepth24IsHighTwelveBitsThenLowTwelveBits() throws IOException {
		final int w = 64;
		final int h = 16;
		final int[][] truth = new int[2][];
		final byte[][] data = new byte[2][];
		for (int f = 0; f < 2; f++) {
			truth[f] = MibWriter.random(w * h, 24, 24 + f);
			final int[] hi = new int[w * h];
			final int[] lo = new int[w * h];
			for (int i = 0; i < w * h; i++) {
				hi[i] = truth[f][i] >>> 12;
				lo[i] = truth[f][i] & 0xFFF;
			}
			final byte[] a = MibWriter.raw(hi, 16);
			final byte[] b = MibWriter.raw(lo, 16);
			data[f] = new byte[a.length + b.length];
			System.arraycopy(a, 0, data[f], 0, a.length);
			System.arraycopy(b, 0, data[f], a.length, b.length);
		}
		// the header states twice the width: two images of w × h
		final Path file = MibWriter.write(dir.resolve("raw24.mib"), 1, 384, 1, 2 * w, h, "R64", "1x1", 24, data);
		assertDecodes(file, truth, h, w, "uint32");
	}

	@Test
	void rawQuadDepth24IsRefusedNamingTheField() throws IOException {
		final Path file = MibWriter.write(dir.resolve("quad24.mib"), 1, 768, 4, 256, 64, "R64", "2x2", 24,
				new byte[][] { new byte[256 * 64 * 4] });
		final LayoutException e = assertThrows(LayoutException.class, () -> MibDataset.open(file, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().contains("quad24.mib") && e.getMessage().contains("counter depth"), e.getMessage());
	}

	@Test
	void rawDataOfOtherChipLayoutsIsRefused() throws IOException {
		final Path file = MibWriter.write(dir.resolve("strip.mib"), 1, 768, 2, 512, 256, "R64", "2x1", 1,
				new byte[][] { new byte[512 * 256 / 8] });
		final LayoutException e = assertThrows(LayoutException.class, () -> MibDataset.open(file, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().contains("strip.mib") && e.getMessage().contains("chip layout"), e.getMessage());
	}

	@Test
	void rawRowsThatDoNotFillWholeWordsAreRefused() throws IOException {
		final Path file = MibWriter.write(dir.resolve("odd.mib"), 1, 384, 1, 100, 64, "R64", "1x1", 1,
				new byte[][] { new byte[100 * 64 / 8] });
		final LayoutException e = assertThrows(LayoutException.class, () -> MibDataset.open(file, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().contains("odd.mib") && e.getMessage().contains("width"), e.getMessage());
	}

	@Test
	void processedU32CountsAreBigEndian() throws IOException {
		final int[] v = { 0, 1, 0x123456, 0xFFFFFF, 256, 65536, 7, 0xABCDEF };
		final Path file = MibWriter.write(dir.resolve("u32.mib"), 1, 384, 1, 4, 2, "U32", "1x1", 24,
				new byte[][] { MibWriter.processed(v, 4) });
		assertDecodes(file, new int[][] { v }, 2, 4, "uint32");
	}

	private static void assertDecodes(final Path file, final int[][] truth, final int h, final int w, final String dtype) {
		final double[] expected = new double[truth.length * h * w];
		for (int f = 0; f < truth.length; f++)
			for (int i = 0; i < h * w; i++)
				expected[f * h * w + i] = truth[f][i];
		for (final long partitionBytes : new long[] { 1, 1L << 30 })
			try (Dataset d = MibDataset.open(file, OpenOptions.DEFAULTS.withPartitionBytes(partitionBytes))) {
				assertArrayEquals(new int[] { h, w }, d.meta().sigShape(), "sig shape");
				assertEquals(DType.parse(dtype), d.meta().dtype(), "dtype");
				assertEquals(truth.length, d.meta().frameCount(), "frames");
				assertArrayEquals(expected, Samples.readAll(d, TilePlan.defaultFor(d.meta())), "whole frames");
				assertArrayEquals(expected, Samples.readAll(d, new TilePlan(2, 5)), "5-row bands of 2 frames");
				final float[] f = Samples.readAllFloat(d, new TilePlan(1, 3));
				for (int i = 0; i < f.length; i++)
					if (f[i] != expected[i])
						throw new AssertionError("float value " + i + ": expected " + expected[i] + ", found " + f[i]);
			}
	}
}
