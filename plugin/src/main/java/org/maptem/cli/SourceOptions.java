package org.maptem.cli;

import java.nio.file.Path;

import org.maptem.dataset.Dataset;
import org.maptem.dataset.Datasets;
import org.maptem.formats.raw.RawFormat;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.ReadMode;
import org.maptem.formats.FormatReader;
import org.maptem.formats.Formats;

import picocli.CommandLine.Option;

/** Options shared by every command that opens a dataset: format, nav shape, partition size, read mode. */
final class SourceOptions {

	@Option(names = "--format", paramLabel = "NAME", description = "Format name instead of detection (e.g. n5, npy).")
	String format;

	@Option(names = "--nav", paramLabel = "Y,X", split = ",",
			description = "Scan shape to impose on the frames (NumPy order, slowest first), e.g. 256,256.")
	long[] nav;

	@Option(names = "--partition-mib", paramLabel = "MIB", defaultValue = "256",
			description = "Target partition size in MiB (default ${DEFAULT-VALUE}).")
	double partitionMiB;

	@Option(names = "--read-mode", paramLabel = "MODE", defaultValue = "AUTO",
			description = "How to read uncompressed data: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
	ReadMode readMode;

	OpenOptions options() {
		if (!(partitionMiB > 0))
			throw new LayoutException("--partition-mib must be positive, found " + partitionMiB);
		OpenOptions o = OpenOptions.DEFAULTS.withPartitionBytes((long) Math.max(1, partitionMiB * (1 << 20))).withReadMode(readMode);
		if (nav != null)
			o = o.withNavShape(nav);
		return o;
	}

	@picocli.CommandLine.ArgGroup(exclusive = false, heading = "Raw binary layout:%n")
	RawOptions raw = new RawOptions();

	@picocli.CommandLine.ArgGroup(exclusive = false, heading = "Calibration (overrides the file's):%n")
	CalibrationOptions calibration = new CalibrationOptions();

	/** The reader for {@code path}: raw when a raw layout was given, else by name or detection. */
	FormatReader reader(final Path path) {
		if (raw.given() || "raw".equalsIgnoreCase(format))
			return new RawFormat(raw.params(path, nav));
		return format != null ? Formats.reader(format) : Formats.detect(path);
	}

	/** Opens {@code path} with {@code reader}, applying any calibration given on the command line. */
	Dataset open(final FormatReader reader, final Path path) {
		final Dataset d = reader.open(path, options());
		return calibration.given() ? Datasets.withCalibration(d, calibration.apply(d.meta().calibration(), d.meta().navShape().length)) : d;
	}
}
