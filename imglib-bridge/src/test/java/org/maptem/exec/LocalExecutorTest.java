package org.maptem.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.maptem.dataset.DType;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.Tile;
import org.maptem.dataset.TilePlan;
import org.maptem.frames.Simd;
import org.maptem.udf.BufferSpec;
import org.maptem.udf.BufferType;
import org.maptem.udf.Results;
import org.maptem.udf.Udf;
import org.maptem.udf.ArrayDataset;
import org.maptem.udf.UdfException;
import org.maptem.udf.stats.SumSigUdf;
import org.maptem.udf.stats.SumUdf;

class LocalExecutorTest extends ExecutorContract {

	@Override
	protected Executor executor(final int threads) {
		return new LocalExecutor(threads);
	}

	@Test
	void threadCountMustBePositive() {
		assertTrue(assertThrows(UdfException.class, () -> new LocalExecutor(0)).getMessage().contains("'threads'"));
		assertEquals(Runtime.getRuntime().availableProcessors(), new LocalExecutor().threads());
	}

	@Test
	void firstPieceOfTheFirstPartitionIsReportedAloneAndTheResultIsUnchanged() {
		// two partitions of 21 frames; a first piece of 4 frames' bytes, tiles of 2 frames
		final ArrayDataset d = ArrayDataset.counts(new long[] { 6, 7 }, 13, 11, 100, 21, DType.FLOAT32)
				.withPartitionFrames(21);
		final long frameBytes = d.meta().frameBytes();
		for (final int threads : new int[] { 1, 2 }) {
			final SumSigUdf frames = new SumSigUdf();
			final SumUdf pattern = new SumUdf();
			final List<Progress> seen = new ArrayList<>();
			final List<Integer> filled = new ArrayList<>();
			final JobResults r = new LocalExecutor(threads, 4 * frameBytes).run(
					Job.of(d, frames, pattern).withTilePlan(new TilePlan(2, 13)), (soFar, p) -> {
						seen.add(p);
						int n = 0;
						for (final double v : soFar.get(frames).buffer(SumSigUdf.INTENSITY).doubles())
							if (!Double.isNaN(v))
								n++;
						filled.add(n);
					});
			final JobResults whole = new LocalExecutor(threads).run(Job.of(d, frames, pattern));
			assertEquals(3, seen.size(), "a first piece and the two partitions");
			// with two threads the other partition may be merged before the piece: find the call adding 4 frames
			int pieces = 0;
			for (int i = 0; i < seen.size(); i++) {
				final int before = i == 0 ? 0 : seen.get(i - 1).partitionsDone();
				final long added = seen.get(i).bytesDone() - (i == 0 ? 0 : seen.get(i - 1).bytesDone());
				if (seen.get(i).partitionsDone() == before) {
					pieces++;
					assertEquals(4 * frameBytes, added, "the piece holds 4 frames");
				} else
					assertEquals(before + 1, seen.get(i).partitionsDone());
			}
			assertEquals(1, pieces, "one call reports a piece, not a partition");
			if (threads == 1)
				assertEquals(4, filled.get(0), "alone, the piece comes first with only its frames filled in");
			assertEquals(42 * frameBytes, seen.get(2).bytesDone());
			assertTrue(seen.get(2).complete());
			for (int i = 0; i < seen.size(); i++)
				assertEquals(filled.get(i) * frameBytes, seen.get(i).bytesDone(), "bytes done match positions filled");
			assertArrayEquals(whole.get(frames).buffer(SumSigUdf.INTENSITY).doubles(),
					r.get(frames).buffer(SumSigUdf.INTENSITY).doubles(), "frame sums as without the piece");
			assertArrayEquals(whole.get(pattern).buffer(SumUdf.INTENSITY).doubles(),
					r.get(pattern).buffer(SumUdf.INTENSITY).doubles(), "summed pattern as without the piece");
		}
	}

	@Test
	void aPartitionShorterThanFourPiecesIsNotSplit() {
		final ArrayDataset d = ArrayDataset.counts(new long[] { 6, 7 }, 13, 11, 100, 21, DType.FLOAT32)
				.withPartitionFrames(21);
		final List<Progress> seen = new ArrayList<>();
		new LocalExecutor(1, 6 * d.meta().frameBytes()).run(Job.of(d, new SumUdf()).withTilePlan(new TilePlan(2, 13)),
				(soFar, p) -> seen.add(p));
		assertEquals(2, seen.size(), "6-frame pieces (whole tiles of 2): 24 frames needed, 21 there");
		assertEquals(1, seen.get(0).partitionsDone());
	}

	@Test
	void theFirstPieceTakesTheScalarLoopsAndTheRestWhatTheJvmOffers() {
		final ArrayDataset d = ArrayDataset.counts(new long[] { 6, 7 }, 13, 11, 100, 21, DType.FLOAT32)
				.withPartitionFrames(21);
		final SimdSeen seen = new SimdSeen();
		final JobResults r = new LocalExecutor(1, 3 * d.meta().frameBytes())
				.run(Job.of(d, seen).withTilePlan(new TilePlan(2, 13)));
		final double[] v = r.get(seen).buffer("vectors").doubles();
		for (int f = 0; f < v.length; f++)
			assertEquals(f < 3 ? 0 : Simd.available() ? 1 : 0, v[f], "frame " + f);
	}

	/** Records per frame whether {@link Simd#enabled()} held when its tile was processed. */
	private static final class SimdSeen extends Udf<Void> {
		private static final long serialVersionUID = 1L;
		@Override
		public List<BufferSpec> buffers(final DatasetMeta meta) {
			return List.of(BufferSpec.nav("vectors", BufferType.FLOAT64));
		}

		@Override
		public void processTile(final Tile tile, final float[] data, final Results partial, final Void taskData) {
			final double[] out = partial.buffer("vectors").doubles();
			for (int i = 0; i < tile.frameCount(); i++)
				out[partial.navIndex(tile.firstFrame() + i)] = Simd.enabled() ? 1 : 0;
		}
	}
}
