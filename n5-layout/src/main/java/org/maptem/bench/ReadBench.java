package org.maptem.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.maptem.dataset.DType;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Partitions;
import org.maptem.dataset.Tile;
import org.maptem.dataset.TilePlan;
import org.maptem.frames.MappedFrameSource;
import org.maptem.frames.Unmapper;
import org.maptem.bench.BenchFiles.Part;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private static final Logger LOG = LoggerFactory.getLogger(ReadBench.class);
	private static final long MIB = 1L << 20;
	private static final int WARMUP_PASSES = 2;
	private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

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

	/** One way of reading a partition and summing its tiles; returns the sum. */
	interface PartReader {
		double read(Part part, Workspace ws) throws IOException;
	}

	/** A thread's reusable buffers. */
	static final class Workspace {
		final float[] tile;
		final short[] shorts;

		Workspace(final int values) {
			tile = new float[values];
			shorts = new short[values];
		}
	}

	/** One read path: its rows' labels, its partitions, how they are read, and the bytes a pass reads. */
	record ReadPath(String name, String dtype, List<Part> parts, PartReader reader, long bytes, double expectedSum) {
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
		final List<ReadPath> paths = List.of(
				new ReadPath("limit: raw LE file, mmap, bulk get", "float32", rawf32, rawFloat32(plan), f32.totalBytes(), total),
				new ReadPath("n5 blocks (BE), MappedFrameSource", "float32", n5f32, frameSource(plan), f32.totalBytes(), total),
				new ReadPath("raw LE file, mmap, bulk get + widen", "uint16", rawu16, rawUint16(plan), u16.totalBytes(), total),
				new ReadPath("n5 blocks (BE), MappedFrameSource", "uint16", n5u16, frameSource(plan), u16.totalBytes(), total));
		final ExecutorService exec = Executors.newFixedThreadPool(options.threads());
		try {
			final int tileValues = plan.maxTileSize(f32.sigShape());
			for (int w = 0; w < WARMUP_PASSES; w++)
				for (final ReadPath p : paths)
					timePass(exec, options.threads(), tileValues, p);
			final Rates[] rates = new Rates[paths.size()];
			for (int i = 0; i < paths.size(); i++)
				rates[i] = new Rates(options.repeats());
			for (int r = 0; r < options.repeats(); r++)
				for (int i = 0; i < paths.size(); i++)
					rates[i].add(paths.get(i).bytes(), timePass(exec, options.threads(), tileValues, paths.get(i)));
			final List<BenchRow> rows = new ArrayList<>();
			final double limit = rates[0].wall();
			for (int i = 0; i < paths.size(); i++) {
				rows.add(new BenchRow(paths.get(i).name(), paths.get(i).dtype(), rates[i].wall(), rates[i].wall() / limit));
				log(rows.get(i), rates[i]);
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

	/**
	 * Wall-clock and CPU seconds of one pass. On a shared machine CPU time is the steadier measure of the work a path
	 * does: it leaves out the time other processes held the cores.
	 */
	record PassTime(double wallSeconds, double cpuSeconds) {
	}

	/**
	 * Reads every partition of {@code path} with {@code threads} threads, each taking the next unread partition.
	 *
	 * @throws IllegalStateException if the total differs from the expected one
	 */
	static PassTime timePass(final ExecutorService exec, final int threads, final int tileValues, final ReadPath path)
			throws IOException {
		final AtomicInteger next = new AtomicInteger();
		final AtomicLong cpuNanos = new AtomicLong();
		final List<Future<Double>> futures = new ArrayList<>();
		final long t0 = System.nanoTime();
		for (int t = 0; t < threads; t++)
			futures.add(exec.submit(() -> {
				final long c0 = CPU.getCurrentThreadCpuTime();
				final Workspace ws = new Workspace(tileValues);
				double s = 0;
				for (int i = next.getAndIncrement(); i < path.parts().size(); i = next.getAndIncrement())
					s += path.reader().read(path.parts().get(i), ws);
				cpuNanos.addAndGet(CPU.getCurrentThreadCpuTime() - c0);
				return s;
			}));
		double sum = 0;
		try {
			for (final Future<Double> f : futures)
				sum += f.get();
		} catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("read benchmark interrupted", e);
		} catch (final ExecutionException e) {
			throw new IOException(path.name() + " " + path.dtype() + ": " + e.getCause(), e.getCause());
		}
		final double seconds = (System.nanoTime() - t0) * 1e-9;
		if (sum != path.expectedSum())
			throw new IllegalStateException(path.name() + " " + path.dtype() + " summed to " + sum + ", expected "
					+ path.expectedSum());
		return new PassTime(seconds, cpuNanos.get() * 1e-9);
	}

	/** MiB/s of wall-clock time and MiB per CPU-second of the passes of one path, medians logged with its row. */
	static final class Rates {
		private final double[] wall;
		private final double[] cpu;
		private int n;

		Rates(final int passes) {
			wall = new double[passes];
			cpu = new double[passes];
		}

		void add(final long bytes, final PassTime t) {
			wall[n] = bytes / (double) MIB / t.wallSeconds();
			cpu[n++] = bytes / (double) MIB / t.cpuSeconds();
		}

		double wall() {
			return median(Arrays.copyOf(wall, n));
		}

		double cpu() {
			return median(Arrays.copyOf(cpu, n));
		}
	}

	static void log(final BenchRow row, final Rates rates) {
		LOG.info("{}   ({} MiB per CPU-second)", row, String.format(Locale.ROOT, "%.0f", rates.cpu()));
	}

	static double median(final double[] v) {
		final double[] s = v.clone();
		Arrays.sort(s);
		return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
	}

	/** MapTEM's path: a {@link MappedFrameSource} per partition, tiles decoded to float32. */
	static PartReader frameSource(final TilePlan plan) {
		return (part, ws) -> {
			final Partition p = part.partition();
			double s = 0;
			try (MappedFrameSource src = new MappedFrameSource(part.file(), part.layout(), p.firstFrame())) {
				for (final Tile t : plan.tiles(p, new int[] { BenchData.SIG, BenchData.SIG })) {
					src.read(t, ws.tile);
					s += TileSum.sum(ws.tile, t.size());
				}
			}
			return s;
		};
	}

	/** The limit: the partition's bytes of a raw little-endian float32 file mapped, each tile one bulk get. */
	private static PartReader rawFloat32(final TilePlan plan) {
		return (part, ws) -> {
			final Partition p = part.partition();
			double s = 0;
			final MappedByteBuffer m = map(part);
			try {
				final FloatBuffer fb = m.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
				for (final Tile t : plan.tiles(p, new int[] { BenchData.SIG, BenchData.SIG })) {
					fb.get((int) ((t.firstFrame() - p.firstFrame()) * BenchData.PIXELS), ws.tile, 0, t.size());
					s += TileSum.sum(ws.tile, t.size());
				}
			} finally {
				Unmapper.unmap(m);
			}
			return s;
		};
	}

	/** The uint16 reference: raw little-endian uint16 mapped, bulk get into shorts, widened in a flat loop. */
	private static PartReader rawUint16(final TilePlan plan) {
		return (part, ws) -> {
			final Partition p = part.partition();
			double s = 0;
			final MappedByteBuffer m = map(part);
			try {
				final ShortBuffer sb = m.order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
				final short[] sh = ws.shorts;
				final float[] tile = ws.tile;
				for (final Tile t : plan.tiles(p, new int[] { BenchData.SIG, BenchData.SIG })) {
					final int n = t.size();
					sb.get((int) ((t.firstFrame() - p.firstFrame()) * BenchData.PIXELS), sh, 0, n);
					for (int i = 0; i < n; i++)
						tile[i] = sh[i] & 0xFFFF;
					s += TileSum.sum(tile, n);
				}
			} finally {
				Unmapper.unmap(m);
			}
			return s;
		};
	}

	private static MappedByteBuffer map(final Part part) throws IOException {
		try (FileChannel c = FileChannel.open(part.file(), StandardOpenOption.READ)) {
			return c.map(FileChannel.MapMode.READ_ONLY, part.layout().offset(),
					part.layout().requiredBytes() - part.layout().offset());
		}
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

	/** Parses {@code 1073741824}, {@code 512m}, {@code 1g}, {@code 64k} (binary units). */
	static long parseSize(final String s) {
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
