package org.maptem.udf.factories;

import org.maptem.dataset.DatasetMeta;
import org.maptem.udf.Udf;
import org.maptem.udf.masks.ApplyMasksUdf;
import org.maptem.udf.masks.FillRule;
import org.maptem.udf.masks.Masks;

/**
 * {@code polygon}: points=x1:y1;x2:y2;... [rule]: virtual detector summing the pixels whose centres lie in the
 * polygon (NAV); rule evenodd (default) or nonzero.
 */
public final class PolygonFactory extends BuiltinFactory {

	public PolygonFactory() {
		super("polygon", "points=x1:y1;x2:y2;... [rule]: virtual detector summing the pixels whose centres lie in the "
				+ "polygon (NAV); points required; rule evenodd (default) or nonzero", "intensity", "points", "rule");
	}

	@Override
	Udf<?> make(final Params p, final DatasetMeta meta) {
		final double[][] xy = p.points("points");
		final FillRule rule = p.choice("rule", "evenodd", "evenodd", "nonzero").equals("evenodd") ? FillRule.EVEN_ODD
				: FillRule.NONZERO;
		return ApplyMasksUdf.of(Masks.polygon(xy[0], xy[1], rule));
	}
}
