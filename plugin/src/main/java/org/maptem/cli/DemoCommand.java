package org.maptem.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.maptem.dataset.Dataset;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.exec.Job;
import org.maptem.formats.Formats;
import org.maptem.ingest.Ingest;
import org.maptem.ingest.IngestOptions;
import org.maptem.ingest.IngestResult;
import org.maptem.ingest.Verify;
import org.maptem.ingest.VerifyReport;
import org.maptem.results.JobRecord;
import org.maptem.results.ResultFiles;
import org.maptem.results.ResultImage;
import org.maptem.synth.SyntheticDataset;
import org.maptem.synth.SyntheticParams;
import org.maptem.udf.ResultBuffer;
import org.maptem.udf.com.CenterOfMassUdf;
import org.maptem.udf.masks.ApplyMasksUdf;
import org.maptem.udf.masks.Masks;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code maptem demo}: the whole pipeline on synthetic data whose answers are known. Generates a dataset (shifting
 * bright-field disk, Bragg disks, an annulus over a checkerboard of atoms), ingests and verifies it, runs virtual
 * bright field, HAADF and centre of mass in one pass with a live progress bar, saves calibrated TIFFs and PNGs, and
 * checks every scan position against the generator's analytic values. Exit code 3 when they differ.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = { "Generate a synthetic dataset, ingest and "
		+ "verify it, run virtual bright field, HAADF and centre of mass in one pass, save them as calibrated TIFF and "
		+ "PNG, and check them against the analytic values. Needs no display." })
final class DemoCommand implements Callable<Integer> {

	/** Exit code when a result differs from the analytic value. */
	static final int MISMATCH = 3;

	@Spec
	CommandSpec spec;

	@Option(names = "--size-mib", paramLabel = "MIB", defaultValue = "128",
			description = "Dataset size; 128 × 128 uint16 frames on a square scan (default ${DEFAULT-VALUE}: 64 × 64).")
	double sizeMiB;

	@Option(names = "--dir", paramLabel = "DIR", description = "Where to put the dataset and the results (default: a new "
			+ "temporary directory). DIR/demo.n5 is replaced.")
	Path dir;

	@Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per processor).")
	Integer threads;

	@Option(names = "--quiet", description = "No progress bars.")
	boolean quiet;

	@Override
	public Integer call() throws IOException {
		final PrintWriter out = spec.commandLine().getOut();
		final PrintWriter bars = quiet ? null : spec.commandLine().getErr();
		if (!(sizeMiB > 0))
			throw new LayoutException("--size-mib: expected a positive size, found " + sizeMiB);
		final Path where = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("maptem-demo-");
		final long frames = Math.max(1, (long) (sizeMiB * (1 << 20) / (128 * 128 * 2)));
		final long side = Math.max(1, (long) Math.sqrt(frames));
		final SyntheticParams p = SyntheticParams.builder().navShape(Math.max(1, frames / side), side).sigShape(128, 128).build();
		final DatasetMeta synth = p.meta();
		out.printf(Locale.ROOT, "demo: synthetic %d × %d scan of 128 × 128 uint16 frames (%s) in %s%n", synth.navShape()[0],
				synth.navShape()[1], DatasetDescription.human(synth.totalBytes()), where);

		final long partitionBytes = Math.max(1 << 20, Math.min(32L << 20, synth.totalBytes() / 8));
		final Path container = where.resolve("demo.n5");
		final IngestResult ingested;
		try (SyntheticDataset source = new SyntheticDataset(p, OpenOptions.DEFAULTS.withPartitionBytes(partitionBytes))) {
			final ProgressBar bar = bars == null ? null : new ProgressBar(bars, "ingest ");
			IngestOptions o = IngestOptions.DEFAULTS.withPartitionBytes(partitionBytes).withOverwrite(true);
			if (bar != null)
				o = o.withListener(q -> bar.update(q.chunksDone(), q.chunksTotal(), q.bytesDone()));
			ingested = Ingest.run(source, container, o);
		}
		out.printf(Locale.ROOT, "ingested into %s: %d chunks, %s, %.0f MiB/s%n", ingested.container(), ingested.chunks(),
				DatasetDescription.human(ingested.dataBytes()), ingested.bytesPerSecond() / (1 << 20));
		final VerifyReport verified = Verify.container(container);
		if (!verified.ok())
			throw new LayoutException(container + ": verify found " + verified.problems().size() + " problem(s): "
					+ verified.problems());
		out.printf(Locale.ROOT, "verified: %d chunks match their checksums%n", verified.chunks());

		final DemoDetectors det = DemoDetectors.of(p);
		final ApplyMasksUdf bf = ApplyMasksUdf.of(Masks.disk(det.cx(), det.cy(), det.bfRadius()));
		final ApplyMasksUdf haadf = ApplyMasksUdf.of(Masks.ring(det.cx(), det.cy(), det.ringInner(), det.ringOuter()));
		final CenterOfMassUdf com = CenterOfMassUdf.inDisk(det.cx(), det.cy(), det.bfRadius());
		final int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
		final JobRun run;
		final DatasetMeta meta;
		try (Dataset d = Formats.open(container, OpenOptions.DEFAULTS)) {
			meta = d.meta();
			run = JobRun.run(Job.of(d, bf, haadf, com), n, bars, "analyse");
		}
		out.printf(Locale.ROOT, "ran virtual bright field (disk r=%s), HAADF (ring %s to %s) and centre of mass in one pass: "
				+ "%s (%d threads)%n", det.bfRadius(), det.ringInner(), det.ringOuter(), run.throughput(), n);

		final ResultBuffer bfValues = run.results().get(bf).buffer(ApplyMasksUdf.INTENSITY);
		final ResultBuffer haadfValues = run.results().get(haadf).buffer(ApplyMasksUdf.INTENSITY);
		final ResultBuffer shiftX = run.results().get(com).buffer(CenterOfMassUdf.SHIFT_X);
		final ResultBuffer shiftY = run.results().get(com).buffer(CenterOfMassUdf.SHIFT_Y);
		final String abs = container.toAbsolutePath().toString();
		final Map<String, String> centre = new LinkedHashMap<>();
		centre.put("cx", num(det.cx()));
		centre.put("cy", num(det.cy()));
		final JobRecord bfJob = JobRecord.of(abs, "n5", meta, "disk", with(centre, "r", det.bfRadius()));
		final JobRecord haadfJob = JobRecord.of(abs, "n5", meta, "ring",
				with(with(centre, "ri", det.ringInner()), "ro", det.ringOuter()));
		final JobRecord comJob = JobRecord.of(abs, "n5", meta, "com", with(centre, "r", det.bfRadius()));
		for (final String ext : List.of(".tif", ".png")) {
			save(out, ResultImage.of(bfValues, meta), bfJob, where.resolve("bright_field" + ext));
			save(out, ResultImage.of(haadfValues, meta), haadfJob, where.resolve("haadf" + ext));
			save(out, ResultImage.of(shiftX, meta), comJob, where.resolve("com_shift_x" + ext));
			save(out, ResultImage.of(shiftY, meta), comJob, where.resolve("com_shift_y" + ext));
		}

		final DemoCheck check = DemoCheck.of(p, det, bfValues.doubles(), haadfValues.doubles(), shiftX.doubles(),
				shiftY.doubles());
		out.println(check.summary());
		out.printf(Locale.ROOT, "outputs in %s (remove with: rm -r %s)%n", where, where);
		if (!check.ok()) {
			spec.commandLine().getErr().println("maptem demo: results differ from the analytic values: " + check.summary());
			return MISMATCH;
		}
		return 0;
	}

	private static void save(final PrintWriter out, final ResultImage r, final JobRecord job, final Path file) {
		out.println("saved " + ResultFiles.save(r, job, file) + " (+ " + ResultFiles.sidecar(file).getFileName() + ")");
	}

	private static Map<String, String> with(final Map<String, String> m, final String key, final double value) {
		final Map<String, String> out = new LinkedHashMap<>(m);
		out.put(key, num(value));
		return out;
	}

	private static String num(final double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
	}
}
