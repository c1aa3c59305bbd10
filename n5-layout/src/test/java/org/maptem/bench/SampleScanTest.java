package org.maptem.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The scan shapes of the benchmark samples: exact and near-square when a divisor allows, never above the side limit. */
class SampleScanTest {

	@Test
	void framesWithADivisorNearTheirRootGiveAnExactScan() {
		assertArrayEquals(new long[] { 3, 4 }, SampleScan.of(12, 1000));
		assertArrayEquals(new long[] { 25, 40 }, SampleScan.of(1000, 1000));
		assertArrayEquals(new long[] { 64, 64 }, SampleScan.of(4096, 1000));
		assertArrayEquals(new long[] { 1, 1 }, SampleScan.of(1, 1000));
	}

	@Test
	void otherFrameCountsLoseFewerFramesThanOneScanRow() {
		// 997 is prime: 32 × 31 = 992
		assertArrayEquals(new long[] { 31, 32 }, SampleScan.of(997, 1000));
		for (long n = 1; n < 3000; n++) {
			final long[] s = SampleScan.of(n, 60);
			assertTrue(s[0] <= 60 && s[1] <= 60, n + " frames");
			assertTrue(s[0] * s[1] <= n && (s[0] * s[1] > n - s[1] || s[0] == 60), n + " frames: " + s[0] + " × " + s[1]);
		}
	}
}
