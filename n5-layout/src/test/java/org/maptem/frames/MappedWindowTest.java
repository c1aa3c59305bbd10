package org.maptem.frames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maptem.dataset.LayoutException;

class MappedWindowTest {

	/** A file of {@code n} bytes whose byte {@code i} is {@code i mod 251}. */
	private static Path file(final Path dir, final int n) throws IOException {
		final byte[] b = new byte[n];
		for (int i = 0; i < n; i++)
			b[i] = (byte) (i % 251);
		return Files.write(dir.resolve("data.bin"), b);
	}

	@Test
	void mapsTheRequestedBytesAndCoversExactlyThem(@TempDir final Path dir) throws IOException {
		try (MappedWindow w = new MappedWindow(file(dir, 1000))) {
			assertEquals(1000, w.size());
			assertFalse(w.covers(0, 1), "nothing is mapped before the first map");
			w.map(300, 700);
			assertEquals(300, w.start());
			assertEquals(400, w.buffer().capacity());
			assertEquals((byte) (300 % 251), w.buffer().get(0));
			assertEquals((byte) (699 % 251), w.buffer().get(399));
			assertTrue(w.covers(300, 700));
			assertTrue(w.covers(450, 451));
			assertFalse(w.covers(299, 400), "a byte before the range");
			assertFalse(w.covers(600, 701), "a byte after the range");
			w.map(900, 1000);
			assertEquals(900, w.start());
			assertEquals((byte) (950 % 251), w.buffer().get(50));
			assertFalse(w.covers(300, 700), "the previous range is gone");
		}
	}

	@Test
	void closeReleasesTheMapping(@TempDir final Path dir) throws IOException {
		final MappedWindow w = new MappedWindow(file(dir, 64));
		w.map(0, 64);
		w.close();
		assertNull(w.buffer());
		assertFalse(w.covers(0, 1));
		w.close();
	}

	@Test
	void failuresNameTheFileAndTheRange(@TempDir final Path dir) throws IOException {
		final Path missing = dir.resolve("missing.bin");
		final LayoutException open = assertThrows(LayoutException.class, () -> new MappedWindow(missing));
		assertTrue(open.getMessage().startsWith(missing + ": cannot open for reading"), open.getMessage());
		final Path f = file(dir, 64);
		try (MappedWindow w = new MappedWindow(f)) {
			w.map(0, 16);
			// a read-only mapping cannot extend the file
			final LayoutException map = assertThrows(LayoutException.class, () -> w.map(32, 128));
			assertTrue(map.getMessage().startsWith(f + ": cannot map bytes 32 to 128"), map.getMessage());
			// the old range was unmapped before the attempt: nothing may still point at it
			assertNull(w.buffer());
			assertFalse(w.covers(0, 16));
		}
	}
}
