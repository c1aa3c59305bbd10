package org.maptem.frames;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import org.maptem.dataset.LayoutException;
import org.maptem.dataset.ReadMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the frame source for uncompressed frames in a file according to a {@link ReadMode}, and decides what
 * {@link ReadMode#AUTO} means on this machine.
 *
 * <p>Memory mapping reads from the page cache without copying and is fastest whenever the data is, or will stay,
 * cached; once a dataset exceeds what the cache can hold, every pass faults in and evicts every page, and direct IO
 * streams at the disk's rate instead. {@code AUTO} therefore maps datasets smaller than the memory the OS could use
 * for caching now, and reads larger ones directly.
 */
public final class FrameSources {

	private static final Logger LOG = LoggerFactory.getLogger(FrameSources.class);
	private static final Path MEMINFO = Path.of("/proc/meminfo");

	private FrameSources() {
	}

	/**
	 * Opens {@code file}'s frames at {@code layout}, frame 0 being dataset frame {@code baseFrame}.
	 *
	 * @param mode         {@code MMAP} gives a {@link MappedFrameSource}, {@code DIRECT} a {@link DirectFrameSource},
	 *                     {@code AUTO} chooses by {@link #choose} with {@link #cacheableBytes()}
	 * @param datasetBytes stored size of the whole dataset (not only this file): what a pass over it must cache
	 * @throws LayoutException if the file cannot be opened or is shorter than the layout needs
	 */
	public static FrameSource open(final Path file, final FrameLayout layout, final long baseFrame, final ReadMode mode,
			final long datasetBytes) {
		final ReadMode m = mode == ReadMode.AUTO ? choose(mode, datasetBytes, cacheableBytes()) : mode;
		return switch (m) {
		case MMAP -> new MappedFrameSource(file, layout, baseFrame);
		case DIRECT -> new DirectFrameSource(file, layout, baseFrame);
		case AUTO -> throw new IllegalStateException("choose() never returns AUTO");
		};
	}

	/**
	 * The read mode to use: {@code requested} unless it is {@code AUTO}, in which case {@code MMAP} when
	 * {@code datasetBytes < cacheableBytes} and {@code DIRECT} otherwise. Pure; no I/O.
	 *
	 * @param datasetBytes   stored bytes of the dataset, at least 0
	 * @param cacheableBytes bytes the page cache could hold, e.g. from {@link #cacheableBytes()}
	 */
	public static ReadMode choose(final ReadMode requested, final long datasetBytes, final long cacheableBytes) {
		if (datasetBytes < 0)
			throw new IllegalArgumentException("dataset size must be at least 0 bytes, found " + datasetBytes);
		if (requested != ReadMode.AUTO)
			return requested;
		return datasetBytes < cacheableBytes ? ReadMode.MMAP : ReadMode.DIRECT;
	}

	/**
	 * Bytes the page cache could hold now: {@code MemAvailable} from {@code /proc/meminfo} on Linux, otherwise an
	 * estimate from the JVM ({@link #estimateCacheable}).
	 */
	public static long cacheableBytes() {
		try {
			final OptionalLong available = memAvailable(Files.readAllLines(MEMINFO, StandardCharsets.US_ASCII));
			if (available.isPresent())
				return available.getAsLong();
			LOG.debug("{} has no MemAvailable line; estimating cacheable memory from the JVM", MEMINFO);
		} catch (final IOException | RuntimeException e) {
			LOG.debug("cannot read {} ({}); estimating cacheable memory from the JVM", MEMINFO, e.getMessage());
		}
		return estimateCacheable(physicalMemory(), Runtime.getRuntime().maxMemory());
	}

	/**
	 * {@code MemAvailable} in bytes from the lines of {@code /proc/meminfo} ({@code "MemAvailable:  123 kB"}), or
	 * empty when there is no such line or it does not parse.
	 */
	public static OptionalLong memAvailable(final List<String> meminfoLines) {
		for (final String line : meminfoLines) {
			if (!line.startsWith("MemAvailable:"))
				continue;
			final String[] f = line.substring("MemAvailable:".length()).trim().split("\\s+");
			try {
				final long v = Long.parseLong(f[0]);
				if (v < 0)
					return OptionalLong.empty();
				final long unit = f.length > 1 && f[1].equalsIgnoreCase("kB") ? 1024 : 1;
				return OptionalLong.of(Math.multiplyExact(v, unit));
			} catch (final NumberFormatException | ArithmeticException e) {
				return OptionalLong.empty();
			}
		}
		return OptionalLong.empty();
	}

	/**
	 * Estimates the bytes the page cache could hold without {@code /proc/meminfo}: physical memory minus what the
	 * JVM heap may grow to; when physical memory is unknown (0 or less), three times the maximum heap, because a JVM
	 * left to its defaults takes a quarter of physical memory as its maximum heap. Pure; no I/O.
	 *
	 * @param physicalBytes total physical memory, or 0 or less if unknown
	 * @param maxHeapBytes  {@link Runtime#maxMemory()}
	 */
	public static long estimateCacheable(final long physicalBytes, final long maxHeapBytes) {
		if (physicalBytes > 0)
			return Math.max(0, physicalBytes - maxHeapBytes);
		return maxHeapBytes >= Long.MAX_VALUE / 3 ? Long.MAX_VALUE : 3 * maxHeapBytes;
	}

	private static long physicalMemory() {
		try {
			final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
			if (os instanceof com.sun.management.OperatingSystemMXBean sun)
				return sun.getTotalMemorySize();
		} catch (final RuntimeException | LinkageError e) {
			LOG.debug("cannot query physical memory ({})", e.getMessage());
		}
		return 0;
	}
}
