/**
 * Centre-of-mass imaging ({@link org.maptem.udf.com.CenterOfMassUdf}): per-frame beam shifts for differential phase
 * contrast.
 */
package org.maptem.udf.com;
