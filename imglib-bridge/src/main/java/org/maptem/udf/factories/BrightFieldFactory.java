package org.maptem.udf.factories;

import org.maptem.dataset.DatasetMeta;
import org.maptem.udf.Udf;
import org.maptem.udf.masks.VirtualDetectors;

/** {@code bf}: [cx cy r]: virtual bright field, a disk (NAV); defaults: detector centre, r = min(h, w)/4 */
public final class BrightFieldFactory extends BuiltinFactory {

	public BrightFieldFactory() {
		super("bf", "[cx cy r]: virtual bright field, a disk (NAV); defaults: detector centre, r = min(h, w)/4",
				"intensity", "cx", "cy", "r");
	}

	@Override
	Udf<?> make(final Params p, final DatasetMeta meta) {
		return VirtualDetectors.brightField(Geometry.cx(p, meta), Geometry.cy(p, meta),
				p.number("r", Geometry.quarter(meta)));
	}
}
