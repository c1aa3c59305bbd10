/**
 * Frame statistics: the sum over frames ({@link org.maptem.udf.stats.SumUdf}), the sum of each frame
 * ({@link org.maptem.udf.stats.SumSigUdf}), the per-pixel mean, variance and standard deviation
 * ({@link org.maptem.udf.stats.StdUdf}), maximum ({@link org.maptem.udf.stats.MaxUdf}) and sum of log-scaled frames
 * ({@link org.maptem.udf.stats.LogSumUdf}).
 */
package org.maptem.udf.stats;
