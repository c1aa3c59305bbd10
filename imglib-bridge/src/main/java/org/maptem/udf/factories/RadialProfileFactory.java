package org.maptem.udf.factories;

import org.maptem.dataset.DatasetMeta;
import org.maptem.udf.Udf;
import org.maptem.udf.radial.RadialProfileUdf;

/**
 * {@code radial}: [cx cy dr rmax mode]: mean (or sum) of every frame in rings of width dr up to rmax (NAV with one
 * value per ring); defaults: detector centre, dr = 1, rmax = the whole frame, mode mean.
 */
public final class RadialProfileFactory extends BuiltinFactory {

	public RadialProfileFactory() {
		super("radial", "[cx cy dr rmax mode]: mean (mode=sum: sum) of every frame in rings k*dr <= d < (k+1)*dr, "
				+ "d < rmax (NAV, one value per ring); defaults: detector centre, dr = 1, rmax = past every pixel, "
				+ "mode = mean", "profile", "cx", "cy", "dr", "rmax", "mode");
	}

	@Override
	Udf<?> make(final Params p, final DatasetMeta meta) {
		final double cx = Geometry.cx(p, meta);
		final double cy = Geometry.cy(p, meta);
		final double dr = p.number("dr", 1);
		if (dr <= 0)
			throw p.bad("dr", "a ring width > 0", dr);
		final double rmax = p.number("rmax", RadialProfileUdf.wholeFrameRmax(cx, cy, dr, meta.sigHeight(),
				meta.sigWidth()));
		return p.choice("mode", "mean", "mean", "sum").equals("mean") ? RadialProfileUdf.mean(cx, cy, dr, rmax)
				: RadialProfileUdf.sum(cx, cy, dr, rmax);
	}
}
