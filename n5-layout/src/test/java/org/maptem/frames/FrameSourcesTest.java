package org.maptem.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maptem.dataset.DType;
import org.maptem.dataset.ReadMode;
import org.maptem.dataset.Tile;

class FrameSourcesTest {

	private static final long GIB = 1L << 30;

	@TempDir
	Path dir;

	@Test
	void explicitModesAreKeptWhateverTheSizes() {
		assertEquals(ReadMode.MMAP, FrameSources.choose(ReadMode.MMAP, 100 * GIB, GIB));
		assertEquals(ReadMode.DIRECT, FrameSources.choose(ReadMode.DIRECT, 1, 100 * GIB));
	}

	@Test
	void autoMapsDatasetsSmallerThanTheCacheableMemoryAndReadsLargerOnesDirectly() {
		assertEquals(ReadMode.MMAP, FrameSources.choose(ReadMode.AUTO, 0, 16 * GIB));
		assertEquals(ReadMode.MMAP, FrameSources.choose(ReadMode.AUTO, 16 * GIB - 1, 16 * GIB));
		assertEquals(ReadMode.DIRECT, FrameSources.choose(ReadMode.AUTO, 16 * GIB, 16 * GIB));
		assertEquals(ReadMode.DIRECT, FrameSources.choose(ReadMode.AUTO, 40 * GIB, 16 * GIB));
		assertEquals(ReadMode.DIRECT, FrameSources.choose(ReadMode.AUTO, 1, 0));
	}

	@Test
	void aNegativeDatasetSizeIsRejected() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> FrameSources.choose(ReadMode.AUTO, -5, GIB));
		assertTrue(e.getMessage().contains("-5"), e.getMessage());
	}

	@Test
	void memAvailableIsParsedFromMeminfoInBytes() {
		final List<String> meminfo = List.of("MemTotal:       24684092 kB", "MemFree:        24409776 kB",
				"MemAvailable:   24384272 kB", "Buffers:            2724 kB");
		assertEquals(OptionalLong.of(24384272L * 1024), FrameSources.memAvailable(meminfo));
	}

	@Test
	void meminfoWithoutAUsableMemAvailableGivesNothing() {
		assertEquals(OptionalLong.empty(), FrameSources.memAvailable(List.of("MemTotal: 1000 kB", "MemFree: 10 kB")));
		assertEquals(OptionalLong.empty(), FrameSources.memAvailable(List.of("MemAvailable: lots kB")));
		assertEquals(OptionalLong.empty(), FrameSources.memAvailable(List.of()));
	}

	@Test
	void withoutMeminfoTheEstimateIsPhysicalMemoryLessTheHeapOrThreeHeaps() {
		assertEquals(12 * GIB, FrameSources.estimateCacheable(16 * GIB, 4 * GIB));
		assertEquals(0, FrameSources.estimateCacheable(4 * GIB, 6 * GIB));
		assertEquals(12 * GIB, FrameSources.estimateCacheable(0, 4 * GIB));
		assertEquals(Long.MAX_VALUE, FrameSources.estimateCacheable(-1, Long.MAX_VALUE));
	}

	@Test
	void thisMachineCanCacheSomething() {
		assertTrue(FrameSources.cacheableBytes() > 0);
	}

	@Test
	void openGivesTheSourceOfTheChosenModeAndItReadsTheFrames() throws IOException {
		final FrameLayout layout = FrameLayout.packed(8, 10, DType.UINT16, false, 4, 6);
		final Path file = FrameFixtures.writeFile(dir, "frames.bin", layout, 20, 0);
		final Tile tile = new Tile(22, 3, 0, 4, 6);
		try (FrameSource s = FrameSources.open(file, layout, 20, ReadMode.MMAP, Long.MAX_VALUE)) {
			assertInstanceOf(MappedFrameSource.class, s);
			FrameFixtures.assertTile(s, DType.UINT16, tile);
		}
		try (FrameSource s = FrameSources.open(file, layout, 20, ReadMode.DIRECT, 0)) {
			assertInstanceOf(DirectFrameSource.class, s);
			FrameFixtures.assertTile(s, DType.UINT16, tile);
		}
		try (FrameSource s = FrameSources.open(file, layout, 20, ReadMode.AUTO, 0)) {
			assertInstanceOf(MappedFrameSource.class, s);
		}
		try (FrameSource s = FrameSources.open(file, layout, 20, ReadMode.AUTO, Long.MAX_VALUE)) {
			assertInstanceOf(DirectFrameSource.class, s);
			FrameFixtures.assertTile(s, DType.UINT16, tile);
		}
	}
}
