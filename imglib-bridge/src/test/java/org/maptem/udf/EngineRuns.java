package org.maptem.udf;

import java.util.Random;
import java.util.stream.Stream;

import org.maptem.dataset.TilePlan;
import org.maptem.exec.Job;
import org.maptem.exec.JobResults;
import org.maptem.exec.LocalExecutor;

/**
 * The engine configurations every UDF test runs under: partitions from one frame to the whole dataset, whole-frame
 * tiles of odd frame counts and row-band tiles, one to three threads. Results must not depend on any of them.
 *
 * @param partitionFrames frames per partition (at most)
 * @param plan            tile plan, {@code null} for the default
 * @param threads         worker threads
 */
public record EngineRuns(long partitionFrames, TilePlan plan, int threads) {

	/** Named configurations for {@code @MethodSource}. */
	public static Stream<EngineRuns> all() {
		return Stream.of(
				new EngineRuns(Long.MAX_VALUE / 1024, null, 1),
				new EngineRuns(1, null, 2),
				new EngineRuns(3, new TilePlan(3, Integer.MAX_VALUE), 3),
				new EngineRuns(5, new TilePlan(1, 5), 2),
				new EngineRuns(7, new TilePlan(2, 3), 2),
				new EngineRuns(11, new TilePlan(4, 1), 1));
	}

	/** Runs {@code udfs} over {@code data} (restricted to {@code roi} when not null) in this configuration. */
	public JobResults run(final ArrayDataset data, final Roi roi, final Udf<?>... udfs) {
		final ArrayDataset d = data.withPartitionFrames(Math.min(partitionFrames, data.meta().frameCount()));
		return new LocalExecutor(threads).run(Job.of(d, udfs).withRoi(roi).withTilePlan(plan));
	}

	/** A random ROI of about half the frames of {@code data}, never empty. */
	public static Roi randomRoi(final ArrayDataset data, final long seed) {
		final boolean[] mask = new boolean[(int) data.meta().frameCount()];
		final Random r = new Random(seed);
		for (int i = 0; i < mask.length; i++)
			mask[i] = r.nextBoolean();
		mask[mask.length / 2] = true;
		return Roi.of(data.meta().navShape(), mask);
	}

	@Override
	public String toString() {
		return (partitionFrames > 1_000_000 ? "one partition" : partitionFrames + " frames/partition") + ", "
				+ (plan == null ? "default tiles" : plan.framesPerTile() + " frames × " + plan.rowsPerTile() + " rows") + ", "
				+ threads + " threads";
	}
}
