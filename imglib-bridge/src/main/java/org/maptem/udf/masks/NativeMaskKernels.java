package org.maptem.udf.masks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The dense-mask kernel of {@link ApplyMasksUdf} in C with AVX2 fused multiply-adds ({@code src/main/c}), called
 * through JNI, for the jobs where the multiply-adds of many dense masks, not the reading, bound the speed.
 *
 * <p>Why native: the register blocking of {@link VectorMaskKernels} compiles, on JDK 17's C2, to about fifty
 * instructions per twelve multiply-adds; compiled by gcc the loop is twelve multiply-adds, seven loads and three loop
 * instructions. With 16 masks on one core it applies 6–7 GB/s of frames, against 4.1–4.7 in Java. The C code blocks
 * 3 frames × 4 masks, with the chunks and float-then-double sums of {@link VectorMaskKernels}: integer sums are exact
 * under the same bounds, other results agree to float rounding.
 *
 * <p>The library is built where the build machine has gcc for Linux x86-64 and is carried in the jar; it is used when
 * it loads and the processor has AVX2 and FMA, unless the system property {@code maptem.native} is {@code false}.
 * Elsewhere {@link #available()} is false and {@link ApplyMasksUdf} uses the Java kernels; {@link #status()} says why.
 * Stateless and thread-safe.
 */
final class NativeMaskKernels {

	/** The library's resource, for this platform. */
	static final String RESOURCE = "native/" + platform() + "/libmaptem-masks.so";

	/** Masks per native call: the C code keeps one pointer per mask on its stack. */
	private static final int MAX_MASKS = 64;

	private static final String STATUS = load();

	private static final boolean AVAILABLE = STATUS.startsWith("native");

	private NativeMaskKernels() {
	}

	/** Whether the native kernel runs in this JVM. */
	static boolean available() {
		return AVAILABLE;
	}

	/**
	 * What this JVM uses: {@code "native AVX2+FMA"}, or why not (disabled, no library for the platform, a library that
	 * did not load, a processor without AVX2 or FMA).
	 */
	static String status() {
		return STATUS;
	}

	/**
	 * Adds the weighted sums of every dense mask of {@code set} over the tile's frames to {@code out}, as
	 * {@link VectorMaskKernels#dense}: frame {@code i} of the tile and mask {@code m} (result index) go to
	 * {@code out[pos + m + i * stride]}.
	 *
	 * @throws IllegalStateException when the kernel is not {@link #available()}
	 * @throws IllegalArgumentException when the tile, the masks or {@code out} are smaller than the shapes say (the C
	 *                                  code trusts its indices, so they are checked here)
	 */
	static void dense(final float[] t, final int frames, final int rowStart, final int rows, final int width,
			final MaskSet set, final double[] out, final int pos, final int stride) {
		if (!AVAILABLE)
			throw new IllegalStateException("the native dense-mask kernel is not available: " + STATUS);
		final int per = rows * width;
		final int[] runs = set.denseRuns(rowStart, rows, width);
		if (runs.length == 0 || frames == 0)
			return;
		check(t, frames, per, runs, set, out, pos, stride);
		final float[][] weights = set.denseWeightArrays();
		final int[] index = set.denseIndices();
		for (int first = 0; first < index.length; first += MAX_MASKS)
			if (!runs(t, frames, per, runs, weights, index, first, Math.min(MAX_MASKS, index.length - first), out, pos,
					stride))
				throw new OutOfMemoryError("the JVM gave the native dense-mask kernel no access to its arrays");
	}

	private static void check(final float[] t, final int frames, final int per, final int[] runs, final MaskSet set,
			final double[] out, final int pos, final int stride) {
		long tileEnd = 0;
		long weightEnd = 0;
		for (int k = 0; k < runs.length; k += 3) {
			tileEnd = Math.max(tileEnd, (long) runs[k] + runs[k + 2]);
			weightEnd = Math.max(weightEnd, (long) runs[k + 1] + runs[k + 2]);
		}
		if (runs[0] < 0 || (long) (frames - 1) * per + tileEnd > t.length)
			throw new IllegalArgumentException("tile of " + t.length + " values, " + frames + " frames of " + per
					+ " values needed");
		int maxIndex = 0;
		for (int d = 0; d < set.denseCount(); d++) {
			if (set.denseWeights(d).length < weightEnd)
				throw new IllegalArgumentException("dense mask " + d + " has " + set.denseWeights(d).length
						+ " weights, " + weightEnd + " needed");
			maxIndex = Math.max(maxIndex, set.denseIndex(d));
		}
		if (pos < 0 || stride < 0 || pos + (long) (frames - 1) * stride + maxIndex >= out.length)
			throw new IllegalArgumentException("result array of " + out.length + " values, index "
					+ (pos + (long) (frames - 1) * stride + maxIndex) + " needed");
	}

	/** Linux and the JVM's name for the processor, as the build names the library's folder: linux-amd64. */
	private static String platform() {
		final String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
		final String name = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "macos"
				: os.startsWith("windows") ? "windows" : os.replace(' ', '_');
		return name + "-" + System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
	}

	/**
	 * Loads the library from the jar and asks the processor, once per JVM. The system loader needs a file: the bytes go
	 * to a new temporary file of this JVM's own (unique name, readable by its owner only), which is loaded and deleted
	 * at once (the loaded library stays mapped), so no file is left behind and none planted by someone else is loaded.
	 */
	private static String load() {
		if ("false".equalsIgnoreCase(System.getProperty("maptem.native", "true")))
			return "off (system property maptem.native=false)";
		try (InputStream in = NativeMaskKernels.class.getResourceAsStream(RESOURCE)) {
			if (in == null)
				return "none for " + platform() + " in this build (Java kernels)";
			final Path file = Files.createTempFile("maptem-masks-", ".so");
			try {
				Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
				System.load(file.toAbsolutePath().toString());
			} finally {
				Files.deleteIfExists(file);
			}
			return cpuSupported() ? "native AVX2+FMA" : "none: the processor lacks AVX2 or FMA (Java kernels)";
		} catch (final IOException | UnsatisfiedLinkError | SecurityException e) {
			return "failed to load " + RESOURCE + ": " + e.getMessage();
		}
	}

	/** Whether the processor has AVX2 and FMA, which the kernels use. */
	private static native boolean cpuSupported();

	/**
	 * The kernel over masks {@code first ..< first + count} of the dense order; false when the JVM refused access to
	 * an array (then {@code out} is unchanged).
	 */
	private static native boolean runs(float[] t, int frames, int per, int[] runs, float[][] weights, int[] index,
			int first, int count, double[] out, int pos, int stride);
}
