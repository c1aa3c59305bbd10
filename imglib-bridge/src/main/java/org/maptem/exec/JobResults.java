package org.maptem.exec;

import java.util.List;

import org.maptem.dataset.DatasetMeta;
import org.maptem.udf.Results;
import org.maptem.udf.Udf;
import org.maptem.udf.UdfException;

/**
 * The dataset-wide results of a job, one {@link Results} per UDF in the job's order.
 */
public final class JobResults {

	private final DatasetMeta meta;
	private final List<Udf<?>> udfs;
	private final List<Results> results;

	JobResults(final DatasetMeta meta, final List<Udf<?>> udfs, final List<Results> results) {
		this.meta = meta;
		this.udfs = udfs;
		this.results = List.copyOf(results);
	}

	/** The dataset these results describe (nav and sig shapes, calibration). */
	public DatasetMeta meta() {
		return meta;
	}

	/** Results of the {@code index}-th UDF of the job. */
	public Results get(final int index) {
		return results.get(index);
	}

	/** Results of {@code udf}, which must be one of the job's UDF objects. */
	public Results get(final Udf<?> udf) {
		for (int i = 0; i < udfs.size(); i++)
			if (udfs.get(i) == udf)
				return results.get(i);
		throw UdfException.badParameter("job results", "udf", "one of the job's UDFs", udf.name());
	}

	/** Results of every UDF, in the job's order. */
	public List<Results> all() {
		return results;
	}
}
