package org.maptem.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.janelia.saalfeldlab.n5.N5FSWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maptem.dataset.DType;
import org.maptem.dataset.OpenOptions;
import org.maptem.formats.npy.NpyDataset;
import org.maptem.formats.npy.NpyWriter;
import org.maptem.ingest.VerifyReport.Kind;
import org.maptem.ingest.VerifyReport.Problem;
import org.maptem.n5.Sidecar;

class VerifyTest {

	@TempDir
	Path dir;

	Path container;

	/** A 4 × 3 scan of 2 × 5 uint16 frames in six raw chunks of two frames ([1, 2] nav blocks). */
	@BeforeEach
	void ingest() throws IOException {
		final double[] v = Samples.values(DType.UINT16, 12 * 10, 3);
		final short[] s = new short[v.length];
		for (int i = 0; i < v.length; i++)
			s[i] = (short) v[i];
		NpyWriter.write(dir.resolve("in.npy"), DType.UINT16, new long[] { 4, 3, 2, 5 }, s);
		container = dir.resolve("v.n5");
		try (NpyDataset d = NpyDataset.open(dir.resolve("in.npy"), OpenOptions.DEFAULTS)) {
			Ingest.run(d, container, IngestOptions.DEFAULTS.withPartitionBytes(2 * 20));
		}
	}

	private Path chunk(final String path) {
		return container.resolve("data").resolve(path);
	}

	private static Map<Path, Set<Kind>> byFile(final VerifyReport r) {
		final Map<Path, Set<Kind>> m = new TreeMap<>();
		for (final Problem p : r.problems())
			m.computeIfAbsent(p.file(), f -> EnumSet.noneOf(Kind.class)).add(p.kind());
		return m;
	}

	@Test
	void freshContainerVerifies() {
		final VerifyReport r = Verify.container(container);
		assertTrue(r.ok(), r.toString());
		assertEquals(8, r.chunks());
	}

	@Test
	void corruptByteCorruptHeaderAndDeletedChunkAreEachReportedWithTheirFile() throws IOException {
		final byte[] a = Files.readAllBytes(chunk("0/0/0/1"));
		a[a.length - 3] ^= 0x40;
		Files.write(chunk("0/0/0/1"), a);
		final byte[] b = Files.readAllBytes(chunk("0/0/1/2"));
		b[19] = 2; // low byte of the size of N5 dimension 3 (scan y): [5, 2, 1, 1] becomes [5, 2, 1, 2]
		Files.write(chunk("0/0/1/2"), b);
		Files.delete(chunk("0/0/0/3"));

		final VerifyReport r = Verify.container(container);
		assertEquals(8, r.chunks());
		final List<Problem> problems = r.problems();
		assertEquals(4, problems.size(), r.toString());
		final Problem sum = problems.get(0);
		assertEquals(chunk("0/0/0/1"), sum.file());
		assertEquals(Kind.CHECKSUM, sum.kind());
		assertTrue(sum.detail().matches("CRC32C expected [0-9a-f]{8} \\(sidecar\\), found [0-9a-f]{8}"), sum.detail());
		final Problem headerSum = problems.get(1);
		assertEquals(chunk("0/0/1/2"), headerSum.file());
		assertEquals(Kind.CHECKSUM, headerSum.kind());
		final Problem header = problems.get(2);
		assertEquals(chunk("0/0/1/2"), header.file());
		assertEquals(Kind.HEADER, header.kind());
		assertEquals("block header expected mode 0, size [5, 2, 1, 1], found mode 0, size [5, 2, 1, 2]", header.detail());
		final Problem missing = problems.get(3);
		assertEquals(chunk("0/0/0/3"), missing.file());
		assertEquals(Kind.MISSING, missing.kind());
		assertTrue(r.toString().contains(chunk("0/0/0/3") + ": missing: expected a chunk file"), r.toString());
	}

	@Test
	void truncatedRawChunkIsReportedWithExpectedAndFoundSize() throws IOException {
		final byte[] a = Files.readAllBytes(chunk("0/0/0/0"));
		Files.write(chunk("0/0/0/0"), java.util.Arrays.copyOf(a, a.length - 2));
		final VerifyReport r = Verify.container(container);
		final Problem size = r.problems().stream().filter(p -> p.kind() == Kind.SIZE).findFirst().orElseThrow();
		assertEquals(chunk("0/0/0/0"), size.file());
		// header 4 + 4 × 4 = 20 bytes, data 2 frames × 10 pixels × 2 bytes = 40 bytes
		assertEquals("expected 60 bytes (20 header + 40 data), found 58 bytes", size.detail());
		assertEquals(Map.of(chunk("0/0/0/0"), EnumSet.of(Kind.CHECKSUM, Kind.SIZE)), byFile(r));
	}

	@Test
	void damagedGzipChunkIsReportedAsUnreadableOrWrongSize() throws IOException {
		final Path gz = dir.resolve("g.n5");
		try (NpyDataset d = NpyDataset.open(dir.resolve("in.npy"), OpenOptions.DEFAULTS)) {
			Ingest.run(d, gz, IngestOptions.DEFAULTS.withGzip(6).withPartitionBytes(2 * 20));
		}
		assertTrue(Verify.container(gz).ok());
		final Path c = gz.resolve("data/0/0/1/1");
		final byte[] a = Files.readAllBytes(c);
		Files.write(c, java.util.Arrays.copyOf(a, a.length - 10));
		final VerifyReport r = Verify.container(gz);
		assertTrue(r.problems().stream().anyMatch(p -> p.file().equals(c) && p.kind() == Kind.CHECKSUM), r.toString());
		assertTrue(r.problems().stream().anyMatch(p -> p.file().equals(c)
				&& (p.kind() == Kind.UNREADABLE || p.kind() == Kind.SIZE)), r.toString());
	}

	@Test
	void incompleteSidecarAndStrayFilesAreReported() throws IOException {
		final Sidecar s;
		try (N5FSWriter n5 = new N5FSWriter(container.toString())) {
			s = Sidecar.fromJson(n5.getAttribute(Ingest.DATASET, Sidecar.KEY, com.google.gson.JsonElement.class), container);
			n5.setAttribute(Ingest.DATASET, Sidecar.KEY, new Sidecar(s.meta(), s.navBlock(), s.checksums(), false).toJson());
		}
		Files.writeString(chunk("0/0/0/stray"), "stray");
		final VerifyReport r = Verify.container(container);
		assertEquals(2, r.problems().size(), r.toString());
		assertEquals(Kind.INCOMPLETE, r.problems().get(0).kind());
		assertEquals(container.resolve("data/attributes.json"), r.problems().get(0).file());
		assertEquals(Kind.UNEXPECTED, r.problems().get(1).kind());
		assertEquals(chunk("0/0/0/stray"), r.problems().get(1).file());
	}

	@Test
	void missingAttributesAreOneMetadataProblem() throws IOException {
		Files.delete(container.resolve("data/attributes.json"));
		final VerifyReport r = Verify.container(container);
		assertEquals(1, r.problems().size());
		assertEquals(Kind.METADATA, r.problems().get(0).kind());
		assertEquals(container.resolve("data/attributes.json"), r.problems().get(0).file());
	}
}
