package org.maptem.udf.factories;

import org.maptem.dataset.DatasetMeta;
import org.maptem.udf.Udf;
import org.maptem.udf.masks.ApplyMasksUdf;
import org.maptem.udf.masks.Masks;

/**
 * {@code grady}: [cx cy r]: the sum of every pixel's intensity times its y coordinate (NAV), over the whole detector
 * or, with r, within the disk of radius r around (cx, cy) (default: the detector centre), as LiberTEM's gradient_y.
 */
public final class GradientYFactory extends BuiltinFactory {

	public GradientYFactory() {
		super("grady", "[cx cy r]: sum of intensity times the y coordinate (NAV), over the whole detector or, "
				+ "with r, within the disk of radius r around (cx, cy) (default: detector centre)", "intensity",
				"cx", "cy", "r");
	}

	@Override
	Udf<?> make(final Params p, final DatasetMeta meta) {
		if (!p.has("r")) {
			if (p.has("cx") || p.has("cy"))
				throw p.bad(p.has("cx") ? "cx" : "cy", "r as well (cx and cy centre the disk of radius r)",
						(p.has("cx") ? "cx" : "cy") + " without r");
			return ApplyMasksUdf.of(Masks.gradientY());
		}
		return ApplyMasksUdf.of(Masks.gradientY(Masks.disk(Geometry.cx(p, meta), Geometry.cy(p, meta), p.number("r"))));
	}
}
