package org.maptem.udf;

import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.Tile;

/**
 * A UDF that looks at one whole frame at a time, the simplest way to write user code: implement
 * {@link #processFrame}. Tiles that hold several frames are handed over frame by frame without copying; frames the
 * tile plan splits into row bands are assembled in a per-thread frame buffer first.
 *
 * <pre>{@code
 * class BrightestPixel extends FrameUdf<Void> {
 *   public List<BufferSpec> buffers(DatasetMeta m) { return List.of(BufferSpec.nav("max", BufferType.FLOAT32)); }
 *   protected void processFrame(long frame, float[] data, int offset, Results partial, Void none) { ... }
 * }
 * }</pre>
 *
 * @param <T> type of the UDF's own per-task data
 */
public abstract class FrameUdf<T> extends Udf<FrameUdf.TaskData<T>> {

	private static final long serialVersionUID = 1L;

	/** The subclass's task data plus this class's per-thread frame assembly buffer. */
	public static final class TaskData<T> {
		final T own;
		final int framePixels;
		final ThreadLocal<float[][]> frames = ThreadLocal.withInitial(() -> new float[1][0]);

		TaskData(final T own, final int framePixels) {
			this.own = own;
			this.framePixels = framePixels;
		}

		/** This thread's buffer for {@code n} frames being assembled from row bands. */
		float[] frames(final int n) {
			final float[][] holder = frames.get();
			if (holder[0].length < n * framePixels)
				holder[0] = new float[n * framePixels];
			return holder[0];
		}
	}

	/**
	 * Processes one frame: {@code data[offset ... offset + height * width)}, row-major.
	 *
	 * @param frame    dataset-global frame index; NAV values go to {@code partial.navIndex(frame)}
	 * @param taskData what {@link #frameTaskData} built
	 */
	protected abstract void processFrame(long frame, float[] data, int offset, Results partial, T taskData);

	/** Builds the subclass's read-only per-task data once per worker; none by default. */
	protected T frameTaskData(final DatasetMeta meta) {
		return null;
	}

	@Override
	public final TaskData<T> taskData(final DatasetMeta meta) {
		return new TaskData<>(frameTaskData(meta), meta.framePixels());
	}

	@Override
	public final void processTile(final Tile tile, final float[] data, final Results partial, final TaskData<T> taskData) {
		final int w = tile.sigWidth();
		final int per = tile.sigRows() * w;
		final int fp = taskData.framePixels;
		if (tile.sigRowStart() == 0 && per == fp) {
			for (int f = 0; f < tile.frameCount(); f++)
				processFrame(tile.firstFrame() + f, data, f * per, partial, taskData.own);
			return;
		}
		// row bands: the bands of a group of frames arrive in order, so the frames are complete with the last band
		final float[] frames = taskData.frames(tile.frameCount());
		final boolean last = tile.sigRowStart() * w + per == fp;
		for (int f = 0; f < tile.frameCount(); f++) {
			System.arraycopy(data, f * per, frames, f * fp + tile.sigRowStart() * w, per);
			if (last)
				processFrame(tile.firstFrame() + f, frames, f * fp, partial, taskData.own);
		}
	}
}
