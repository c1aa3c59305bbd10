/**
 * The UDF API: user-defined reductions over the frames of a 4D-STEM dataset, run as map-reduce.
 *
 * <p>A {@link org.maptem.udf.Udf} declares named result buffers ({@link org.maptem.udf.BufferSpec}: kind
 * {@link org.maptem.udf.BufferKind#NAV NAV} per scan position, {@link org.maptem.udf.BufferKind#SIG SIG} per detector
 * pixel or {@link org.maptem.udf.BufferKind#SINGLE SINGLE}; type float32, float64 or int64; an optional extra shape),
 * builds read-only per-task data once per worker, adds tiles of frames to a partition's partial
 * {@link org.maptem.udf.Results}, merges partial results (in any order) and derives final buffers in
 * {@code postprocess}. The engine copies NAV buffers itself, since partitions own disjoint scan positions.
 *
 * <p>A {@link org.maptem.udf.Roi} restricts a job to some scan positions: other frames are never read, their NAV
 * values stay NaN (0 for int64). Built-in UDFs live in feature packages: {@code stats} (sum, per-frame sum, standard
 * deviation, maximum, log-sum), {@code masks} (masks, virtual detectors), {@code com} (centre of mass and DPC),
 * {@code pick} (frames at scan positions), {@code radial} (azimuthal profiles); {@code factories} makes each of them by
 * name from string parameters ({@link org.maptem.udf.UdfRegistry}). Errors are
 * {@link org.maptem.udf.UdfException}s naming the parameter, what was expected and what was found.
 */
package org.maptem.udf;
