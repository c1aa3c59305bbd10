/**
 * Azimuthal integration: {@link org.maptem.udf.radial.RadialProfileUdf} gives every frame's mean or summed intensity
 * in rings around a centre.
 */
package org.maptem.udf.radial;
