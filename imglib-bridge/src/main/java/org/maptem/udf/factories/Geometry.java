package org.maptem.udf.factories;

import org.maptem.dataset.DatasetMeta;
import org.maptem.udf.masks.VirtualDetectors;

/**
 * Detector defaults shared by the factories: the centre {@code ((w-1)/2, (h-1)/2)} (pixel centres at integers, see
 * {@link org.maptem.udf.masks.Masks}) and fractions of the shorter side {@code D = min(h, w)}.
 */
final class Geometry {

	private Geometry() {
	}

	/** Parameter {@code cx}, or the detector's centre column. */
	static double cx(final Params p, final DatasetMeta meta) {
		return p.number("cx", VirtualDetectors.centreX(meta));
	}

	/** Parameter {@code cy}, or the detector's centre row. */
	static double cy(final Params p, final DatasetMeta meta) {
		return p.number("cy", VirtualDetectors.centreY(meta));
	}

	/** {@code D/4}. */
	static double quarter(final DatasetMeta meta) {
		return VirtualDetectors.minSide(meta) / 4.0;
	}

	/** {@code D/2}. */
	static double half(final DatasetMeta meta) {
		return VirtualDetectors.minSide(meta) / 2.0;
	}
}
