package org.maptem.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.janelia.saalfeldlab.n5.Compression;
import org.janelia.saalfeldlab.n5.DatasetAttributes;
import org.janelia.saalfeldlab.n5.DefaultBlockReader;
import org.janelia.saalfeldlab.n5.N5Exception;
import org.janelia.saalfeldlab.n5.N5FSReader;
import org.janelia.saalfeldlab.n5.RawCompression;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Partition;
import org.maptem.ingest.VerifyReport.Kind;
import org.maptem.ingest.VerifyReport.Problem;
import org.maptem.n5.BlockHeader;
import org.maptem.n5.Sidecar;

import com.google.gson.JsonElement;

/**
 * Checks a MapTEM container against its own sidecar: every chunk file the grid needs exists, has the block header
 * of its chunk shape, the right number of (decompressed) bytes, and the CRC32C the sidecar recorded; the sidecar is
 * complete and agrees with the N5 dataset attributes; no stray files sit among the chunks.
 *
 * <p>Reads every chunk file once (twice for compressed chunks: checksum, then decompression) with a bounded buffer.
 * Problems are collected, not thrown, so one run reports all of them. Stateless and thread-safe.
 */
public final class Verify {

	private static final int BUFFER = 1 << 20;

	private Verify() {
	}

	/** Verifies the container at {@code root}. Never throws for a damaged container; reports instead. */
	public static VerifyReport container(final Path root) {
		final Path dataDir = root.resolve(Ingest.DATASET);
		final Path attrsFile = dataDir.resolve("attributes.json");
		final List<Problem> problems = new ArrayList<>();
		if (!Files.isRegularFile(attrsFile)) {
			problems.add(new Problem(attrsFile, Kind.METADATA, "expected the attributes of N5 dataset '" + Ingest.DATASET
					+ "', found no file"));
			return new VerifyReport(root, 0, problems);
		}
		final DatasetAttributes attrs;
		final Sidecar sidecar;
		try (N5FSReader n5 = new N5FSReader(root.toString())) {
			attrs = n5.getDatasetAttributes(Ingest.DATASET);
			final JsonElement json = n5.getAttribute(Ingest.DATASET, Sidecar.KEY, JsonElement.class);
			if (attrs == null || json == null) {
				problems.add(new Problem(attrsFile, Kind.METADATA, "expected N5 dataset attributes and a '" + Sidecar.KEY
						+ "' sidecar, found " + (attrs == null ? "no dataset attributes" : "no sidecar")));
				return new VerifyReport(root, 0, problems);
			}
			sidecar = Sidecar.fromJson(json, attrsFile);
		} catch (final N5Exception | LayoutException e) {
			problems.add(new Problem(attrsFile, Kind.METADATA, "cannot read the attributes: " + e.getMessage()));
			return new VerifyReport(root, 0, problems);
		}
		if (!sidecar.complete())
			problems.add(new Problem(attrsFile, Kind.INCOMPLETE, "expected complete: true, found false"));
		final ChunkGrid grid;
		try {
			grid = new ChunkGrid(sidecar.meta(), sidecar.navBlock());
		} catch (final LayoutException e) {
			problems.add(new Problem(attrsFile, Kind.METADATA, "the sidecar's nav block gives no chunk grid: " + e.getMessage()));
			return new VerifyReport(root, 0, problems);
		}
		checkAttributes(attrsFile, attrs, grid, problems);
		final Set<String> expected = new HashSet<>();
		final Map<String, String> sums = sidecar.checksums();
		for (final Partition p : grid.partitions()) {
			final String path = grid.path(p);
			expected.add(path);
			checkChunk(dataDir.resolve(path), grid.header(p), grid.dataBytes(p), attrs.getCompression(), sums.get(path), problems);
		}
		for (final String key : sums.keySet())
			if (!expected.contains(key))
				problems.add(new Problem(attrsFile, Kind.METADATA, "checksum for chunk '" + key + "', which the grid does not have"));
		strayFiles(dataDir, expected, problems);
		return new VerifyReport(root, grid.partitions().size(), problems);
	}

	private static void checkAttributes(final Path attrsFile, final DatasetAttributes attrs, final ChunkGrid grid,
			final List<Problem> problems) {
		final long[] dims = grid.meta().n5Dimensions();
		if (!Arrays.equals(attrs.getDimensions(), dims))
			problems.add(new Problem(attrsFile, Kind.METADATA, "dimensions: expected " + Arrays.toString(dims)
					+ " (from the sidecar), found " + Arrays.toString(attrs.getDimensions())));
		if (!Arrays.equals(attrs.getBlockSize(), grid.blockSize()))
			problems.add(new Problem(attrsFile, Kind.METADATA, "blockSize: expected " + Arrays.toString(grid.blockSize())
					+ " (from the sidecar's nav block), found " + Arrays.toString(attrs.getBlockSize())));
		final String type = attrs.getDataType().toString();
		if (!type.equals(grid.meta().dtype().n5Name()))
			problems.add(new Problem(attrsFile, Kind.METADATA, "dataType: expected " + grid.meta().dtype().n5Name()
					+ " (from the sidecar), found " + type));
	}

	private static void checkChunk(final Path file, final BlockHeader want, final long dataBytes,
			final Compression compression, final String sum, final List<Problem> problems) {
		if (!Files.isRegularFile(file)) {
			problems.add(new Problem(file, Kind.MISSING, "expected a chunk file of " + want + ", found none"));
			return;
		}
		final long size;
		final BlockHeader found;
		final String crc;
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			size = ch.size();
			// room for the largest header, so a damaged one parses to what it says rather than to "too short"
			final ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, 4 + 4 * 32 + 4));
			ch.read(head, 0);
			head.flip();
			crc = crc32c(ch);
			found = parseHeader(file, head, problems);
		} catch (final IOException e) {
			problems.add(new Problem(file, Kind.UNREADABLE, "cannot read: " + e));
			return;
		}
		if (sum == null)
			problems.add(new Problem(file, Kind.CHECKSUM, "expected a recorded CRC32C, the sidecar has none (file has " + crc + ")"));
		else if (!sum.toLowerCase(Locale.ROOT).equals(crc))
			problems.add(new Problem(file, Kind.CHECKSUM, "CRC32C expected " + sum + " (sidecar), found " + crc));
		if (found == null)
			return;
		if (!found.equals(want)) {
			problems.add(new Problem(file, Kind.HEADER, "block header expected " + want + ", found " + found));
			return;
		}
		if (compression instanceof RawCompression) {
			if (size != want.length() + dataBytes)
				problems.add(new Problem(file, Kind.SIZE, "expected " + (want.length() + dataBytes) + " bytes (" + want.length()
						+ " header + " + dataBytes + " data), found " + size + " bytes"));
		} else if (compression.getReader() instanceof DefaultBlockReader reader)
			checkDecompressed(file, want.length(), dataBytes, reader, problems);
	}

	private static BlockHeader parseHeader(final Path file, final ByteBuffer head, final List<Problem> problems) {
		try {
			return BlockHeader.parse(head, file);
		} catch (final LayoutException e) {
			problems.add(new Problem(file, Kind.HEADER, e.getMessage()));
			return null;
		}
	}

	private static String crc32c(final FileChannel ch) throws IOException {
		final CRC32C crc = new CRC32C();
		final ByteBuffer b = ByteBuffer.allocate(BUFFER);
		long pos = 0;
		int n;
		while ((n = ch.read(b, pos)) > 0) {
			b.flip();
			crc.update(b);
			b.clear();
			pos += n;
		}
		return String.format("%08x", crc.getValue());
	}

	private static void checkDecompressed(final Path file, final int headerBytes, final long dataBytes,
			final DefaultBlockReader reader, final List<Problem> problems) {
		try (InputStream in = Files.newInputStream(file)) {
			in.skipNBytes(headerBytes);
			try (InputStream data = reader.getInputStream(in)) {
				final byte[] b = new byte[BUFFER];
				long total = 0;
				int n;
				while ((n = data.read(b)) > 0 && total <= dataBytes)
					total += n;
				if (total != dataBytes)
					problems.add(new Problem(file, Kind.SIZE, "expected " + dataBytes + " bytes of data after decompression, found "
							+ (total > dataBytes ? "more" : total + " bytes")));
			}
		} catch (final IOException | RuntimeException e) {
			problems.add(new Problem(file, Kind.UNREADABLE, "cannot decompress: " + e));
		}
	}

	private static void strayFiles(final Path dataDir, final Set<String> expected, final List<Problem> problems) {
		try (Stream<Path> files = Files.walk(dataDir)) {
			files.filter(Files::isRegularFile).sorted().forEach(f -> {
				final String rel = dataDir.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
				if (!rel.equals("attributes.json") && !expected.contains(rel))
					problems.add(new Problem(f, Kind.UNEXPECTED, "expected only chunk files of the grid, found this file"));
			});
		} catch (final IOException | java.io.UncheckedIOException e) {
			problems.add(new Problem(dataDir, Kind.UNREADABLE, "cannot list the dataset directory: " + e));
		}
	}
}
