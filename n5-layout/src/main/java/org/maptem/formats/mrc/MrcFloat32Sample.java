package org.maptem.formats.mrc;

import org.maptem.dataset.DType;

/** An MRC image stack of 32-bit floats (MODE 2), for the per-format benchmark. */
public final class MrcFloat32Sample extends MrcSample {

	public MrcFloat32Sample() {
		super(2, DType.FLOAT32);
	}
}
