package org.maptem.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.maptem.bench.BenchFiles.Part;
import org.maptem.bench.Passes.ReadPath;
import org.maptem.dataset.DType;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Partitions;
import org.maptem.dataset.TilePlan;
import org.maptem.frames.MappedFrameSource;

/**
 * Measures MapTEM's read path against what the machine can do: the MiB/s at which a cached dataset's tiles reach a
 * reduction through {@link MappedFrameSource}, next to the same reduction over a raw little-endian file.
 *
 * <p>Every path reads 128 × 128 frames of Poisson counts (see {@link BenchData}) with all threads, one partition at a
 * time per thread, in float32 tiles of {@link TilePlan#defaultFor}, and sums each tile with eight independent float
 * accumulators; every pass is checked against the exact expected total. Data files are written once into the given
 * directory (names carry the size) and reused. After warm-up passes, which also pull the files into the page cache,
 * paths are timed in turn, {@code repeats} times, and the median is reported; on a shared machine compare ratios,
 * not absolute numbers.
 *
 * <p>Usage: {@code java -cp maptem-n5-layout.jar:... org.maptem.bench.ReadBench [dir] [--size=1g] [--threads=N]
 * [--repeats=5] [--larger-than-ram] [--large-size=30g] [--large-repeats=3]}.
 */
public final class ReadBench {

	private static final long MIB = 1L << 20;
	private static final int WARMUP_PASSES = 2;

	/**
	 * What to measure.
	 *
	 * @param bytes         size of the float32 dataset in bytes (the uint16 one has the same frames, half the bytes)
	 * @param threads       reading threads
	 * @param repeats       timed passes per path; the median is reported
	 * @param largerThanRam also compare mmap, direct IO and {@code dd} on one cold file (see {@link LargeReadBench})
	 * @param largeBytes    size of that file; 0 for physical memory plus 1 GiB
	 * @param largeRepeats  timed passes per path over the large file
	 */
	public record Options(long bytes, int threads, int repeats, boolean largerThanRam, long largeBytes, int largeRepeats) {

		public Options {
			if (bytes < (long) BenchData.PIXELS * 4 || threads < 1 || repeats < 1 || largeBytes < 0 || largeRepeats < 1)
				throw new IllegalArgumentException("read benchmark needs at least one frame (" + BenchData.PIXELS * 4
						+ " bytes), one thread and one repeat, found " + bytes + " bytes, " + threads + " threads, "
						+ repeats + " repeats, large size " + largeBytes + ", " + largeRepeats + " large repeats");
		}

		/** 1 GiB, every core, 5 repeats, no larger-than-RAM comparison. */
		public static Options defaults() {
			return new Options(1L << 30, Runtime.getRuntime().availableProcessors(), 5, false, 0, 3);
		}

		public Options withBytes(final long b) {
			return new Options(b, threads, repeats, largerThanRam, largeBytes, largeRepeats);
		}

		public Options withThreads(final int t) {
			return new Options(bytes, t, repeats, largerThanRam, largeBytes, largeRepeats);
		}

		public Options withRepeats(final int r) {
			return new Options(bytes, threads, r, largerThanRam, largeBytes, largeRepeats);
		}

		/** Adds the larger-than-RAM comparison over a file of {@code size} bytes (0: physical memory + 1 GiB). */
		public Options withLargerThanRam(final long size, final int passes) {
			return new Options(bytes, threads, repeats, true, size, passes);
		}
	}

	private ReadBench() {
	}

	/**
	 * Writes (once) and reads the benchmark data under {@code dir} and returns the median throughputs.
	 *
	 * <p>Rows, in order: (a) {@code limit}: raw little-endian float32 file, mapped per partition, bulk
	 * {@code FloatBuffer.get} into the tile; (b) MapTEM N5 blocks (header + big-endian float32, one block file per
	 * partition) through {@link MappedFrameSource}; (c) raw little-endian uint16 file, bulk get and widening loop, the
	 * best a uint16 path can hope for; (d) N5 uint16 blocks through {@link MappedFrameSource}. Ratios are to (a).
	 * With {@link Options#largerThanRam()}, the rows of {@link LargeReadBench#run} follow, whose ratios are to
	 * {@code dd}.
	 *
	 * @param dir where data files are cached; created if missing
	 * @throws IOException if files cannot be written or read
	 * @throws IllegalStateException if a pass reads a wrong total (a bug in a read path)
	 */
	public static List<BenchRow> run(final Path dir, final Options options) throws IOException {
		Files.createDirectories(dir);
		final BenchData data = new BenchData(20240229L);
		final long frames = Math.max(1, options.bytes() / (BenchData.PIXELS * 4L));
		final String tag = String.format(Locale.ROOT, "readbench-%dx128x128-", frames);
		final DatasetMeta f32 = BenchFiles.meta(frames, DType.FLOAT32);
		final DatasetMeta u16 = BenchFiles.meta(frames, DType.UINT16);
		final long pf32 = partitionBytes(f32, options.threads());
		final long pu16 = partitionBytes(u16, options.threads());
		final List<Part> n5f32 = BenchFiles.n5(dir.resolve(tag + "float32-p" + pf32 / MIB + "MiB.n5"), data, f32, pf32);
		final List<Part> n5u16 = BenchFiles.n5(dir.resolve(tag + "uint16-p" + pu16 / MIB + "MiB.n5"), data, u16, pu16);
		final List<Part> rawf32 = BenchFiles.raw(dir.resolve(tag + "float32-le.raw"), data, f32, partitions(n5f32));
		final List<Part> rawu16 = BenchFiles.raw(dir.resolve(tag + "uint16-le.raw"), data, u16, partitions(n5u16));
		final double total = data.expectedSum(0, frames);
		final TilePlan plan = TilePlan.defaultFor(f32);
		final long bf = f32.totalBytes();
		final long bu = u16.totalBytes();
		final List<ReadPath> paths = List.of(
				new ReadPath("limit: raw LE file, mmap, bulk get", "float32", rawf32, PartReaders.rawFloat32(plan), bf, total),
				new ReadPath("n5 blocks (BE), MappedFrameSource", "float32", n5f32, PartReaders.frameSource(plan), bf, total),
				new ReadPath("raw LE file, mmap, bulk get + widen", "uint16", rawu16, PartReaders.rawUint16(plan), bu, total),
				new ReadPath("n5 blocks (BE), MappedFrameSource", "uint16", n5u16, PartReaders.frameSource(plan), bu, total));
		final ExecutorService exec = Executors.newFixedThreadPool(options.threads());
		try {
			final int tileValues = plan.maxTileSize(f32.sigShape());
			for (int w = 0; w < WARMUP_PASSES; w++)
				for (final ReadPath p : paths)
					Passes.timePass(exec, options.threads(), tileValues, p);
			final Passes.Rates[] rates = new Passes.Rates[paths.size()];
			for (int i = 0; i < paths.size(); i++)
				rates[i] = new Passes.Rates(options.repeats());
			for (int r = 0; r < options.repeats(); r++)
				for (int i = 0; i < paths.size(); i++)
					rates[i].add(paths.get(i).bytes(), Passes.timePass(exec, options.threads(), tileValues, paths.get(i)));
			final List<BenchRow> rows = new ArrayList<>();
			final double limit = rates[0].wall();
			for (int i = 0; i < paths.size(); i++) {
				rows.add(new BenchRow(paths.get(i).name(), paths.get(i).dtype(), rates[i].wall(), rates[i].wall() / limit));
				Passes.log(rows.get(i), rates[i]);
			}
			if (options.largerThanRam())
				rows.addAll(LargeReadBench.run(dir, data, options, exec, tileValues));
			return rows;
		} finally {
			exec.shutdownNow();
		}
	}

	/** Partitions of at most 256 MiB, smaller when the dataset would otherwise give a thread fewer than two. */
	static long partitionBytes(final DatasetMeta meta, final int threads) {
		final long even = meta.totalBytes() / (2L * threads);
		return Math.max(meta.frameBytes(), Math.min(Partitions.DEFAULT_PARTITION_BYTES, even));
	}

	private static List<Partition> partitions(final List<Part> parts) {
		return parts.stream().map(Part::partition).toList();
	}

	/** Runs the benchmark from the command line and prints its rows; see the class comment for arguments. */
	public static void main(final String[] args) throws IOException {
		Path dir = Path.of(System.getProperty("java.io.tmpdir"), "maptem-bench");
		Options o = Options.defaults();
		boolean large = false;
		long largeSize = 0;
		int largeRepeats = 3;
		for (final String a : args) {
			if (a.startsWith("--size="))
				o = o.withBytes(parseSize(a.substring(7)));
			else if (a.startsWith("--threads="))
				o = o.withThreads(Integer.parseInt(a.substring(10)));
			else if (a.startsWith("--repeats="))
				o = o.withRepeats(Integer.parseInt(a.substring(10)));
			else if (a.equals("--larger-than-ram"))
				large = true;
			else if (a.startsWith("--large-size=")) {
				large = true;
				largeSize = parseSize(a.substring(13));
			} else if (a.startsWith("--large-repeats="))
				largeRepeats = Integer.parseInt(a.substring(16));
			else if (a.startsWith("--"))
				throw new IllegalArgumentException("unknown option " + a + "; expected --size=, --threads=, --repeats=, "
						+ "--larger-than-ram, --large-size=, --large-repeats=");
			else
				dir = Path.of(a);
		}
		if (large)
			o = o.withLargerThanRam(largeSize, largeRepeats);
		final List<BenchRow> rows = run(dir, o);
		System.out.printf(Locale.ROOT, "MapTEM read benchmark: %s, %d MiB float32, %d threads, median of %d, %s%n", dir,
				o.bytes() / MIB, o.threads(), o.repeats(), System.getProperty("java.vm.version"));
		for (final BenchRow r : rows)
			System.out.println(r);
	}

	/** Parses {@code 1073741824}, {@code 512m}, {@code 1g}, {@code 64k} (binary units); every benchmark's sizes. */
	public static long parseSize(final String s) {
		final String t = s.trim().toLowerCase(Locale.ROOT);
		final char u = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
		final int shift = switch (u) {
		case 'k' -> 10;
		case 'm' -> 20;
		case 'g' -> 30;
		case 't' -> 40;
		default -> 0;
		};
		final String digits = shift == 0 ? t : t.substring(0, t.length() - 1);
		return Math.multiplyExact(Long.parseLong(digits), 1L << shift);
	}
}
