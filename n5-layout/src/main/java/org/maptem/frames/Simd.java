package org.maptem.frames;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether MapTEM's vector kernels run: they use the JDK's incubating Vector API, which a JVM offers only when started
 * with {@code --add-modules jdk.incubator.vector}.
 *
 * <p>Why: on JDK 17, C2 vectorises neither floating-point reductions nor loops whose arrays are indexed with
 * different offsets (a tile frame, a mask row), nor int-to-float conversions; explicit vectors make decoding and
 * many-mask kernels several times faster. Without the module every kernel has a plain Java fallback giving the same
 * results (up to float rounding), so the flag is an option, not a requirement.
 *
 * <p>Enabled when the module is in the boot layer, the platform is little-endian, the preferred float vector has at
 * least 8 lanes (AVX2 or wider; narrower vectors gain too little), and the system property {@code maptem.simd} is not
 * {@code false} (to compare both paths). Decided once per JVM.
 *
 * <p>A thread may also ask for the scalar loops for a while ({@link #scalarWhile}): the vector kernels run
 * interpreted, hundreds of times slower, until C2 has compiled them, whereas the scalar loops are compiled by C1
 * within milliseconds; the local executor computes a job's first small piece this way so its first partial result
 * comes quickly even in a fresh JVM.
 */
public final class Simd {

	private static final Logger LOG = LoggerFactory.getLogger(Simd.class);
	private static final String MODULE = "jdk.incubator.vector";
	private static final boolean ENABLED = decide();
	/** Threads inside {@link #scalarWhile}: how deep. */
	private static final ThreadLocal<int[]> SCALAR_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

	private Simd() {
	}

	/** True when the vector kernels are used on this thread now. */
	public static boolean enabled() {
		return ENABLED && SCALAR_DEPTH.get()[0] == 0;
	}

	/** True when this JVM can run the vector kernels, whatever the current thread asked for. */
	public static boolean available() {
		return ENABLED;
	}

	/**
	 * Runs {@code work} on this thread with {@link #enabled()} false, so every kernel it calls takes its scalar loop;
	 * returns what {@code work} returns. Kernels decide per call (per tile), so objects made before keep working.
	 */
	public static boolean scalarWhile(final java.util.function.BooleanSupplier work) {
		final int[] depth = SCALAR_DEPTH.get();
		depth[0]++;
		try {
			return work.getAsBoolean();
		} finally {
			depth[0]--;
		}
	}

	private static boolean decide() {
		if ("false".equalsIgnoreCase(System.getProperty("maptem.simd"))) {
			LOG.info("vector kernels off (-Dmaptem.simd=false)");
			return false;
		}
		if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
			LOG.info("vector kernels off: start the JVM with --add-modules {} to use them", MODULE);
			return false;
		}
		// the 12-bit unpacking reinterprets bytes as little-endian 16-bit lanes
		if (java.nio.ByteOrder.nativeOrder() != java.nio.ByteOrder.LITTLE_ENDIAN) {
			LOG.info("vector kernels off: written for little-endian platforms");
			return false;
		}
		final int lanes = VectorDecoder.preferredFloatLanes();
		if (lanes < 8) {
			LOG.info("vector kernels off: preferred float vectors have {} lanes, fewer than 8", lanes);
			return false;
		}
		LOG.debug("vector kernels on: {} float lanes", lanes);
		return true;
	}
}
