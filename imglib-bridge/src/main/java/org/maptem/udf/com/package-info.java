/**
 * Centre-of-mass imaging ({@link org.maptem.udf.com.CenterOfMassUdf}): per-frame beam shifts and the differential
 * phase contrast images derived from them (corrected field, magnitude, divergence, curl).
 */
package org.maptem.udf.com;
