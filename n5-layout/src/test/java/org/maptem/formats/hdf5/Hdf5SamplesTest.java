package org.maptem.formats.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maptem.bench.FormatSample;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Tile;
import org.maptem.formats.Formats;
import org.maptem.frames.FrameSource;
import org.maptem.synth.SyntheticStem;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import net.jpountz.lz4.LZ4Factory;

/**
 * The HDF5 benchmark samples are found by the layout they stand for, the ARINA sample's frames may span several data
 * files, and the chunk encoders agree with independent decoders (lz4-java, the bit-by-bit bitshuffle of
 * {@link BitshuffleTest}). That libhdf5 reads these files was checked once by hand with h5dump and h5py (not in the
 * build, which has no libhdf5).
 */
class Hdf5SamplesTest {

	@TempDir
	Path dir;

	private Hdf5Dataset open(final FormatSample s, final long frames, final String sub) throws IOException {
		final SyntheticStem stem = new SyntheticStem(s.params(frames, 24, 20));
		final Path path = s.write(Files.createDirectory(dir.resolve(sub)), stem);
		final Dataset d = Formats.open(path, OpenOptions.DEFAULTS);
		return assertInstanceOf(Hdf5Dataset.class, d);
	}

	@Test
	void eachSampleIsFoundByItsLayout() throws IOException {
		try (Hdf5Dataset d = open(new Hdf5Sample.Contiguous(), 6, "c")) {
			assertEquals("generic", d.layout());
		}
		try (Hdf5Dataset d = open(new Hdf5Sample.Gzip(), 6, "g")) {
			assertEquals("generic", d.layout());
		}
		try (Hdf5Dataset d = open(new Hdf5Sample.Emd(), 6, "e")) {
			assertEquals("emd", d.layout());
			assertEquals(0.5, d.meta().calibration().scanStep()[0], 1e-12, "dim1 step in nm");
		}
		try (Hdf5Dataset d = open(new ArinaSample(), 6, "a")) {
			assertEquals("dectris", d.layout());
			assertArrayEquals(new long[] { 2, 3 }, d.meta().navShape(), "scan shape from the metadata file");
		}
	}

	@Test
	void arinaFramesSpanSeveralDataFilesInOrder() throws IOException {
		final ArinaSample s = new ArinaSample(5);
		final SyntheticStem stem = new SyntheticStem(s.params(12, 24, 20));
		final Path master = s.write(dir, stem);
		for (final String f : new String[] { "scan_data_000001.h5", "scan_data_000002.h5", "scan_data_000003.h5" })
			assertTrue(Files.isRegularFile(dir.resolve(f)), f);
		try (HdfFile h = new HdfFile(dir.resolve("scan_data_000003.h5"))) {
			final Attribute low = h.getDatasetByPath("/entry/data/data").getAttribute("image_nr_low");
			assertEquals(11, ((Number) low.getData()).intValue());
		}
		try (Dataset d = Formats.open(master, OpenOptions.DEFAULTS.withPartitionBytes(4L * 24 * 20 * 2))) {
			assertEquals(12, d.meta().frameCount());
			final float[] got = new float[24 * 20];
			final float[] expected = new float[24 * 20];
			for (final Partition p : d.partitions())
				try (FrameSource src = d.open(p)) {
					for (long f = p.firstFrame(); f < p.endFrame(); f++) {
						src.read(new Tile(f, 1, 0, 24, 20), got);
						stem.frame(f, expected);
						assertArrayEquals(expected, got, "frame " + f);
					}
				}
		}
	}

	@Test
	void lz4BlocksDecodeWithLz4Java() {
		final ChunkEncoders enc = new ChunkEncoders(0);
		final SplittableRandom r = new SplittableRandom(7);
		for (final int n : new int[] { 0, 1, 5, 12, 13, 100, 8192, 70_000 })
			for (final boolean sparse : new boolean[] { true, false }) {
				final byte[] src = new byte[n];
				for (int i = 0; i < n; i++)
					src[i] = (byte) (sparse ? (r.nextInt(12) == 0 ? r.nextInt(3) : 0) : r.nextInt(256));
				final byte[] block = new byte[n + n / 255 + 16];
				final int len = enc.compress(src, n, block, 0);
				final byte[] back = LZ4Factory.safeInstance().safeDecompressor().decompress(Arrays.copyOf(block, len), n);
				assertArrayEquals(src, back, n + " bytes, sparse " + sparse);
				if (sparse && n >= 8192)
					assertTrue(len < n / 3, "sparse data compresses: " + len + " of " + n);
			}
	}

	@Test
	void bitTranspositionMatchesTheBitByBitDefinition() {
		final SplittableRandom r = new SplittableRandom(3);
		for (final int elemSize : new int[] { 1, 2, 4 }) {
			final int m = 4096 / elemSize;
			final byte[] data = new byte[m * elemSize];
			for (int i = 0; i < data.length; i++)
				data[i] = (byte) r.nextInt(256);
			final byte[] out = new byte[data.length];
			ChunkEncoders.transpose(data, 0, m, elemSize, out);
			assertArrayEquals(BitshuffleTest.shuffle(data, elemSize, m), out, elemSize + "-byte elements");
		}
	}

	@Test
	void bitshuffleChunksDecodeWithTheReadersDecoder() throws BadChunk {
		final ChunkEncoders enc = new ChunkEncoders(0);
		for (final int elements : new int[] { 3, 8, 4100, 9000 }) {
			final byte[] data = BitshuffleTest.random(2 * elements, elements, true);
			final byte[] chunk = enc.bitshuffleLz4(data, 2);
			final byte[] out = new byte[data.length];
			new Bitshuffle().decodeLz4(chunk, 0, chunk.length, 2, out, data.length);
			assertArrayEquals(data, out, elements + " elements");
		}
	}
}
