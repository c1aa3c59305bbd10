package org.maptem.frames;

import java.lang.reflect.Field;

/**
 * Reverses the byte order of 4-byte values already copied into an {@code int[]} or {@code float[]}, in place.
 *
 * <p>Why: on JDK 17 a byte-swapping bulk get ({@code asFloatBuffer().get(float[])} on big-endian data) is a scalar
 * native loop, several times slower than a plain copy; {@code Float.intBitsToFloat} in a Java loop is not vectorised
 * either. Reading and writing the array's bits as ints through {@code sun.misc.Unsafe} lets C2 vectorise the swap, so
 * a plain copy followed by this swap decodes big-endian (N5) float32 tiles at close to the speed of native-order ones.
 * {@code sun.misc.Unsafe} is exported by the {@code jdk.unsupported} module without any {@code --add-opens}; when it is
 * missing, {@link #AVAILABLE} is false and callers use the byte-swapping bulk get.
 */
final class ByteSwaps {

	/** True when {@link #swapInPlace(float[], int, int)} can be used. */
	static final boolean AVAILABLE;
	private static final sun.misc.Unsafe UNSAFE;
	private static final long FLOAT_BASE;
	private static final long FLOAT_SCALE = 4;

	static {
		sun.misc.Unsafe u = null;
		long base = 0;
		try {
			final Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
			f.setAccessible(true);
			u = (sun.misc.Unsafe) f.get(null);
			base = u.arrayBaseOffset(float[].class);
			if (u.arrayIndexScale(float[].class) != FLOAT_SCALE)
				u = null;
		} catch (final ReflectiveOperationException | RuntimeException | LinkageError e) {
			u = null;
		}
		UNSAFE = u;
		FLOAT_BASE = base;
		AVAILABLE = u != null;
	}

	private ByteSwaps() {
	}

	/** Reverses the four bytes of each of {@code a[off .. off + n)}; plain Java, which C2 vectorises for int arrays. */
	static void swapInPlace(final int[] a, final int off, final int n) {
		for (int i = off; i < off + n; i++) {
			final int x = a[i];
			a[i] = x << 24 | (x & 0xFF00) << 8 | (x >>> 8) & 0xFF00 | x >>> 24;
		}
	}

	/**
	 * Reverses the four bytes of each of {@code a[off .. off + n)}, which must be {@link #AVAILABLE}.
	 *
	 * @throws IndexOutOfBoundsException if the range is not inside {@code a} (checked once, before any access)
	 */
	static void swapInPlace(final float[] a, final int off, final int n) {
		java.util.Objects.checkFromIndexSize(off, n, a.length);
		// an int-indexed counted loop: the form C2's superword vectoriser accepts
		for (int i = off; i < off + n; i++) {
			final long o = FLOAT_BASE + FLOAT_SCALE * i;
			final int x = UNSAFE.getInt(a, o);
			UNSAFE.putInt(a, o, x << 24 | (x & 0xFF00) << 8 | (x >>> 8) & 0xFF00 | x >>> 24);
		}
	}
}
