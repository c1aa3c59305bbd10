package org.maptem.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.maptem.dataset.Dataset;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.LayoutException;
import org.maptem.exec.Job;
import org.maptem.formats.FormatReader;
import org.maptem.results.JobRecord;
import org.maptem.results.ResultFiles;
import org.maptem.results.ResultImage;
import org.maptem.roi.RoiFiles;
import org.maptem.udf.BufferSpec;
import org.maptem.udf.Results;
import org.maptem.udf.Roi;
import org.maptem.udf.Udf;
import org.maptem.udf.UdfFactory;
import org.maptem.udf.UdfRegistry;
import org.maptem.udf.corrections.Corrections;
import org.maptem.udf.corrections.DetectorImage;
import org.maptem.udf.corrections.DetectorImages;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code maptem run PATH UDF [KEY=VALUE ...] -o [BUFFER=]FILE ...}: runs one analysis over a dataset in one pass
 * (optionally within a ROI and on dark-, gain- and excluded-pixel-corrected frames) and saves its results by
 * extension, each with a JSON record of how it was made.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = { "Run an analysis (UDF) over a dataset and save its results.",
		"Parameters are KEY=VALUE as the analysis takes them (e.g. cx=64 cy=64 r=12), plus roi=FILE: a scan mask "
				+ "(.npy or .tif of the scan's shape, nonzero = inside), and detector corrections applied to every frame "
				+ "first: dark=FILE (subtracted), gain=FILE (multiplied), excluded=FILE (nonzero pixels replaced by the "
				+ "mean of their neighbours), each .npy, .tif or N5 of the detector's shape.",
		"Each -o FILE saves the main result, -o BUFFER=FILE a named one; the extension picks the format: .tif "
				+ "(calibrated 32-bit), .png (8-bit quick look), .npy, .n5, .csv. A FILE.json beside each records the job." })
final class RunCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "PATH",
			description = "A detector file, an N5 container holding one MapTEM dataset, or CONTAINER.n5/path/to/dataset.")
	Path path;

	@Parameters(index = "1", paramLabel = "UDF", description = "The analysis, by name.")
	String udf;

	@Parameters(index = "2..*", paramLabel = "KEY=VALUE",
			description = "The analysis' parameters, and roi=, dark=, gain=, excluded= files.")
	List<String> parameters = new ArrayList<>();

	@Option(names = { "-o", "--output" }, required = true, paramLabel = "[BUFFER=]FILE",
			description = "Where to save a result (repeatable).")
	List<String> outputs;

	@Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per processor).")
	Integer threads;

	@Option(names = "--quiet", description = "No progress bar.")
	boolean quiet;

	@Mixin
	SourceOptions source;

	@Override
	public Integer call() {
		final List<OutputTarget> targets = outputs.stream().map(OutputTarget::parse).toList();
		final Map<String, String> params = keyValues(parameters);
		final String roiFile = params.remove("roi");
		final Map<String, String> correctionFiles = new LinkedHashMap<>();
		final Corrections corrections = corrections(params, correctionFiles);
		final UdfFactory factory = UdfRegistry.factory(udf);
		final FormatReader reader = source.reader(path);
		try (Dataset d = source.open(reader, path)) {
			final DatasetMeta meta = d.meta();
			final Udf<?> u = factory.create(params, meta);
			final List<String> names = u.buffers(meta).stream().map(BufferSpec::name).toList();
			final List<String> picked = new ArrayList<>();
			for (final OutputTarget t : targets)
				picked.add(t.pick(names, factory.mainBuffer(), factory.name()));
			JobRecord record = JobRecord.of(path.toAbsolutePath().toString(), reader.name(), meta, factory.name(), params)
					.withCorrections(correctionFiles);
			Job job = Job.of(d, u).withCorrections(corrections);
			if (roiFile != null) {
				final Roi roi = RoiFiles.read(Path.of(roiFile), meta.navShape());
				job = job.withRoi(roi);
				record = record.withRoi(Path.of(roiFile).toAbsolutePath() + ": " + roi.count() + " of " + meta.frameCount()
						+ " scan positions");
			}
			final int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
			final JobRun run = JobRun.run(job, n, quiet ? null : spec.commandLine().getErr(), factory.name());
			final Results results = run.results().get(0);
			for (int i = 0; i < targets.size(); i++) {
				final ResultImage img = ResultImage.of(results.buffer(picked.get(i)), meta);
				final Path saved = ResultFiles.save(img, record, targets.get(i).file());
				spec.commandLine().getOut().printf(Locale.ROOT, "saved %s %s to %s%n", picked.get(i),
						java.util.Arrays.toString(img.shape()), saved);
			}
			spec.commandLine().getOut().printf(Locale.ROOT, "ran %s on %s: %d frames, %s (%d threads)%n", factory.name(), path,
					job.roi() == null ? meta.frameCount() : job.roi().count(), run.throughput(), n);
		}
		return 0;
	}

	/**
	 * Takes the correction keys out of {@code params}: {@code dark=FILE} (subtracted), {@code gain=FILE}
	 * (multiplied), {@code excluded=FILE} (nonzero pixels replaced by the mean of their valid neighbours), each an
	 * .npy, TIFF or N5 detector image; records their absolute paths in {@code files}.
	 *
	 * @throws LayoutException naming a file that cannot be read
	 */
	static Corrections corrections(final Map<String, String> params, final Map<String, String> files) {
		Corrections c = Corrections.none();
		for (final String key : List.of("dark", "gain", "excluded")) {
			final String file = params.remove(key);
			if (file == null)
				continue;
			final Path p = Path.of(file);
			final DetectorImage image = DetectorImages.read(p);
			c = switch (key) {
			case "dark" -> c.withDark(image);
			case "gain" -> c.withGain(image);
			default -> c.withExcludedMask(image);
			};
			files.put(key, p.toAbsolutePath().toString());
		}
		return c;
	}

	/** The help's list of the analyses on the class path, one per line with its parameters. */
	static String[] analysesFooter() {
		final List<String> lines = new ArrayList<>();
		lines.add("%nAnalyses (UDF, its parameters, main result):");
		for (final UdfFactory f : UdfRegistry.factories())
			lines.add("  " + f.name() + "  " + f.usage().replace("%", "%%") + " [main result: " + f.mainBuffer() + "]");
		if (lines.size() == 1)
			lines.add("  none installed");
		return lines.toArray(String[]::new);
	}

	/**
	 * The {@code KEY=VALUE} words as an ordered map.
	 *
	 * @throws LayoutException naming a word without {@code =} or a key given twice
	 */
	static Map<String, String> keyValues(final List<String> words) {
		final Map<String, String> m = new LinkedHashMap<>();
		for (final String w : words) {
			final int eq = w.indexOf('=');
			if (eq <= 0)
				throw new LayoutException("analysis parameter '" + w + "': expected KEY=VALUE");
			final String key = w.substring(0, eq);
			if (m.put(key, w.substring(eq + 1)) != null)
				throw new LayoutException("analysis parameter '" + key + "': given twice");
		}
		return m;
	}
}
