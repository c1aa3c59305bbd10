package org.maptem.udf.pick;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.maptem.dataset.DType;
import org.maptem.exec.Job;
import org.maptem.exec.LocalExecutor;
import org.maptem.udf.ArrayDataset;
import org.maptem.udf.EngineRuns;
import org.maptem.udf.Results;
import org.maptem.udf.Roi;
import org.maptem.udf.UdfException;

class PickFrameUdfTest {

	private static final int H = 13;
	private static final int W = 11;
	private static final ArrayDataset COUNTS = ArrayDataset.counts(new long[] { 6, 7 }, H, W, 1000, 31, DType.FLOAT32);

	static Stream<EngineRuns> runs() {
		return EngineRuns.all();
	}

	@ParameterizedTest
	@MethodSource("runs")
	void oneFrameByPositionIsCopiedExactly(final EngineRuns run) {
		final PickFrameUdf pick = PickFrameUdf.ofPositions(new long[] { 4, 5 });
		final Results r = run.run(COUNTS, null, pick).get(pick);
		assertArrayEquals(new long[] { H, W }, r.buffer(PickFrameUdf.INTENSITY).shape());
		assertArrayEquals(naiveFrame(4 * 7 + 5), r.buffer(PickFrameUdf.INTENSITY).floats());
		assertArrayEquals(new long[] { 1 }, r.buffer(PickFrameUdf.PICKED).longs());
	}

	@ParameterizedTest
	@MethodSource("runs")
	void severalFramesInAnyOrderWithRepeatsAndRoi(final EngineRuns run) {
		final Roi roi = EngineRuns.randomRoi(COUNTS, 8);
		final long[] frames = { 41, 0, 17, 17, 3, 25, 33 };
		final PickFrameUdf pick = PickFrameUdf.ofFrames(frames);
		final Results r = run.run(COUNTS, roi, pick).get(pick);
		assertArrayEquals(new long[] { H, W, frames.length }, r.buffer(PickFrameUdf.INTENSITY).shape());
		for (int k = 0; k < frames.length; k++) {
			final boolean in = roi.contains(frames[k]);
			assertArrayEquals(in ? naiveFrame(frames[k]) : new float[H * W], PickFrameUdf.frame(r, k), "pick " + k);
			assertEquals(in ? 1 : 0, r.buffer(PickFrameUdf.PICKED).longs()[k], "pick " + k);
		}
	}

	@Test
	void positionsAndIndicesAgreeOnAThreeDimensionalScan() {
		final ArrayDataset d = ArrayDataset.counts(new long[] { 2, 3, 4 }, 5, 6, 99, 2, DType.UINT16);
		final PickFrameUdf byPosition = PickFrameUdf.ofPositions(new long[] { 1, 2, 3 }, new long[] { 0, 1, 0 });
		assertArrayEquals(new long[] { 1 * 12 + 2 * 4 + 3, 4 }, byPosition.frames(d.meta()));
		final PickFrameUdf byIndex = PickFrameUdf.ofFrames(23, 4);
		final var r = new EngineRuns(5, null, 2).run(d, null, byPosition, byIndex);
		assertArrayEquals(r.get(byIndex).buffer(PickFrameUdf.INTENSITY).floats(),
				r.get(byPosition).buffer(PickFrameUdf.INTENSITY).floats());
		for (int y = 0; y < 5; y++)
			for (int x = 0; x < 6; x++)
				assertEquals(d.value(23, y, x), PickFrameUdf.frame(r.get(byIndex), 0)[y * 6 + x]);
	}

	@Test
	void picksOutsideTheScanAreRejectedBeforeRunning() {
		final UdfException e = assertThrows(UdfException.class,
				() -> new LocalExecutor(1).runAsync(Job.of(COUNTS, PickFrameUdf.ofPositions(new long[] { 6, 2 })), null));
		assertTrue(e.getMessage().contains("'positions[0]'") && e.getMessage().contains("[6, 7]")
				&& e.getMessage().contains("[6, 2]"), e.getMessage());
		final UdfException i = assertThrows(UdfException.class, () -> PickFrameUdf.ofFrames(3, 42).frames(COUNTS.meta()));
		assertTrue(i.getMessage().contains("'index[1]'") && i.getMessage().contains("0 to 41"), i.getMessage());
		final UdfException rank = assertThrows(UdfException.class,
				() -> PickFrameUdf.ofPositions(new long[] { 3 }).frames(COUNTS.meta()));
		assertTrue(rank.getMessage().contains("2 coordinates"), rank.getMessage());
		assertThrows(UdfException.class, () -> PickFrameUdf.ofFrames());
	}

	private static float[] naiveFrame(final long frame) {
		final float[] out = new float[H * W];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				out[y * W + x] = COUNTS.value(frame, y, x);
		return out;
	}
}
