package org.maptem.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.maptem.bench.BenchRow;
import org.maptem.bench.FormatBench;
import org.maptem.bench.FormatReport;
import org.maptem.bench.ReadBench;
import org.maptem.dataset.LayoutException;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code maptem bench [read|engine|formats|all]}: throughput measured in one run on the same cached data, as MiB/s
 * and as ratios to the raw little-endian mmap limit. Medians of repeats; the machine may be noisy, so read the ratios.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure read throughput against the raw mmap limit (medians of repeats, ratios).")
final class BenchCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", arity = "0..1", paramLabel = "WHAT", defaultValue = "read",
			description = "Which benchmark: read (default), engine (sum, masks, CoM on float32, uint16, packed 12-bit), "
					+ "formats (one disk mask over a file of every detector format) or all.")
	String what;

	@Option(names = "--size-mib", paramLabel = "MIB",
			description = "Cached dataset size (default 1024 for read, the engine benchmark's own ~2 GiB for engine, "
					+ "256 per format for formats).")
	void sizeMiB(final long mib) {
		sizeMiB = mib;
		sizeGiven = true;
	}

	long sizeMiB = 1024;
	boolean sizeGiven;

	@Option(names = "--threads", paramLabel = "N", description = "Threads (default: all cores).")
	Integer threads;

	@Option(names = "--repeats", paramLabel = "N", defaultValue = "5", description = "Timed passes per path (default ${DEFAULT-VALUE}).")
	int repeats;

	@Option(names = "--larger-than-ram", description = "Also compare mmap, direct IO and dd iflag=direct on a file larger than RAM.")
	boolean largerThanRam;

	@Option(names = "--large-size-gib", paramLabel = "GIB", defaultValue = "0",
			description = "Size of that file (default: physical memory + 1 GiB).")
	long largeGiB;

	@Option(names = "--dir", paramLabel = "DIR", description = "Where benchmark data is cached (default: TMPDIR/maptem-bench).")
	Path dir;

	@Option(names = "--only", paramLabel = "TEXT", defaultValue = "",
			description = "Engine benchmark: only the UDFs whose row name contains TEXT, e.g. '16 masks'; formats benchmark: "
					+ "only the formats whose name contains one of the comma-separated TEXTs, e.g. 'k2is,quad 12' (the limit "
					+ "and the float32 reference always run).")
	String only;

	@Option(names = "--json", paramLabel = "FILE", description = "Also write the rows as JSON: [{name, dtype, mib_per_s, ratio_to_limit}].")
	Path json;

	@Override
	public Integer call() throws IOException {
		if (!List.of("read", "engine", "formats", "all").contains(what))
			throw new LayoutException("bench: unknown benchmark '" + what + "': expected read, engine, formats or all");
		final Path d = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"), "maptem-bench");
		final List<BenchRow> rows = new ArrayList<>();
		final List<String> notes = new ArrayList<>();
		if ("read".equals(what) || "all".equals(what))
			rows.addAll(read(d));
		if ("engine".equals(what) || "all".equals(what)) {
			org.maptem.bench.BenchOptions e = org.maptem.bench.EngineBench.defaults().withRepeats(repeats);
			if (sizeGiven)
				e = e.withBytes(sizeMiB << 20);
			if (threads != null)
				e = e.withThreads(threads);
			e = e.withOnly(only);
			spec.commandLine().getErr().println("bench engine: built-in UDFs through the local executor, " + e.threads()
					+ " threads, median of " + e.repeats() + " passes...");
			final org.maptem.bench.EngineReport report = org.maptem.bench.EngineBench.measure(d, e);
			rows.addAll(report.benchRows());
			notes.add(report.firstPartialSummary() + " (target <= 150 ms)");
		}
		if ("formats".equals(what) || "all".equals(what))
			rows.addAll(formats(d));
		print(rows);
		for (final String n : notes)
			spec.commandLine().getOut().println(n);
		spec.commandLine().getOut().flush();
		if (json != null)
			writeJson(rows, json);
		return 0;
	}

	private List<BenchRow> read(final Path d) throws IOException {
		ReadBench.Options o = ReadBench.Options.defaults().withBytes(sizeMiB << 20).withRepeats(repeats);
		if (threads != null)
			o = o.withThreads(threads);
		if (largerThanRam)
			o = o.withLargerThanRam(largeGiB << 30, 3);
		spec.commandLine().getErr().println("bench read: " + sizeMiB + " MiB of 128×128 frames in " + d + ", " + o.threads()
				+ " threads, median of " + o.repeats() + " passes after warm-up...");
		return ReadBench.run(d, o);
	}

	private List<BenchRow> formats(final Path d) throws IOException {
		org.maptem.bench.BenchOptions o = FormatBench.defaults().withRepeats(repeats);
		if (sizeGiven)
			o = o.withBytes(sizeMiB << 20);
		if (threads != null)
			o = o.withThreads(threads);
		o = o.withOnly(only);
		spec.commandLine().getErr().println("bench formats: one disk mask over ~" + (o.bytes() >> 20) + " MiB of every "
				+ "detector format in " + d + ", " + o.threads() + " threads, median of " + o.repeats() + " passes...");
		final FormatReport report = FormatBench.measure(d, o);
		spec.commandLine().getErr().print(report.markdown());
		return report.benchRows();
	}

	private void print(final List<BenchRow> rows) {
		final var out = spec.commandLine().getOut();
		out.printf(Locale.ROOT, "%-44s %-8s %10s %8s%n", "path", "dtype", "MiB/s", "ratio");
		for (final BenchRow r : rows)
			out.printf(Locale.ROOT, "%-44s %-8s %10.0f %8.2f%n", r.name(), r.dtype(), r.mibPerS(), r.ratioToLimit());
		out.flush();
	}

	static void writeJson(final List<BenchRow> rows, final Path file) throws IOException {
		final JsonArray a = new JsonArray();
		for (final BenchRow r : rows) {
			final JsonObject o = new JsonObject();
			o.addProperty("name", r.name());
			o.addProperty("dtype", r.dtype());
			o.addProperty("mib_per_s", r.mibPerS());
			o.addProperty("ratio_to_limit", r.ratioToLimit());
			a.add(o);
		}
		final Path tmp = file.resolveSibling(file.getFileName() + ".partial");
		Files.writeString(tmp, new GsonBuilder().setPrettyPrinting().create().toJson(a) + "\n");
		Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}
}
