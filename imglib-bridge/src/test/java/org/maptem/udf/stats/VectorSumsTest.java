package org.maptem.udf.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.maptem.frames.Simd;

class VectorSumsTest {

	@BeforeAll
	static void vectorKernelsNeedTheVectorModule() {
		// surefire's scalar-kernels run starts the JVM without it
		assumeTrue(Simd.enabled(), "vector kernels are off in this JVM");
	}

	@ParameterizedTest(name = "{0} frames of {1} pixels at offset {2}")
	@CsvSource({ "1, 1, 0", "3, 7, 5", "4, 1024, 0", "9, 1001, 13", "16, 16384, 0", "5, 2050, 3" })
	void sumsAreBitForBitThoseOfTheScalarFrameByFrameLoop(final int frames, final int per, final int off) {
		final Random r = new Random(frames * 1000L + per);
		final float[] t = new float[frames * per + 5];
		for (int i = 0; i < t.length; i++)
			t[i] = (float) (r.nextGaussian() * 1e3);
		final double[] start = new double[off + per + 2];
		for (int i = 0; i < start.length; i++)
			start[i] = r.nextGaussian();
		final double[] want = start.clone();
		for (int f = 0; f < frames; f++)
			for (int i = 0; i < per; i++)
				want[off + i] += t[f * per + i];
		final double[] got = start.clone();
		VectorSums.addFrames(t, frames, per, got, off);
		assertArrayEquals(want, got, 0);
	}
}
