package org.maptem.formats.k2is;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maptem.dataset.DType;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Tile;
import org.maptem.dataset.TilePlan;
import org.maptem.formats.Formats;
import org.maptem.formats.HeaderFuzzer;
import org.maptem.frames.FrameSource;
import org.maptem.ingest.Ingest;
import org.maptem.ingest.IngestOptions;

/** K2IS data sets written by the test from the documented layout (no real sample was available). */
class K2isFormatTest {

	/** Sectors start 3, 0, 7, 31, 2, 5, 0 and 40 blocks into the recording: the largest lies inside frame 1. */
	static final int[] LEAD = { 3, 0, 7, 31, 2, 5, 0, 40 };
	/** Sectors stop 0 to 33 blocks early: sector 3 ends inside frame 4. */
	static final int[] TAIL = { 0, 10, 0, 33, 3, 0, 1, 0 };
	static final int FRAMES = 6;
	/** Recorded frame 3 is the first with the shutter flag. */
	static final int SHUTTER = 3;

	@TempDir
	static Path shared;

	@TempDir
	Path dir;

	@BeforeAll
	static void writeSets() throws IOException {
		// synchronised: frames 2 and 3 (ids 502, 503) are whole in every sector
		K2Writer.write(Files.createDirectories(shared.resolve("scan")), "scan", FRAMES, SHUTTER, LEAD, TAIL,
				new long[] { 1, 2 }, null);
		K2Writer.write(Files.createDirectories(shared.resolve("series")), "series", FRAMES, SHUTTER, LEAD, TAIL, null, null);
	}

	/** Checks every value of every tile of {@code d} against the pattern of frame ids {@code ids}. */
	static void assertPattern(final Dataset d, final TilePlan plan, final long[] ids) {
		final int w = 2048;
		final float[] f = new float[plan.maxTileSize(d.meta().sigShape())];
		final double[] g = new double[f.length];
		int tiles = 0;
		for (final Partition p : d.partitions())
			try (FrameSource s = d.open(p)) {
				for (final Tile t : plan.tiles(p, d.meta().sigShape())) {
					s.read(t, f);
					s.read(t, g);
					for (int i = 0; i < t.frameCount(); i++)
						for (int r = 0; r < t.sigRows(); r++)
							for (int x = 0; x < w; x++) {
								final int k = (i * t.sigRows() + r) * w + x;
								final int v = K2Writer.value(ids[(int) t.firstFrame() + i], t.sigRowStart() + r, x);
								if (f[k] != v || g[k] != v)
									fail("frame " + (t.firstFrame() + i) + " y " + (t.sigRowStart() + r) + " x " + x + ": expected "
											+ v + ", found " + f[k] + " / " + g[k]);
							}
					tiles++;
				}
			}
		assertTrue(tiles > 0);
	}

	@Test
	void scanStartsOneFrameBeforeTheShutterFrameAfterSynchronisingTheSectors() {
		for (final String open : new String[] { "scan_.gtg", "scan_1.bin", "scan_7.bin" })
			try (Dataset d = Formats.open(shared.resolve("scan").resolve(open), OpenOptions.DEFAULTS)) {
				assertInstanceOf(K2isDataset.class, d);
				assertArrayEquals(new long[] { 1, 2 }, d.meta().navShape());
				assertArrayEquals(new int[] { 1860, 2048 }, d.meta().sigShape());
				assertEquals(DType.UINT12_PACKED, d.meta().dtype());
				assertEquals("1", d.meta().provenance().details().get("shutter_frame"));
				assertEquals("1 × 1", d.meta().provenance().details().get("scan_without_flyback"));
				assertPattern(d, TilePlan.defaultFor(d.meta()), new long[] { 502, 503 });
			}
	}

	@Test
	void tilesAndPartitionsOfAnyShapeGiveTheSameFrames() {
		final Path gtg = shared.resolve("scan").resolve("scan_.gtg");
		final long[] ids = { 502, 503 };
		try (Dataset d = K2isDataset.open(gtg, OpenOptions.DEFAULTS.withPartitionBytes(1L << 30))) {
			assertEquals(1, d.partitions().size());
			// whole frames two at a time
			assertPattern(d, new TilePlan(2, 1860), ids);
		}
		try (Dataset d = K2isDataset.open(gtg, OpenOptions.DEFAULTS.withPartitionBytes(1))) {
			assertEquals(2, d.partitions().size());
			// bands that cross the block row boundary at row 930, and bands that end just before it
			assertPattern(d, new TilePlan(1, 1000), ids);
			assertPattern(d, new TilePlan(1, 929), ids);
		}
	}

	@Test
	void timeSeriesWithoutGtgStartsAtTheShutterFrameAndOptionsReshape() {
		final Path bin = shared.resolve("series").resolve("series_4.bin");
		try (Dataset d = Formats.open(bin, OpenOptions.DEFAULTS)) {
			assertArrayEquals(new long[] { 1 }, d.meta().navShape());
			assertPattern(d, new TilePlan(1, 400), new long[] { 503 });
		}
		try (Dataset d = Formats.open(shared.resolve("scan").resolve("scan_2.bin"), OpenOptions.DEFAULTS.withNavShape(1))) {
			assertArrayEquals(new long[] { 1 }, d.meta().navShape());
			assertPattern(d, new TilePlan(1, 1860), new long[] { 502 });
		}
		final LayoutException e = assertThrows(LayoutException.class,
				() -> K2isDataset.open(bin, OpenOptions.DEFAULTS.withNavShape(2)));
		assertTrue(e.getMessage().contains("series_1.bin") && e.getMessage().contains("scan shape"), e.getMessage());
	}

	@Test
	void detectsBlockSyncWordsAndGtgFiles() throws IOException {
		final K2isFormat format = new K2isFormat();
		final Path scan = shared.resolve("scan");
		final byte[] bin = Files.readAllBytes(scan.resolve("scan_2.bin"));
		assertEquals(100, format.probe(scan.resolve("scan_2.bin"), java.util.Arrays.copyOf(bin, 64)));
		assertEquals(100, format.probe(scan.resolve("scan_.gtg"), Files.readAllBytes(scan.resolve("scan_.gtg"))));
		assertEquals(50, format.probe(Path.of("x.gtg"), new byte[32]));
		assertEquals(0, format.probe(Path.of("x.bin"), new byte[32]));
		assertEquals("k2is", Formats.detect(scan.resolve("scan_.gtg")).name());
		assertEquals("k2is", Formats.detect(scan.resolve("scan_5.bin")).name());
	}

	@Test
	void rejectsBadDataSetsNamingFileAndOffset() throws IOException {
		// a wrong sync word in sector 3's first block
		K2Writer.write(dir, "a", 2, 1, new int[8], new int[8], null,
				(s, b, h) -> h.putInt(0, s == 3 && b == 0 ? 0xFFFF0056 : 0xFFFF0055));
		assertRejects(dir.resolve("a_1.bin"), "a_4.bin", "at byte offset 0");
		// a wrong pixel coordinate in the first synchronised frame
		K2Writer.write(dir, "b", 2, 1, new int[8], new int[8], null, (s, b, h) -> {
			if (s == 5 && b == 7)
				h.putShort(28, (short) 0);
		});
		assertRejects(dir.resolve("b_1.bin"), "b_6.bin", "at byte offset " + (7 * K2Writer.BLOCK + 28));
		// a block of the wrong frame in the middle of the data, found when reading
		K2Writer.write(dir, "c", 3, 0, new int[8], new int[8], null, (s, b, h) -> {
			if (s == 2 && b == 32 + 20)
				h.putInt(24, 12345);
		});
		try (Dataset d = K2isDataset.open(dir.resolve("c_1.bin"), OpenOptions.DEFAULTS.withNavShape(2))) {
			final LayoutException e = assertThrows(LayoutException.class, () -> assertPattern(d, new TilePlan(1, 1860),
					new long[] { 500, 501 }));
			assertTrue(e.getMessage().contains("c_3.bin") && e.getMessage().contains("offset " + ((32 + 20) * K2Writer.BLOCK
					+ 24)), e.getMessage());
		}
		// no shutter flag at all
		K2Writer.write(dir, "d", 2, 99, new int[8], new int[8], null, null);
		assertRejects(dir.resolve("d_1.bin"), "d_1.bin", "shutter-active");
		// a scan larger than the recording
		K2Writer.write(dir, "e", 2, 0, new int[8], new int[8], new long[] { 2, 2 }, null);
		assertRejects(dir.resolve("e_1.bin"), "e_.gtg", "SI Dimensions");
		// seven sector files
		Files.delete(dir.resolve("e_8.bin"));
		assertRejects(dir.resolve("e_.gtg"), "e_.gtg", "found 7");
	}

	private static void assertRejects(final Path open, final String file, final String what) {
		final LayoutException e = assertThrows(LayoutException.class, () -> {
			try (Dataset d = K2isDataset.open(open, OpenOptions.DEFAULTS)) {
				assertPattern(d, new TilePlan(1, 1860), new long[0]);
			}
		});
		assertTrue(e.getMessage().contains(file) && e.getMessage().contains(what), e.getMessage());
	}

	@Test
	void ingestStoresTheAssembledFramesAsUint16() throws IOException {
		try (Dataset d = Formats.open(shared.resolve("scan").resolve("scan_.gtg"), OpenOptions.DEFAULTS)) {
			Ingest.run(d, dir.resolve("k.n5"), IngestOptions.DEFAULTS.withPartitionBytes(d.meta().frameBytes()));
		}
		try (Dataset n5 = Formats.open(dir.resolve("k.n5"), OpenOptions.DEFAULTS)) {
			assertEquals(DType.UINT16, n5.meta().dtype());
			assertEquals("k2is", n5.meta().provenance().format());
			assertPattern(n5, new TilePlan(1, 700), new long[] { 502, 503 });
		}
	}

	@Test
	void fuzzedSectorHeadersAndGtgFailWithTheFileNamed() throws IOException {
		// one whole frame in every sector: every mutation is read in full
		final Path src = Files.createDirectories(dir.resolve("src"));
		K2Writer.write(src, "f", 1, 0, new int[8], new int[8], new long[] { 1, 1 }, null);
		final Path work = Files.createDirectories(dir.resolve("fuzz"));
		try (Stream<Path> files = Files.list(src)) {
			for (final Path p : (Iterable<Path>) files::iterator)
				Files.copy(p, work.resolve(p.getFileName()));
		}
		final int sector = HeaderFuzzer.of(src.resolve("f_1.bin"), 40, 31).counts(20, 60, 20).run(work,
				HeaderFuzzer.detecting());
		final int gtg = HeaderFuzzer.of(src.resolve("f_.gtg"), (int) Files.size(src.resolve("f_.gtg")), 32).counts(20, 60, 20)
				.run(work, HeaderFuzzer.detecting());
		assertEquals(100, sector);
		assertEquals(100, gtg);
	}
}
