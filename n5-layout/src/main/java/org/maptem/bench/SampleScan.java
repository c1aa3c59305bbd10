package org.maptem.bench;

/**
 * The 2D scan shape a {@link FormatSample} of a format that records a scan gives its frames: as square as possible,
 * with every frame asked for when {@code frames} has a divisor near its square root.
 */
public final class SampleScan {

	private SampleScan() {
	}

	/**
	 * {@code [NY, NX]} with {@code NX ≤ maxSide} and {@code NY ≤ maxSide}: the divisor pair of {@code frames} with the
	 * smallest {@code NX ≥ √frames}, when {@code NX ≤ 2√frames}; otherwise {@code NX = ⌈√frames⌉},
	 * {@code NY = ⌊frames / NX⌋}, which holds a few frames fewer (at most {@code NX - 1}).
	 */
	public static long[] of(final long frames, final long maxSide) {
		final long n = Math.max(1, frames);
		final long root = (long) Math.ceil(Math.sqrt(n));
		for (long nx = root; nx <= 2 * root && nx <= maxSide; nx++)
			if (n % nx == 0 && n / nx <= maxSide)
				return new long[] { n / nx, nx };
		final long nx = Math.min(maxSide, root);
		return new long[] { Math.max(1, Math.min(maxSide, n / nx)), nx };
	}
}
