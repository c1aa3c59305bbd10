/**
 * Frame statistics: the sum over frames ({@link org.maptem.udf.stats.SumUdf}), the sum of each frame
 * ({@link org.maptem.udf.stats.SumSigUdf}), and the per-pixel mean, variance and standard deviation
 * ({@link org.maptem.udf.stats.StdUdf}).
 */
package org.maptem.udf.stats;
