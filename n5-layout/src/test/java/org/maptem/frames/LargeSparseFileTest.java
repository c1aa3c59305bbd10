package org.maptem.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maptem.dataset.DType;
import org.maptem.dataset.Tile;

/**
 * Files and chunks past 2 GiB, one {@code ByteBuffer}'s limit: a sparse 3 GiB file (a hole everywhere except the
 * frames written near the start, across the 2 GiB boundary and at the end), so no real disk space or memory is used.
 */
class LargeSparseFileTest {

	private static final long SIZE = 3L << 30;
	private static final int H = 64;
	private static final int W = 64;
	private static final DType TYPE = DType.FLOAT32;
	/** An N5-style 16-byte header before the first frame. */
	private static final FrameLayout LAYOUT = FrameLayout.packed(16, (SIZE - 16) / TYPE.bytesFor(H * W), TYPE, false, H, W);
	/** The frame holding byte 2^31, so it straddles the 2 GiB boundary. */
	private static final long STRADDLING = ((1L << 31) - 16) / LAYOUT.frameStride();
	private static final long LAST = LAYOUT.frameCount() - 1;
	private static final long[] WRITTEN = { 0, 1, 2, STRADDLING - 2, STRADDLING - 1, STRADDLING, STRADDLING + 1,
			STRADDLING + 2, LAST - 2, LAST - 1, LAST };

	@TempDir
	static Path dir;
	static Path file;

	@BeforeAll
	static void writeSparseFile() throws IOException {
		file = dir.resolve("sparse-3GiB.bin");
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
			raf.setLength(SIZE);
		}
		try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
			for (final long f : WRITTEN) {
				final byte[] b = FrameFixtures.encode(TYPE, LAYOUT.byteOrder(), FrameFixtures.frameValues(LAYOUT, f));
				c.write(ByteBuffer.wrap(b), LAYOUT.position(f, 0));
			}
		}
	}

	/** Single frames, runs of frames across 2 GiB, row bands of the straddling frame, and the last frames. */
	private static List<Tile> tilesOfWrittenFrames() {
		final List<Tile> t = new ArrayList<>();
		for (final long f : WRITTEN)
			t.add(new Tile(f, 1, 0, H, W));
		t.add(new Tile(0, 3, 0, H, W));
		t.add(new Tile(STRADDLING - 2, 5, 0, H, W));
		t.add(new Tile(STRADDLING - 1, 3, 10, 50, W));
		t.addAll(FrameFixtures.tiles(STRADDLING, 1, H, W, 1, 7));
		t.add(new Tile(LAST - 2, 3, 0, H, W));
		return t;
	}

	@Test
	void theLayoutReallyCrossesTwoGib() {
		assertTrue(LAYOUT.position(STRADDLING, 0) < 1L << 31 && LAYOUT.position(STRADDLING + 1, 0) > 1L << 31);
		assertTrue(LAYOUT.requiredBytes() > 3L * (1L << 30) - LAYOUT.frameStride());
	}

	@Test
	void mappedSourceReadsFramesNearTheStartAcrossTwoGibAndAtTheEnd() {
		for (final long window : new long[] { MappedFrameSource.DEFAULT_WINDOW, 1 << 20 })
			try (MappedFrameSource s = new MappedFrameSource(file, LAYOUT, 0, window)) {
				FrameFixtures.assertReadsAll(s, TYPE, tilesOfWrittenFrames());
				assertHolesReadAsZero(s);
			}
	}

	@Test
	void directSourceReadsFramesNearTheStartAcrossTwoGibAndAtTheEnd() {
		for (final boolean tryDirect : new boolean[] { true, false })
			try (DirectFrameSource s = new DirectFrameSource(file, LAYOUT, 0, DirectFrameSource.DEFAULT_WINDOW, tryDirect, 0)) {
				FrameFixtures.assertReadsAll(s, TYPE, tilesOfWrittenFrames());
				assertHolesReadAsZero(s);
			}
	}

	@Test
	void aPartitionStartingPastTwoGibReadsWithDatasetFrameNumbers() {
		// a block that starts past 2 GiB in its file: frame 0 of this layout is dataset frame STRADDLING - 2
		final long first = STRADDLING - 2;
		final FrameLayout part = FrameLayout.packed(LAYOUT.position(first, 0), 5, TYPE, false, H, W);
		final List<Tile> tiles = FrameFixtures.tiles(first, 5, H, W, 2, H);
		try (MappedFrameSource m = new MappedFrameSource(file, part, first);
				DirectFrameSource d = new DirectFrameSource(file, part, first)) {
			FrameFixtures.assertReadsAll(m, TYPE, tiles);
			FrameFixtures.assertReadsAll(d, TYPE, tiles);
		}
	}

	private static void assertHolesReadAsZero(final FrameSource s) {
		final float[] dst = new float[2 * H * W];
		for (final long f : new long[] { 3, STRADDLING + 3, LAST - 4 }) {
			java.util.Arrays.fill(dst, -1f);
			s.read(new Tile(f, 2, 0, H, W), dst);
			for (final float v : dst)
				assertEquals(0f, v, "frame " + f + " lies in a hole");
		}
	}
}
