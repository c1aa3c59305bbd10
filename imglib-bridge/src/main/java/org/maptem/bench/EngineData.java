package org.maptem.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.maptem.dataset.DType;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.Partitions;
import org.maptem.dataset.ReadMode;
import org.maptem.formats.raw.RawFormat;
import org.maptem.formats.raw.RawParams;
import org.maptem.ingest.Ingest;
import org.maptem.ingest.IngestOptions;
import org.maptem.n5.N5Dataset;
import org.maptem.synth.SyntheticDataset;
import org.maptem.synth.SyntheticParams;
import org.maptem.synth.SyntheticStem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data files of {@link EngineBench}, written once into a directory and found again by name: the same synthetic
 * frames (Poisson counts of {@link org.maptem.synth}'s model, 128 × 128 pixels) as a MapTEM N5 container in float32
 * and in uint16, as a raw packed 12-bit file, and as a raw little-endian float32 file for the limit.
 *
 * <p>Every file is cut into the same partitions of {@code partitionFrames} frames (for float32 at most
 * {@link Partitions#DEFAULT_PARTITION_BYTES}, what ingest writes by default; the narrower types get proportionally
 * fewer bytes), so the dtypes compare number for number with the same work per task. Names carry the frame count and
 * the partition size, so data of another size is written next to it rather than mistaken for it. Ingest and
 * {@link SyntheticStem#writeRaw} publish their files atomically, so a file that exists under its final name is
 * complete; raw files are also checked for their exact size.
 */
final class EngineData {

	private static final Logger LOG = LoggerFactory.getLogger(EngineData.class);
	private static final int SIG = 128;
	private static final long SEED = 20260229L;

	private final Path float32N5;
	private final Path uint16N5;
	private final Path uint12Raw;
	private final Path float32Raw;
	private final long frames;
	private final long partitionFrames;

	private EngineData(final Path dir, final long frames, final long partitionFrames) {
		this.frames = frames;
		this.partitionFrames = partitionFrames;
		final String tag = String.format(Locale.ROOT, "enginebench-%dx%dx%d-", frames, SIG, SIG);
		final String part = "-p" + partitionFrames + "f";
		float32N5 = dir.resolve(tag + "float32" + part + ".n5");
		uint16N5 = dir.resolve(tag + "uint16" + part + ".n5");
		uint12Raw = dir.resolve(tag + "uint12-packed.raw");
		float32Raw = dir.resolve(tag + "float32-le.raw");
	}

	/**
	 * Finds or writes the data for {@code bytes} of float32 frames (at least one frame) in {@code dir}, in partitions
	 * that give each of {@code threads} threads at least two.
	 */
	static EngineData prepare(final Path dir, final long bytes, final int threads) throws IOException {
		Files.createDirectories(dir);
		final long frames = Math.max(1, bytes / (SIG * SIG * 4L));
		final EngineData d = new EngineData(dir, frames, partitionFrames(frames, threads));
		d.ingestIfMissing(d.float32N5, DType.FLOAT32, threads);
		d.ingestIfMissing(d.uint16N5, DType.UINT16, threads);
		d.writeRawIfMissing(d.uint12Raw, DType.UINT12_PACKED, threads);
		d.writeRawIfMissing(d.float32Raw, DType.FLOAT32, threads);
		return d;
	}

	/** The benchmark's scan: rows of 128 positions when the frame count allows, else one line. */
	static long[] navShape(final long frames) {
		return frames % SIG == 0 ? new long[] { frames / SIG, SIG } : new long[] { frames };
	}

	/** The synthetic parameters of the {@code type} files (every file holds the same frames). */
	SyntheticParams params(final DType type) {
		return SyntheticParams.builder().navShape(navShape(frames)).sigShape(SIG, SIG).dtype(type).noise(true).seed(SEED)
				.build();
	}

	private void ingestIfMissing(final Path target, final DType type, final int threads) {
		if (Files.isDirectory(target))
			return;
		LOG.info("writing benchmark data {}", target);
		final SyntheticDataset source = new SyntheticDataset(params(type), options(type));
		Ingest.run(source, target, IngestOptions.DEFAULTS.withPartitionBytes(partitionBytes(type)).withThreads(threads));
	}

	private void writeRawIfMissing(final Path file, final DType type, final int threads) throws IOException {
		final SyntheticParams p = params(type);
		final long size = p.dtype().bytesFor((long) SIG * SIG) * frames;
		if (Files.isRegularFile(file) && Files.size(file) == size)
			return;
		LOG.info("writing benchmark data {}", file);
		new SyntheticStem(p).writeRaw(file, true, threads);
	}

	/** Frames of every file. */
	long frames() {
		return frames;
	}

	/** The float32 N5 container, memory-mapped. */
	Dataset float32() {
		return N5Dataset.open(float32N5.resolve(Ingest.DATASET), options(DType.FLOAT32));
	}

	/** The uint16 N5 container, memory-mapped. */
	Dataset uint16() {
		return N5Dataset.open(uint16N5.resolve(Ingest.DATASET), options(DType.UINT16));
	}

	/** The raw packed 12-bit file, memory-mapped. */
	Dataset uint12() {
		return RawFormat.open(uint12Raw, RawParams.of(navShape(frames), new int[] { SIG, SIG }, DType.UINT12_PACKED),
				options(DType.UINT12_PACKED));
	}

	/** The raw little-endian float32 file the limit reads. */
	Path float32Raw() {
		return float32Raw;
	}

	/** Meta of the float32 data. */
	DatasetMeta float32Meta() {
		return params(DType.FLOAT32).meta();
	}

	/** Frames per partition of every file. */
	long partitionFrames() {
		return partitionFrames;
	}

	private long partitionBytes(final DType type) {
		return type.bytesFor(partitionFrames * SIG * SIG);
	}

	private OpenOptions options(final DType type) {
		return OpenOptions.DEFAULTS.withPartitionBytes(partitionBytes(type)).withReadMode(ReadMode.MMAP);
	}

	/**
	 * Frames per partition: at most {@link Partitions#DEFAULT_PARTITION_BYTES} of float32, fewer when the data would
	 * otherwise give a thread fewer than two partitions.
	 */
	static long partitionFrames(final long frames, final int threads) {
		final long max = Partitions.DEFAULT_PARTITION_BYTES / (SIG * SIG * 4L);
		return Math.max(1, Math.min(max, frames / (2L * threads)));
	}
}
