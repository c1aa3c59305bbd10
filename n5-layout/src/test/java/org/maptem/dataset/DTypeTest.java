package org.maptem.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Type names as N5 and NumPy write them, element sizes and the packed 12-bit size rule. */
class DTypeTest {

	/** N5 {@code dataType} names (from the N5 specification) and NumPy type codes for each type. */
	private static final Map<String, DType> NAMES = Map.ofEntries(Map.entry("uint8", DType.UINT8), Map.entry("u1", DType.UINT8),
			Map.entry("uint16", DType.UINT16), Map.entry("u2", DType.UINT16), Map.entry("uint32", DType.UINT32),
			Map.entry("u4", DType.UINT32), Map.entry("int8", DType.INT8), Map.entry("i1", DType.INT8), Map.entry("int16", DType.INT16),
			Map.entry("i2", DType.INT16), Map.entry("int32", DType.INT32), Map.entry("i4", DType.INT32),
			Map.entry("float32", DType.FLOAT32), Map.entry("f4", DType.FLOAT32), Map.entry("float", DType.FLOAT32),
			Map.entry("float64", DType.FLOAT64), Map.entry("f8", DType.FLOAT64), Map.entry("double", DType.FLOAT64),
			Map.entry("uint12packed", DType.UINT12_PACKED));

	@Test
	void parsesN5AndNumPyNames() {
		NAMES.forEach((name, type) -> assertEquals(type, DType.parse(name), name));
	}

	@Test
	void parsingIgnoresCaseAndSurroundingSpace() {
		assertEquals(DType.UINT16, DType.parse("  UInt16 "));
		assertEquals(DType.FLOAT32, DType.parse("F4"));
	}

	@Test
	void everyTypeParsesFromItsOwnName() {
		for (final DType t : DType.values())
			assertEquals(t, DType.parse(t.n5Name()));
	}

	@Test
	void unknownNamesAreRejectedListingTheAcceptedOnes() {
		for (final String bad : new String[] { "complex64", "uint64", "<u2", "", "int" }) {
			final LayoutException e = assertThrows(LayoutException.class, () -> DType.parse(bad), bad);
			assertTrue(e.getMessage().contains("'" + bad + "'") && e.getMessage().contains("uint16"), e.getMessage());
		}
		assertThrows(LayoutException.class, () -> DType.parse(null));
	}

	@Test
	void elementSizesAndSignedness() {
		// {bytes, signed, floating} per type, from the N5 specification's type list
		final Object[][] table = { { DType.UINT8, 1, false, false }, { DType.UINT16, 2, false, false },
				{ DType.UINT32, 4, false, false }, { DType.INT8, 1, true, false }, { DType.INT16, 2, true, false },
				{ DType.INT32, 4, true, false }, { DType.FLOAT32, 4, true, true }, { DType.FLOAT64, 8, true, true } };
		for (final Object[] row : table) {
			final DType t = (DType) row[0];
			assertEquals(row[1], t.bytes(), t + " bytes");
			assertEquals(row[2], t.isSigned(), t + " signed");
			assertEquals(row[3], t.isFloating(), t + " floating");
			assertEquals(7L * t.bytes(), t.bytesFor(7));
		}
	}

	@Test
	void packedTwelveBitTakesThreeBytesPerPairRoundedUp() {
		assertEquals(0, DType.UINT12_PACKED.bytes(), "no whole-byte element size");
		// n values take 12n bits = 1.5n bytes, rounded up to whole bytes
		final long[][] cases = { { 0, 0 }, { 1, 2 }, { 2, 3 }, { 3, 5 }, { 4, 6 }, { 5, 8 }, { 256 * 256, 98304 } };
		for (final long[] c : cases)
			assertEquals(c[1], DType.UINT12_PACKED.bytesFor(c[0]), c[0] + " values");
	}
}
