package org.maptem.cli;

import java.io.PrintWriter;

import org.maptem.dataset.LayoutException;
import org.maptem.udf.UdfException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code maptem} command line: one subcommand per job ({@code info}, {@code ingest}, {@code verify},
 * {@code generate}, {@code run}, {@code demo}, {@code bench}). Exits non-zero on any error, with the message on stderr.
 */
@Command(name = "maptem", mixinStandardHelpOptions = true, versionProvider = MaptemCli.Version.class,
		description = "Fast exploration and analysis of 4D-STEM data.",
		subcommands = { InfoCommand.class, IngestCommand.class, VerifyCommand.class, GenerateCommand.class, RunCommand.class,
				DemoCommand.class, BenchCommand.class, CommandLine.HelpCommand.class })
public final class MaptemCli {

	private MaptemCli() {
	}

	public static void main(final String[] args) {
		System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
	}

	/** Runs the command line with the given output streams and returns the exit code (for tests and embedding). */
	public static int run(final String[] args, final PrintWriter out, final PrintWriter err) {
		final CommandLine cl = new CommandLine(new MaptemCli());
		cl.setOut(out);
		cl.setErr(err);
		cl.getSubcommands().get("run").getCommandSpec().usageMessage().footer(RunCommand.analysesFooter());
		cl.setExecutionExceptionHandler((ex, line, parse) -> {
			final Throwable t = ex instanceof LayoutException || ex.getCause() == null ? ex : ex;
			line.getErr().println("maptem " + line.getCommandName() + ": " + message(t));
			if (Boolean.getBoolean("maptem.debug"))
				t.printStackTrace(line.getErr());
			line.getErr().flush();
			return 1;
		});
		final int code = cl.execute(args);
		out.flush();
		err.flush();
		return code;
	}

	private static String message(final Throwable t) {
		if (t instanceof LayoutException || t instanceof UdfException)
			return t.getMessage();
		return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
	}

	/**
	 * The version from the jar manifest ("development build" when run from classes), the JVM, and which kernels this
	 * JVM runs: the Vector API loops or the scalar ones, and the native or Java dense-mask kernel.
	 */
	static final class Version implements CommandLine.IVersionProvider {
		@Override
		public String[] getVersion() {
			final String v = MaptemCli.class.getPackage().getImplementationVersion();
			return new String[] { "MapTEM " + (v == null ? "development build" : v),
					"Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
					"vector kernels: " + (org.maptem.frames.Simd.enabled() ? "on (jdk.incubator.vector)"
							: "off (scalar loops)"),
					"dense masks: " + org.maptem.udf.masks.ApplyMasksUdf.denseKernel() };
		}
	}
}
