package org.maptem.udf;

/**
 * Element type of a result buffer.
 */
public enum BufferType {
	/** 32-bit float, held in a {@code float[]}. */
	FLOAT32,
	/** 64-bit float, held in a {@code double[]}; the default for accumulations. */
	FLOAT64,
	/** 64-bit integer, held in a {@code long[]}; for counts. */
	INT64;

	/** True for the floating-point types, whose unfilled NAV positions are NaN rather than 0. */
	public boolean isFloating() {
		return this != INT64;
	}
}
