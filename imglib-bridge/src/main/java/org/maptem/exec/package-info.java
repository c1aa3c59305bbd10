/**
 * Running UDFs: a {@link org.maptem.exec.Job} (dataset, UDFs, ROI, detector corrections, tile plan) goes to an
 * {@link org.maptem.exec.Executor}, which maps every partition through the UDFs (data read once for all), merges
 * partial results as partitions finish, reports {@link org.maptem.exec.Progress} and the merged results so far to a
 * {@link org.maptem.exec.PartialResultListener}, and returns a cancellable {@link org.maptem.exec.JobHandle}.
 * {@link org.maptem.exec.LocalExecutor} runs on a thread pool in this JVM. Corrections
 * ({@link org.maptem.udf.corrections.Corrections}) are applied to each tile once, before every UDF of the job sees it.
 *
 * <pre>{@code
 * SumSigUdf total = new SumSigUdf();
 * ApplyMasksUdf bf = ApplyMasksUdf.of(Masks.disk(64, 64, 12));
 * JobHandle h = new LocalExecutor().runAsync(Job.of(dataset, total, bf), (soFar, p) -> log.info("{}", p));
 * JobResults r = h.get();
 * double[] brightField = r.get(bf).buffer("intensity").doubles();
 * }</pre>
 */
package org.maptem.exec;
