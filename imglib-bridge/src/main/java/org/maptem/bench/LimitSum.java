package org.maptem.bench;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.maptem.dataset.Partition;
import org.maptem.frames.Unmapper;

/**
 * The limit {@link EngineBench} compares MapTEM with, computed outside the engine: the sum of a raw little-endian
 * float32 file with all threads, each taking the next partition, mapping its bytes, copying tiles out of the map with
 * one bulk {@code FloatBuffer.get} and summing them with eight independent float accumulators. This is the fastest
 * plain Java pass over cached data in tiles (see {@code PERFORMANCE.md}); anything the engine adds, a partition's
 * bookkeeping, a decode, a kernel, shows as a ratio below 1.
 */
final class LimitSum {

	private final Path file;
	private final List<Partition> partitions;
	private final int framePixels;
	private final int tileFrames;

	/**
	 * @param file        raw little-endian float32 frames from byte 0
	 * @param partitions  frame runs to hand out to threads
	 * @param framePixels pixels per frame
	 * @param tileFrames  frames per tile (as the engine's tile plan)
	 */
	LimitSum(final Path file, final List<Partition> partitions, final int framePixels, final int tileFrames) {
		this.file = file;
		this.partitions = List.copyOf(partitions);
		this.framePixels = framePixels;
		this.tileFrames = tileFrames;
	}

	/** One pass with {@code threads} tasks on {@code exec}; returns the total of every value. */
	double pass(final ExecutorService exec, final int threads) throws IOException {
		final AtomicInteger next = new AtomicInteger();
		final List<Future<Double>> futures = new ArrayList<>();
		for (int t = 0; t < threads; t++)
			futures.add(exec.submit(() -> {
				final float[] tile = new float[tileFrames * framePixels];
				double s = 0;
				for (int i = next.getAndIncrement(); i < partitions.size(); i = next.getAndIncrement())
					s += partition(partitions.get(i), tile);
				return s;
			}));
		double sum = 0;
		try {
			for (final Future<Double> f : futures)
				sum += f.get();
		} catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("limit pass interrupted", e);
		} catch (final ExecutionException e) {
			throw new IOException(file + ": limit pass failed: " + e.getCause(), e.getCause());
		}
		return sum;
	}

	private double partition(final Partition p, final float[] tile) throws IOException {
		final long bytes = 4L * framePixels;
		final MappedByteBuffer m;
		try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
			m = c.map(FileChannel.MapMode.READ_ONLY, p.firstFrame() * bytes, p.frameCount() * bytes);
		}
		try {
			final FloatBuffer fb = m.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
			double s = 0;
			for (int f = 0; f < p.frameCount(); f += tileFrames) {
				final int n = Math.min(tileFrames, p.frameCount() - f) * framePixels;
				fb.get(f * framePixels, tile, 0, n);
				s += sum(tile, n);
			}
			return s;
		} finally {
			Unmapper.unmap(m);
		}
	}

	/** Sum of {@code t[0 .. n)}, the same eight-lane reduction the read benchmark uses. */
	static double sum(final float[] t, final int n) {
		return TileSum.sum(t, n);
	}
}
