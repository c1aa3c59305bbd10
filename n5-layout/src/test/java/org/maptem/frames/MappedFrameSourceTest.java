package org.maptem.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Tile;

class MappedFrameSourceTest {

	static final int H = 9;
	static final int W = 8;
	static final int FRAMES = 200;
	static final long BASE = 1000;
	private static final long SMALL_WINDOW = 4096;

	@TempDir
	Path dir;

	static Stream<Arguments> typesAndOrders() {
		final List<Arguments> out = new ArrayList<>();
		for (final DType t : DType.values())
			for (final boolean little : new boolean[] { false, true })
				out.add(Arguments.of(t, little));
		return out.stream();
	}

	/** A 12-byte file header, then frames with 20 bytes of per-frame header and footer between them. */
	static FrameLayout gapped(final DType type, final boolean little) {
		return new FrameLayout(12, type.bytesFor(H * W) + 20, FRAMES, type, little, H, W);
	}

	/** Whole-frame tiles of several sizes and row bands, forwards then backwards, so windows move both ways. */
	static List<Tile> manyTiles() {
		final List<Tile> tiles = new ArrayList<>();
		for (final int perTile : new int[] { 1, 3, 7, 16 })
			tiles.addAll(FrameFixtures.tiles(BASE, FRAMES, H, W, perTile, H));
		for (final int rows : new int[] { 2, 4 })
			tiles.addAll(FrameFixtures.tiles(BASE, FRAMES, H, W, 1, rows));
		final List<Tile> backwards = new ArrayList<>(tiles);
		Collections.reverse(backwards);
		tiles.addAll(backwards);
		return tiles;
	}

	@ParameterizedTest(name = "{0} little={1}")
	@MethodSource("typesAndOrders")
	void everyTileMatchesWhenWindowsAreMuchSmallerThanTheFile(final DType type, final boolean little) throws IOException {
		final FrameLayout layout = gapped(type, little);
		final Path file = FrameFixtures.writeFile(dir, "frames.bin", layout, BASE, 5);
		assertTrue(Files.size(file) > 4 * SMALL_WINDOW, "the file must span several windows");
		try (MappedFrameSource s = new MappedFrameSource(file, layout, BASE, SMALL_WINDOW)) {
			FrameFixtures.assertReadsAll(s, type, manyTiles());
		}
	}

	@ParameterizedTest(name = "{0} little={1}")
	@MethodSource("typesAndOrders")
	void packedFramesMatchWithTheDefaultWindow(final DType type, final boolean little) throws IOException {
		final FrameLayout layout = FrameLayout.packed(16, FRAMES, type, little, H, W);
		final Path file = FrameFixtures.writeFile(dir, "packed.bin", layout, BASE, 0);
		try (MappedFrameSource s = new MappedFrameSource(file, layout, BASE)) {
			FrameFixtures.assertReadsAll(s, type, manyTiles());
		}
	}

	@Test
	void aTileLargerThanTheWindowIsMappedWhole() throws IOException {
		final FrameLayout layout = gapped(DType.FLOAT64, false);
		final Path file = FrameFixtures.writeFile(dir, "big-tile.bin", layout, BASE, 0);
		try (MappedFrameSource s = new MappedFrameSource(file, layout, BASE, SMALL_WINDOW)) {
			final Tile all = new Tile(BASE, FRAMES, 0, H, W);
			assertTrue(layout.frameStride() * FRAMES > SMALL_WINDOW);
			FrameFixtures.assertTile(s, DType.FLOAT64, all);
			FrameFixtures.assertTile(s, DType.FLOAT64, new Tile(BASE + 1, FRAMES - 1, 3, 5, W));
		}
	}

	@Test
	void aFileShorterThanItsLayoutNamesTheFileTheOffsetAndTheSize() throws IOException {
		final FrameLayout layout = gapped(DType.UINT16, true);
		final Path file = dir.resolve("short.bin");
		final byte[] bytes = FrameFixtures.streamBytes(layout, BASE, (byte) 0);
		Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 1));
		final LayoutException e = assertThrows(LayoutException.class, () -> new MappedFrameSource(file, layout, BASE));
		assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
		assertTrue(e.getMessage().contains("offset " + (bytes.length - 1)), e.getMessage());
		assertTrue(e.getMessage().contains(bytes.length + " bytes"), e.getMessage());
	}

	@Test
	void aMissingFileIsALayoutExceptionNamingIt() {
		final Path file = dir.resolve("missing.bin");
		final LayoutException e = assertThrows(LayoutException.class,
				() -> new MappedFrameSource(file, gapped(DType.UINT8, false), BASE));
		assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
	}

	@Test
	void tilesOutsideTheLayoutAreRejectedNamingTheFile() throws IOException {
		final FrameLayout layout = gapped(DType.INT16, false);
		final Path file = FrameFixtures.writeFile(dir, "frames.bin", layout, BASE, 0);
		try (MappedFrameSource s = new MappedFrameSource(file, layout, BASE, SMALL_WINDOW)) {
			final float[] dst = new float[H * W * 2];
			final LayoutException e = assertThrows(LayoutException.class, () -> s.read(new Tile(BASE + FRAMES - 1, 2, 0, H, W), dst));
			assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
			assertThrows(LayoutException.class, () -> s.read(new Tile(BASE - 1, 1, 0, H, W), dst));
		}
	}

	@Test
	void tilesAreDecodedInPlaceFromTheMappingNotFromACopy() throws IOException {
		final FrameLayout layout = FrameLayout.packed(0, FRAMES, DType.FLOAT32, false, H, W);
		final Path file = FrameFixtures.writeFile(dir, "zero-copy.bin", layout, BASE, 0);
		try (MappedFrameSource s = new MappedFrameSource(file, layout, BASE);
				FileChannel writer = FileChannel.open(file, StandardOpenOption.WRITE)) {
			final Tile tile = new Tile(BASE + 5, 2, 0, H, W);
			final float[] dst = new float[tile.size()];
			s.read(tile, dst);
			final ByteBuffer mapping = s.currentMapping();
			assertTrue(mapping instanceof MappedByteBuffer && mapping.isDirect() && !mapping.hasArray(),
					"tiles must be read from a direct mapping, not a heap copy");
			// a write to the file shows through the shared mapping only if reads go to the mapping itself
			final ByteBuffer changed = ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putFloat(0, 12345.5f);
			writer.write(changed, layout.position(5, 0));
			s.read(tile, dst);
			assertSame(mapping, s.currentMapping(), "the second read must not remap");
			assertEquals(12345.5f, dst[0]);
			assertEquals((float) FrameFixtures.value(DType.FLOAT32, BASE + 5, 0, 1), dst[1]);
		}
	}

	@Test
	void closeReleasesTheMapping() throws IOException {
		final FrameLayout layout = FrameLayout.packed(0, FRAMES, DType.UINT8, false, H, W);
		final Path file = FrameFixtures.writeFile(dir, "close.bin", layout, BASE, 0);
		final MappedFrameSource s = new MappedFrameSource(file, layout, BASE);
		s.read(new Tile(BASE, 1, 0, H, W), new float[H * W]);
		assertFalse(s.currentMapping() == null);
		s.close();
		assertNull(s.currentMapping());
		s.close();
	}
}
