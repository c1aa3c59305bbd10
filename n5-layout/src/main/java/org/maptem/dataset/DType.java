package org.maptem.dataset;

import java.util.Locale;

/**
 * Element types of detector data, named as N5's {@code dataType} attribute and NumPy name them.
 *
 * <p>{@link #UINT12_PACKED} is a storage format only (two 12-bit values in three bytes, as some cameras write it);
 * it is decoded to wider numbers on read and never written to N5.
 */
public enum DType {
	UINT8("uint8", 1, false, false),
	UINT16("uint16", 2, false, false),
	UINT32("uint32", 4, false, false),
	INT8("int8", 1, true, false),
	INT16("int16", 2, true, false),
	INT32("int32", 4, true, false),
	FLOAT32("float32", 4, true, true),
	FLOAT64("float64", 8, true, true),
	UINT12_PACKED("uint12packed", 0, false, false);

	private final String n5Name;
	private final int bytes;
	private final boolean signed;
	private final boolean floating;

	DType(final String n5Name, final int bytes, final boolean signed, final boolean floating) {
		this.n5Name = n5Name;
		this.bytes = bytes;
		this.signed = signed;
		this.floating = floating;
	}

	/** The name N5 and MapTEM's sidecar use, e.g. {@code "uint16"}. */
	public String n5Name() {
		return n5Name;
	}

	/** Bytes per element; 0 for packed types, whose size is per pair of elements (see {@link #bytesFor(long)}). */
	public int bytes() {
		return bytes;
	}

	public boolean isSigned() {
		return signed;
	}

	public boolean isFloating() {
		return floating;
	}

	/** Bytes that {@code count} elements occupy, rounding packed types up to whole bytes. */
	public long bytesFor(final long count) {
		if (this == UINT12_PACKED)
			return (count * 3 + 1) / 2;
		return count * bytes;
	}

	/**
	 * Parses an N5 or NumPy type name ({@code uint16}, {@code float32}, {@code u2}, {@code f4}, ...).
	 *
	 * @throws LayoutException naming the unknown type and the accepted ones
	 */
	public static DType parse(final String name) {
		final String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
		for (final DType t : values())
			if (t.n5Name.equals(n))
				return t;
		switch (n) {
		case "u1": return UINT8;
		case "u2": return UINT16;
		case "u4": return UINT32;
		case "i1": return INT8;
		case "i2": return INT16;
		case "i4": return INT32;
		case "f4": case "float": return FLOAT32;
		case "f8": case "double": return FLOAT64;
		default:
			throw new LayoutException("unknown data type '" + name + "': expected one of uint8, uint16, uint32, int8, int16, "
					+ "int32, float32, float64");
		}
	}
}
