package org.maptem.udf.factories;

import org.maptem.dataset.DatasetMeta;
import org.maptem.udf.Udf;
import org.maptem.udf.masks.ApplyMasksUdf;
import org.maptem.udf.masks.Masks;

/**
 * {@code point}: [cx cy]: the intensity of one detector pixel (NAV); default: the pixel nearest the centre (w/2, h/2)
 */
public final class PointFactory extends BuiltinFactory {

	public PointFactory() {
		super("point", "[cx cy]: the intensity of one detector pixel (NAV); default: the pixel nearest the centre "
				+ "(w/2, h/2)", "intensity", "cx", "cy");
	}

	@Override
	Udf<?> make(final Params p, final DatasetMeta meta) {
		return ApplyMasksUdf.of(Masks.point(p.integer("cx", meta.sigWidth() / 2),
				p.integer("cy", meta.sigHeight() / 2)));
	}
}
