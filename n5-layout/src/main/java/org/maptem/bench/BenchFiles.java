package org.maptem.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.maptem.dataset.DType;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Partitions;
import org.maptem.dataset.Provenance;
import org.maptem.frames.FrameLayout;
import org.maptem.n5.BlockHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the benchmark's data files once and finds them again: a raw little-endian file, a MapTEM-style N5
 * container (one raw block file per partition, header per the N5 spec, big-endian data), and a single large N5-style
 * block file. Every file is written under a temporary name and moved into place when complete, so an interrupted
 * run never leaves a file that looks reusable.
 */
final class BenchFiles {

	private static final Logger LOG = LoggerFactory.getLogger(BenchFiles.class);
	/** Frames per write call: 4 MiB of float32 frames. */
	private static final int FRAMES_PER_WRITE = 64;

	/**
	 * The bytes of one partition: frames {@code partition} of the dataset are frames {@code 0 ..} of
	 * {@code layout} in {@code file}.
	 */
	record Part(Partition partition, Path file, FrameLayout layout) {
	}

	private BenchFiles() {
	}

	/** The dataset the benchmark reads: {@code frames} frames of {@link BenchData#SIG}² in {@code type}. */
	static DatasetMeta meta(final long frames, final DType type) {
		final long[] nav = frames % BenchData.SIG == 0 ? new long[] { frames / BenchData.SIG, BenchData.SIG }
				: new long[] { frames };
		return new DatasetMeta(nav, new int[] { BenchData.SIG, BenchData.SIG }, type, null, Provenance.of("synthetic"));
	}

	/**
	 * A raw little-endian file of the dataset, one {@link Part} per partition of {@code partitions}; written unless a
	 * file of the right size exists.
	 */
	static List<Part> raw(final Path file, final BenchData data, final DatasetMeta meta, final List<Partition> partitions)
			throws IOException {
		final FrameLayout whole = FrameLayout.packed(0, meta.frameCount(), meta.dtype(), true, BenchData.SIG, BenchData.SIG);
		if (!hasSize(file, whole.requiredBytes()))
			writeAtomically(file, c -> writeFrames(c, data.encodedPool(meta.dtype(), ByteOrder.LITTLE_ENDIAN), 0,
					meta.frameCount()));
		final List<Part> out = new ArrayList<>();
		for (final Partition p : partitions)
			out.add(new Part(p, file, FrameLayout.packed(whole.position(p.firstFrame(), 0), p.frameCount(), meta.dtype(), true,
					BenchData.SIG, BenchData.SIG)));
		return out;
	}

	/**
	 * A MapTEM-style N5 container {@code container} holding dataset {@code data} with one chunk per partition of
	 * {@code partitionBytes}, uncompressed; block files are written unless present with the right size.
	 */
	static List<Part> n5(final Path container, final BenchData data, final DatasetMeta meta, final long partitionBytes)
			throws IOException {
		final long[] nav = meta.navShape();
		final long[] ones = new long[nav.length];
		Arrays.fill(ones, 1);
		final long[] block = Partitions.navBlock(nav, ones, Partitions.framesFor(meta.frameBytes(), partitionBytes));
		final List<Partition> partitions = Partitions.of(nav, block);
		final Path dataset = container.resolve("data");
		Files.createDirectories(dataset);
		writeIfChanged(container.resolve("attributes.json"), "{\"n5\":\"4.0.0\"}");
		writeIfChanged(dataset.resolve("attributes.json"), attributes(meta, block));
		final byte[][] pool = data.encodedPool(meta.dtype(), ByteOrder.BIG_ENDIAN);
		final List<Part> out = new ArrayList<>();
		for (final Partition p : partitions) {
			final long[] grid = Partitions.gridPosition(nav, block, p);
			final int[] size = new int[2 + nav.length];
			size[0] = BenchData.SIG;
			size[1] = BenchData.SIG;
			Path file = dataset.resolve("0").resolve("0");
			for (int i = nav.length - 1; i >= 0; i--) {
				size[2 + nav.length - 1 - i] = (int) Math.min(block[i], nav[i] - grid[i] * block[i]);
				file = file.resolve(Long.toString(grid[i]));
			}
			final byte[] header = BlockHeader.of(size).toBytes();
			final FrameLayout layout = FrameLayout.packed(header.length, p.frameCount(), meta.dtype(), false, BenchData.SIG,
					BenchData.SIG);
			if (!hasSize(file, layout.requiredBytes())) {
				Files.createDirectories(file.getParent());
				writeAtomically(file, c -> {
					c.write(ByteBuffer.wrap(header));
					writeFrames(c, pool, p.firstFrame(), p.frameCount());
				});
			}
			out.add(new Part(p, file, layout));
		}
		return out;
	}

	/**
	 * One N5-style block file of {@code frames} big-endian float32 frames (header per the N5 spec, dimensions
	 * {@code [128, 128, frames]}), split into partitions of {@code partitionBytes} for reading.
	 */
	static List<Part> largeBlock(final Path file, final BenchData data, final long frames, final long partitionBytes)
			throws IOException {
		final byte[] header = BlockHeader.of(BenchData.SIG, BenchData.SIG, Math.toIntExact(frames)).toBytes();
		final FrameLayout whole = FrameLayout.packed(header.length, frames, DType.FLOAT32, false, BenchData.SIG, BenchData.SIG);
		if (!hasSize(file, whole.requiredBytes()))
			writeAtomically(file, c -> {
				c.write(ByteBuffer.wrap(header));
				writeFrames(c, data.encodedPool(DType.FLOAT32, ByteOrder.BIG_ENDIAN), 0, frames);
			});
		final List<Part> out = new ArrayList<>();
		final DatasetMeta meta = meta(frames, DType.FLOAT32);
		for (final Partition p : Partitions.of(new long[] { frames },
				new long[] { Partitions.framesFor(meta.frameBytes(), partitionBytes) }))
			out.add(new Part(p, file, FrameLayout.packed(whole.position(p.firstFrame(), 0), p.frameCount(), DType.FLOAT32,
					false, BenchData.SIG, BenchData.SIG)));
		return out;
	}

	private static String attributes(final DatasetMeta meta, final long[] navBlock) {
		final long[] dims = meta.n5Dimensions();
		final long[] blockSize = new long[dims.length];
		blockSize[0] = BenchData.SIG;
		blockSize[1] = BenchData.SIG;
		for (int i = 0; i < navBlock.length; i++)
			blockSize[2 + i] = navBlock[navBlock.length - 1 - i];
		return String.format(Locale.ROOT, "{\"dimensions\":%s,\"blockSize\":%s,\"dataType\":\"%s\",\"compression\":{\"type\":\"raw\"}}",
				Arrays.toString(dims).replace(" ", ""), Arrays.toString(blockSize).replace(" ", ""), meta.dtype().n5Name());
	}

	private static void writeFrames(final FileChannel c, final byte[][] pool, final long first, final long count)
			throws IOException {
		final ByteBuffer[] batch = new ByteBuffer[FRAMES_PER_WRITE];
		for (long f = first; f < first + count; f += FRAMES_PER_WRITE) {
			final int n = (int) Math.min(FRAMES_PER_WRITE, first + count - f);
			for (int i = 0; i < n; i++)
				batch[i] = ByteBuffer.wrap(BenchData.frame(pool, f + i));
			long remaining = 0;
			for (int i = 0; i < n; i++)
				remaining += batch[i].remaining();
			while (remaining > 0)
				remaining -= c.write(batch, 0, n);
		}
	}

	private static void writeIfChanged(final Path file, final String text) throws IOException {
		if (!Files.isRegularFile(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(text))
			Files.writeString(file, text, StandardCharsets.UTF_8);
	}

	private static boolean hasSize(final Path file, final long bytes) throws IOException {
		return Files.isRegularFile(file) && Files.size(file) == bytes;
	}

	private interface ChannelWriter {
		void write(FileChannel c) throws IOException;
	}

	private static void writeAtomically(final Path file, final ChannelWriter body) throws IOException {
		LOG.info("writing benchmark data {}", file);
		final Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
		try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
				StandardOpenOption.WRITE)) {
			body.write(c);
		}
		Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}
}
