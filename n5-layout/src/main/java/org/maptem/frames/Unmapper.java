package org.maptem.frames;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;

/**
 * Releases a memory mapping or a direct buffer now instead of when the garbage collector gets to it: with hundreds
 * of 256 MiB partitions per job, waiting for GC would keep gigabytes of mappings, page-cache pins and direct read
 * buffers alive.
 *
 * <p>Uses {@code sun.misc.Unsafe.invokeCleaner}, which the {@code jdk.unsupported} module exports without any
 * {@code --add-opens}. If it is unavailable the mapping is left to the GC. Public for code that maps files
 * outside this package (the read benchmark's raw baseline unmaps the way {@link MappedFrameSource} does).
 */
public final class Unmapper {

	private static final Object UNSAFE;
	private static final Method INVOKE_CLEANER;

	static {
		Object unsafe = null;
		Method m = null;
		try {
			final Class<?> c = Class.forName("sun.misc.Unsafe");
			final Field f = c.getDeclaredField("theUnsafe");
			f.setAccessible(true);
			unsafe = f.get(null);
			m = c.getMethod("invokeCleaner", ByteBuffer.class);
		} catch (final ReflectiveOperationException | RuntimeException e) {
			unsafe = null;
			m = null;
		}
		UNSAFE = unsafe;
		INVOKE_CLEANER = m;
	}

	private Unmapper() {
	}

	/**
	 * Unmaps or frees {@code buffer}, which must be what {@code map} or {@code allocateDirect} returned (not a slice
	 * or duplicate); neither it nor its views may be used afterwards.
	 */
	public static void unmap(final ByteBuffer buffer) {
		if (INVOKE_CLEANER == null || buffer == null || !buffer.isDirect())
			return;
		try {
			INVOKE_CLEANER.invoke(UNSAFE, buffer);
		} catch (final ReflectiveOperationException | RuntimeException e) {
			// the GC will release it
		}
	}
}
