package org.maptem.formats.mib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.TilePlan;
import org.maptem.formats.Formats;
import org.maptem.ingest.Samples;

/**
 * Multi-file acquisitions, the {@code .hdr}, the scan shape and interrupted files, on real frames cut and renamed
 * the way Merlin writes them; expected values come from {@code reference.json}.
 */
class MibSeriesTest {

	private static final ReferenceEntry SCAN = ReferenceEntry.byId("mib/001_4x2_6bit");
	private static final int RECORD = 384 + 256 * 256;

	@TempDir
	Path dir;

	/** Writes frames {@code from ... to-1} of the real 8-frame scan (sequence numbers 1-8) to {@code name}. */
	private Path cut(final String name, final int from, final int to) throws IOException {
		final byte[] b = Files.readAllBytes(SCAN.file());
		return Files.write(dir.resolve(name), Arrays.copyOfRange(b, from * RECORD, to * RECORD));
	}

	private static String sha(final Dataset d) {
		return ReferenceEntry.sha256Unsigned(Samples.readAll(d, new TilePlan(3, 100)), 1);
	}

	@Test
	void filesWithARunningNumberAreOneAcquisitionInSequenceOrder() throws IOException {
		cut("scan1.mib", 0, 3);
		final Path middle = cut("scan2.mib", 3, 6);
		cut("scan10.mib", 6, 8);
		// another acquisition with the same prefix restarts at sequence number 1 and is not part of this one
		cut("scan11.mib", 0, 2);
		try (Dataset d = Formats.open(middle, OpenOptions.DEFAULTS.withNavShape(2, 4).withPartitionBytes(3 * 65536))) {
			assertEquals(8, d.meta().frameCount());
			assertEquals(List.of("scan1.mib", "scan2.mib", "scan10.mib"), names(((MibDataset) d).series().files()));
			assertEquals(SCAN.string("data_sha256_native_le"), sha(d), "all frames in order, tiles across files");
			final float[] f = Samples.readAllFloat(d, new TilePlan(5, 9));
			final double[] widened = new double[f.length];
			for (int i = 0; i < f.length; i++)
				widened[i] = f[i];
			assertEquals(SCAN.string("data_sha256_native_le"), ReferenceEntry.sha256Unsigned(widened, 1), "float tiles");
		}
	}

	@Test
	void oneFilePerFrameIsOneAcquisition() throws IOException {
		for (int f = 0; f < 8; f++)
			cut("frame" + (f + 1) + ".mib", f, f + 1);
		try (Dataset d = Formats.open(dir.resolve("frame5.mib"), OpenOptions.DEFAULTS.withNavShape(2, 4))) {
			assertEquals(8, ((MibDataset) d).series().files().size());
			assertEquals(SCAN.string("data_sha256_native_le"), sha(d));
		}
	}

	@Test
	void theHdrOpensTheSeriesItDescribes() throws IOException {
		cut("scan1.mib", 0, 4);
		cut("scan2.mib", 4, 8);
		Files.copy(SCAN.file().resolveSibling("001_4x2_6bit.hdr"), dir.resolve("scan.hdr"));
		assertEquals(MibFormat.NAME, Formats.detect(dir.resolve("scan.hdr")).name());
		try (Dataset d = Formats.open(dir.resolve("scan.hdr"), OpenOptions.DEFAULTS.withNavShape(2, 4))) {
			assertEquals(List.of("scan1.mib", "scan2.mib"), names(((MibDataset) d).series().files()));
			assertEquals("8", d.meta().provenance().details().get("hdr.frames_in_acquisition"));
			assertEquals(SCAN.string("data_sha256_native_le"), sha(d));
		}
	}

	@Test
	void aFileWithoutTrailingDigitsIsNeverASeries() throws IOException {
		cut("scan.mib", 0, 4);
		cut("scan1.mib", 4, 8);
		try (MibDataset d = MibDataset.open(dir.resolve("scan.mib"), OpenOptions.DEFAULTS)) {
			assertEquals(4, d.meta().frameCount());
		}
	}

	@Test
	void scanShapeComesFromOptionsThenTheHdrThenIsAStack() throws IOException {
		final Path mib = cut("line.mib", 0, 8);
		try (MibDataset d = MibDataset.open(mib, OpenOptions.DEFAULTS)) {
			assertArrayEquals(new long[] { 8 }, d.meta().navShape(), "no .hdr: a stack");
		}
		MibWriter.hdr(dir.resolve("line.hdr"), 8, 1);
		try (MibDataset d = MibDataset.open(mib, OpenOptions.DEFAULTS)) {
			assertArrayEquals(new long[] { 8 }, d.meta().navShape(), "one frame per trigger says nothing: a stack");
		}
		MibWriter.hdr(dir.resolve("line.hdr"), 8, 4);
		try (MibDataset d = MibDataset.open(mib, OpenOptions.DEFAULTS)) {
			assertArrayEquals(new long[] { 2, 4 }, d.meta().navShape(), "line trigger of 4 frames: 2 rows of 4");
			assertTrue(d.meta().provenance().details().get("nav_shape_source").contains("Frames per Trigger"));
		}
		MibWriter.hdr(dir.resolve("line.hdr"), 16, 4);
		try (MibDataset d = MibDataset.open(mib, OpenOptions.DEFAULTS)) {
			assertArrayEquals(new long[] { 8 }, d.meta().navShape(), "the .hdr describes another frame count");
		}
		MibWriter.hdr(dir.resolve("line.hdr"), 8, 1, "ScanX:\t2", "ScanY:\t4");
		try (MibDataset d = MibDataset.open(mib, OpenOptions.DEFAULTS)) {
			assertArrayEquals(new long[] { 4, 2 }, d.meta().navShape(), "ScanY, ScanX");
		}
		try (MibDataset d = MibDataset.open(mib, OpenOptions.DEFAULTS.withNavShape(1, 2, 4))) {
			assertArrayEquals(new long[] { 1, 2, 4 }, d.meta().navShape(), "options win");
			assertEquals("options", d.meta().provenance().details().get("nav_shape_source"));
		}
		final LayoutException e = assertThrows(LayoutException.class,
				() -> MibDataset.open(mib, OpenOptions.DEFAULTS.withNavShape(3, 3)));
		assertTrue(e.getMessage().contains("line.mib") && e.getMessage().contains("8"), e.getMessage());
	}

	@Test
	void anUnreadableHdrIsIgnoredWhenTheMibIsOpenedButNotWhenItIsOpened() throws IOException {
		final Path mib = cut("bad.mib", 0, 2);
		final Path hdr = Files.writeString(dir.resolve("bad.hdr"), "not a Merlin header");
		try (MibDataset d = MibDataset.open(mib, OpenOptions.DEFAULTS)) {
			assertNull(d.hdr());
			assertTrue(d.meta().provenance().details().get("hdr").startsWith("ignored"));
		}
		final LayoutException e = assertThrows(LayoutException.class, () -> MibDataset.open(hdr, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().contains("bad.hdr") && e.getMessage().contains("HDR,"), e.getMessage());
	}

	@Test
	void anInterruptedAcquisitionKeepsItsWholeFrames() throws IOException {
		final byte[] b = Files.readAllBytes(SCAN.file());
		final Path p = Files.write(dir.resolve("stopped.mib"), Arrays.copyOf(b, 5 * RECORD + 1000));
		try (MibDataset d = MibDataset.open(p, OpenOptions.DEFAULTS)) {
			assertEquals(5, d.meta().frameCount());
			assertEquals("1000 (ignored, interrupted acquisition)",
					d.meta().provenance().details().get("unfinished_frame_bytes"));
			final double[] all = Samples.readAll(d, TilePlan.defaultFor(d.meta()));
			final double[] sums = ReferenceEntry.Stats.of(all, 65536).frameSums();
			final double[] ref = SCAN.json().getAsJsonArray("frame_sums").asList().stream()
					.mapToDouble(com.google.gson.JsonElement::getAsDouble).toArray();
			assertArrayEquals(Arrays.copyOf(ref, 5), sums);
		}
	}

	@Test
	void aHdrWithoutDataFilesIsRefused() throws IOException {
		final Path hdr = MibWriter.hdr(dir.resolve("empty.hdr"), 8, 1);
		final LayoutException e = assertThrows(LayoutException.class, () -> MibDataset.open(hdr, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().contains("empty.hdr") && e.getMessage().contains(".mib"), e.getMessage());
	}

	@Test
	void probeAnswersByMagicThenByExtension() throws IOException {
		final MibFormat f = new MibFormat();
		assertEquals(100, f.probe(Path.of("x.bin"), "MQ1,000001,00384".getBytes()));
		assertEquals(100, f.probe(Path.of("x.hdr"), "HDR,\t\r\n".getBytes()));
		assertEquals(0, f.probe(Path.of("x.hdr"), "ENVI".getBytes()));
		assertEquals(50, f.probe(Path.of("x.MIB"), new byte[0]));
		assertEquals(0, f.probe(Path.of("x.raw"), new byte[16]));
	}

	private static List<String> names(final List<MibFile> files) {
		return files.stream().map(m -> m.path().getFileName().toString()).toList();
	}
}
