package org.maptem.udf;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.maptem.dataset.DatasetMeta;

/**
 * The result buffers of one UDF, by name: either a partition's partial results (NAV buffers covering its frames
 * only, no derived buffers) or the dataset-wide result (every frame, derived buffers included).
 *
 * <p>Not thread-safe: a partition's results belong to the thread processing it; the dataset-wide result is changed
 * only by the executor under its merge lock.
 */
public final class Results {

	private final String owner;
	private final Map<String, ResultBuffer> buffers;
	private final long firstFrame;
	private final int frameCount;

	private Results(final String owner, final Map<String, ResultBuffer> buffers, final long firstFrame,
			final int frameCount) {
		this.owner = owner;
		this.buffers = Collections.unmodifiableMap(buffers);
		this.firstFrame = firstFrame;
		this.frameCount = frameCount;
	}

	/**
	 * Zero-filled partial results of {@code owner} for frames {@code [firstFrame, firstFrame + frameCount)}: NAV
	 * buffers of shape {@code [frameCount] + extraShape}; derived buffers are left out.
	 *
	 * @throws UdfException when the specs name a buffer twice or a buffer would be too large
	 */
	public static Results forPartition(final String owner, final DatasetMeta meta, final List<BufferSpec> specs,
			final long firstFrame, final int frameCount) {
		checkNames(owner, specs);
		final Map<String, ResultBuffer> m = new LinkedHashMap<>();
		for (final BufferSpec s : specs)
			if (!s.derived())
				m.put(s.name(), new ResultBuffer(owner, s, shape(s, new long[] { frameCount }, meta), 0));
		return new Results(owner, m, firstFrame, frameCount);
	}

	/**
	 * The dataset-wide result of {@code owner}: floating-point NAV buffers filled with NaN (nothing computed yet),
	 * everything else with 0.
	 *
	 * @throws UdfException when the specs name a buffer twice or a buffer would be too large
	 */
	public static Results forDataset(final String owner, final DatasetMeta meta, final List<BufferSpec> specs) {
		checkNames(owner, specs);
		final long frames = meta.frameCount();
		if (frames > ResultBuffer.MAX_SIZE)
			throw new UdfException(owner + ": dataset of " + frames + " frames has more than " + ResultBuffer.MAX_SIZE
					+ " scan positions");
		final Map<String, ResultBuffer> m = new LinkedHashMap<>();
		for (final BufferSpec s : specs) {
			final double fill = s.kind() == BufferKind.NAV && s.type().isFloating() ? Double.NaN : 0;
			m.put(s.name(), new ResultBuffer(owner, s, shape(s, meta.navShape(), meta), fill));
		}
		return new Results(owner, m, 0, (int) frames);
	}

	/** The buffer called {@code name}. @throws UdfException naming the buffers that exist */
	public ResultBuffer buffer(final String name) {
		final ResultBuffer b = buffers.get(name);
		if (b == null)
			throw UdfException.badParameter(owner, "buffer", "one of " + buffers.keySet(), "'" + name + "'");
		return b;
	}

	/** All buffers in declaration order. */
	public Collection<ResultBuffer> buffers() {
		return buffers.values();
	}

	/** The UDF these results belong to, for messages. */
	public String owner() {
		return owner;
	}

	/** First frame (flat index) covered by NAV buffers. */
	public long firstFrame() {
		return firstFrame;
	}

	/** Frames covered by NAV buffers. */
	public int frameCount() {
		return frameCount;
	}

	/** Index of frame {@code frame} along the NAV buffers' first axis: {@code frame - firstFrame()}, unchecked. */
	public int navIndex(final long frame) {
		return (int) (frame - firstFrame);
	}

	/**
	 * Copies the NAV buffers of a partition's results into this dataset-wide result, for the frames in {@code roi}
	 * (all of the partition's frames when {@code roi} is null). This is how the engine merges NAV buffers.
	 */
	public void copyNavFrom(final Results partial, final Roi roi) {
		for (final ResultBuffer src : partial.buffers()) {
			if (src.spec().kind() != BufferKind.NAV)
				continue;
			final ResultBuffer dst = buffer(src.name());
			final int per = src.spec().extraSize();
			final long end = partial.firstFrame + partial.frameCount;
			if (roi == null) {
				dst.copyFrom(src, 0, (int) (partial.firstFrame * per), partial.frameCount * per);
				continue;
			}
			for (long f = roi.nextIn(partial.firstFrame); f >= 0 && f < end; f = roi.nextIn(f)) {
				final long runEnd = Math.min(end, roi.nextOut(f));
				dst.copyFrom(src, (int) (f - partial.firstFrame) * per, (int) (f * per), (int) (runEnd - f) * per);
				f = runEnd;
			}
		}
	}

	private static long[] shape(final BufferSpec s, final long[] navShape, final DatasetMeta meta) {
		final long[] base = switch (s.kind()) {
		case NAV -> navShape;
		case SIG -> new long[] { meta.sigHeight(), meta.sigWidth() };
		case SINGLE -> new long[0];
		};
		final int[] extra = s.extraShape();
		final long[] out = Arrays.copyOf(base, base.length + extra.length);
		for (int i = 0; i < extra.length; i++)
			out[base.length + i] = extra[i];
		return s.kind() == BufferKind.SINGLE && out.length == 0 ? new long[] { 1 } : out;
	}

	private static void checkNames(final String owner, final List<BufferSpec> specs) {
		final java.util.Set<String> seen = new java.util.HashSet<>();
		for (final BufferSpec s : specs)
			if (!seen.add(s.name()))
				throw UdfException.badParameter(owner, "buffers", "unique buffer names", "'" + s.name() + "' twice in " + specs);
	}

	@Override
	public String toString() {
		return owner + " results for frames " + firstFrame + " to " + (firstFrame + frameCount - 1) + ": " + buffers.values();
	}
}
