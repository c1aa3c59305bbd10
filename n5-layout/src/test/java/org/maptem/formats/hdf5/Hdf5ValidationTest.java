package org.maptem.formats.hdf5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maptem.dataset.DType;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.Partition;
import org.maptem.dataset.TilePlan;
import org.maptem.formats.Formats;
import org.maptem.ingest.Samples;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.checksum.ChecksumUtils;

/**
 * Shapes and chunk indexes that cannot be right are refused before anything is read or allocated, and partitions
 * of chunked datasets are unions of whole chunks.
 */
class Hdf5ValidationTest {

	@TempDir
	Path dir;

	private static final int[] SHAPE = { 3, 4, 11, 9 };

	/** A file with one u16 dataset of {@link #SHAPE}, whose first extent in the dataspace is then set to {@code first}. */
	private Path withFirstExtent(final String name, final DatasetCreationOptions.Builder options, final long first)
			throws IOException {
		final Path f = dir.resolve(name);
		try (WritableHdfFile w = HdfFile.write(f)) {
			H5Fixtures.put(w, "frames", Samples.values(DType.UINT16, 3 * 4 * 11 * 9, 1), SHAPE, DType.UINT16, options);
		}
		final byte[] b = Files.readAllBytes(f);
		final ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
		int found = 0;
		// the dataspace message stores the extents as 8-byte little-endian integers
		for (int i = 0; i + 32 <= b.length; i++)
			if (bb.getLong(i) == 3 && bb.getLong(i + 8) == 4 && bb.getLong(i + 16) == 11 && bb.getLong(i + 24) == 9) {
				bb.putLong(i, first);
				found++;
			}
		assertEquals(1, found, "the dataspace extents occur once");
		resealObjectHeaders(b);
		Files.write(f, b);
		return f;
	}

	/**
	 * Recomputes the checksum of every version 2 object header ({@code OHDR}): signature, version, flags, optional
	 * times and attribute phase change values, the size of chunk 0 (1, 2, 4 or 8 bytes by flag bits 0-1), the
	 * messages, then a Jenkins lookup3 checksum of everything before it.
	 */
	private static void resealObjectHeaders(final byte[] b) {
		final ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
		for (int at = 0; at + 8 < b.length; at++) {
			if (b[at] != 'O' || b[at + 1] != 'H' || b[at + 2] != 'D' || b[at + 3] != 'R' || b[at + 4] != 2)
				continue;
			final int flags = b[at + 5] & 0xFF;
			int pos = at + 6 + ((flags & 0x20) != 0 ? 16 : 0) + ((flags & 0x10) != 0 ? 4 : 0);
			final int sizeBytes = 1 << (flags & 3);
			long size = 0;
			for (int k = 0; k < sizeBytes; k++)
				size |= (b[pos + k] & 0xFFL) << (8 * k);
			pos += sizeBytes;
			final int end = (int) (pos + size);
			bb.putInt(end, ChecksumUtils.checksum(java.util.Arrays.copyOfRange(b, at, end)));
		}
	}

	@Test
	void contiguousDataReachingPastTheEndOfTheFileIsRefused() throws IOException {
		final Path f = withFirstExtent("c.h5", DatasetCreationOptions.builder(), 4);
		final LayoutException e = assertThrows(LayoutException.class, () -> Formats.open(f, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
		assertTrue(e.getMessage().contains("field '/frames data': expected " + 4 * 4 * 11 * 9 * 2 + " bytes inside the "),
				e.getMessage());
	}

	@Test
	void absurdExtentsAreRefusedNamingTheShape() throws IOException {
		final Path c = withFirstExtent("huge.h5", DatasetCreationOptions.builder(), 1L << 60);
		final LayoutException e = assertThrows(LayoutException.class, () -> Formats.open(c, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().startsWith(c.toString()) && e.getMessage().contains("fewer than 2^63 bytes"), e.getMessage());
	}

	@Test
	void aChunkedShapeFarBeyondItsStoredChunksIsRefusedInsteadOfReadAsFill() throws IOException {
		final Path f = withFirstExtent("k.h5", DatasetCreationOptions.builder().chunkDimensions(1, 1, 11, 9).deflate(),
				3L << 30);
		final LayoutException e = assertThrows(LayoutException.class, () -> Formats.open(f, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
		assertTrue(e.getMessage().contains("field '/frames shape': expected at most 4096 × the"), e.getMessage());
	}

	@Test
	void aChunkedShapeSomewhatBeyondItsChunksReadsTheMissingFramesAsTheFillValue() throws IOException {
		final Path f = withFirstExtent("more.h5", DatasetCreationOptions.builder().chunkDimensions(1, 1, 11, 9), 5);
		try (Dataset d = Formats.open(f, OpenOptions.DEFAULTS)) {
			assertArrayEquals(new long[] { 5, 4 }, d.meta().navShape());
			final double[] all = Samples.readAll(d, new TilePlan(3, 5));
			final double[] v = Samples.values(DType.UINT16, 3 * 4 * 11 * 9, 1);
			for (int i = 0; i < all.length; i++)
				assertEquals(i < v.length ? v[i] : 0, all[i], "value " + i);
		}
	}

	@Test
	void partitionsOfADatasetChunkedAlongTheScanHoldWholeChunks() throws IOException {
		final Path f = dir.resolve("grain.h5");
		final int[] shape = { 6, 8, 5, 4 };
		final double[] v = Samples.values(DType.UINT8, 6 * 8 * 5 * 4, 3);
		try (WritableHdfFile w = HdfFile.write(f)) {
			H5Fixtures.put(w, "frames", v, shape, DType.UINT8, DatasetCreationOptions.builder().chunkDimensions(2, 4, 5, 4));
		}
		try (Dataset d = Formats.open(f, OpenOptions.DEFAULTS.withPartitionBytes(20))) {
			// one frame's budget, but a partition must hold whole [2, 4] chunks and be one contiguous run of frames:
			// two whole scan rows (16 frames) each
			assertEquals(3, d.partitions().size());
			for (final Partition p : d.partitions()) {
				assertEquals(0, p.firstFrame() % 16, p.toString());
				assertEquals(16, p.frameCount(), p.toString());
			}
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(2, 5)));
		}
	}
}
