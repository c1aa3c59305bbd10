package org.maptem.bench;

import java.util.Locale;

/**
 * One measured row of {@link EngineBench}: a UDF on one dtype, or the limit.
 *
 * @param name                 the UDF (or the limit) as described in {@link EngineBench}
 * @param dtype                stored element type: {@code float32} and {@code uint16} N5 containers, {@code uint12}
 *                             a raw packed 12-bit file
 * @param mibPerS              median MiB of stored data per second of wall-clock time
 * @param ratioToLimit         {@code mibPerS} divided by the limit's
 * @param valuesRatioToFloat32 values per second divided by those of the same UDF on float32 data (number for
 *                             number); 1 for float32 rows and the limit
 * @param firstPartialMillis   median milliseconds from submitting the job to the first partial result; NaN for the
 *                             limit, which has none
 * @param firstRunFirstPartialMillis the same for the row's first job in this JVM, before any timed pass (for the
 *                             first row, the JVM's first job: its kernels not compiled yet); NaN for the limit
 * @param mibPerCpuSecond      median MiB of stored data per CPU-second of the whole process
 */
public record EngineRow(String name, String dtype, double mibPerS, double ratioToLimit, double valuesRatioToFloat32,
		double firstPartialMillis, double firstRunFirstPartialMillis, double mibPerCpuSecond) {

	/** The row as a {@link BenchRow} (name, dtype, MiB/s, ratio to the limit). */
	public BenchRow toBenchRow() {
		return new BenchRow(name, dtype, mibPerS, ratioToLimit);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT,
				"%-40s %-8s %8.0f MiB/s  %5.2f of limit  %5.2f vs float32  %6.1f ms first (%6.1f first run)  %6.0f MiB/cpu-s",
				name, dtype, mibPerS, ratioToLimit, valuesRatioToFloat32, firstPartialMillis, firstRunFirstPartialMillis,
				mibPerCpuSecond);
	}
}
