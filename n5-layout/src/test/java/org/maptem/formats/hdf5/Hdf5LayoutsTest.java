package org.maptem.formats.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maptem.dataset.Calibration;
import org.maptem.dataset.DType;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.TilePlan;
import org.maptem.formats.Formats;
import org.maptem.ingest.Samples;

import io.jhdf.HdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableGroup;
import io.jhdf.WritableHdfFile;

/**
 * Files written with each layout's documented structure (by jhdf's writer; the bitshuffle and LZ4 chunks by this
 * suite's own encoders) read back the values written, through every storage path: contiguous, chunked with chunks
 * that split frames and overhang the edges, deflate + shuffle, bitshuffle+LZ4, LZ4, frames-last, in small partitions
 * and row-band tiles.
 */
class Hdf5LayoutsTest {

	@TempDir
	Path dir;

	private static final int[] SHAPE = { 3, 4, 11, 9 };
	private static final int N = 3 * 4 * 11 * 9;

	private static double[] readAll(final Dataset d, final TilePlan plan) {
		return Samples.readAll(d, plan);
	}

	/** Reads with defaults, with 5-frame partitions and 2-frame × 4-row tiles, and as floats; all must equal {@code v}. */
	private static void assertReads(final Path file, final OpenOptions options, final double[] v) {
		try (Dataset d = Formats.open(file, options)) {
			assertArrayEquals(v, readAll(d, TilePlan.defaultFor(d.meta())));
		}
		try (Dataset d = Formats.open(file, options.withPartitionBytes(5 * d0(file, options)))) {
			assertArrayEquals(v, readAll(d, new TilePlan(2, 4)));
			final float[] f = Samples.readAllFloat(d, new TilePlan(3, 11));
			for (int i = 0; i < v.length; i++)
				assertEquals((float) v[i], f[i], "value " + i);
		}
	}

	private static long d0(final Path file, final OpenOptions options) {
		try (Dataset d = Formats.open(file, options)) {
			return d.meta().frameBytes();
		}
	}

	static Stream<Arguments> storages() {
		return Stream.of(
				Arguments.of("contiguous", DType.UINT16, DatasetCreationOptions.builder()),
				Arguments.of("contiguous", DType.INT32, DatasetCreationOptions.builder()),
				Arguments.of("contiguous", DType.FLOAT64, DatasetCreationOptions.builder()),
				Arguments.of("one chunk per frame", DType.FLOAT32, DatasetCreationOptions.builder().chunkDimensions(1, 1, 11, 9)),
				Arguments.of("chunks splitting frames, overhanging edges", DType.UINT16,
						DatasetCreationOptions.builder().chunkDimensions(2, 3, 5, 4)),
				Arguments.of("shuffle + deflate", DType.UINT16,
						DatasetCreationOptions.builder().chunkDimensions(2, 3, 5, 4).shuffle().deflate(4)),
				Arguments.of("deflate", DType.INT8, DatasetCreationOptions.builder().chunkDimensions(1, 4, 11, 9).deflate()),
				Arguments.of("bitshuffle+LZ4 (lz4-java blocks)", DType.UINT32, DatasetCreationOptions.builder()
						.chunkDimensions(1, 2, 11, 9).filter(H5Fixtures.bitshuffle(BitshuffleTest.LZ4_JAVA), 0, 3, 4, 0, 2)),
				Arguments.of("bitshuffle+LZ4 (literal blocks of 64)", DType.UINT16, DatasetCreationOptions.builder()
						.chunkDimensions(2, 3, 5, 4).filter(H5Fixtures.bitshuffle(BitshuffleTest.LITERALS), 0, 3, 2, 64, 2)),
				Arguments.of("LZ4 filter", DType.FLOAT32, DatasetCreationOptions.builder()
						.chunkDimensions(1, 1, 11, 9).filter(H5Fixtures.lz4(100), 100)));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("storages")
	void genericFourDimensionalDatasetReadsBackInEveryStorage(final String what, final DType t,
			final DatasetCreationOptions.Builder options) {
		final double[] v = Samples.values(t, N, what.hashCode() + t.ordinal());
		final Path f = dir.resolve("generic.h5");
		try (WritableHdfFile w = HdfFile.write(f)) {
			final WritableGroup g = w.putGroup("measurement");
			H5Fixtures.put(g, "frames", v, SHAPE, t, options);
			H5Fixtures.put(g, "navigator", Samples.values(DType.FLOAT32, 12, 1), new int[] { 3, 4 }, DType.FLOAT32);
		}
		try (Dataset d = Formats.open(f, OpenOptions.DEFAULTS)) {
			assertEquals("generic", ((Hdf5Dataset) d).layout());
			assertArrayEquals(new long[] { 3, 4 }, d.meta().navShape());
			assertArrayEquals(new int[] { 11, 9 }, d.meta().sigShape());
			assertEquals(t, d.meta().dtype());
		}
		assertReads(f, OpenOptions.DEFAULTS, v);
		assertReads(Path.of(f + "::/measurement/frames"), OpenOptions.DEFAULTS, v);
		assertReads(f, OpenOptions.DEFAULTS.withNavShape(12), v);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("veloxStorages")
	void veloxFramesLastAxisAreGatheredIntoFrames(final String what, final DatasetCreationOptions.Builder options) {
		// /Data/Image/<uuid>/Data [rows, cols, frames]: frame f is data[:, :, f]
		final int rows = 11;
		final int cols = 9;
		final int frames = 12;
		final double[] stored = Samples.values(DType.UINT16, rows * cols * frames, 7);
		final double[] want = new double[stored.length];
		for (int y = 0; y < rows; y++)
			for (int x = 0; x < cols; x++)
				for (int n = 0; n < frames; n++)
					want[(n * rows + y) * cols + x] = stored[(y * cols + x) * frames + n];
		final Path f = dir.resolve("velox.emd");
		try (WritableHdfFile w = HdfFile.write(f)) {
			w.putDataset("Version", new String[] { "{\"format\": \"Velox\"}" });
			final WritableGroup image = w.putGroup("Data").putGroup("Image");
			final WritableGroup uuid = image.putGroup("6fdbde41eecc4186a24ef4ad8b6e5a1c");
			H5Fixtures.put(uuid, "Data", stored, new int[] { rows, cols, frames }, DType.UINT16, options);
			H5Fixtures.put(image.putGroup("0f0bd9bd8d6e4f0f9e1a2a4a5d3c2b1a"), "Data", Samples.values(DType.UINT16, 20, 2),
					new int[] { 4, 5, 1 }, DType.UINT16);
		}
		try (Dataset d = Formats.open(f, OpenOptions.DEFAULTS)) {
			assertEquals("velox", ((Hdf5Dataset) d).layout());
			assertArrayEquals(new long[] { frames }, d.meta().navShape());
			assertArrayEquals(new int[] { rows, cols }, d.meta().sigShape());
		}
		assertReads(f, OpenOptions.DEFAULTS, want);
		assertReads(f, OpenOptions.DEFAULTS.withNavShape(3, 4), want);
	}

	static Stream<Arguments> veloxStorages() {
		return Stream.of(Arguments.of("contiguous", DatasetCreationOptions.builder()),
				Arguments.of("chunked [rows, cols, 1]", DatasetCreationOptions.builder().chunkDimensions(11, 9, 1)),
				Arguments.of("chunked [4, 4, 5] deflate", DatasetCreationOptions.builder().chunkDimensions(4, 4, 5).deflate()));
	}

	@Test
	void berkeleyEmdGroupGivesDataAndCalibrationFromItsDimVectors() {
		final double[] v = Samples.values(DType.FLOAT32, N, 3);
		final Path f = dir.resolve("berkeley.emd");
		try (WritableHdfFile w = HdfFile.write(f)) {
			w.putAttribute("version_major", 0);
			final WritableGroup g = w.putGroup("data").putGroup("scan");
			g.putAttribute("emd_group_type", 1);
			H5Fixtures.put(g, "data", v, SHAPE, DType.FLOAT32);
			dim(g, "dim1", H5Fixtures.axis(0, 2.5, 3), "[n_m]");
			dim(g, "dim2", H5Fixtures.axis(10, 2.5, 4), "[n_m]");
			dim(g, "dim3", H5Fixtures.axis(-1, 0.02, 11), "[n_m^-1]");
			dim(g, "dim4", H5Fixtures.axis(-1, 0.03, 9), "[n_m^-1]");
		}
		try (Dataset d = Formats.open(f, OpenOptions.DEFAULTS)) {
			assertEquals("emd", ((Hdf5Dataset) d).layout());
			final Calibration c = d.meta().calibration();
			assertArrayEquals(new double[] { 2.5, 2.5 }, c.scanStep(), 1e-12);
			assertEquals("nm", c.scanUnit());
			assertArrayEquals(new double[] { 0.02, 0.03 }, c.detectorPixel(), 1e-12);
			assertEquals("1/nm", c.detectorUnit());
			assertArrayEquals(v, readAll(d, new TilePlan(5, 2)));
		}
	}

	private static void dim(final WritableGroup g, final String name, final double[] values, final String units) {
		g.putDataset(name, values).putAttribute("units", units);
	}

	@Test
	void nexusSignalAndAxesGiveDataAndCalibrationInMapTemUnits() {
		final double[] v = Samples.values(DType.UINT8, N, 4);
		final Path f = dir.resolve("scan.nxs");
		try (WritableHdfFile w = HdfFile.write(f)) {
			final WritableGroup entry = w.putGroup("entry");
			entry.putAttribute("NX_class", "NXentry");
			final WritableGroup data = entry.putGroup("data");
			data.putAttribute("NX_class", "NXdata");
			data.putAttribute("signal", "counts");
			data.putAttribute("axes", new String[] { "y", "x", ".", "kx" });
			H5Fixtures.put(data, "counts", v, SHAPE, DType.UINT8);
			data.putDataset("y", H5Fixtures.axis(0, 3, 3)).putAttribute("units", "A");
			data.putDataset("x", H5Fixtures.axis(0, 3, 4)).putAttribute("units", "A");
			data.putDataset("kx", H5Fixtures.axis(0, 0.05, 9)).putAttribute("units", "1/A");
			H5Fixtures.put(entry, "reference_image", Samples.values(DType.UINT8, 99, 5), new int[] { 11, 9 }, DType.UINT8);
		}
		try (Dataset d = Formats.open(f, OpenOptions.DEFAULTS)) {
			assertEquals("nexus", ((Hdf5Dataset) d).layout());
			final Calibration c = d.meta().calibration();
			// 3 Å = 0.3 nm; 0.05 1/Å = 0.5 1/nm; the detector rows have no axis
			assertArrayEquals(new double[] { 0.3, 0.3 }, c.scanStep(), 1e-12);
			assertEquals("nm", c.scanUnit());
			assertEquals(0.5, c.detectorPixel()[1], 1e-12);
			assertTrue(Double.isNaN(c.detectorPixel()[0]));
			assertArrayEquals(v, readAll(d, new TilePlan(1, 11)));
		}
	}

	@Test
	void hyperspyExperimentGivesDataAndCalibrationFromItsAxisGroups() {
		final double[] v = Samples.values(DType.INT16, N, 6);
		final Path f = dir.resolve("scan.hspy");
		try (WritableHdfFile w = HdfFile.write(f)) {
			w.putAttribute("file_format", "HyperSpy");
			final WritableGroup exp = w.putGroup("Experiments").putGroup("__unnamed__");
			H5Fixtures.put(exp, "data", v, SHAPE, DType.INT16);
			final String[][] axes = { { "y", "1.5", "nm" }, { "x", "1.5", "nm" }, { "ky", "2", "mrad" }, { "kx", "2", "mrad" } };
			for (int i = 0; i < 4; i++) {
				final WritableGroup a = exp.putGroup("axis-" + i);
				a.putAttribute("name", axes[i][0]);
				a.putAttribute("scale", Double.parseDouble(axes[i][1]));
				a.putAttribute("units", axes[i][2]);
				a.putAttribute("navigate", i < 2 ? 1 : 0);
				// jhdf 0.13 writes empty groups unreadably; HyperSpy's axis groups hold only attributes
				a.putDataset("unused", new int[] { 0 });
			}
		}
		try (Dataset d = Formats.open(f, OpenOptions.DEFAULTS)) {
			assertEquals("hyperspy", ((Hdf5Dataset) d).layout());
			final Calibration c = d.meta().calibration();
			assertArrayEquals(new double[] { 1.5, 1.5 }, c.scanStep(), 1e-12);
			assertArrayEquals(new double[] { 2, 2 }, c.detectorPixel(), 1e-12);
			assertEquals("mrad", c.detectorUnit());
			assertArrayEquals(v, readAll(d, new TilePlan(4, 5)));
		}
	}

	@Test
	void twoFourDimensionalDatasetsAreListedAndOneIsOpenedByPath() {
		final double[] a = Samples.values(DType.UINT8, N, 8);
		final double[] b = Samples.values(DType.UINT8, N, 9);
		final Path f = dir.resolve("two.h5");
		try (WritableHdfFile w = HdfFile.write(f)) {
			H5Fixtures.put(w, "a", a, SHAPE, DType.UINT8);
			H5Fixtures.put(w.putGroup("more"), "b", b, SHAPE, DType.UINT8);
			H5Fixtures.put(w, "stack", Samples.values(DType.UINT8, 5 * 11 * 9, 1), new int[] { 5, 11, 9 }, DType.UINT8);
		}
		final LayoutException e = assertThrows(LayoutException.class, () -> Formats.open(f, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
		assertTrue(e.getMessage().contains("two.h5::/a  [3, 4, 11, 9]"), e.getMessage());
		assertTrue(e.getMessage().contains("two.h5::/more/b  [3, 4, 11, 9]"), e.getMessage());
		assertTrue(!e.getMessage().contains("/stack"), "3D stacks are no 4D candidates: " + e.getMessage());
		try (Dataset d = Formats.open(Path.of(f + "::/more/b"), OpenOptions.DEFAULTS)) {
			assertArrayEquals(b, readAll(d, new TilePlan(2, 2)));
		}
		try (Dataset d = Formats.open(Path.of(f + "::/stack"), OpenOptions.DEFAULTS)) {
			assertArrayEquals(new long[] { 5 }, d.meta().navShape());
		}
	}

	@Test
	void aSingleFrameStackIsFoundWhenNoFourDimensionalDatasetExists() {
		final double[] v = Samples.values(DType.FLOAT32, 7 * 11 * 9, 10);
		final Path f = dir.resolve("stack.h5");
		try (WritableHdfFile w = HdfFile.write(f)) {
			H5Fixtures.put(w, "frames", v, new int[] { 7, 11, 9 }, DType.FLOAT32);
			H5Fixtures.put(w, "image", Samples.values(DType.FLOAT32, 99, 1), new int[] { 11, 9 }, DType.FLOAT32);
		}
		try (Dataset d = Formats.open(f, OpenOptions.DEFAULTS)) {
			assertArrayEquals(new long[] { 7 }, d.meta().navShape());
			assertArrayEquals(v, readAll(d, new TilePlan(3, 4)));
		}
	}

	@Test
	void badDatasetPathsAndUnsupportedFiltersNameTheFileAndWhatIsWrong() {
		final Path f = dir.resolve("bad.h5");
		try (WritableHdfFile w = HdfFile.write(f)) {
			final WritableGroup g = w.putGroup("g");
			H5Fixtures.put(g, "lzf", Samples.values(DType.UINT16, N, 1), SHAPE, DType.UINT16,
					DatasetCreationOptions.builder().chunkDimensions(1, 1, 11, 9).filter(H5Fixtures.lzf(), 0, 0, 198));
			g.putDataset("strings", new String[] { "a", "b" });
		}
		final LayoutException group = assertThrows(LayoutException.class,
				() -> Formats.open(Path.of(f + "::/g"), OpenOptions.DEFAULTS));
		assertTrue(group.getMessage().startsWith(f.toString()) && group.getMessage().contains("/g is a group"),
				group.getMessage());
		final LayoutException missing = assertThrows(LayoutException.class,
				() -> Formats.open(Path.of(f + "::/g/nothing"), OpenOptions.DEFAULTS));
		assertTrue(missing.getMessage().startsWith(f.toString()) && missing.getMessage().contains("/g/nothing"),
				missing.getMessage());
		final LayoutException lzf = assertThrows(LayoutException.class, () -> Formats.open(f, OpenOptions.DEFAULTS));
		assertTrue(lzf.getMessage().startsWith(f.toString()), lzf.getMessage());
		assertTrue(lzf.getMessage().contains("filters MapTEM decodes") && lzf.getMessage().contains("(id 32000)"),
				lzf.getMessage());
		final LayoutException strings = assertThrows(LayoutException.class,
				() -> Formats.open(Path.of(f + "::/g/strings"), OpenOptions.DEFAULTS));
		assertTrue(strings.getMessage().contains("'/g/strings shape'") || strings.getMessage().contains("data type"),
				strings.getMessage());
	}

	@Test
	void aRealFileWhoseNameContainsTheSeparatorOpensAsAFile() throws Exception {
		final Path odd = Files.createDirectories(dir.resolve("run.h5::"));
		final Path f = odd.resolve("data.h5");
		final double[] v = Samples.values(DType.UINT8, N, 12);
		try (WritableHdfFile w = HdfFile.write(f)) {
			H5Fixtures.put(w, "frames", v, SHAPE, DType.UINT8);
		}
		assertEquals(f.toString(), dir.resolve("run.h5::/data.h5").toString());
		try (Dataset d = Formats.open(f, OpenOptions.DEFAULTS)) {
			assertArrayEquals(v, readAll(d, new TilePlan(1, 1)));
		}
		final Hdf5Address a = Hdf5Address.parse(Path.of(f + "::/frames"));
		assertEquals(f, a.file());
		assertEquals("/frames", a.dataset());
	}

	@Test
	void probeRecognisesTheSignatureTheAddressAndExtensions() throws Exception {
		final Path f = dir.resolve("x.bin");
		try (WritableHdfFile w = HdfFile.write(f)) {
			H5Fixtures.put(w, "frames", new double[N], SHAPE, DType.UINT8);
		}
		final Hdf5Format h = new Hdf5Format();
		assertEquals(100, h.probe(f, Files.readAllBytes(f)));
		assertEquals(100, h.probe(Path.of(f + "::/frames"), new byte[0]));
		final byte[] userBlock = new byte[600];
		System.arraycopy(Hdf5Format.SIGNATURE, 0, userBlock, 512, 8);
		assertEquals(100, h.probe(dir.resolve("u.dat"), userBlock));
		assertEquals(50, h.probe(dir.resolve("scan.emd"), new byte[8]));
		assertEquals(50, h.probe(dir.resolve("scan.H5"), new byte[8]));
		assertEquals(0, h.probe(dir.resolve("scan.mib"), new byte[8]));
		final LayoutException none = assertThrows(LayoutException.class,
				() -> Formats.open(Path.of(dir.resolve("missing.h5") + "::/frames"), OpenOptions.DEFAULTS));
		assertTrue(none.getMessage().endsWith("missing.h5::/frames: no such file or directory"), none.getMessage());
		final LayoutException e = assertThrows(LayoutException.class,
				() -> Hdf5Dataset.open(Files.write(dir.resolve("fake.h5"), new byte[64]), null, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().contains("at byte offset 0: expected the HDF5 signature"), e.getMessage());
	}
}
