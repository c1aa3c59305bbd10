package org.maptem.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.maptem.bench.BenchFiles.Part;
import org.maptem.bench.PartReader.Workspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Timed passes over a read path with a thread pool, and their medians. */
final class Passes {

	private static final Logger LOG = LoggerFactory.getLogger(ReadBench.class);
	private static final long MIB = 1L << 20;
	private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

	/** One read path: its row's labels, its partitions, how they are read, and the bytes a pass reads. */
	record ReadPath(String name, String dtype, List<Part> parts, PartReader reader, long bytes, double expectedSum) {
	}

	private Passes() {
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
}
