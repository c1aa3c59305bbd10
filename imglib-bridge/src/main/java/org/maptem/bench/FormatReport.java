package org.maptem.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one run of {@link FormatBench} measured: its options, the JVM and the rows (the limit, the float32 N5
 * reference, then one row per format variant).
 *
 * @param options what was asked for
 * @param jvm     {@code java.vm.version} of the run
 * @param rows    the limit, the reference, then the formats in {@link java.util.ServiceLoader} order
 */
public record FormatReport(BenchOptions options, String jvm, List<FormatRow> rows) {

	public FormatReport {
		rows = List.copyOf(rows);
	}

	/**
	 * The rows as {@link BenchRow}s: every row with its ratio to the limit, then one row per format named
	 * {@code "<format>, values/s vs float32"} whose MiB/s are float32-equivalent (values per second times 4 bytes)
	 * and whose ratio is to the float32 N5 reference.
	 */
	public List<BenchRow> benchRows() {
		final List<BenchRow> out = new ArrayList<>();
		for (final FormatRow r : rows)
			out.add(r.toBenchRow());
		final double f32 = rows.get(1).mibPerS();
		for (final FormatRow r : rows.subList(2, rows.size()))
			out.add(new BenchRow(r.name() + ", values/s vs float32", r.storage(), r.valuesRatioToFloat32() * f32,
					r.valuesRatioToFloat32()));
		return out;
	}

	/** A Markdown table of the rows with a line saying what was run. */
	public String markdown() {
		final StringBuilder b = new StringBuilder();
		b.append(String.format(Locale.ROOT, "MapTEM per-format benchmark: 1 disk mask per frame, ~%d MiB per format, %d "
				+ "threads, median of %d passes, JVM %s%n%n", options.bytes() >> 20, options.threads(), options.repeats(), jvm));
		b.append("| format | storage | frames | frame | MiB stored | MiB/s | ratio to limit | values/s vs float32 | "
				+ "values/CPU-s vs float32 |\n");
		b.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
		for (final FormatRow r : rows) {
			b.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %.0f | %.0f | %.2f | %s | %s |%n", r.name(), r.storage(),
					r.frames(), r.height() + "×" + r.width(), r.storedBytes() / 1048576.0, r.mibPerS(), r.ratioToLimit(),
					ratio(r.valuesRatioToFloat32()), ratio(r.cpuValuesRatioToFloat32())));
		}
		return b.toString();
	}

	private static String ratio(final double r) {
		return Double.isNaN(r) ? "" : String.format(Locale.ROOT, "%.2f", r);
	}
}
