package org.maptem.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * Partitioning math: which contiguous frame runs a dataset is processed in, and which N5 chunk shape holds each run
 * in one chunk.
 *
 * <p>A partition must be a contiguous run of frames in C order and a union of whole chunks, so its nav extent is
 * "full extent on every faster axis, a block on one axis, 1 on every slower axis". {@link #navBlock} finds the
 * largest such block within a byte budget; the partitions are then the chunk grid in flat order, the last ones on
 * each axis ragged.
 */
public final class Partitions {

	/** Default partition budget, as LiberTEM uses: big enough to amortise scheduling, small enough to stream. */
	public static final long DEFAULT_PARTITION_BYTES = 256L << 20;

	private Partitions() {
	}

	/**
	 * The nav block (NumPy order) of a contiguous partition of at most {@code maxFrames} frames (at least one frame)
	 * whose extent on each axis is a multiple of {@code grain} on that axis unless it spans the axis, so that every
	 * partition is a union of whole chunks. When no such block fits the budget (chunks larger than it, or chunked
	 * slow axes under faster axes that do not fit), the smallest such block is returned, exceeding the budget.
	 *
	 * @param navShape  NumPy-order scan shape
	 * @param grain     NumPy-order minimum block per axis (existing chunking), or all ones
	 * @param maxFrames frame budget, at least 1
	 */
	public static long[] navBlock(final long[] navShape, final long[] grain, final long maxFrames) {
		final int n = navShape.length;
		final long[] block = new long[n];
		// the run may only be cut on an axis no slower than the slowest chunked one: cutting a faster axis would
		// leave every slower axis at extent 1, which splits that axis' chunks
		int slowestChunked = n;
		for (int i = n - 1; i >= 0; i--)
			if (Math.min(grain[i], navShape[i]) > 1)
				slowestChunked = i;
		long remaining = Math.max(1, maxFrames);
		boolean split = false;
		for (int i = n - 1; i >= 0; i--) {
			final long g = Math.min(grain[i], navShape[i]);
			if (split) {
				// a partially covered faster axis forces every slower axis to 1, or the run would not be contiguous
				block[i] = 1;
				continue;
			}
			if (navShape[i] <= remaining || i > slowestChunked) {
				// whole axis: it fits, or cutting it would split chunks of a slower axis (then over budget)
				block[i] = navShape[i];
				remaining /= navShape[i];
			} else {
				block[i] = Math.max(g, (remaining / g) * g);
				block[i] = Math.min(block[i], navShape[i]);
				split = true;
			}
		}
		return block;
	}

	/** Frames per partition for a byte budget: at least 1. */
	public static long framesFor(final long frameBytes, final long partitionBytes) {
		return Math.max(1, partitionBytes / Math.max(1, frameBytes));
	}

	/**
	 * The partitions covering {@code navShape} with nav blocks of {@code block} (from {@link #navBlock}), in flat
	 * frame order. Every frame is in exactly one partition.
	 *
	 * @throws LayoutException when a block would make a partition non-contiguous or hold more than 2^31-1 frames
	 */
	public static List<Partition> of(final long[] navShape, final long[] block) {
		final int n = navShape.length;
		checkContiguous(navShape, block);
		final long[] grid = new long[n];
		long count = 1;
		for (int i = 0; i < n; i++) {
			grid[i] = (navShape[i] + block[i] - 1) / block[i];
			count *= grid[i];
		}
		if (count > Integer.MAX_VALUE)
			throw new LayoutException("nav block " + java.util.Arrays.toString(block) + " gives " + count + " partitions, more than "
					+ Integer.MAX_VALUE);
		final List<Partition> out = new ArrayList<>((int) count);
		final long[] pos = new long[n];
		for (int p = 0; p < count; p++) {
			long first = 0;
			long frames = 1;
			for (int i = 0; i < n; i++) {
				final long start = pos[i] * block[i];
				first = first * navShape[i] + start;
				frames *= Math.min(block[i], navShape[i] - start);
			}
			if (frames > Integer.MAX_VALUE)
				throw new LayoutException("partition of " + frames + " frames exceeds 2^31-1 frames");
			out.add(new Partition(p, first, (int) frames));
			for (int i = n - 1; i >= 0; i--) {
				if (++pos[i] < grid[i])
					break;
				pos[i] = 0;
			}
		}
		return out;
	}

	/** Partitions of a dataset at a byte budget, each a contiguous, chunk-compatible frame run. */
	public static List<Partition> plan(final DatasetMeta meta, final long partitionBytes) {
		final long[] nav = meta.navShape();
		final long[] ones = new long[nav.length];
		java.util.Arrays.fill(ones, 1);
		return of(nav, navBlock(nav, ones, framesFor(meta.frameBytes(), partitionBytes)));
	}

	/** Chunk position (NumPy-order nav grid coordinates) of a partition made by {@link #of}. */
	public static long[] gridPosition(final long[] navShape, final long[] block, final Partition p) {
		final int n = navShape.length;
		final long[] pos = new long[n];
		long f = p.firstFrame();
		for (int i = n - 1; i >= 0; i--) {
			pos[i] = (f % navShape[i]) / block[i];
			f /= navShape[i];
		}
		return pos;
	}

	private static void checkContiguous(final long[] navShape, final long[] block) {
		boolean partial = false;
		for (int i = navShape.length - 1; i >= 0; i--) {
			if (block[i] < 1)
				throw new LayoutException("nav block " + java.util.Arrays.toString(block) + ": every extent must be >= 1");
			if (partial && block[i] != 1)
				throw new LayoutException("nav block " + java.util.Arrays.toString(block) + " for nav shape "
						+ java.util.Arrays.toString(navShape) + " is not contiguous: a slower axis spans more than 1 while a faster one is split");
			if (block[i] < navShape[i])
				partial = true;
		}
	}
}
