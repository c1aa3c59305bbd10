package org.maptem.exec;

import java.util.List;
import java.util.Objects;

import org.maptem.dataset.Dataset;
import org.maptem.dataset.TilePlan;
import org.maptem.udf.Roi;
import org.maptem.udf.Udf;
import org.maptem.udf.UdfException;

/**
 * What to run: one or more UDFs over one dataset (read once for all of them), optionally restricted to a ROI and
 * with a chosen tile plan. Immutable; {@code with*} return copies.
 */
public final class Job {

	private final Dataset dataset;
	private final List<Udf<?>> udfs;
	private final Roi roi;
	private final TilePlan tilePlan;

	private Job(final Dataset dataset, final List<Udf<?>> udfs, final Roi roi, final TilePlan tilePlan) {
		this.dataset = Objects.requireNonNull(dataset, "dataset");
		if (udfs.isEmpty())
			throw UdfException.badParameter("job", "udfs", "at least one UDF", "none");
		for (final Udf<?> u : udfs)
			Objects.requireNonNull(u, "udf");
		this.udfs = List.copyOf(udfs);
		this.roi = roi;
		this.tilePlan = tilePlan;
	}

	/** A job running {@code udfs} over every frame of {@code dataset} with the default tile plan. */
	public static Job of(final Dataset dataset, final Udf<?>... udfs) {
		return new Job(dataset, List.of(udfs), null, null);
	}

	/** A job running {@code udfs} over every frame of {@code dataset} with the default tile plan. */
	public static Job of(final Dataset dataset, final List<? extends Udf<?>> udfs) {
		return new Job(dataset, List.copyOf(udfs), null, null);
	}

	/** This job restricted to the frames of {@code roi} ({@code null}: every frame). */
	public Job withRoi(final Roi roi) {
		return new Job(dataset, udfs, roi, tilePlan);
	}

	/** This job with tiles cut by {@code plan} ({@code null}: {@link TilePlan#defaultFor}). */
	public Job withTilePlan(final TilePlan plan) {
		return new Job(dataset, udfs, roi, plan);
	}

	public Dataset dataset() {
		return dataset;
	}

	public List<Udf<?>> udfs() {
		return udfs;
	}

	/** The ROI, or {@code null} for every frame. */
	public Roi roi() {
		return roi;
	}

	/** The tile plan to use: the one set, or the default for the dataset. */
	public TilePlan tilePlan() {
		return tilePlan != null ? tilePlan : TilePlan.defaultFor(dataset.meta());
	}
}
