package org.maptem.udf.factories;

import org.maptem.udf.stats.SumUdf;
import org.maptem.dataset.DatasetMeta;
import org.maptem.udf.Udf;

/** {@code sum}: sum of all frames, pixel by pixel (SIG) */
public final class SumFactory extends BuiltinFactory {

	public SumFactory() {
		super("sum", "sum of all frames, pixel by pixel (SIG)", "intensity");
	}

	@Override
	Udf<?> make(final Params p, final DatasetMeta meta) {
		return new SumUdf();
	}
}
