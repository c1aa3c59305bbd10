package org.maptem.udf.factories;

import org.maptem.dataset.DatasetMeta;
import org.maptem.udf.Udf;
import org.maptem.udf.masks.ApplyMasksUdf;
import org.maptem.udf.masks.Masks;
import org.maptem.udf.masks.VirtualDetectors;

/**
 * {@code rect}: [x y w h]: virtual detector summing the columns x .. x+w-1 of rows y .. y+h-1 (NAV); default: a
 * centred square of side max(1, min(h, w)/4).
 */
public final class RectFactory extends BuiltinFactory {

	public RectFactory() {
		super("rect", "[x y w h]: virtual detector summing columns x .. x+w-1 of rows y .. y+h-1 (NAV); default: "
				+ "a centred square of side max(1, min(h, w)/4)", "intensity", "x", "y", "w", "h");
	}

	@Override
	Udf<?> make(final Params p, final DatasetMeta meta) {
		final int side = Math.max(1, VirtualDetectors.minSide(meta) / 4);
		final int w = p.integer("w", side);
		final int h = p.integer("h", side);
		return ApplyMasksUdf.of(Masks.rect(p.integer("x", (meta.sigWidth() - w) / 2), p.integer("y",
				(meta.sigHeight() - h) / 2), w, h));
	}
}
