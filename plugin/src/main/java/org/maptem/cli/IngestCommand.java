package org.maptem.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.janelia.saalfeldlab.n5.Bzip2Compression;
import org.janelia.saalfeldlab.n5.Compression;
import org.janelia.saalfeldlab.n5.GzipCompression;
import org.janelia.saalfeldlab.n5.Lz4Compression;
import org.janelia.saalfeldlab.n5.RawCompression;
import org.janelia.saalfeldlab.n5.XzCompression;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.LayoutException;
import org.maptem.formats.FormatReader;
import org.maptem.ingest.Ingest;
import org.maptem.ingest.IngestOptions;
import org.maptem.ingest.IngestResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code maptem ingest SOURCE TARGET.n5}: copies a dataset into a MapTEM N5 container, atomically. */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Ingest a dataset into a MapTEM N5 container (one chunk per partition, "
		+ "checksummed, written under a temporary name and renamed when complete).")
final class IngestCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "SOURCE", description = "A detector file, .npy, raw file (give its layout) or N5 dataset.")
	Path source;

	@Parameters(index = "1", paramLabel = "TARGET.n5", description = "The container to create.")
	Path target;

	@Mixin
	SourceOptions sourceOptions;

	@Option(names = "--compression", paramLabel = "NAME", defaultValue = "raw",
			description = "Chunk compression: raw (fastest reads), gzip, bzip2, lz4, xz (default ${DEFAULT-VALUE}).")
	String compression;

	@Option(names = "--level", paramLabel = "N", defaultValue = "6", description = "Compression level for gzip/bzip2/xz.")
	int level;

	@Option(names = "--overwrite", description = "Replace TARGET if it exists.")
	boolean overwrite;

	@Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "Chunks written at once.")
	int threads;

	@Option(names = "--quiet", description = "No progress bar.")
	boolean quiet;

	@Override
	public Integer call() {
		final FormatReader reader = sourceOptions.reader(source);
		final ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "ingest");
		try (Dataset d = sourceOptions.open(reader, source)) {
			IngestOptions o = IngestOptions.DEFAULTS.withPartitionBytes(sourceOptions.options().partitionBytes())
					.withCompression(compression(compression, level)).withOverwrite(overwrite).withThreads(threads);
			if (!quiet)
				o = o.withListener(p -> bar.update(p.chunksDone(), p.chunksTotal(), p.bytesDone()));
			final IngestResult r = Ingest.run(d, target, o);
			spec.commandLine().getOut().printf(Locale.ROOT, "ingested %s (%s) into %s: %d chunks, %s, %.0f MiB/s%n", source,
					reader.name(), r.container(), r.chunks(), DatasetDescription.human(r.dataBytes()), r.bytesPerSecond() / (1 << 20));
		}
		return 0;
	}

	static Compression compression(final String name, final int level) {
		return switch (name.toLowerCase(Locale.ROOT)) {
		case "raw" -> new RawCompression();
		case "gzip" -> new GzipCompression(level);
		case "bzip2" -> new Bzip2Compression(Math.max(1, Math.min(9, level)));
		case "lz4" -> new Lz4Compression();
		case "xz" -> new XzCompression(level);
		default -> throw new LayoutException("--compression: expected raw, gzip, bzip2, lz4 or xz, found " + name);
		};
	}
}
