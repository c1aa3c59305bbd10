package org.maptem.bench;

/**
 * The reduction every benchmarked read path feeds its tiles to: a sum with eight independent float accumulators,
 * which the JIT can keep in vector registers (one accumulator would serialise every addition).
 */
public final class TileSum {

	private TileSum() {
	}

	/** Sum of {@code t[0 .. n)}, accumulated in eight float lanes and combined in double. */
	public static double sum(final float[] t, final int n) {
		float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
		int i = 0;
		for (; i + 8 <= n; i += 8) {
			s0 += t[i];
			s1 += t[i + 1];
			s2 += t[i + 2];
			s3 += t[i + 3];
			s4 += t[i + 4];
			s5 += t[i + 5];
			s6 += t[i + 6];
			s7 += t[i + 7];
		}
		for (; i < n; i++)
			s0 += t[i];
		return ((double) s0 + s1) + ((double) s2 + s3) + ((double) s4 + s5) + ((double) s6 + s7);
	}
}
