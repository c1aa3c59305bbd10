package org.maptem.formats.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maptem.dataset.DType;
import org.maptem.dataset.OpenOptions;
import org.maptem.formats.Formats;
import org.maptem.formats.HeaderFuzzer;
import org.maptem.ingest.Samples;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;

/**
 * Mutated copies of the real HDF5 samples (truncations, bit flips and absurd integers anywhere in these small files:
 * HDF5 keeps metadata all over the file, and the flips that land in chunks exercise the chunk decoders) open and read
 * completely, or fail with a {@link org.maptem.dataset.LayoutException} naming the mutated file: never another
 * exception, an out-of-memory error or a hang.
 */
class Hdf5FuzzTest {

	@TempDir
	Path dir;

	private static int length(final Path f) throws IOException {
		return (int) Files.size(f);
	}

	@Test
	void mutatedPrismaticEmdFailsCleanly() throws IOException {
		final Reference r = Reference.of("emd/Si100_4D/CBED_array_depth0000");
		final Path f = r.file(0);
		final String dataset = r.hdf5Dataset();
		final int n = HeaderFuzzer.of(f, length(f), 11).counts(40, 200, 60)
				.run(dir, file -> Formats.open(Path.of(file + Hdf5Address.SEPARATOR + dataset), OpenOptions.DEFAULTS));
		assertEquals(300, n);
	}

	@Test
	void mutatedPy4dstemFileFailsCleanly() throws IOException {
		final Path f = Reference.of("emd/py4DSTEM_size2x3x4x5").file(0);
		final int n = HeaderFuzzer.of(f, length(f), 12).counts(40, 200, 60).run(dir, HeaderFuzzer.detecting());
		assertEquals(300, n);
	}

	@Test
	void mutatedArinaMasterFailsCleanly() throws IOException {
		final Reference r = Reference.of("arina/test_00");
		Files.copy(r.file(1), dir.resolve(r.file(1).getFileName()));
		Files.copy(r.file(2), dir.resolve(r.file(2).getFileName()));
		// the master's metadata sits in its first 4 KiB; the rest is the pixel mask, flat field and count-rate tables
		final int n = HeaderFuzzer.of(r.file(0), 4096, 13).counts(40, 200, 60).run(dir, HeaderFuzzer.detecting());
		assertEquals(300, n);
	}

	@Test
	void mutatedChunkedFilesWithShuffleDeflateAndBitshuffleLz4FailCleanly() throws IOException {
		// non-zero data, so that flips land in real deflate streams and LZ4 sequences (the ARINA sample is all zeros)
		final Path src = Files.createDirectories(dir.resolve("src"));
		final Path f = src.resolve("chunked.h5");
		try (WritableHdfFile w = HdfFile.write(f)) {
			H5Fixtures.put(w, "gzip", Samples.values(DType.UINT16, 2 * 3 * 16 * 16, 1), new int[] { 2, 3, 16, 16 },
					DType.UINT16, DatasetCreationOptions.builder().chunkDimensions(1, 2, 16, 8).shuffle().deflate());
			H5Fixtures.put(w, "bslz4", BitshuffleTest.sparse(2 * 3 * 16 * 16, 2), new int[] { 2, 3, 16, 16 }, DType.UINT32,
					DatasetCreationOptions.builder().chunkDimensions(1, 1, 16, 16)
							.filter(H5Fixtures.bitshuffle(BitshuffleTest.LZ4_JAVA), 0, 3, 4, 0, 2));
		}
		final Path work = Files.createDirectories(dir.resolve("work"));
		int n = 0;
		for (final String dataset : new String[] { "/gzip", "/bslz4" })
			n += HeaderFuzzer.of(f, length(f), dataset.length()).counts(40, 200, 60)
					.run(work, file -> Formats.open(Path.of(file + Hdf5Address.SEPARATOR + dataset), OpenOptions.DEFAULTS));
		assertEquals(600, n);
	}

	@Test
	void mutatedArinaDataFileFailsCleanly() throws IOException {
		final Reference r = Reference.of("arina/test_00");
		final Path master = Files.copy(r.file(0), dir.resolve(r.file(0).getFileName()));
		Files.copy(r.file(2), dir.resolve(r.file(2).getFileName()));
		final Path data = r.file(1);
		final int n = HeaderFuzzer.of(data, length(data), 14).counts(40, 200, 60)
				.run(dir, file -> Formats.open(master, OpenOptions.DEFAULTS));
		assertEquals(300, n);
	}
}
