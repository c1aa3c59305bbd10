package org.maptem.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.maptem.bench.BenchFiles.Part;
import org.maptem.bench.Passes.ReadPath;
import org.maptem.dataset.DType;
import org.maptem.dataset.Partitions;
import org.maptem.dataset.TilePlan;
import org.maptem.frames.DirectFrameSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cold-read part of {@link ReadBench}: one N5-style float32 block file, by default larger than physical memory,
 * read by {@code dd bs=16M iflag=direct} (the disk's streaming rate), by {@code MappedFrameSource} and by
 * {@link DirectFrameSource}, each with its tiles summed like the cached paths.
 *
 * <p>Before every pass the file is dropped from the page cache with GNU {@code dd iflag=nocache count=0}, so a
 * file smaller than memory (a forced {@code largeBytes}) still measures cold reads. The file is written only if the
 * file system has room for it plus {@value #SPACE_MARGIN_GIB} GiB; otherwise no rows are returned.
 */
final class LargeReadBench {

	private static final Logger LOG = LoggerFactory.getLogger(LargeReadBench.class);
	private static final long MIB = 1L << 20;
	private static final int SPACE_MARGIN_GIB = 4;
	private static final Pattern DD_RATE = Pattern.compile("(\\d+) bytes .*copied, ([0-9.]+) s");

	private LargeReadBench() {
	}

	/**
	 * Rows, in order: {@code dd} (ratio 1), {@code MappedFrameSource}, {@code DirectFrameSource}, ratios to {@code dd};
	 * no {@code dd} row if it cannot run, no rows at all if the disk lacks space.
	 */
	static List<BenchRow> run(final Path dir, final BenchData data, final ReadBench.Options o, final ExecutorService exec,
			final int tileValues) throws IOException {
		final long target = o.largeBytes() > 0 ? o.largeBytes() : physicalMemory() + (1L << 30);
		final long frameBytes = BenchData.PIXELS * 4L;
		final long frames = Math.max(1, target / frameBytes);
		final Path file = dir.resolve(String.format(Locale.ROOT, "readbench-large-%dx128x128-float32-be.n5block", frames));
		final long need = frames * frameBytes;
		final long usable = Files.getFileStore(dir).getUsableSpace();
		if (!Files.isRegularFile(file) && usable < need + ((long) SPACE_MARGIN_GIB << 30)) {
			LOG.warn("skipping the larger-than-RAM comparison: {} needs {} MiB, the file system has {} MiB free", file,
					need / MIB, usable / MIB);
			return List.of();
		}
		final List<Part> parts = BenchFiles.largeBlock(file, data, frames, Partitions.DEFAULT_PARTITION_BYTES);
		final long bytes = Files.size(file);
		final double expected = data.expectedSum(0, frames);
		final TilePlan plan = TilePlan.defaultFor(BenchFiles.meta(frames, DType.FLOAT32));
		final AtomicBoolean allDirect = new AtomicBoolean(true);
		final ReadPath mmap = new ReadPath("large file, cold, MappedFrameSource", "float32", parts,
				PartReaders.frameSource(plan), bytes, expected);
		final ReadPath direct = new ReadPath("large file, cold, DirectFrameSource", "float32", parts,
				PartReaders.directSource(plan, allDirect), bytes, expected);
		if (!dropCache(file))
			LOG.warn("cannot drop {} from the page cache (needs GNU dd): reads of a file smaller than memory are warm", file);
		final double[] dd = new double[o.largeRepeats()];
		final Passes.Rates mm = new Passes.Rates(o.largeRepeats());
		final Passes.Rates di = new Passes.Rates(o.largeRepeats());
		boolean ddWorks = true;
		for (int r = 0; r < o.largeRepeats(); r++) {
			dropCache(file);
			final OptionalDouble d = ddDirect(file);
			ddWorks &= d.isPresent();
			dd[r] = d.orElse(Double.NaN);
			dropCache(file);
			mm.add(bytes, Passes.timePass(exec, o.threads(), tileValues, mmap));
			dropCache(file);
			di.add(bytes, Passes.timePass(exec, o.threads(), tileValues, direct));
		}
		final double ref = ddWorks ? Passes.median(dd) : Double.NaN;
		final List<BenchRow> rows = new ArrayList<>();
		if (ddWorks) {
			rows.add(new BenchRow("large file, cold, dd bs=16M iflag=direct", "bytes", ref, 1));
			LOG.info("{}", rows.get(0));
		}
		final BenchRow mmRow = new BenchRow(mmap.name(), "float32", mm.wall(), mm.wall() / ref);
		final BenchRow diRow = new BenchRow(direct.name() + (allDirect.get() ? " (O_DIRECT)" : " (fell back to plain reads)"),
				"float32", di.wall(), di.wall() / ref);
		Passes.log(mmRow, mm);
		Passes.log(diRow, di);
		rows.add(mmRow);
		rows.add(diRow);
		return rows;
	}

	/** MiB/s of {@code dd if=file of=/dev/null bs=16M iflag=direct}, or empty if it cannot run. */
	static OptionalDouble ddDirect(final Path file) {
		final String out = runDd("if=" + file, "of=/dev/null", "bs=16M", "iflag=direct");
		return out == null ? OptionalDouble.empty() : parseDdRate(out);
	}

	/** MiB/s from GNU dd's summary ({@code "N bytes (...) copied, S s, R MB/s"}, C locale), or empty. */
	static OptionalDouble parseDdRate(final String ddOutput) {
		final Matcher m = DD_RATE.matcher(ddOutput);
		OptionalDouble rate = OptionalDouble.empty();
		while (m.find()) {
			final double seconds = Double.parseDouble(m.group(2));
			if (seconds > 0)
				rate = OptionalDouble.of(Long.parseLong(m.group(1)) / (double) MIB / seconds);
		}
		return rate;
	}

	/** Asks the kernel to drop {@code file}'s cached pages (GNU dd's documented idiom); false if dd failed. */
	private static boolean dropCache(final Path file) {
		return runDd("if=" + file, "iflag=nocache", "count=0") != null;
	}

	/** Runs dd with {@code args}; its combined output, or null if it could not run or failed. */
	private static String runDd(final String... args) {
		final List<String> cmd = new ArrayList<>();
		cmd.add("dd");
		cmd.addAll(List.of(args));
		final ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
		pb.environment().put("LC_ALL", "C");
		try {
			final Process p = pb.start();
			final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!p.waitFor(1, TimeUnit.HOURS) || p.exitValue() != 0) {
				p.destroy();
				LOG.warn("{} failed: {}", cmd, out.strip());
				return null;
			}
			return out;
		} catch (final IOException e) {
			LOG.warn("cannot run {}: {}", cmd, e.getMessage());
			return null;
		} catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private static long physicalMemory() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
			return os.getTotalMemorySize();
		return Runtime.getRuntime().maxMemory() * 4;
	}
}
