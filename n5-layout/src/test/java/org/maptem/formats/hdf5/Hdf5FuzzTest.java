package org.maptem.formats.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maptem.dataset.OpenOptions;
import org.maptem.formats.Formats;
import org.maptem.formats.HeaderFuzzer;

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
		final int n = HeaderFuzzer.of(r.file(0), 4096, 13).counts(20, 100, 30).run(dir, HeaderFuzzer.detecting());
		assertEquals(150, n);
	}

	@Test
	void mutatedArinaDataFileFailsCleanly() throws IOException {
		final Reference r = Reference.of("arina/test_00");
		final Path master = Files.copy(r.file(0), dir.resolve(r.file(0).getFileName()));
		Files.copy(r.file(2), dir.resolve(r.file(2).getFileName()));
		final Path data = r.file(1);
		final int n = HeaderFuzzer.of(data, length(data), 14).counts(20, 100, 30)
				.run(dir, file -> Formats.open(master, OpenOptions.DEFAULTS));
		assertEquals(150, n);
	}
}
