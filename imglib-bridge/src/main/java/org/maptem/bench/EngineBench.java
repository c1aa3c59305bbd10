package org.maptem.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.maptem.dataset.Dataset;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.TilePlan;
import org.maptem.exec.Job;
import org.maptem.exec.JobHandle;
import org.maptem.exec.JobResults;
import org.maptem.exec.LocalExecutor;
import org.maptem.udf.ResultBuffer;
import org.maptem.udf.Results;
import org.maptem.udf.Udf;
import org.maptem.udf.com.CenterOfMassUdf;
import org.maptem.udf.masks.ApplyMasksUdf;
import org.maptem.udf.masks.Mask;
import org.maptem.udf.masks.Masks;
import org.maptem.udf.stats.SumUdf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures MapTEM's engine against what the machine can do: the MiB/s at which {@link LocalExecutor} runs built-in
 * UDFs over a cached dataset, next to the plain sum of the same frames in a raw little-endian float32 file with all
 * threads ({@link LimitSum}, the limit).
 *
 * <p>The frames are Poisson counts of {@link org.maptem.synth}'s model, 128 × 128 pixels, written once into the given
 * directory ({@link EngineData}) as MapTEM N5 containers in float32 and uint16 (big-endian chunks, one per
 * partition), as a raw packed 12-bit file, and as the raw float32 file of the limit; every file has the same frames
 * in the same partitions. UDFs, each run alone as one job per pass:
 * <ul>
 * <li>{@code sum}: {@link SumUdf}, the summed pattern;</li>
 * <li>{@code 1 mask: disk}: {@link ApplyMasksUdf} with a disk of radius 16 at the centre, summed over its row
 * segments (33 rows of 128);</li>
 * <li>{@code 1 mask: dense}: one full-frame weight image (a Gaussian of σ = 40 px, no weight 0);</li>
 * <li>{@code 16 masks: dense}: sixteen full-frame weight images, the moments {@code x^a y^b} ({@code a, b} in 0..3,
 * coordinates from the centre scaled to ±1);</li>
 * <li>{@code CoM}: {@link CenterOfMassUdf} over whole frames, with its derived shift, field, divergence and curl.</li>
 * </ul>
 * After warm-up passes (which also pull the files into the page cache) the limit and every UDF × dtype are timed in
 * turn, {@code repeats} times, and medians are reported: MiB/s of stored data, the ratio to the limit, for uint16
 * and 12-bit the values per second relative to float32 with the same UDF (number for number), the time from
 * {@link LocalExecutor#runAsync} to the first partial result, and MiB per CPU-second of the whole process (steadier
 * than wall time on a shared machine). Every pass is checked: the limit's total and {@link SumUdf}'s must agree
 * exactly, and each UDF must give the same results on every dtype and every pass.
 *
 * <p>Heap use does not grow with the dataset beyond the results themselves (NAV buffers: 8 bytes per frame and
 * value, e.g. 4 MiB for 16 masks over 32 768 frames), so the benchmark runs with {@code -Xmx256m}.
 *
 * <p>Usage: {@code java -cp ... org.maptem.bench.EngineBench [dir] [--size=2g] [--threads=N] [--repeats=5]
 * [--only=TEXT]}.
 */
public final class EngineBench {

	private static final Logger LOG = LoggerFactory.getLogger(EngineBench.class);
	private static final long MIB = 1L << 20;
	private static final int SIG = 128;

	/** 2 GiB, every core, 5 repeats after 2 warm-up passes, every UDF. */
	public static BenchOptions defaults() {
		return new BenchOptions(2L << 30, Runtime.getRuntime().availableProcessors(), 5, 2, "");
	}

	/** One UDF on one dataset. */
	private record Case(String name, String dtype, Dataset dataset, Udf<?> udf) {
	}

	private EngineBench() {
	}

	/**
	 * Writes (once) and reads the benchmark data under {@code dir} and returns the rows of {@link #measure} as
	 * {@link BenchRow}s: the limit, then every UDF × dtype (ratio to the limit), then for uint16 and 12-bit data one
	 * row per UDF named {@code "<udf>, values/s vs float32"} whose MiB/s are float32-equivalent (4 bytes per value)
	 * and whose ratio is to the float32 row of the same UDF.
	 */
	public static List<BenchRow> run(final Path dir, final BenchOptions options) throws IOException {
		return measure(dir, options).benchRows();
	}

	/**
	 * Writes (once) and reads the benchmark data under {@code dir}; see the class comment for what is measured.
	 *
	 * @param dir where data files are cached; created if missing
	 * @throws IOException           if files cannot be written or read
	 * @throws IllegalStateException if a pass gives a wrong result (a bug in the engine or a kernel)
	 */
	public static EngineReport measure(final Path dir, final BenchOptions options) throws IOException {
		final EngineData data = EngineData.prepare(dir, options.bytes(), options.threads());
		final DatasetMeta f32 = data.float32Meta();
		final List<Case> cases = cases(data, options.only());
		final Dataset f32Data = cases.isEmpty() ? data.float32() : cases.get(0).dataset();
		final TilePlan plan = TilePlan.defaultFor(f32);
		final LimitSum limit = new LimitSum(data.float32Raw(), f32Data.partitions(), f32.framePixels(),
				plan.framesPerTile());
		final LocalExecutor engine = new LocalExecutor(options.threads());
		final ExecutorService pool = Executors.newFixedThreadPool(options.threads());
		try {
			final Samples limitSamples = new Samples(options.repeats());
			final Samples[] samples = new Samples[cases.size()];
			for (int i = 0; i < samples.length; i++)
				samples[i] = new Samples(options.repeats());
			final double[] checks = new double[cases.size()];
			Arrays.fill(checks, Double.NaN);
			final double[] limitTotal = { Double.NaN };
			for (int pass = -options.warmups(); pass < options.repeats(); pass++) {
				final boolean timed = pass >= 0;
				final long c0 = processCpuNanos();
				final long t0 = System.nanoTime();
				final double total = limit.pass(pool, options.threads());
				if (timed)
					limitSamples.add(f32.totalBytes(), System.nanoTime() - t0, processCpuNanos() - c0, 0);
				check(limitTotal, 0, total, "limit");
				for (int i = 0; i < cases.size(); i++) {
					final Case c = cases.get(i);
					final Timed t = runOnce(engine, c);
					if (timed)
						samples[i].add(c.dataset().meta().totalBytes(), t.wallNanos, t.cpuNanos, t.firstPartialNanos);
					if (pass == -options.warmups()) {
						samples[i].firstRun(t.firstPartialNanos);
						LOG.info("{} {}: first partial result {} ms after submit (first run)", c.name(), c.dtype(),
								String.format(Locale.ROOT, "%.1f", t.firstPartialNanos / 1e6));
					}
					// the same UDF must give the same results on every dtype and pass
					final int sameUdf = firstWithName(cases, c.name());
					check(checks, sameUdf, t.check, c.name() + " " + c.dtype());
					if (c.udf() instanceof SumUdf)
						check(limitTotal, 0, t.check, "limit vs " + c.name() + " " + c.dtype());
				}
			}
			return report(options, f32, limitSamples, cases, samples);
		} finally {
			pool.shutdownNow();
		}
	}

	private static List<Case> cases(final EngineData data, final String only) {
		final Dataset[] sets = { data.float32(), data.uint16(), data.uint12() };
		final String[] dtypes = { "float32", "uint16", "uint12" };
		final List<Case> out = new ArrayList<>();
		for (int d = 0; d < sets.length; d++) {
			final List<Case> all = List.of(
					new Case("sum", dtypes[d], sets[d], new SumUdf()),
					new Case("1 mask: disk r=16 (row segments)", dtypes[d], sets[d],
							ApplyMasksUdf.of(Masks.disk(63.5, 63.5, 16))),
					new Case("1 mask: dense weights", dtypes[d], sets[d], ApplyMasksUdf.of(gaussian())),
					new Case("16 masks: dense weights", dtypes[d], sets[d], new ApplyMasksUdf(moments())),
					new Case("CoM: whole frame", dtypes[d], sets[d], CenterOfMassUdf.wholeFrame(63.5, 63.5)));
			for (final Case c : all)
				if (c.name().contains(only))
					out.add(c);
		}
		return out;
	}

	/** A full-frame Gaussian weight of σ = 40 px around the centre: every weight between 0.08 and 1. */
	private static Mask gaussian() {
		final float[] w = new float[SIG * SIG];
		for (int y = 0; y < SIG; y++)
			for (int x = 0; x < SIG; x++) {
				final double dx = x - 63.5;
				final double dy = y - 63.5;
				w[y * SIG + x] = (float) Math.exp(-(dx * dx + dy * dy) / (2 * 40.0 * 40.0));
			}
		return Masks.weights(SIG, SIG, w);
	}

	/** Sixteen full-frame moments {@code x^a y^b}, {@code a, b} in 0..3, with {@code x, y} from the centre in ±1. */
	private static List<Mask> moments() {
		final List<Mask> out = new ArrayList<>();
		for (int a = 0; a < 4; a++)
			for (int b = 0; b < 4; b++) {
				final float[] w = new float[SIG * SIG];
				for (int y = 0; y < SIG; y++)
					for (int x = 0; x < SIG; x++)
						w[y * SIG + x] = (float) (Math.pow((x - 63.5) / 64, a) * Math.pow((y - 63.5) / 64, b));
				out.add(Masks.weights(SIG, SIG, w));
			}
		return out;
	}

	/** Wall, CPU and first-partial times of one job, and a checksum of its results. */
	private record Timed(long wallNanos, long cpuNanos, long firstPartialNanos, double check) {
	}

	private static Timed runOnce(final LocalExecutor engine, final Case c) throws IOException {
		final AtomicLong first = new AtomicLong();
		final long c0 = processCpuNanos();
		final long t0 = System.nanoTime();
		final JobHandle h = engine.runAsync(Job.of(c.dataset(), c.udf()),
				(soFar, p) -> first.compareAndSet(0, System.nanoTime()));
		final JobResults r;
		try {
			r = h.get();
		} catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("engine benchmark interrupted", e);
		} catch (final ExecutionException e) {
			throw new IOException(c.name() + " " + c.dtype() + ": " + e.getCause(), e.getCause());
		}
		final long wall = System.nanoTime() - t0;
		final long cpu = processCpuNanos() - c0;
		return new Timed(wall, cpu, first.get() - t0, checksum(r.get(0)));
	}

	/** Sum of every value of every non-derived buffer: equal for equal results. */
	private static double checksum(final Results r) {
		double s = 0;
		for (final ResultBuffer b : r.buffers())
			if (!b.spec().derived())
				for (int i = 0; i < b.size(); i++)
					s += b.getDouble(i);
		return s;
	}

	private static int firstWithName(final List<Case> cases, final String name) {
		for (int i = 0; i < cases.size(); i++)
			if (cases.get(i).name().equals(name))
				return i;
		throw new IllegalStateException(name);
	}

	/** Stores {@code value} at {@code slot} the first time, and then insists on getting it again. */
	private static void check(final double[] slots, final int slot, final double value, final String what) {
		if (Double.isNaN(slots[slot]))
			slots[slot] = value;
		else if (slots[slot] != value)
			throw new IllegalStateException(what + ": result checksum " + value + ", expected " + slots[slot]
					+ " as on the first pass and other dtypes");
	}

	private static EngineReport report(final BenchOptions o, final DatasetMeta f32, final Samples limit, final List<Case> cases,
			final Samples[] samples) {
		final double limitRate = limit.wall();
		final List<EngineRow> rows = new ArrayList<>();
		rows.add(new EngineRow("limit: raw LE float32, mmap, bulk get, 8-lane sum", "float32", limitRate, 1, 1, Double.NaN,
				Double.NaN, limit.cpu()));
		for (int i = 0; i < cases.size(); i++) {
			final Case c = cases.get(i);
			final Samples s = samples[i];
			final Samples f = samples[firstWithName(cases, c.name())];
			final double bytesPerValue = c.dataset().meta().frameBytes() / (double) f32.framePixels();
			final double f32BytesPerValue = cases.get(firstWithName(cases, c.name())).dataset().meta().frameBytes()
					/ (double) f32.framePixels();
			final double valuesRatio = (s.wall() / bytesPerValue) / (f.wall() / f32BytesPerValue);
			rows.add(new EngineRow(c.name(), c.dtype(), s.wall(), s.wall() / limitRate, valuesRatio, s.firstPartialMillis(),
					s.firstRunFirstPartialMillis(), s.cpu()));
		}
		for (final EngineRow r : rows)
			LOG.info("{}", r);
		return new EngineReport(o, f32.frameCount(), System.getProperty("java.vm.version"), ApplyMasksUdf.denseKernel(),
				rows);
	}

	private static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
			return os.getProcessCpuTime();
		return 0;
	}

	/** Timed passes of one row. */
	private static final class Samples {
		private final double[] wall;
		private final double[] cpu;
		private final double[] first;
		private int n;
		private double firstRun = Double.NaN;

		Samples(final int passes) {
			wall = new double[passes];
			cpu = new double[passes];
			first = new double[passes];
		}

		void add(final long bytes, final long wallNanos, final long cpuNanos, final long firstNanos) {
			wall[n] = bytes / (double) MIB / (wallNanos * 1e-9);
			cpu[n] = cpuNanos <= 0 ? Double.NaN : bytes / (double) MIB / (cpuNanos * 1e-9);
			first[n++] = firstNanos / 1e6;
		}

		double wall() {
			return median(wall, n);
		}

		double cpu() {
			return median(cpu, n);
		}

		double firstPartialMillis() {
			return median(first, n);
		}

		/** Records the first partial result of this row's first job (warm-up or timed). */
		void firstRun(final long firstNanos) {
			firstRun = firstNanos / 1e6;
		}

		double firstRunFirstPartialMillis() {
			return firstRun;
		}
	}

	static double median(final double[] v, final int n) {
		final double[] s = Arrays.copyOf(v, n);
		Arrays.sort(s);
		return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
	}

	/** Runs the benchmark from the command line and prints its table; see the class comment for arguments. */
	public static void main(final String[] args) throws IOException {
		final BenchOptions.Command c = BenchOptions.fromArgs(args, defaults());
		System.out.print(measure(c.dir(), c.options()).markdown());
	}
}
