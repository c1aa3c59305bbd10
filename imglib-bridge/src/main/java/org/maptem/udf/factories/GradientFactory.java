package org.maptem.udf.factories;

import org.maptem.dataset.DatasetMeta;
import org.maptem.udf.Udf;
import org.maptem.udf.masks.ApplyMasksUdf;
import org.maptem.udf.masks.Mask;
import org.maptem.udf.masks.Masks;

/**
 * {@code gradx} / {@code grady}: [cx cy r]: the sum of every pixel's intensity times its x or y coordinate (NAV), over
 * the whole detector or, with r, within the disk of radius r around (cx, cy) (default: the detector centre), as
 * LiberTEM's gradient_x and gradient_y. The two differ only in the axis.
 */
abstract class GradientFactory extends BuiltinFactory {

	private final boolean x;

	/** @param x true for {@code gradx}, false for {@code grady} */
	GradientFactory(final boolean x) {
		super(x ? "gradx" : "grady", "[cx cy r]: sum of intensity times the " + (x ? "x" : "y")
				+ " coordinate (NAV), over the whole detector or, with r, within the disk of radius r around (cx, cy) "
				+ "(default: detector centre)", "intensity", "cx", "cy", "r");
		this.x = x;
	}

	@Override
	final Udf<?> make(final Params p, final DatasetMeta meta) {
		if (!p.has("r")) {
			if (p.has("cx") || p.has("cy"))
				throw p.bad(p.has("cx") ? "cx" : "cy", "r as well (cx and cy centre the disk of radius r)",
						(p.has("cx") ? "cx" : "cy") + " without r");
			return ApplyMasksUdf.of(x ? Masks.gradientX() : Masks.gradientY());
		}
		final Mask disk = Masks.disk(Geometry.cx(p, meta), Geometry.cy(p, meta), p.number("r"));
		return ApplyMasksUdf.of(x ? Masks.gradientX(disk) : Masks.gradientY(disk));
	}
}
