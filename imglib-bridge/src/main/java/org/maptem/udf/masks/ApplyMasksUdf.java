package org.maptem.udf.masks;

import java.util.Arrays;
import java.util.List;

import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.Tile;
import org.maptem.frames.Simd;
import org.maptem.udf.BufferSpec;
import org.maptem.udf.BufferType;
import org.maptem.udf.Results;
import org.maptem.udf.Udf;
import org.maptem.udf.UdfException;

/**
 * Virtual detectors: the weighted sum of every frame over each of any number of masks, in one pass.
 *
 * <p>Buffer {@code "intensity"}: NAV, FLOAT64, shape {@code navShape + [maskCount]} (mask index fastest), or just
 * {@code navShape} for a single mask (a virtual image), in data units times mask weight; NaN outside the ROI. Binary
 * masks (disk, ring, point, rect, polygon) and sparse masks are summed over their row segments only, each segment's
 * sum times its weight; dense weighted masks (gradients, weight images) all together by a blocked kernel: vector
 * registers for 3 frames × 4 masks at a time in C with AVX2 where the native library loads
 * ({@code NativeMaskKernels}), else 4 frames × 3 masks in Java when {@link Simd#enabled()} ({@code VectorMaskKernels});
 * pairs of masks with scalar accumulators otherwise ({@code MaskKernels}). {@link #denseKernel()} says which runs.
 *
 * <pre>{@code
 * ApplyMasksUdf bf = ApplyMasksUdf.of(Masks.disk(64, 64, 10), Masks.ring(64, 64, 20, 60));
 * JobResults r = new LocalExecutor().run(Job.of(dataset, bf));
 * double[] v = r.get(bf).buffer("intensity").doubles(); // v[frame * 2 + mask]
 * }</pre>
 */
public final class ApplyMasksUdf extends Udf<MaskSet> {

	private static final long serialVersionUID = 1L;

	/** Name of the result buffer. */
	public static final String INTENSITY = "intensity";

	private final List<Mask> masks;

	/**
	 * @throws UdfException when {@code masks} is empty or holds {@code null}
	 */
	public ApplyMasksUdf(final List<? extends Mask> masks) {
		if (masks == null || masks.isEmpty())
			throw UdfException.badParameter("ApplyMasksUdf", "masks", "at least one mask", "none");
		for (int i = 0; i < masks.size(); i++)
			if (masks.get(i) == null)
				throw UdfException.badParameter("ApplyMasksUdf", "masks[" + i + "]", "a mask", "null");
		this.masks = List.copyOf(masks);
	}

	/** A UDF applying {@code masks} in this order. */
	public static ApplyMasksUdf of(final Mask... masks) {
		return new ApplyMasksUdf(masks == null ? List.of() : Arrays.asList(masks));
	}

	/**
	 * Which kernel applies dense masks in this JVM, for benchmarks and reports: {@code "native AVX2+FMA"},
	 * {@code "Java Vector API, N float lanes"} or {@code "Java scalar"}, with why the native one is not used.
	 */
	public static String denseKernel() {
		if (NativeMaskKernels.available())
			return NativeMaskKernels.status();
		final String java = Simd.enabled() ? "Java Vector API, " + VectorMaskKernels.lanes() + " float lanes"
				: "Java scalar";
		return java + "; native: " + NativeMaskKernels.status();
	}

	/** The masks, in result order. */
	public List<Mask> masks() {
		return masks;
	}

	@Override
	public List<BufferSpec> buffers(final DatasetMeta meta) {
		return List.of(masks.size() == 1 ? BufferSpec.nav(INTENSITY, BufferType.FLOAT64)
				: BufferSpec.nav(INTENSITY, BufferType.FLOAT64, masks.size()));
	}

	@Override
	public MaskSet taskData(final DatasetMeta meta) {
		final MaskRaster[] rasters = new MaskRaster[masks.size()];
		for (int i = 0; i < rasters.length; i++) {
			try {
				rasters[i] = masks.get(i).rasterize(meta.sigHeight(), meta.sigWidth());
			} catch (final UdfException e) {
				throw new UdfException("ApplyMasksUdf: parameter 'masks[" + i + "]': " + e.getMessage(), e);
			}
		}
		return new MaskSet(rasters);
	}

	@Override
	public void processTile(final Tile tile, final float[] data, final Results partial, final MaskSet set) {
		final double[] out = partial.buffer(INTENSITY).doubles();
		final int k = set.size();
		final int pos = partial.navIndex(tile.firstFrame()) * k;
		final int frames = tile.frameCount();
		final int rowStart = tile.sigRowStart();
		final int rows = tile.sigRows();
		final int width = tile.sigWidth();
		for (int m = 0; m < k; m++)
			if (!set.raster(m).dense())
				MaskKernels.segments(data, frames, rowStart, rows, width, set.raster(m), out, pos + m, k);
		if (set.denseCount() == 0)
			return;
		if (NativeMaskKernels.available()) {
			NativeMaskKernels.dense(data, frames, rowStart, rows, width, set, out, pos, k);
			return;
		}
		if (Simd.enabled()) {
			VectorMaskKernels.dense(data, frames, rowStart, rows, width, set, out, pos, k);
			return;
		}
		int d = 0;
		for (; d + 2 <= set.denseCount(); d += 2)
			MaskKernels.densePair(data, frames, rowStart, rows, width, set.raster(set.denseIndex(d)),
					set.raster(set.denseIndex(d + 1)), out, pos + set.denseIndex(d), pos + set.denseIndex(d + 1), k);
		if (d < set.denseCount())
			MaskKernels.dense(data, frames, rowStart, rows, width, set.raster(set.denseIndex(d)), out,
					pos + set.denseIndex(d), k);
	}
}
