package org.maptem.exec;

import java.util.List;
import java.util.Objects;

import org.maptem.dataset.Dataset;
import org.maptem.dataset.TilePlan;
import org.maptem.udf.Roi;
import org.maptem.udf.corrections.Corrections;
import org.maptem.udf.Udf;
import org.maptem.udf.UdfException;

/**
 * What to run: one or more UDFs over one dataset (read once for all of them), optionally restricted to a ROI, with
 * detector corrections applied to every tile before the UDFs see it, and with a chosen tile plan. Immutable;
 * {@code with*} return copies.
 */
public final class Job {

	private final Dataset dataset;
	private final List<Udf<?>> udfs;
	private final Roi roi;
	private final TilePlan tilePlan;
	private final Corrections corrections;

	private Job(final Dataset dataset, final List<Udf<?>> udfs, final Roi roi, final TilePlan tilePlan,
			final Corrections corrections) {
		this.dataset = Objects.requireNonNull(dataset, "dataset");
		if (udfs.isEmpty())
			throw UdfException.badParameter("job", "udfs", "at least one UDF", "none");
		for (final Udf<?> u : udfs)
			Objects.requireNonNull(u, "udf");
		this.udfs = List.copyOf(udfs);
		this.roi = roi;
		this.tilePlan = tilePlan;
		this.corrections = corrections == null ? Corrections.none() : corrections;
	}

	/** A job running {@code udfs} over every frame of {@code dataset} with the default tile plan. */
	public static Job of(final Dataset dataset, final Udf<?>... udfs) {
		return new Job(dataset, List.of(udfs), null, null, null);
	}

	/** A job running {@code udfs} over every frame of {@code dataset} with the default tile plan. */
	public static Job of(final Dataset dataset, final List<? extends Udf<?>> udfs) {
		return new Job(dataset, List.copyOf(udfs), null, null, null);
	}

	/** This job restricted to the frames of {@code roi} ({@code null}: every frame). */
	public Job withRoi(final Roi roi) {
		return new Job(dataset, udfs, roi, tilePlan, corrections);
	}

	/** This job with tiles cut by {@code plan} ({@code null}: {@link TilePlan#defaultFor}). */
	public Job withTilePlan(final TilePlan plan) {
		return new Job(dataset, udfs, roi, plan, corrections);
	}

	/**
	 * This job with {@code corrections} applied to every tile, once for all UDFs, before they see it
	 * ({@code null}: none). Shapes are checked when the job starts.
	 */
	public Job withCorrections(final Corrections corrections) {
		return new Job(dataset, udfs, roi, tilePlan, corrections);
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

	/** The detector corrections, {@link Corrections#none()} when there are none. */
	public Corrections corrections() {
		return corrections;
	}

	/** The tile plan to use: the one set, or the default for the dataset. */
	public TilePlan tilePlan() {
		return tilePlan != null ? tilePlan : TilePlan.defaultFor(dataset.meta());
	}
}
