package org.maptem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maptem.cli.InfoCommandTest.Result;

/** {@code generate}, {@code ingest} and {@code verify} as a user types them, run in-process. */
class IngestCommandTest {

	@Test
	void generatedDataIngestsIntoAContainerThatVerifiesAndDetectsACorruptChunk(@TempDir final Path dir) throws Exception {
		final Path npy = dir.resolve("scan.npy");
		final Result g = InfoCommandTest.run("generate", npy.toString(), "--nav", "6,5", "--sig", "32,32", "--dtype", "uint16");
		assertEquals(0, g.code(), g.err());
		final Path n5 = dir.resolve("scan.n5");
		final Result i = InfoCommandTest.run("ingest", npy.toString(), n5.toString(), "--quiet", "--partition-mib", "0.01");
		assertEquals(0, i.code(), i.err());
		assertTrue(i.out().startsWith("ingested "), i.out());
		final Result info = InfoCommandTest.run("info", n5.toString(), "--json");
		assertEquals(0, info.code(), info.err());
		assertTrue(info.out().contains("\"nav_shape\": [\n    6,\n    5\n  ]") || info.out().replaceAll("\\s", "")
				.contains("\"nav_shape\":[6,5]"), info.out());
		final Result v = InfoCommandTest.run("verify", n5.toString());
		assertEquals(0, v.code(), v.err());
		assertTrue(v.out().startsWith("ok: "), v.out());

		// a second ingest into the same target is refused without --overwrite
		final Result again = InfoCommandTest.run("ingest", npy.toString(), n5.toString(), "--quiet");
		assertEquals(1, again.code());
		assertTrue(again.err().contains(n5.toString()), again.err());

		// flip one byte of one chunk: verify names it and fails
		final List<Path> chunks;
		try (Stream<Path> s = Files.walk(n5.resolve("data"))) {
			chunks = s.filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().equals("attributes.json")).toList();
		}
		assertFalse(chunks.isEmpty());
		final Path chunk = chunks.get(chunks.size() / 2);
		final byte[] b = Files.readAllBytes(chunk);
		b[b.length - 1] ^= 0x40;
		Files.write(chunk, b);
		final Result bad = InfoCommandTest.run("verify", n5.toString());
		assertEquals(2, bad.code(), bad.out());
		assertTrue(bad.err().contains("1 problem"), bad.err());
	}
}
