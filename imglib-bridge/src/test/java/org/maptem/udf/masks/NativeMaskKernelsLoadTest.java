package org.maptem.udf.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * Where the build compiled the native dense-mask kernel (Linux x86-64 with gcc: the build sets
 * {@code maptem.native.expected}), it loads and runs; in a class of its own, as {@link NativeMaskKernelsTest} skips
 * itself whole when the kernel is not there.
 */
class NativeMaskKernelsLoadTest {

	@Test
	void loadsWhereTheBuildCompiledIt() {
		assumeTrue(Boolean.getBoolean("maptem.native.expected"), "this build has no native kernel");
		// the scalar-kernels test run turns the native kernel off on purpose
		assumeFalse("false".equalsIgnoreCase(System.getProperty("maptem.native")), "native kernel turned off");
		assertTrue(NativeMaskKernels.available(), NativeMaskKernels.status());
		assertEquals("native AVX2+FMA", ApplyMasksUdf.denseKernel());
	}

	@Test
	void turnedOffItSaysSo() {
		assumeTrue("false".equalsIgnoreCase(System.getProperty("maptem.native")), "native kernel not turned off");
		assertFalse(NativeMaskKernels.available());
		assertTrue(ApplyMasksUdf.denseKernel().contains("maptem.native=false"), ApplyMasksUdf.denseKernel());
	}
}
