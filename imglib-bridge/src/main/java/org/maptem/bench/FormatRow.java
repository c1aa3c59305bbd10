package org.maptem.bench;

import java.util.Locale;

/**
 * One measured row of {@link FormatBench}: one disk mask over one format's cached file, the float32 N5 reference or
 * the limit.
 *
 * @param name                 the format variant ({@link FormatSample#name()}), or the reference or limit
 * @param storage              how its values are stored ({@link FormatSample#storage()})
 * @param frames               frames of the file
 * @param height               frame height
 * @param width                frame width
 * @param storedBytes          bytes of the format's files (headers included)
 * @param mibPerS              median MiB of stored bytes per second of wall-clock time
 * @param ratioToLimit         {@code mibPerS} divided by the limit's
 * @param valuesRatioToFloat32 values per second divided by those of the float32 N5 reference (number for number);
 *                             NaN for the limit
 * @param cpuValuesRatioToFloat32 as {@code valuesRatioToFloat32} per CPU-second of the whole process instead of per
 *                             second of wall-clock time; NaN for the limit
 */
public record FormatRow(String name, String storage, long frames, int height, int width, long storedBytes, double mibPerS,
		double ratioToLimit, double valuesRatioToFloat32, double cpuValuesRatioToFloat32) {

	/** The row as a {@link BenchRow} (name, storage as the dtype, MiB/s, ratio to the limit). */
	public BenchRow toBenchRow() {
		return new BenchRow(name, storage, mibPerS, ratioToLimit);
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%-28s %-22s %8.0f MiB/s  %5.2f of limit  %5.2f values/s vs float32  %5.2f per CPU-s",
				name, storage, mibPerS, ratioToLimit, valuesRatioToFloat32, cpuValuesRatioToFloat32);
	}
}
