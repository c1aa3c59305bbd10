package org.maptem.frames;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ByteSwapsTest {

	@Test
	void floatSwapReversesTheBytesOfExactlyTheGivenRange() {
		assumeTrue(ByteSwaps.AVAILABLE, "sun.misc.Unsafe is not available");
		final Random rnd = new Random(3);
		final float[] a = new float[1000];
		for (int i = 0; i < a.length; i++)
			a[i] = Float.intBitsToFloat(rnd.nextInt() & 0x7F7FFFFF);
		final float[] want = a.clone();
		for (int i = 7; i < 7 + 990; i++)
			want[i] = Float.intBitsToFloat(Integer.reverseBytes(Float.floatToRawIntBits(want[i])));
		ByteSwaps.swapInPlace(a, 7, 990);
		for (int i = 0; i < a.length; i++)
			assertEquals(Float.floatToRawIntBits(want[i]), Float.floatToRawIntBits(a[i]), "value " + i);
	}

	@Test
	void floatSwapChecksItsRangeBeforeTouchingMemory() {
		assumeTrue(ByteSwaps.AVAILABLE, "sun.misc.Unsafe is not available");
		assertThrows(IndexOutOfBoundsException.class, () -> ByteSwaps.swapInPlace(new float[10], 5, 6));
		assertThrows(IndexOutOfBoundsException.class, () -> ByteSwaps.swapInPlace(new float[10], -1, 2));
	}

	@Test
	void intSwapReversesTheBytesOfExactlyTheGivenRange() {
		final int[] a = { 0x01020304, 0xA0B0C0D0, -1, 0x00000080, 0x11223344 };
		ByteSwaps.swapInPlace(a, 1, 3);
		assertArrayEquals(new int[] { 0x01020304, 0xD0C0B0A0, -1, 0x80000000, 0x11223344 }, a);
	}
}
