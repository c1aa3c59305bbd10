package org.maptem.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one run of {@link EngineBench} measured: its options, the frame count and JVM, and the rows (the limit
 * first).
 *
 * @param options what was asked for
 * @param frames  frames of every file (128 × 128 pixels)
 * @param jvm     {@code java.vm.version} of the run
 * @param denseKernel which kernel applied the dense masks ({@link org.maptem.udf.masks.ApplyMasksUdf#denseKernel()})
 * @param rows    the limit, then every UDF × dtype in the order run
 */
public record EngineReport(BenchOptions options, long frames, String jvm, String denseKernel, List<EngineRow> rows) {

	public EngineReport {
		rows = List.copyOf(rows);
	}

	/**
	 * The rows as {@link BenchRow}s: every row with its ratio to the limit, then, for dtypes other than float32, one
	 * row per UDF named {@code "<udf>, values/s vs float32"} whose MiB/s are float32-equivalent (values per second
	 * times 4 bytes) and whose ratio is to the same UDF on float32 data.
	 */
	public List<BenchRow> benchRows() {
		final List<BenchRow> out = new ArrayList<>();
		for (final EngineRow r : rows)
			out.add(r.toBenchRow());
		for (final EngineRow r : rows)
			if (!r.dtype().equals("float32"))
				out.add(new BenchRow(r.name() + ", values/s vs float32", r.dtype(),
						r.valuesRatioToFloat32() * float32Rate(r.name()), r.valuesRatioToFloat32()));
		return out;
	}

	/** MiB/s of the float32 row of UDF {@code name}: every run has one, since float32 runs for every UDF. */
	private double float32Rate(final String name) {
		for (final EngineRow r : rows)
			if (r.name().equals(name) && r.dtype().equals("float32"))
				return r.mibPerS();
		throw new IllegalStateException("no float32 row for " + name);
	}

	private static String millis(final double ms) {
		return Double.isNaN(ms) ? "" : String.format(Locale.ROOT, "%.0f", ms);
	}

	/**
	 * One line on the latency of live results: milliseconds from submitting a job to its first partial result, for
	 * the first job of this JVM (the first row's first run), the slowest first run of any row, and the median of the
	 * rows' timed medians.
	 */
	public String firstPartialSummary() {
		final List<Double> firstRuns = new ArrayList<>();
		final List<Double> medians = new ArrayList<>();
		EngineRow firstJob = null;
		for (final EngineRow r : rows)
			if (!Double.isNaN(r.firstRunFirstPartialMillis())) {
				if (firstJob == null)
					firstJob = r;
				firstRuns.add(r.firstRunFirstPartialMillis());
				medians.add(r.firstPartialMillis());
			}
		if (firstJob == null)
			return "first partial result: no UDF was run";
		final double[] m = medians.stream().mapToDouble(Double::doubleValue).toArray();
		return String.format(Locale.ROOT,
				"first partial result after submit: %.0f ms for the JVM's first job (%s %s), at most %.0f ms for any "
						+ "UDF's first job, median %.0f ms once warm",
				firstJob.firstRunFirstPartialMillis(), firstJob.name(), firstJob.dtype(),
				firstRuns.stream().mapToDouble(Double::doubleValue).max().getAsDouble(), EngineBench.median(m, m.length));
	}

	/** A Markdown table of the rows with a line saying what was run. */
	public String markdown() {
		final StringBuilder b = new StringBuilder();
		b.append(String.format(Locale.ROOT,
				"MapTEM engine benchmark: %d frames of 128 × 128 (%d MiB float32), %d threads, median of %d passes, JVM %s, "
						+ "dense masks: %s%n%n",
				frames, frames * 128 * 128 * 4 >> 20, options.threads(), options.repeats(), jvm, denseKernel));
		b.append("| UDF | dtype | MiB/s | ratio to limit | values/s vs float32 | first partial (ms) | first run's (ms) | MiB per CPU-s |\n");
		b.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
		for (final EngineRow r : rows)
			b.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.2f | %s | %s | %s | %.0f |%n", r.name(), r.dtype(),
					r.mibPerS(), r.ratioToLimit(), r.dtype().equals("float32") ? "" : String.format(Locale.ROOT, "%.2f",
							r.valuesRatioToFloat32()),
					millis(r.firstPartialMillis()), millis(r.firstRunFirstPartialMillis()), r.mibPerCpuSecond()));
		return b.toString();
	}
}
