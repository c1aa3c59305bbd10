package org.maptem.udf.factories;

import org.maptem.dataset.DatasetMeta;
import org.maptem.udf.Udf;
import org.maptem.udf.stats.SumSigUdf;

/** {@code sumsig}: total intensity of every frame (NAV) */
public final class SumSigFactory extends BuiltinFactory {

	public SumSigFactory() {
		super("sumsig", "total intensity of every frame (NAV)", "intensity");
	}

	@Override
	Udf<?> make(final Params p, final DatasetMeta meta) {
		return new SumSigUdf();
	}
}
