package org.maptem.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.maptem.dataset.Dataset;
import org.maptem.formats.FormatReader;
import org.maptem.formats.Formats;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code maptem info PATH [--json]}: format, shape, dtype, calibration and partitions of a dataset. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Show format, shape, dtype, calibration and partitions of a dataset.")
final class InfoCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "PATH",
			description = "A detector file, an N5 container holding one MapTEM dataset, or CONTAINER.n5/path/to/dataset.")
	Path path;

	@Option(names = "--json", description = "Print JSON instead of text.")
	boolean json;

	@Mixin
	SourceOptions source;

	@Override
	public Integer call() {
		final FormatReader reader = source.reader(path);
		try (Dataset d = source.open(reader, path)) {
			final String abs = path.toAbsolutePath().toString();
			spec.commandLine().getOut().print(json ? DatasetDescription.json(abs, reader.name(), d) + "\n"
					: DatasetDescription.text(abs, reader.name(), d));
		}
		return 0;
	}
}
