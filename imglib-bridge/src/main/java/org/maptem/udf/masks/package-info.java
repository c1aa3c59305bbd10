/**
 * Detector masks and virtual detectors: {@link org.maptem.udf.masks.Masks} makes disks, rings, points, rectangles,
 * polygons, coordinate gradients, sparse pixel lists and weight images (geometry conventions documented there),
 * rasterised as row segments ({@link org.maptem.udf.masks.MaskRaster}: binary, sparse or dense);
 * {@link org.maptem.udf.masks.ApplyMasksUdf} applies any number of them in one pass.
 */
package org.maptem.udf.masks;
