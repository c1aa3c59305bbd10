package org.maptem.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.maptem.ingest.Verify;
import org.maptem.ingest.VerifyReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code maptem verify TARGET.n5}: re-reads every chunk and checks it against the sidecar's checksums. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = "Check every chunk of a MapTEM container against its recorded CRC32C and shape.")
final class VerifyCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "TARGET.n5", description = "A container MapTEM wrote.")
	Path container;

	@Override
	public Integer call() {
		final VerifyReport r = Verify.container(container);
		if (r.ok()) {
			spec.commandLine().getOut().println("ok: " + r.chunks() + " chunks of " + r.container() + " match their checksums");
			return 0;
		}
		spec.commandLine().getErr().println("maptem verify: " + r.container() + ": " + r.problems().size() + " problem(s):");
		r.problems().forEach(p -> spec.commandLine().getErr().println("  " + p));
		return 2;
	}
}
