/**
 * The built-in {@link org.maptem.udf.UdfFactory}s, registered in {@code META-INF/services/org.maptem.udf.UdfFactory}:
 * every built-in UDF by a short name with LiberTEM-style parameters ({@code disk cx=64 cy=64 r=12}), defaults taken
 * from the dataset (the detector centre {@code ((w-1)/2, (h-1)/2)}, fractions of the shorter detector side, the scan
 * centre). Each factory's {@code usage()} lists its parameters and defaults; unknown, missing or malformed parameters
 * are {@link org.maptem.udf.UdfException}s naming the parameter and listing the accepted ones.
 */
package org.maptem.udf.factories;
