/**
 * Detector corrections applied in the tile pipeline before any UDF sees the data: dark frame subtraction, gain map
 * multiplication and excluded (hot or dead) pixels patched from their valid neighbours, as LiberTEM's
 * {@code CorrectionSet} does.
 *
 * <p>{@link org.maptem.udf.corrections.Corrections} is the serializable value a job carries
 * ({@code Job.withCorrections}); {@link org.maptem.udf.corrections.TileCorrector} is that value compiled for one
 * detector shape, which executors use to read and correct every tile once for all UDFs of a job, with the same result
 * whatever the tiling. {@link org.maptem.udf.corrections.DetectorImages} loads dark frames, gain maps and masks
 * from {@code .npy}, N5 and TIFF files.
 *
 * <pre>{@code
 * Corrections c = Corrections.none()
 *         .withDark(DetectorImages.read(Path.of("dark.npy")))
 *         .withGain(DetectorImages.read(Path.of("gain.tif")))
 *         .withExcludedMask(DetectorImages.read(Path.of("hot.n5")));
 * JobResults r = new LocalExecutor().run(Job.of(dataset, new SumUdf()).withCorrections(c));
 * }</pre>
 */
package org.maptem.udf.corrections;
