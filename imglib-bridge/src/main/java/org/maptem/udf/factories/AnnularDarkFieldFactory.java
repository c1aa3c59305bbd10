package org.maptem.udf.factories;

import org.maptem.dataset.DatasetMeta;
import org.maptem.udf.Udf;
import org.maptem.udf.masks.VirtualDetectors;

/**
 * {@code adf}: [cx cy ri ro]: virtual annular dark field, {@code ri < d <= ro} (NAV); defaults: detector centre,
 * ri = min(h, w)/4, ro = min(h, w)/2.
 */
public final class AnnularDarkFieldFactory extends BuiltinFactory {

	public AnnularDarkFieldFactory() {
		super("adf", "[cx cy ri ro]: virtual annular dark field, ri < d <= ro (NAV); defaults: detector centre, "
				+ "ri = min(h, w)/4, ro = min(h, w)/2", "intensity", "cx", "cy", "ri", "ro");
	}

	@Override
	Udf<?> make(final Params p, final DatasetMeta meta) {
		return VirtualDetectors.annularDarkField(Geometry.cx(p, meta), Geometry.cy(p, meta),
				p.number("ri", Geometry.quarter(meta)), p.number("ro", Geometry.half(meta)));
	}
}
