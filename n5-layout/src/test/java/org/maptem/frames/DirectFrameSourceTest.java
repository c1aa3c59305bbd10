package org.maptem.frames;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Tile;

import com.sun.nio.file.ExtendedOpenOption;

class DirectFrameSourceTest {

	private static final int H = MappedFrameSourceTest.H;
	private static final int W = MappedFrameSourceTest.W;
	private static final long BASE = MappedFrameSourceTest.BASE;

	@TempDir
	Path dir;

	static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> typesAndOrders() {
		return MappedFrameSourceTest.typesAndOrders();
	}

	/** True when this file's file system accepts O_DIRECT, asked without the code under test. */
	private static boolean acceptsDirect(final Path file) {
		try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ, ExtendedOpenOption.DIRECT)) {
			return true;
		} catch (final IOException | UnsupportedOperationException e) {
			return false;
		}
	}

	@ParameterizedTest(name = "{0} little={1}")
	@MethodSource("typesAndOrders")
	void directAndPlainReadsMatchTheNaiveDecodeAndTheMapping(final DType type, final boolean little) throws IOException {
		final FrameLayout layout = MappedFrameSourceTest.gapped(type, little);
		final Path file = FrameFixtures.writeFile(dir, "frames.bin", layout, BASE, 5);
		final List<Tile> tiles = MappedFrameSourceTest.manyTiles();
		// small reads go to the disk once per few tiles: a shorter tile list keeps the test fast
		final List<Tile> someTiles = FrameFixtures.tiles(BASE, MappedFrameSourceTest.FRAMES, H, W, 3, 4);
		for (final boolean tryDirect : new boolean[] { true, false }) {
			try (DirectFrameSource s = new DirectFrameSource(file, layout, BASE, DirectFrameSource.DEFAULT_WINDOW, tryDirect, 0)) {
				FrameFixtures.assertReadsAll(s, type, tiles);
				assertEquals(tryDirect && acceptsDirect(file), s.isDirect());
			}
			try (DirectFrameSource s = new DirectFrameSource(file, layout, BASE, 10_000, tryDirect, 0)) {
				FrameFixtures.assertReadsAll(s, type, someTiles);
			}
		}
		try (DirectFrameSource direct = new DirectFrameSource(file, layout, BASE);
				MappedFrameSource mapped = new MappedFrameSource(file, layout, BASE, 4096)) {
			for (final Tile t : tiles) {
				final float[] a = new float[t.size()];
				final float[] b = new float[t.size()];
				direct.read(t, a);
				mapped.read(t, b);
				assertArrayEquals(b, a, () -> "tile " + t);
			}
		}
	}

	@Test
	void readsSmallerThanABlockStillCoverEveryTile() throws IOException {
		final DType type = DType.UINT12_PACKED;
		final FrameLayout layout = MappedFrameSourceTest.gapped(type, true);
		final Path file = FrameFixtures.writeFile(dir, "frames.bin", layout, BASE, 0);
		final List<Tile> tiles = new java.util.ArrayList<>(FrameFixtures.tiles(BASE, MappedFrameSourceTest.FRAMES, H, W, 7, H));
		tiles.addAll(FrameFixtures.tiles(BASE + 50, 20, H, W, 1, 2));
		for (final boolean tryDirect : new boolean[] { true, false })
			for (final int window : new int[] { 1, 4096 })
				try (DirectFrameSource s = new DirectFrameSource(file, layout, BASE, window, tryDirect, 0)) {
					FrameFixtures.assertReadsAll(s, type, tiles);
				}
	}

	@Test
	void usesDirectIoWithTheFileStoresBlockSizeWhereTheFileSystemAcceptsIt() throws IOException {
		final FrameLayout layout = MappedFrameSourceTest.gapped(DType.UINT16, true);
		final Path file = FrameFixtures.writeFile(dir, "frames.bin", layout, BASE, 0);
		assumeTrue(acceptsDirect(file), "this file system refuses O_DIRECT");
		try (DirectFrameSource s = new DirectFrameSource(file, layout, BASE)) {
			FrameFixtures.assertTile(s, DType.UINT16, new Tile(BASE + 3, 4, 0, H, W));
			assertTrue(s.isDirect());
			assertEquals(Files.getFileStore(file).getBlockSize(), s.alignment());
		}
	}

	@Test
	void forcedPlainReadsBypassNothingAndStillMatch() throws IOException {
		final FrameLayout layout = MappedFrameSourceTest.gapped(DType.INT32, false);
		final Path file = FrameFixtures.writeFile(dir, "frames.bin", layout, BASE, 0);
		try (DirectFrameSource s = new DirectFrameSource(file, layout, BASE, 4096, false, 0)) {
			FrameFixtures.assertReadsAll(s, DType.INT32, MappedFrameSourceTest.manyTiles());
			assertFalse(s.isDirect());
		}
	}

	@Test
	void aDirectReadTheChannelRefusesFallsBackToPlainReads() throws IOException {
		// the JDK checks direct reads against the file system's block size; a smaller alignment makes it refuse one
		final FrameLayout layout = new FrameLayout(600, DType.FLOAT32.bytesFor(H * W), 100, DType.FLOAT32, false, H, W);
		final Path file = FrameFixtures.writeFile(dir, "frames.bin", layout, BASE, 0);
		assumeTrue(acceptsDirect(file) && Files.getFileStore(file).getBlockSize() > 512,
				"needs O_DIRECT with blocks larger than 512 bytes");
		try (DirectFrameSource s = new DirectFrameSource(file, layout, BASE, 4096, true, 512)) {
			assertTrue(s.isDirect());
			FrameFixtures.assertReadsAll(s, DType.FLOAT32, FrameFixtures.tiles(BASE, 100, H, W, 3, H));
			assertFalse(s.isDirect());
		}
	}

	@Test
	void aFileShorterThanItsLayoutNamesTheFileTheOffsetAndTheSize() throws IOException {
		final FrameLayout layout = MappedFrameSourceTest.gapped(DType.UINT8, false);
		final Path file = dir.resolve("short.bin");
		final byte[] bytes = FrameFixtures.streamBytes(layout, BASE, (byte) 0);
		Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 2));
		final LayoutException e = assertThrows(LayoutException.class, () -> new DirectFrameSource(file, layout, BASE));
		assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
		assertTrue(e.getMessage().contains("offset " + (bytes.length - 2)), e.getMessage());
		assertTrue(e.getMessage().contains(bytes.length + " bytes"), e.getMessage());
	}

	@Test
	void tilesOutsideTheLayoutAreRejectedNamingTheFile() throws IOException {
		final FrameLayout layout = MappedFrameSourceTest.gapped(DType.UINT8, false);
		final Path file = FrameFixtures.writeFile(dir, "frames.bin", layout, BASE, 0);
		try (DirectFrameSource s = new DirectFrameSource(file, layout, BASE)) {
			final LayoutException e = assertThrows(LayoutException.class,
					() -> s.read(new Tile(BASE + layout.frameCount(), 1, 0, H, W), new double[H * W]));
			assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
		}
	}
}
