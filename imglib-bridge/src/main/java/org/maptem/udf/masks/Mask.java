package org.maptem.udf.masks;

import java.io.Serializable;

import org.maptem.udf.UdfException;

/**
 * A detector mask as a small serializable description (a disk's centre and radius, ...) that is turned into pixel
 * weights where it is used. Made by {@link Masks}; see there for the geometry conventions.
 */
public interface Mask extends Serializable {

	/**
	 * The pixels and weights of this mask on a detector of {@code height × width} pixels, clipped to the detector.
	 *
	 * @throws UdfException when the mask covers no pixel of the detector or does not fit its shape
	 */
	MaskRaster rasterize(int height, int width);
}
