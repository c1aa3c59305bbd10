package org.maptem.udf.factories;

import org.maptem.dataset.DatasetMeta;
import org.maptem.udf.Udf;
import org.maptem.udf.stats.SumUdf;

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
