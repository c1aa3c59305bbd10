package org.maptem.udf.factories;

import org.maptem.dataset.DatasetMeta;
import org.maptem.udf.Udf;
import org.maptem.udf.masks.ApplyMasksUdf;
import org.maptem.udf.masks.Masks;

/**
 * {@code ring}: [cx cy ri ro]: virtual detector summing a ring {@code ri < d <= ro} (NAV); defaults: detector centre,
 * ri = min(h, w)/4, ro = min(h, w)/2
 */
public final class RingFactory extends BuiltinFactory {

	public RingFactory() {
		super("ring", "[cx cy ri ro]: virtual detector summing a ring ri < d <= ro (NAV); defaults: detector "
				+ "centre, ri = min(h, w)/4, ro = min(h, w)/2", "intensity", "cx", "cy", "ri", "ro");
	}

	@Override
	Udf<?> make(final Params p, final DatasetMeta meta) {
		return ApplyMasksUdf.of(Masks.ring(Geometry.cx(p, meta), Geometry.cy(p, meta),
				p.number("ri", Geometry.quarter(meta)), p.number("ro", Geometry.half(meta))));
	}
}
