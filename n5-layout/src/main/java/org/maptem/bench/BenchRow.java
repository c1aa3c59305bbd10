package org.maptem.bench;

/**
 * One measured read path of {@link ReadBench}.
 *
 * @param name         what was read and how, e.g. {@code "n5 block, MappedFrameSource"}
 * @param dtype        stored element type ({@code float32}, {@code uint16}; {@code bytes} for {@code dd})
 * @param mibPerS      median throughput in MiB of stored file data per second
 * @param ratioToLimit {@code mibPerS} divided by the reference row's (see {@link ReadBench#run}); 1 for a reference
 */
public record BenchRow(String name, String dtype, double mibPerS, double ratioToLimit) {

	@Override
	public String toString() {
		return String.format(java.util.Locale.ROOT, "%-52s %-8s %10.0f MiB/s  %5.2f", name, dtype, mibPerS, ratioToLimit);
	}
}
