package org.maptem.cli;

import java.io.PrintWriter;

import org.maptem.dataset.LayoutException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code maptem} command line: one subcommand per job ({@code info}, {@code ingest}, {@code verify},
 * {@code generate}, {@code demo}, {@code bench}). Exits non-zero on any error, with the message on stderr.
 */
@Command(name = "maptem", mixinStandardHelpOptions = true, versionProvider = MaptemCli.Version.class,
		description = "Fast exploration and analysis of 4D-STEM data.",
		subcommands = { InfoCommand.class, IngestCommand.class, VerifyCommand.class, GenerateCommand.class, BenchCommand.class, CommandLine.HelpCommand.class })
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
		if (t instanceof LayoutException)
			return t.getMessage();
		return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
	}

	/** The version from the jar manifest, or "development" when run from classes. */
	static final class Version implements CommandLine.IVersionProvider {
		@Override
		public String[] getVersion() {
			final String v = MaptemCli.class.getPackage().getImplementationVersion();
			return new String[] { "MapTEM " + (v == null ? "development build" : v) };
		}
	}
}
