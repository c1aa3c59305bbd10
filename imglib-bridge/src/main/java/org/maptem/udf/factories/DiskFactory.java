package org.maptem.udf.factories;

import org.maptem.dataset.DatasetMeta;
import org.maptem.udf.Udf;
import org.maptem.udf.masks.ApplyMasksUdf;
import org.maptem.udf.masks.Masks;

/**
 * {@code disk}: [cx cy r]: virtual detector summing a disk (NAV); defaults: detector centre ((w-1)/2, (h-1)/2),
 * r = min(h, w)/4.
 */
public final class DiskFactory extends BuiltinFactory {

	public DiskFactory() {
		super("disk", "[cx cy r]: virtual detector summing a disk (NAV); defaults: detector centre "
				+ "((w-1)/2, (h-1)/2), r = min(h, w)/4", "intensity", "cx", "cy", "r");
	}

	@Override
	Udf<?> make(final Params p, final DatasetMeta meta) {
		return ApplyMasksUdf.of(Masks.disk(Geometry.cx(p, meta), Geometry.cy(p, meta),
				p.number("r", Geometry.quarter(meta))));
	}
}
