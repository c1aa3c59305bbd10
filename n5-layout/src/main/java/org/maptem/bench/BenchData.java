package org.maptem.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

import org.maptem.dataset.DType;

/**
 * The synthetic detector data of the read benchmarks: 128 × 128 frames of Poisson counts, a bright central disk and
 * a faint ring on a dim background, like a convergent-beam diffraction pattern.
 *
 * <p>Drawing Poisson numbers for gigabytes would take longer than reading them, so {@value #POOL} frames are drawn
 * once and frame {@code f} of every file is pool frame {@code 37 f mod 64}. Counts are small integers: every tile sum
 * is exact in float, so each timed pass can be checked against {@link #expectedSum} exactly. Immutable.
 */
final class BenchData {

	/** Detector height and width. */
	static final int SIG = 128;
	static final int PIXELS = SIG * SIG;
	private static final int POOL = 64;

	private final float[][] pool = new float[POOL][PIXELS];
	private final double[] poolSums = new double[POOL];

	BenchData(final long seed) {
		final Random rnd = new Random(seed);
		final double[] mean = new double[PIXELS];
		for (int y = 0; y < SIG; y++)
			for (int x = 0; x < SIG; x++) {
				final double r = Math.hypot(y - SIG / 2.0 + 0.5, x - SIG / 2.0 + 0.5);
				mean[y * SIG + x] = 0.3 + (r < 24 ? 25 : 0) + (r >= 40 && r < 44 ? 3 : 0);
			}
		for (int p = 0; p < POOL; p++)
			for (int i = 0; i < PIXELS; i++) {
				pool[p][i] = poisson(rnd, mean[i]);
				poolSums[p] += pool[p][i];
			}
	}

	/** Knuth's multiplication method: exact and fast enough for means below about 30. */
	private static int poisson(final Random rnd, final double mean) {
		final double limit = Math.exp(-mean);
		int k = 0;
		double p = rnd.nextDouble();
		while (p > limit) {
			k++;
			p *= rnd.nextDouble();
		}
		return k;
	}

	private static int poolIndex(final long frame) {
		return (int) (frame * 37 % POOL);
	}

	/** Sum of every pixel of frames {@code [first, first + count)}. */
	double expectedSum(final long first, final long count) {
		final long fullCycles = count / POOL;
		double cycle = 0;
		for (final double s : poolSums)
			cycle += s;
		double sum = fullCycles * cycle;
		for (long f = first + fullCycles * POOL; f < first + count; f++)
			sum += poolSums[poolIndex(f)];
		return sum;
	}

	/** The stored bytes of pool frames, one array per pool index, in {@code type} and {@code order}. */
	byte[][] encodedPool(final DType type, final ByteOrder order) {
		final byte[][] out = new byte[POOL][];
		for (int p = 0; p < POOL; p++) {
			final ByteBuffer b = ByteBuffer.allocate((int) type.bytesFor(PIXELS)).order(order);
			for (final float v : pool[p]) {
				switch (type) {
				case FLOAT32 -> b.putFloat(v);
				case UINT16 -> b.putShort((short) v);
				default -> throw new IllegalArgumentException("benchmark data is float32 or uint16, not " + type);
				}
			}
			out[p] = b.array();
		}
		return out;
	}

	/** The encoded bytes of dataset frame {@code frame} from {@link #encodedPool}. */
	static byte[] frame(final byte[][] encodedPool, final long frame) {
		return encodedPool[poolIndex(frame)];
	}
}
