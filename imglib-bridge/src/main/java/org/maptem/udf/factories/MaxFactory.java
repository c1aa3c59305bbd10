package org.maptem.udf.factories;

import org.maptem.dataset.DatasetMeta;
import org.maptem.udf.Udf;
import org.maptem.udf.stats.MaxUdf;

/** {@code max}: per-pixel maximum over frames (SIG) */
public final class MaxFactory extends BuiltinFactory {

	public MaxFactory() {
		super("max", "per-pixel maximum over frames (SIG)", "max");
	}

	@Override
	Udf<?> make(final Params p, final DatasetMeta meta) {
		return new MaxUdf();
	}
}
