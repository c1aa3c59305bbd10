package org.maptem.udf.factories;

import org.maptem.dataset.DatasetMeta;
import org.maptem.udf.Udf;
import org.maptem.udf.masks.VirtualDetectors;

/**
 * {@code haadf}: [cx cy ri ro]: virtual HAADF, {@code ri < d <= ro} (NAV); defaults: detector centre,
 * ri = min(h, w)/2, ro past the farthest detector corner.
 */
public final class HaadfFactory extends BuiltinFactory {

	public HaadfFactory() {
		super("haadf", "[cx cy ri ro]: virtual HAADF, ri < d <= ro (NAV); defaults: detector centre, "
				+ "ri = min(h, w)/2, ro past the farthest detector corner", "intensity", "cx", "cy", "ri", "ro");
	}

	@Override
	Udf<?> make(final Params p, final DatasetMeta meta) {
		final double cx = Geometry.cx(p, meta);
		final double cy = Geometry.cy(p, meta);
		return VirtualDetectors.haadf(cx, cy, p.number("ri", Geometry.half(meta)),
				p.number("ro", VirtualDetectors.beyondCorners(meta, cx, cy)));
	}
}
