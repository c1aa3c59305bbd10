package org.maptem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class InfoCommandTest {

	static final Path TESTDATA = Path.of(System.getProperty("maptem.testdata", "../../shared/testdata"));

	record Result(int code, String out, String err) {
	}

	static Result run(final String... args) {
		final StringWriter out = new StringWriter();
		final StringWriter err = new StringWriter();
		final int code = MaptemCli.run(args, new PrintWriter(out), new PrintWriter(err));
		return new Result(code, out.toString(), err.toString());
	}

	@Test
	void infoJsonDescribesAForeignN5DatasetInNumPyOrder() {
		final Path ds = TESTDATA.resolve("n5/zarr_written.n5/mib_single9_12bit_3x3_gzip");
		final Result r = run("info", ds.toString(), "--json");
		assertEquals(0, r.code(), r.err());
		final JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
		assertEquals("n5", o.get("format").getAsString());
		assertEquals("[3,3]", o.get("nav_shape").toString());
		assertEquals("[256,256]", o.get("sig_shape").toString());
		assertEquals("uint16", o.get("dtype").getAsString());
		assertEquals(9, o.get("frames").getAsLong());
	}

	@Test
	void infoOnAContainerWithSeveralDatasetsFailsListingThem() {
		final Result r = run("info", TESTDATA.resolve("n5/zarr_written.n5").toString());
		assertEquals(1, r.code());
		assertTrue(r.err().contains("mib_001_4x2_6bit_raw"), r.err());
	}

	@Test
	void infoOnAMissingPathFailsWithItsName(@TempDir final Path dir) {
		final Path missing = dir.resolve("nothing-here.mib");
		final Result r = run("info", missing.toString());
		assertEquals(1, r.code());
		assertTrue(r.err().contains(missing.toString()) && r.err().contains("no such file"), r.err());
	}

	@Test
	void infoOnCorruptAttributesNamesTheFileAndField(@TempDir final Path dir) throws Exception {
		final Path ds = Files.createDirectories(dir.resolve("broken.n5/data"));
		Files.writeString(ds.resolve("attributes.json"), "{\"dimensions\":[8,8,2],\"blockSize\":[8,8],\"dataType\":\"uint16\"}");
		final Result r = run("info", ds.toString());
		assertEquals(1, r.code());
		assertTrue(r.err().contains(ds.resolve("attributes.json").toString()) && r.err().contains("blockSize"), r.err());
	}

	@Test
	void versionSaysWhichKernelsThisJvmRuns() {
		final Result r = run("--version");
		assertEquals(0, r.code(), r.err());
		assertTrue(r.out().startsWith("MapTEM "), r.out());
		assertTrue(r.out().contains("vector kernels: " + (org.maptem.frames.Simd.enabled() ? "on" : "off")), r.out());
		assertTrue(r.out().contains("dense masks: " + org.maptem.udf.masks.ApplyMasksUdf.denseKernel()), r.out());
	}
}
