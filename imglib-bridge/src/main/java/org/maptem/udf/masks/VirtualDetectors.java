package org.maptem.udf.masks;

import org.maptem.dataset.DatasetMeta;
import org.maptem.udf.UdfException;

/**
 * One call for the classic virtual STEM detectors: bright field (a disk), annular dark field and high-angle annular
 * dark field (rings), each an {@link ApplyMasksUdf} with one mask, whose {@code "intensity"} buffer is the virtual
 * image (NAV, FLOAT64, shape {@code navShape}).
 *
 * <p>Geometry as {@link Masks} (pixel centres at integers, disk {@code d <= r}, ring {@code ri < d <= ro}). The
 * defaults, for a {@code h × w} detector with {@code D = min(h, w)}, follow LiberTEM's GUI (disk radius
 * {@code D/4}, ring {@code D/4} to {@code D/2}) and split the detector into three disjoint zones that together cover
 * every pixel, so BF + ADF + HAADF = the frame's total:
 * <ul>
 * <li>centre {@code ((w-1)/2, (h-1)/2)}, the middle of the detector;</li>
 * <li>bright field: {@code r = D/4};</li>
 * <li>annular dark field: {@code ri = D/4}, {@code ro = D/2};</li>
 * <li>HAADF: {@code ri = D/2}, {@code ro} past the farthest detector corner ({@link #beyondCorners}).</li>
 * </ul>
 * Real detectors need the disk's actual centre and radius (e.g. from a sum image); these defaults are a first look.
 *
 * <pre>{@code
 * ApplyMasksUdf bf = VirtualDetectors.brightField(dataset.meta());
 * JobResults r = new LocalExecutor().run(Job.of(dataset, bf, VirtualDetectors.haadf(dataset.meta())));
 * double[] image = r.get(bf).buffer("intensity").doubles();
 * }</pre>
 */
public final class VirtualDetectors {

	private VirtualDetectors() {
	}

	/**
	 * A bright-field detector: the disk of radius {@code r} around {@code (cx, cy)}.
	 *
	 * @throws UdfException as {@link Masks#disk}
	 */
	public static ApplyMasksUdf brightField(final double cx, final double cy, final double r) {
		return ApplyMasksUdf.of(Masks.disk(cx, cy, r));
	}

	/** The default bright-field detector of {@code meta}'s detector: radius {@code D/4} around the centre. */
	public static ApplyMasksUdf brightField(final DatasetMeta meta) {
		return brightField(centreX(meta), centreY(meta), minSide(meta) / 4.0);
	}

	/**
	 * An annular dark-field detector: the ring {@code ri < d <= ro} around {@code (cx, cy)}.
	 *
	 * @throws UdfException as {@link Masks#ring}
	 */
	public static ApplyMasksUdf annularDarkField(final double cx, final double cy, final double ri, final double ro) {
		return ApplyMasksUdf.of(Masks.ring(cx, cy, ri, ro));
	}

	/** The default annular dark-field detector of {@code meta}'s detector: {@code D/4 < d <= D/2} around the centre. */
	public static ApplyMasksUdf annularDarkField(final DatasetMeta meta) {
		return annularDarkField(centreX(meta), centreY(meta), minSide(meta) / 4.0, minSide(meta) / 2.0);
	}

	/**
	 * A high-angle annular dark-field detector: the ring {@code ri < d <= ro} around {@code (cx, cy)}, the same mask
	 * as {@link #annularDarkField(double, double, double, double)} with other radii.
	 *
	 * @throws UdfException as {@link Masks#ring}
	 */
	public static ApplyMasksUdf haadf(final double cx, final double cy, final double ri, final double ro) {
		return ApplyMasksUdf.of(Masks.ring(cx, cy, ri, ro));
	}

	/** The default HAADF detector of {@code meta}'s detector: every pixel beyond {@code D/2} from the centre. */
	public static ApplyMasksUdf haadf(final DatasetMeta meta) {
		final double cx = centreX(meta);
		final double cy = centreY(meta);
		return haadf(cx, cy, minSide(meta) / 2.0, beyondCorners(meta, cx, cy));
	}

	/** The detector's centre column {@code (w-1)/2}. */
	public static double centreX(final DatasetMeta meta) {
		return (meta.sigWidth() - 1) / 2.0;
	}

	/** The detector's centre row {@code (h-1)/2}. */
	public static double centreY(final DatasetMeta meta) {
		return (meta.sigHeight() - 1) / 2.0;
	}

	/** {@code D = min(h, w)}, the detector's shorter side in pixels. */
	public static int minSide(final DatasetMeta meta) {
		return Math.min(meta.sigHeight(), meta.sigWidth());
	}

	/**
	 * A radius around {@code (cx, cy)} that reaches past every pixel of {@code meta}'s detector: the distance to the
	 * farthest corner pixel plus one pixel, so a ring ending there includes the corners whatever the rounding.
	 */
	public static double beyondCorners(final DatasetMeta meta, final double cx, final double cy) {
		return beyondCorners(meta.sigHeight(), meta.sigWidth(), cx, cy);
	}

	/** As {@link #beyondCorners(DatasetMeta, double, double)} for a {@code height × width} detector. */
	public static double beyondCorners(final int height, final int width, final double cx, final double cy) {
		final double dx = Math.max(Math.abs(cx), Math.abs(width - 1 - cx));
		final double dy = Math.max(Math.abs(cy), Math.abs(height - 1 - cy));
		return Math.sqrt(dx * dx + dy * dy) + 1;
	}
}
