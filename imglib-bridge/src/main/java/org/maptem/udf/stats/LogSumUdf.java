package org.maptem.udf.stats;

import java.util.List;

import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.Tile;
import org.maptem.udf.BufferSpec;
import org.maptem.udf.BufferType;
import org.maptem.udf.Results;
import org.maptem.udf.Udf;
import org.maptem.udf.UdfException;

/**
 * Sums log-scaled frames pixel by pixel. Compared with the logarithm of the sum, this brings out pixels that are a
 * little brighter in many frames (diffuse scattering, weak reflections) next to pixels that are very bright in a few
 * (the bright-field disk).
 *
 * <p>Every frame {@code I} (inside the ROI) adds {@code log1p(max(I - m, 0))} (natural logarithm) to every pixel,
 * where the offset {@code m} is either
 * <ul>
 * <li>the frame's own minimum ({@link #perFrameMinimum()}, the default): exactly LiberTEM's {@code LogsumUDF},
 * {@code log(frame - min(frame) + 1)}, so the darkest pixel of each frame adds 0; or</li>
 * <li>a fixed value ({@link #withMinimum(double)}), e.g. 0 for counting data or a known dark level; values below it
 * add 0.</li>
 * </ul>
 * Logarithms and sums are taken in double precision (LiberTEM uses float32); NaN values propagate.
 *
 * <p>Buffer {@code "logsum"}: SIG, FLOAT64, shape {@code [sigHeight, sigWidth]}, dimensionless (sum of natural
 * logarithms of data units + 1).
 *
 * <p>When frames arrive in row bands, the per-frame minimum needs the whole frame first: the bands are gathered in a
 * frame buffer per worker thread (one frame stack of the tile plan), so this mode costs one extra copy there.
 *
 * <pre>{@code
 * LogSumUdf logsum = LogSumUdf.perFrameMinimum();
 * JobResults r = new LocalExecutor().run(Job.of(dataset, logsum));
 * double[] image = r.get(logsum).buffer("logsum").doubles();
 * }</pre>
 */
public final class LogSumUdf extends Udf<LogSumUdf.Bands> {

	private static final long serialVersionUID = 1L;

	public static final String LOGSUM = "logsum";

	/**
	 * Task data: per worker thread, the row bands of the frames being gathered (only used with the per-frame minimum
	 * and row-band tiles). A partition's tiles all come from one thread, bands in order, as {@link Udf} promises.
	 */
	public static final class Bands {
		private final ThreadLocal<Gather> gathers = ThreadLocal.withInitial(Gather::new);
	}

	/** One thread's frames being gathered: which frames, for which partial results, how many rows so far. */
	private static final class Gather {
		float[] frames = new float[0];
		Results owner;
		long firstFrame = -1;
		int frameCount;
		int rows;
	}

	/** The fixed offset, or NaN for each frame's minimum. */
	private final double minimum;

	private LogSumUdf(final double minimum) {
		this.minimum = minimum;
	}

	/** LiberTEM's log-sum: every frame offset by its own minimum. */
	public static LogSumUdf perFrameMinimum() {
		return new LogSumUdf(Double.NaN);
	}

	/**
	 * The log-sum with every frame offset by {@code minimum}: {@code Σ log1p(max(I - minimum, 0))}.
	 *
	 * @throws UdfException when {@code minimum} is not finite
	 */
	public static LogSumUdf withMinimum(final double minimum) {
		if (!Double.isFinite(minimum))
			throw UdfException.badParameter("LogSumUdf", "minimum", "a finite offset", minimum);
		return new LogSumUdf(minimum);
	}

	/** The fixed offset, or NaN when each frame is offset by its own minimum. */
	public double minimum() {
		return minimum;
	}

	@Override
	public List<BufferSpec> buffers(final DatasetMeta meta) {
		return List.of(BufferSpec.sig(LOGSUM, BufferType.FLOAT64));
	}

	@Override
	public Bands taskData(final DatasetMeta meta) {
		return new Bands();
	}

	@Override
	public void processTile(final Tile tile, final float[] data, final Results partial, final Bands bands) {
		final double[] sum = partial.buffer(LOGSUM).doubles();
		final int width = tile.sigWidth();
		final int per = tile.sigRows() * width;
		final int offset = tile.sigRowStart() * width;
		if (!Double.isNaN(minimum)) {
			for (int f = 0; f < tile.frameCount(); f++)
				add(data, f * per, per, minimum, sum, offset);
			return;
		}
		final int height = sum.length / width;
		if (tile.wholeFrames(height)) {
			for (int f = 0; f < tile.frameCount(); f++)
				add(data, f * per, per, min(data, f * per, per), sum, 0);
			return;
		}
		final Gather g = bands.gathers.get();
		gather(g, tile, data, partial, height);
		if (g.rows < height)
			return;
		final int frame = height * width;
		for (int f = 0; f < g.frameCount; f++)
			add(g.frames, f * frame, frame, min(g.frames, f * frame, frame), sum, 0);
		g.owner = null;
	}

	/** Copies a row-band tile into the thread's frame stack, checking that it continues the frames gathered so far. */
	private void gather(final Gather g, final Tile tile, final float[] data, final Results partial, final int height) {
		final int width = tile.sigWidth();
		final int frame = height * width;
		if (tile.sigRowStart() == 0) {
			if (g.frames.length < tile.frameCount() * frame)
				g.frames = new float[tile.frameCount() * frame];
			g.owner = partial;
			g.firstFrame = tile.firstFrame();
			g.frameCount = tile.frameCount();
			g.rows = 0;
		} else if (g.owner != partial || g.firstFrame != tile.firstFrame() || g.frameCount != tile.frameCount()
				|| g.rows != tile.sigRowStart()) {
			throw new UdfException(name() + ": expected the row band starting at row " + g.rows + " of frames "
					+ g.firstFrame + " to " + (g.firstFrame + g.frameCount - 1) + " from the same partition, found rows "
					+ tile.sigRowStart() + " to " + (tile.sigRowStart() + tile.sigRows() - 1) + " of frames "
					+ tile.firstFrame() + " to " + (tile.firstFrame() + tile.frameCount() - 1));
		}
		final int band = tile.sigRows() * width;
		for (int f = 0; f < tile.frameCount(); f++)
			System.arraycopy(data, f * band, g.frames, f * frame + tile.sigRowStart() * width, band);
		g.rows = tile.sigRowStart() + tile.sigRows();
	}

	private static float min(final float[] a, final int from, final int n) {
		float m = Float.POSITIVE_INFINITY;
		for (int i = from; i < from + n; i++)
			m = Math.min(m, a[i]);
		return m;
	}

	/**
	 * Adds {@code log1p(max(a[from + i] - m, 0))} to {@code sum[offset + i]} for {@code i < n}, as
	 * {@code log(1 + d)}: the JIT's intrinsic logarithm is several times faster than {@code Math.log1p}, and the
	 * absolute error of at most about 2e-16 is far below what a sum over frames can show. Counting data offset by an
	 * integer give small integer {@code d}, looked up in {@link #LOG1P} (the same values, several times faster).
	 */
	private static void add(final float[] a, final int from, final int n, final double m, final double[] sum,
			final int offset) {
		final double[] table = LOG1P;
		for (int i = 0; i < n; i++) {
			final double d = a[from + i] - m;
			final int k = (int) d;
			sum[offset + i] += k == d && k >= 0 && k < table.length ? table[k] : Math.log(1 + Math.max(d, 0));
		}
	}

	/** {@code log(1 + k)} for the integers {@code k} of a 16-bit detector, 512 KiB made once per JVM. */
	private static final double[] LOG1P = log1pTable(1 << 16);

	private static double[] log1pTable(final int n) {
		final double[] t = new double[n];
		for (int k = 0; k < n; k++)
			t[k] = Math.log(1 + (double) k);
		return t;
	}
}
