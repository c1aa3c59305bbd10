package org.maptem.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maptem.formats.npy.NpyWriter;

/** The fuzzer itself on .npy files: 300 mutations of a header, each a LayoutException naming the file or a good read. */
class HeaderFuzzerTest {

	@Test
	void npyHeadersSurviveTruncationFlipsAndAbsurdIntegers(@TempDir final Path dir) throws Exception {
		final Path valid = dir.resolve("valid/scan.npy");
		java.nio.file.Files.createDirectories(valid.getParent());
		final float[] data = new float[3 * 4 * 5 * 6];
		for (int i = 0; i < data.length; i++)
			data[i] = i;
		NpyWriter.write(valid, new long[] { 3, 4, 5, 6 }, data);
		final Path work = java.nio.file.Files.createDirectories(dir.resolve("work"));
		assertEquals(300, HeaderFuzzer.of(valid, 128, 7).counts(40, 200, 60).run(work, HeaderFuzzer.detecting()));
	}
}
