/**
 * Detector masks and virtual detectors: {@link org.maptem.udf.masks.Masks} makes disks, rings, points, rectangles
 * and weighted masks (geometry conventions documented there), rasterised as row segments
 * ({@link org.maptem.udf.masks.MaskRaster}); {@link org.maptem.udf.masks.ApplyMasksUdf} applies any number of them in
 * one pass.
 */
package org.maptem.udf.masks;
