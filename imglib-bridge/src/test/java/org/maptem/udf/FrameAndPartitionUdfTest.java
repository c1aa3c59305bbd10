package org.maptem.udf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.maptem.dataset.DatasetMeta;

/**
 * User code written per frame or per partition sees exactly the frames a naive loop sees, whatever the partitions,
 * tiles (including row bands), threads and ROI.
 */
class FrameAndPartitionUdfTest {

	/** Per frame: the value at the frame's brightest pixel, weighted by its row, to notice rows in the wrong place. */
	static final class RowWeightedMax extends FrameUdf<Void> {
		private static final long serialVersionUID = 1L;

		@Override
		public List<BufferSpec> buffers(final DatasetMeta meta) {
			return List.of(BufferSpec.nav("v", BufferType.FLOAT64));
		}

		@Override
		protected void processFrame(final long frame, final float[] data, final int offset, final Results partial,
				final Void none) {
			double best = -Double.MAX_VALUE;
			for (int i = 0; i < 7 * 5; i++)
				best = Math.max(best, data[offset + i] * (1 + i / 5));
			partial.buffer("v").doubles()[partial.navIndex(frame)] = best;
		}
	}

	/** Per partition: each frame's value minus the partition's mean frame total over the frames read. */
	static final class MinusPartitionMean extends PartitionUdf<Void> {
		private static final long serialVersionUID = 1L;

		@Override
		public List<BufferSpec> buffers(final DatasetMeta meta) {
			return List.of(BufferSpec.nav("v", BufferType.FLOAT64), BufferSpec.single("partitions", BufferType.INT64));
		}

		@Override
		protected void processPartition(final long firstFrame, final int frameCount, final float[] data, final boolean[] inRoi,
				final Results partial, final Void none) {
			final int per = 7 * 5;
			double mean = 0;
			int n = 0;
			final double[] totals = new double[frameCount];
			for (int f = 0; f < frameCount; f++) {
				if (!inRoi[f])
					continue;
				for (int i = 0; i < per; i++)
					totals[f] += data[f * per + i];
				mean += totals[f];
				n++;
			}
			mean /= n;
			for (int f = 0; f < frameCount; f++)
				if (inRoi[f])
					partial.buffer("v").doubles()[partial.navIndex(firstFrame + f)] = totals[f] - mean;
			partial.buffer("partitions").longs()[0]++;
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("org.maptem.udf.EngineRuns#all")
	void frameUdfSeesWholeFramesInPlace(final EngineRuns run) {
		final ArrayDataset data = ArrayDataset.counts(new long[] { 4, 6 }, 7, 5, 1000, 11, org.maptem.dataset.DType.FLOAT32);
		for (final Roi roi : new Roi[] { null, EngineRuns.randomRoi(data, 3) }) {
			final RowWeightedMax udf = new RowWeightedMax();
			final double[] got = run.run(data, roi, udf).get(udf).buffer("v").doubles();
			for (int f = 0; f < 24; f++) {
				if (roi != null && !roi.contains(f)) {
					assertTrue(Double.isNaN(got[f]), "outside the ROI: frame " + f);
					continue;
				}
				double best = -Double.MAX_VALUE;
				for (int y = 0; y < 7; y++)
					for (int x = 0; x < 5; x++)
						best = Math.max(best, data.value(f, y, x) * (1 + y));
				assertEquals(best, got[f], 1e-9, run + ", frame " + f);
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("org.maptem.udf.EngineRuns#all")
	void partitionUdfSeesEachPartitionWhole(final EngineRuns run) {
		final ArrayDataset data = ArrayDataset.counts(new long[] { 4, 6 }, 7, 5, 1000, 12, org.maptem.dataset.DType.FLOAT32);
		for (final Roi roi : new Roi[] { null, EngineRuns.randomRoi(data, 4) }) {
			final MinusPartitionMean udf = new MinusPartitionMean();
			final ArrayDataset d = data.withPartitionFrames(Math.min(run.partitionFrames(), 24));
			final Results r = run.run(data, roi, udf).get(udf);
			final double[] got = r.buffer("v").doubles();
			long partitionsWithFrames = 0;
			for (final var p : d.partitions()) {
				double mean = 0;
				int n = 0;
				for (long f = p.firstFrame(); f < p.endFrame(); f++)
					if (roi == null || roi.contains(f)) {
						mean += total(data, f);
						n++;
					}
				if (n == 0)
					continue;
				partitionsWithFrames++;
				mean /= n;
				for (long f = p.firstFrame(); f < p.endFrame(); f++)
					if (roi == null || roi.contains(f))
						assertEquals(total(data, f) - mean, got[(int) f], 1e-6, run + ", frame " + f);
					else
						assertTrue(Double.isNaN(got[(int) f]));
			}
			assertEquals(partitionsWithFrames, r.buffer("partitions").longs()[0], "processPartition once per partition read");
		}
	}

	private static double total(final ArrayDataset data, final long f) {
		double s = 0;
		for (int y = 0; y < 7; y++)
			for (int x = 0; x < 5; x++)
				s += data.value(f, y, x);
		return s;
	}
}
