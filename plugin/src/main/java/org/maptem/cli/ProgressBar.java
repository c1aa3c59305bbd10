package org.maptem.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line terminal progress bar on stderr: fraction, bytes, rate. Redraws in place with a carriage return and
 * at most ten times a second, so it costs nothing next to the work.
 */
final class ProgressBar {

	private static final int WIDTH = 30;
	private final PrintWriter err;
	private final String label;
	private final long started = System.nanoTime();
	private long lastDraw;

	ProgressBar(final PrintWriter err, final String label) {
		this.err = err;
		this.label = label;
	}

	/** Shows {@code done} of {@code total} units, of which {@code bytes} bytes were processed. */
	void update(final long done, final long total, final long bytes) {
		final long now = System.nanoTime();
		if (done < total && now - lastDraw < 100_000_000L)
			return;
		lastDraw = now;
		final double f = total == 0 ? 1 : (double) done / total;
		final int filled = (int) Math.round(f * WIDTH);
		final double seconds = Math.max(1e-9, (now - started) / 1e9);
		err.printf(Locale.ROOT, "\r%s [%s%s] %3.0f%% %d/%d, %s, %.0f MiB/s", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
				100 * f, done, total, DatasetDescription.human(bytes), bytes / seconds / (1 << 20));
		if (done >= total)
			err.println();
		err.flush();
	}
}
