package org.maptem.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.maptem.dataset.DType;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.Partitions;
import org.maptem.dataset.ReadMode;
import org.maptem.dataset.TilePlan;
import org.maptem.exec.Job;
import org.maptem.exec.JobResults;
import org.maptem.exec.LocalExecutor;
import org.maptem.formats.Formats;
import org.maptem.synth.SyntheticParams;
import org.maptem.synth.SyntheticStem;
import org.maptem.udf.masks.ApplyMasksUdf;
import org.maptem.udf.masks.Masks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures every detector format MapTEM reads on the same work: one disk mask applied to every frame of a cached
 * file of the format, through {@link LocalExecutor}, next to the same mask on MapTEM's float32 N5 container and the
 * limit (the plain all-thread sum of a raw little-endian float32 file, {@link LimitSum}).
 *
 * <p>Every {@link FormatSample} found by {@link ServiceLoader} writes its file once into the cache directory
 * ({@link FormatFiles}): about {@code bytes} of stored data, 128 × 128 frames where the format allows (K2IS and EMPAD
 * have their own fixed frame shapes). The file is opened with {@link Formats#open} (memory-mapped), in partitions of
 * as many frames as the float32 reference's hold pixels (at least two per thread). The mask is a disk of radius
 * {@code min(h, w) / 8} at the frame centre. After warm-up passes (which also pull the files into the page cache),
 * the limit, the reference and every format are timed in turn, {@code repeats} times; medians are reported as MiB of
 * stored bytes (every file of the format, headers included) per second, the ratio to the limit, and the values per
 * second relative to the float32 reference (number for number: a value is one decoded pixel), also per CPU-second
 * of the whole process, summed over the timed passes (the process CPU clock ticks in 10 ms steps, too coarse for
 * one pass).
 *
 * <p>Every pass is checked: the mask sums of three frames (first, middle, last) must equal a direct sum of the
 * synthetic frame ({@link SyntheticStem#frame}) over the disk, and each format must give the same results on every
 * pass.
 *
 * <p>Usage: {@code java -cp ... org.maptem.bench.FormatBench [dir] [--size=256m] [--threads=N] [--repeats=5]
 * [--only=TEXT]}.
 */
public final class FormatBench {

	private static final Logger LOG = LoggerFactory.getLogger(FormatBench.class);
	private static final double MIB = 1 << 20;
	private static final int SIG = 128;

	/** 256 MiB per format, every core, 5 repeats after 1 warm-up pass, every format. */
	public static BenchOptions defaults() {
		return new BenchOptions(256L << 20, Runtime.getRuntime().availableProcessors(), 5, 1, "");
	}

	/** One dataset with its mask, and the direct mask sums of a few frames. */
	private record Case(String name, String storage, long storedBytes, Dataset dataset, ApplyMasksUdf udf,
			long[] checkFrames, double[] expected) {
	}

	private FormatBench() {
	}

	/** Runs {@link #measure} and returns {@link FormatReport#benchRows()}. */
	public static List<BenchRow> run(final Path dir, final BenchOptions options) throws IOException {
		return measure(dir, options).benchRows();
	}

	/**
	 * Writes (once) and reads the benchmark files under {@code dir}; see the class comment for what is measured.
	 *
	 * @param dir where data files are cached; created if missing
	 * @throws IOException           if files cannot be written or read
	 * @throws IllegalStateException if a pass gives a wrong result (a bug in a reader or the engine)
	 */
	public static FormatReport measure(final Path dir, final BenchOptions options) throws IOException {
		final EngineData data = EngineData.prepare(dir, options.bytes(), options.threads());
		final List<Case> cases = new ArrayList<>();
		try {
			final Dataset f32 = data.float32();
			cases.add(of("maptem n5 float32", "float32 BE", storedBytes(f32.meta()), f32,
					new SyntheticStem(data.params(DType.FLOAT32))));
			for (final FormatSample s : ServiceLoader.load(FormatSample.class))
				if (selected(s.name(), options.only()))
					cases.add(prepare(dir, s, options));
			final DatasetMeta m = f32.meta();
			final LimitSum limit = new LimitSum(data.float32Raw(), f32.partitions(), m.framePixels(),
					TilePlan.defaultFor(m).framesPerTile());
			return time(options, limit, m.totalBytes(), cases);
		} finally {
			for (final Case c : cases)
				c.dataset().close();
		}
	}

	/** True when {@code name} contains one of the comma-separated texts of {@code only} ({@code ""}: every name). */
	static boolean selected(final String name, final String only) {
		for (final String t : only.split(",", -1))
			if (name.contains(t.strip()))
				return true;
		return false;
	}

	private static long storedBytes(final DatasetMeta m) {
		return m.totalBytes();
	}

	private static Case prepare(final Path dir, final FormatSample sample, final BenchOptions o) throws IOException {
		final SyntheticParams shape = sample.params(1, SIG, SIG);
		final int h = shape.sigShape()[0];
		final int w = shape.sigShape()[1];
		final long perFrame = bytesPerFrame(dir, sample, h, w);
		final long frames = Math.max(4L * o.threads(), o.bytes() / perFrame);
		final SyntheticParams params = sample.params(frames, SIG, SIG);
		final FormatFiles files = FormatFiles.prepare(dir, sample, params);
		final DatasetMeta meta;
		try (Dataset probe = Formats.open(files.open(), OpenOptions.DEFAULTS)) {
			meta = probe.meta();
		}
		// a sample may round the frame count (to a 2D scan), so the parameters say what it wrote
		if (meta.frameCount() != params.frameCount() || !Arrays.equals(meta.sigShape(), params.sigShape()))
			throw new IllegalStateException(sample.name() + ": the reader sees " + meta.frameCount() + " frames of "
					+ Arrays.toString(meta.sigShape()) + " in " + files.open() + ", the sample wrote "
					+ params.frameCount() + " of " + Arrays.toString(params.sigShape()));
		// as many pixels per partition as the float32 reference's, at least two partitions per thread
		final long pf = Math.max(1, Math.min(Partitions.DEFAULT_PARTITION_BYTES / (4L * meta.framePixels()),
				meta.frameCount() / (2L * o.threads())));
		final Dataset d = Formats.open(files.open(),
				OpenOptions.DEFAULTS.withPartitionBytes(pf * meta.frameBytes()).withReadMode(ReadMode.MMAP));
		return of(sample.name(), sample.storage(), files.storedBytes(), d, new SyntheticStem(params));
	}

	/** Stored bytes per frame of {@code sample}: the difference of a 4-frame and a 2-frame file, cached. */
	private static long bytesPerFrame(final Path dir, final FormatSample sample, final int h, final int w)
			throws IOException {
		Files.createDirectories(dir);
		final Path note = dir.resolve(String.format(Locale.ROOT, "formatbench-%s-%dx%d.frame-bytes",
				sample.name().replaceAll("[^a-z0-9.]+", "-"), h, w));
		if (Files.isRegularFile(note))
			return Long.parseLong(Files.readString(note, StandardCharsets.UTF_8).trim());
		final long two = FormatFiles.bytesFor(dir, sample, sample.params(2, SIG, SIG));
		final long four = FormatFiles.bytesFor(dir, sample, sample.params(4, SIG, SIG));
		final long per = Math.max(1, (four - two) / 2);
		final Path tmp = Files.createTempFile(dir, ".frame-bytes-", ".part");
		Files.writeString(tmp, Long.toString(per), StandardCharsets.UTF_8);
		Files.move(tmp, note, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		return per;
	}

	/** The case with its disk mask and the direct sums of frames first, middle and last. */
	private static Case of(final String name, final String storage, final long stored, final Dataset d,
			final SyntheticStem stem) {
		final DatasetMeta m = d.meta();
		final int h = m.sigHeight();
		final int w = m.sigWidth();
		final double cy = (h - 1) / 2.0;
		final double cx = (w - 1) / 2.0;
		final double r = Math.min(h, w) / 8.0;
		final long n = m.frameCount();
		final long[] check = { 0, n / 2, n - 1 };
		final double[] expected = new double[check.length];
		final float[] frame = new float[h * w];
		for (int k = 0; k < check.length; k++) {
			stem.frame(check[k], frame);
			double s = 0;
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++)
					if ((y - cy) * (y - cy) + (x - cx) * (x - cx) <= r * r)
						s += frame[y * w + x];
			expected[k] = s;
		}
		return new Case(name, storage, stored, d, ApplyMasksUdf.of(Masks.disk(cx, cy, r)), check, expected);
	}

	private static FormatReport time(final BenchOptions o, final LimitSum limit, final long limitBytes, final List<Case> cases)
			throws IOException {
		final LocalExecutor engine = new LocalExecutor(o.threads());
		final ExecutorService pool = Executors.newFixedThreadPool(o.threads());
		try {
			final double[] limitRates = new double[o.repeats()];
			final double[][] rates = new double[cases.size()][o.repeats()];
			// the process CPU clock ticks in 10 ms steps (times(2) on Linux), a quarter of a pass: per-pass rates take a few
			// discrete values, so CPU time is summed over the timed passes and the column is their mean rate
			final long[] cpuNanos = new long[cases.size()];
			final double[] checksums = new double[cases.size()];
			Arrays.fill(checksums, Double.NaN);
			double limitTotal = Double.NaN;
			for (int pass = -o.warmups(); pass < o.repeats(); pass++) {
				final long t0 = System.nanoTime();
				final double total = limit.pass(pool, o.threads());
				final long t1 = System.nanoTime();
				if (pass >= 0)
					limitRates[pass] = limitBytes / MIB / ((t1 - t0) * 1e-9);
				if (!Double.isNaN(limitTotal) && total != limitTotal)
					throw new IllegalStateException("limit: total " + total + ", expected " + limitTotal + " as before");
				limitTotal = total;
				for (int i = 0; i < cases.size(); i++) {
					final Case c = cases.get(i);
					final long c0 = processCpuNanos();
					final long s0 = System.nanoTime();
					final double[] v = runOnce(engine, c);
					final long s1 = System.nanoTime();
					final long c1 = processCpuNanos();
					if (pass >= 0) {
						rates[i][pass] = c.storedBytes() / MIB / ((s1 - s0) * 1e-9);
						cpuNanos[i] += c1 - c0;
					}
					checksums[i] = check(c, v, checksums[i]);
				}
			}
			final double limitRate = EngineBench.median(limitRates, o.repeats());
			final List<FormatRow> rows = new ArrayList<>();
			final Case ref = cases.get(0);
			final DatasetMeta rm = ref.dataset().meta();
			rows.add(new FormatRow("limit: raw LE float32, mmap, 8-lane sum", "float32 LE", rm.frameCount(),
					rm.sigHeight(), rm.sigWidth(), limitBytes, limitRate, 1, Double.NaN, Double.NaN));
			final double refValues = EngineBench.median(rates[0], o.repeats()) / ref.storedBytes() * rm.frameCount()
					* rm.framePixels();
			final double refCpuValues = cpuRate(ref, cpuNanos[0], o.repeats()) / ref.storedBytes() * rm.frameCount()
					* rm.framePixels();
			for (int i = 0; i < cases.size(); i++) {
				final Case c = cases.get(i);
				final DatasetMeta m = c.dataset().meta();
				final double rate = EngineBench.median(rates[i], o.repeats());
				final double values = rate / c.storedBytes() * m.frameCount() * m.framePixels();
				final double cpuValues = cpuRate(c, cpuNanos[i], o.repeats()) / c.storedBytes() * m.frameCount()
						* m.framePixels();
				rows.add(new FormatRow(c.name(), c.storage(), m.frameCount(), m.sigHeight(), m.sigWidth(), c.storedBytes(),
						rate, rate / limitRate, values / refValues, cpuValues / refCpuValues));
			}
			for (final FormatRow r : rows)
				LOG.info("{}", r);
			return new FormatReport(o, System.getProperty("java.vm.version"), rows);
		} finally {
			pool.shutdownNow();
		}
	}

	/** MiB of {@code c}'s stored bytes per CPU-second over {@code passes} passes that took {@code nanos} in all. */
	private static double cpuRate(final Case c, final long nanos, final int passes) {
		return nanos > 0 ? (double) c.storedBytes() * passes / MIB / (nanos * 1e-9) : Double.NaN;
	}

	private static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
			return os.getProcessCpuTime();
		return 0;
	}

	private static double[] runOnce(final LocalExecutor engine, final Case c) throws IOException {
		final JobResults r;
		try {
			r = engine.runAsync(Job.of(c.dataset(), c.udf()), null).get();
		} catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("format benchmark interrupted", e);
		} catch (final ExecutionException e) {
			throw new IOException(c.name() + ": " + e.getCause(), e.getCause());
		}
		return r.get(0).buffer(ApplyMasksUdf.INTENSITY).doubles();
	}

	/**
	 * Checks the sums of the check frames against the direct ones (to float rounding of the engine's sums) and the
	 * checksum against the previous pass's; returns the checksum.
	 */
	private static double check(final Case c, final double[] v, final double previous) {
		for (int k = 0; k < c.checkFrames().length; k++) {
			final double got = v[(int) c.checkFrames()[k]];
			final double exp = c.expected()[k];
			if (Math.abs(got - exp) > 1e-6 * Math.max(1, Math.abs(exp)))
				throw new IllegalStateException(c.name() + ": disk mask sum of frame " + c.checkFrames()[k] + " is " + got
						+ ", the synthetic frame gives " + exp);
		}
		double s = 0;
		for (final double x : v)
			s += x;
		if (!Double.isNaN(previous) && s != previous)
			throw new IllegalStateException(c.name() + ": result checksum " + s + ", expected " + previous
					+ " as on the first pass");
		return s;
	}

	/** Runs the benchmark from the command line and prints its table; see the class comment for arguments. */
	public static void main(final String[] args) throws IOException {
		final BenchOptions.Command c = BenchOptions.fromArgs(args, defaults());
		System.out.print(measure(c.dir(), c.options()).markdown());
	}
}
