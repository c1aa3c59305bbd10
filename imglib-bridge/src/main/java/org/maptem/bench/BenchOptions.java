package org.maptem.bench;

import java.nio.file.Path;

/**
 * What a benchmark run measures: the engine benchmark ({@link EngineBench}) and the per-format one
 * ({@link FormatBench}) take the same options, with their own defaults ({@link EngineBench#defaults()},
 * {@link FormatBench#defaults()}).
 *
 * @param bytes   size of the data in bytes (the engine benchmark: float32 bytes; the format one: stored bytes per
 *                format and float32 bytes of its reference)
 * @param threads engine and limit threads
 * @param repeats timed passes per row; medians are reported
 * @param warmups untimed passes over every row first
 * @param only    run only the rows whose name contains one of these comma-separated texts ({@code ""}: all; the
 *                limit, and the format benchmark's float32 reference, always run)
 */
public record BenchOptions(long bytes, int threads, int repeats, int warmups, String only) {

	/** One 128 × 128 float32 frame: the least data a run can measure. */
	static final long MIN_BYTES = 128L * 128 * 4;

	public BenchOptions {
		if (bytes < MIN_BYTES || threads < 1 || repeats < 1 || warmups < 0 || only == null)
			throw new IllegalArgumentException("a benchmark needs at least one frame (" + MIN_BYTES
					+ " bytes), one thread, one repeat, no negative warm-up and a filter, found " + bytes + " bytes, "
					+ threads + " threads, " + repeats + " repeats, " + warmups + " warm-ups, filter " + only);
	}

	public BenchOptions withBytes(final long b) {
		return new BenchOptions(b, threads, repeats, warmups, only);
	}

	public BenchOptions withThreads(final int t) {
		return new BenchOptions(bytes, t, repeats, warmups, only);
	}

	public BenchOptions withRepeats(final int r) {
		return new BenchOptions(bytes, threads, r, warmups, only);
	}

	public BenchOptions withWarmups(final int w) {
		return new BenchOptions(bytes, threads, repeats, w, only);
	}

	/** Only the rows whose name contains {@code text} (or one of its comma-separated parts). */
	public BenchOptions withOnly(final String text) {
		return new BenchOptions(bytes, threads, repeats, warmups, text);
	}

	/** A benchmark's cache directory and options, from the arguments of its {@code main}. */
	record Command(Path dir, BenchOptions options) {
	}

	/**
	 * Parses {@code [dir] [--size=2g] [--threads=N] [--repeats=N] [--warmups=N] [--only=TEXT]} over {@code defaults};
	 * the directory defaults to {@code TMPDIR/maptem-bench}.
	 *
	 * @throws IllegalArgumentException for an unknown option or a bad value
	 */
	static Command fromArgs(final String[] args, final BenchOptions defaults) {
		Path dir = Path.of(System.getProperty("java.io.tmpdir"), "maptem-bench");
		BenchOptions o = defaults;
		for (final String a : args) {
			if (a.startsWith("--size="))
				o = o.withBytes(ReadBench.parseSize(a.substring(7)));
			else if (a.startsWith("--threads="))
				o = o.withThreads(Integer.parseInt(a.substring(10)));
			else if (a.startsWith("--repeats="))
				o = o.withRepeats(Integer.parseInt(a.substring(10)));
			else if (a.startsWith("--warmups="))
				o = o.withWarmups(Integer.parseInt(a.substring(10)));
			else if (a.startsWith("--only="))
				o = o.withOnly(a.substring(7));
			else if (a.startsWith("--"))
				throw new IllegalArgumentException("unknown option " + a + "; expected --size=, --threads=, --repeats=, "
						+ "--warmups=, --only=");
			else
				dir = Path.of(a);
		}
		return new Command(dir, o);
	}
}
