package org.maptem.formats.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.maptem.dataset.Calibration;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.TilePlan;
import org.maptem.formats.Formats;
import org.maptem.ingest.Ingest;
import org.maptem.ingest.IngestOptions;
import org.maptem.ingest.Samples;

/**
 * The real sample files (Prismatic EMD, py4DSTEM, DECTRIS ARINA) against the values h5py and the bitshuffle library
 * computed for them, read whole, in small partitions and in row-band tiles, and after ingest into N5.
 */
class Hdf5RealFilesTest {

	@TempDir
	Path dir;

	private static Path address(final Reference r) {
		return Path.of(r.file(0) + Hdf5Address.SEPARATOR + r.hdf5Dataset());
	}

	@ParameterizedTest
	@ValueSource(strings = { "emd/Si100_4D/CBED_array_depth0000", "emd/Si100_4D/CBED_array_depth0001" })
	void prismaticDatacubesNamedByPathMatchTheReference(final String id) throws IOException {
		final Reference r = Reference.of(id);
		try (Dataset d = Formats.open(address(r), OpenOptions.DEFAULTS)) {
			assertInstanceOf(Hdf5Dataset.class, d);
			assertEquals("emd", ((Hdf5Dataset) d).layout());
			r.assertMatches(d, TilePlan.defaultFor(d.meta()));
			// the dim vectors: R_x, R_y from 0 by 0.5 [n_m]; Q_x, Q_y by 0.18416207 [n_m^-1]
			final Calibration c = d.meta().calibration();
			assertArrayEquals(new double[] { 0.5, 0.5 }, c.scanStep());
			assertEquals("nm", c.scanUnit());
			assertEquals("1/nm", c.detectorUnit());
			assertEquals(0.18416207, c.detectorPixel()[0], 1e-7);
			assertEquals(0.18416207, c.detectorPixel()[1], 1e-7);
		}
		// partitions of at most 3 frames (4 per scan row of 11, the last ragged) and tiles of 2 frames × 3 rows
		try (Dataset d = Formats.open(address(r), OpenOptions.DEFAULTS.withPartitionBytes(3 * 8 * 8 * 4))) {
			assertEquals(11 * 4, d.partitions().size());
			r.assertMatches(d, new TilePlan(2, 3));
		}
	}

	@Test
	void prismaticFileWithTwoDatacubesListsBothWhenNoneIsNamed() throws IOException {
		final Path f = Reference.of("emd/Si100_4D/CBED_array_depth0000").file(0);
		final LayoutException e = assertThrows(LayoutException.class, () -> Formats.open(f, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
		assertTrue(e.getMessage().contains("Si100_4D.emd::/4DSTEM_simulation/data/datacubes/CBED_array_depth0000/datacube"),
				e.getMessage());
		assertTrue(e.getMessage().contains("Si100_4D.emd::/4DSTEM_simulation/data/datacubes/CBED_array_depth0001/datacube"),
				e.getMessage());
		assertTrue(e.getMessage().contains("FILE::/path/to/dataset"), e.getMessage());
	}

	@Test
	void py4dstemDatacubeIsFoundByItsLayoutAndMatchesTheReference() throws IOException {
		final Reference r = Reference.of("emd/py4DSTEM_size2x3x4x5");
		for (final OpenOptions o : new OpenOptions[] { OpenOptions.DEFAULTS, OpenOptions.DEFAULTS.withPartitionBytes(40) })
			try (Dataset d = Formats.open(r.file(0), o)) {
				assertEquals("py4dstem", ((Hdf5Dataset) d).layout());
				r.assertMatches(d, new TilePlan(1, 3));
				// dim0, dim1: [0, 0.126796875] nm; dim2, dim3: [0, 0.044251566616087125] A^-1 = 0.4425... 1/nm
				final Calibration c = d.meta().calibration();
				assertArrayEquals(new double[] { 0.126796875, 0.126796875 }, c.scanStep());
				assertEquals("nm", c.scanUnit());
				assertEquals("1/nm", c.detectorUnit());
				assertEquals(0.44251566616087125, c.detectorPixel()[0], 1e-12);
			}
		// and by its path, the same
		try (Dataset d = Formats.open(address(r), OpenOptions.DEFAULTS)) {
			r.assertMatches(d, TilePlan.defaultFor(d.meta()));
		}
	}

	@Test
	void arinaMasterReadsBitshuffledFramesFromItsDataFileWithTheScanFromTheMetadataFile() throws IOException {
		final Reference r = Reference.of("arina/test_00");
		try (Dataset d = Formats.open(r.file(0), OpenOptions.DEFAULTS)) {
			assertEquals("dectris", ((Hdf5Dataset) d).layout());
			r.assertMatches(d, TilePlan.defaultFor(d.meta()));
			final Calibration c = d.meta().calibration();
			// x_pixel_size 1e-4 m, photon_energy 300000 eV; metadata file: Pixel Size 0.13915206 nm, Camera Length 0.115
			assertArrayEquals(new double[] { 100, 100 }, c.detectorPixel(), 1e-9);
			assertEquals("um", c.detectorUnit());
			assertEquals(300, c.beamEnergy(), 1e-9);
			assertEquals(0.115, c.cameraLength(), 1e-12);
			assertEquals(0.13915206, c.scanStep()[0], 1e-8);
			assertTrue(d.meta().provenance().files().get(1).endsWith("test_00_data_000001.h5"), d.meta().provenance().toString());
		}
		try (Dataset d = Formats.open(r.file(0), OpenOptions.DEFAULTS.withPartitionBytes(192 * 192 * 4 * 3))) {
			r.assertMatches(d, new TilePlan(3, 50));
		}
	}

	@Test
	void arinaMasterWithoutMetadataFileIsAFrameStackUnlessTheScanIsGiven() throws IOException {
		final Reference r = Reference.of("arina/test_00");
		Files.copy(r.file(0), dir.resolve("test_00_master.h5"));
		Files.copy(r.file(1), dir.resolve("test_00_data_000001.h5"));
		try (Dataset d = Formats.open(dir.resolve("test_00_master.h5"), OpenOptions.DEFAULTS)) {
			assertArrayEquals(new long[] { 16 }, d.meta().navShape());
			assertEquals(0, Reference.sum(Samples.readAll(d, TilePlan.defaultFor(d.meta()))));
		}
		try (Dataset d = Formats.open(dir.resolve("test_00_master.h5"), OpenOptions.DEFAULTS.withNavShape(2, 8))) {
			assertArrayEquals(new long[] { 2, 8 }, d.meta().navShape());
		}
	}

	@Test
	void arinaMasterWhoseDataFileIsMissingNamesTheMasterAndTheDataFile() throws IOException {
		final Reference r = Reference.of("arina/test_00");
		final Path master = Files.copy(r.file(0), dir.resolve("test_00_master.h5"));
		final LayoutException e = assertThrows(LayoutException.class, () -> Formats.open(master, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().startsWith(master.toString()), e.getMessage());
		assertTrue(e.getMessage().contains("test_00_data_000001.h5"), e.getMessage());
	}

	@Test
	void ingestedCopiesHoldTheSameValues() throws IOException {
		for (final String id : new String[] { "emd/py4DSTEM_size2x3x4x5", "emd/Si100_4D/CBED_array_depth0001" }) {
			final Reference r = Reference.of(id);
			final Path n5 = dir.resolve(id.replace('/', '_') + ".n5");
			try (Dataset d = Formats.open(address(r), OpenOptions.DEFAULTS)) {
				Ingest.run(d, n5, IngestOptions.DEFAULTS);
			}
			try (Dataset back = Formats.open(n5, OpenOptions.DEFAULTS)) {
				r.assertMatches(back, TilePlan.defaultFor(back.meta()));
				assertEquals("hdf5", back.meta().provenance().format());
			}
		}
	}
}
