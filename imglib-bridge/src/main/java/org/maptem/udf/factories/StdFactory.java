package org.maptem.udf.factories;

import org.maptem.dataset.DatasetMeta;
import org.maptem.udf.Udf;
import org.maptem.udf.stats.StdUdf;

/** {@code std}: per-pixel standard deviation, variance and mean over frames (SIG) */
public final class StdFactory extends BuiltinFactory {

	public StdFactory() {
		super("std", "per-pixel standard deviation, variance and mean over frames (SIG)", "std");
	}

	@Override
	Udf<?> make(final Params p, final DatasetMeta meta) {
		return new StdUdf();
	}
}
