package org.maptem.udf.factories;

import org.maptem.dataset.DatasetMeta;
import org.maptem.udf.Udf;
import org.maptem.udf.stats.LogSumUdf;

/**
 * {@code logsum}: [minimum]: sum of log(1 + frame - minimum) over frames (SIG); minimum defaults to each frame's own
 * minimum (LiberTEM)
 */
public final class LogSumFactory extends BuiltinFactory {

	public LogSumFactory() {
		super("logsum", "[minimum]: sum of log(1 + frame - minimum) over frames (SIG); minimum defaults to each "
				+ "frame's own minimum (LiberTEM)", "logsum", "minimum");
	}

	@Override
	Udf<?> make(final Params p, final DatasetMeta meta) {
		return p.has("minimum") ? LogSumUdf.withMinimum(p.number("minimum")) : LogSumUdf.perFrameMinimum();
	}
}
