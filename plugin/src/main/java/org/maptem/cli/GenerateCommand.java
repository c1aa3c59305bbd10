package org.maptem.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.formats.npy.NpyWriter;
import org.maptem.ingest.Ingest;
import org.maptem.ingest.IngestOptions;
import org.maptem.synth.SyntheticDataset;
import org.maptem.synth.SyntheticParams;
import org.maptem.synth.SyntheticStem;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code maptem generate OUT}: a synthetic 4D-STEM dataset (shifting bright-field disk, Bragg disks, an annulus
 * with atomic contrast, optional Poisson noise) whose virtual-detector results are known analytically.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Generate a synthetic 4D-STEM dataset with analytically known virtual-detector "
		+ "results. OUT ending in .n5 is a MapTEM container, .npy a NumPy file, anything else a raw binary file.")
final class GenerateCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "OUT", description = "Output: DIR.n5, FILE.npy or FILE.raw.")
	Path out;

	@Option(names = "--nav", paramLabel = "Y,X", split = ",", description = "Scan shape, NumPy order (default 64,64).")
	long[] nav;

	@Option(names = "--sig", paramLabel = "H,W", split = ",", defaultValue = "128,128", description = "Detector shape (default ${DEFAULT-VALUE}).")
	int[] sig;

	@Option(names = "--dtype", paramLabel = "TYPE", defaultValue = "uint16", description = "Element type (default ${DEFAULT-VALUE}).")
	String dtype;

	@Option(names = "--size-mib", paramLabel = "MIB",
			description = "Approximate size; picks a square scan (overrides --nav).")
	Double sizeMiB;

	@Option(names = "--noise", description = "Poisson noise (seeded, reproducible).")
	boolean noise;

	@Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Noise seed.")
	long seed;

	@Option(names = "--byte-order", paramLabel = "ORDER", defaultValue = "little", description = "Raw output: little or big.")
	String byteOrder;

	@Option(names = "--partition-mib", paramLabel = "MIB", defaultValue = "256", description = "N5 output: partition size.")
	double partitionMiB;

	@Option(names = "--overwrite", description = "Replace OUT if it exists.")
	boolean overwrite;

	@Override
	public Integer call() throws IOException {
		final DType type = DType.parse(dtype);
		if (sig.length != 2)
			throw new LayoutException("--sig needs height,width, found " + sig.length + " values");
		final long[] scan = scanShape(type);
		final SyntheticParams params = SyntheticParams.builder().navShape(scan).sigShape(sig[0], sig[1]).dtype(type).seed(seed)
				.noise(noise).build();
		final String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
		if (Files.exists(out) && !overwrite)
			throw LayoutException.badField(out.toAbsolutePath(), "output", "no existing file (or --overwrite)", "an existing file");
		final long started = System.nanoTime();
		final SyntheticStem stem = new SyntheticStem(params);
		final String kind;
		if (name.endsWith(".n5")) {
			final long partitionBytes = (long) Math.max(1, partitionMiB * (1 << 20));
			try (SyntheticDataset d = new SyntheticDataset(params, OpenOptions.DEFAULTS.withPartitionBytes(partitionBytes))) {
				final ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "generate");
				Ingest.run(d, out, IngestOptions.DEFAULTS.withPartitionBytes(partitionBytes).withOverwrite(overwrite)
						.withListener(p -> bar.update(p.chunksDone(), p.chunksTotal(), p.bytesDone())));
			}
			kind = "MapTEM N5 container";
		} else if (name.endsWith(".npy")) {
			writeNpy(stem, type);
			kind = "NumPy file";
		} else {
			stem.writeRaw(out, !"big".equalsIgnoreCase(byteOrder));
			kind = "raw file (open with --dtype " + type.n5Name() + " --sig " + sig[0] + "," + sig[1] + " --nav "
					+ String.join(",", Arrays.stream(scan).mapToObj(Long::toString).toList()) + " --byte-order " + byteOrder + ")";
		}
		final double seconds = (System.nanoTime() - started) / 1e9;
		spec.commandLine().getOut().printf(Locale.ROOT, "generated %s: nav %s × sig %s %s, %s in %.1f s: %s%n", out,
				Arrays.toString(scan), Arrays.toString(sig), type.n5Name(),
				DatasetDescription.human(params.meta().totalBytes()), seconds, kind);
		return 0;
	}

	private long[] scanShape(final DType type) {
		if (sizeMiB != null) {
			final long frames = Math.max(1, (long) (sizeMiB * (1 << 20) / type.bytesFor((long) sig[0] * sig[1])));
			final long side = Math.max(1, (long) Math.sqrt(frames));
			return new long[] { Math.max(1, frames / side), side };
		}
		return nav == null ? new long[] { 64, 64 } : nav;
	}

	private void writeNpy(final SyntheticStem stem, final DType type) throws IOException {
		final Path tmp = out.resolveSibling(out.getFileName() + ".partial-" + Long.toHexString(System.nanoTime()));
		final long[] shape = new long[stem.params().meta().navShape().length + 2];
		final long[] navShape = stem.params().meta().navShape();
		System.arraycopy(navShape, 0, shape, 0, navShape.length);
		shape[shape.length - 2] = sig[0];
		shape[shape.length - 1] = sig[1];
		final double[] frame = new double[sig[0] * sig[1]];
		try {
			try (NpyWriter w = NpyWriter.create(tmp, type, shape)) {
				for (long f = 0; f < stem.frameCount(); f++) {
					stem.frame(f, frame);
					w.append(frame, 0, frame.length);
				}
			}
			Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} finally {
			Files.deleteIfExists(tmp);
		}
	}
}
