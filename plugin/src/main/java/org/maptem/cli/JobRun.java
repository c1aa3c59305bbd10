package org.maptem.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import org.maptem.exec.Job;
import org.maptem.exec.JobResults;
import org.maptem.exec.LocalExecutor;
import org.maptem.exec.Progress;

/**
 * Runs a job on the local executor with a progress bar (partitions done of total, MiB/s) on stderr, and keeps the
 * final progress for the summary line.
 *
 * @param results  the merged results
 * @param progress partitions and bytes processed, elapsed time
 */
record JobRun(JobResults results, Progress progress) {

	/** Runs {@code job} with {@code threads} worker threads; {@code err == null} draws no bar. */
	static JobRun run(final Job job, final int threads, final PrintWriter err, final String label) {
		final ProgressBar bar = err == null ? null : new ProgressBar(err, label);
		final AtomicReference<Progress> last = new AtomicReference<>();
		final JobResults r = new LocalExecutor(threads).run(job, (soFar, p) -> {
			last.set(p);
			if (bar != null)
				bar.update(p.partitionsDone(), p.partitionsTotal(), p.bytesDone());
		});
		return new JobRun(r, last.get() == null ? new Progress(0, 0, 0, 0, 0) : last.get());
	}

	/** E.g. {@code "128.0 MiB in 0.6 s, 213 MiB/s"}. */
	String throughput() {
		return String.format(Locale.ROOT, "%s in %.2f s, %.0f MiB/s", DatasetDescription.human(progress.bytesDone()),
				progress.elapsedNanos() / 1e9, progress.mibPerSecond());
	}
}
