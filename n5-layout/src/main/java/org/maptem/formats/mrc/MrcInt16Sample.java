package org.maptem.formats.mrc;

import org.maptem.dataset.DType;

/** An MRC image stack of signed 16-bit integers (MODE 1), for the per-format benchmark. */
public final class MrcInt16Sample extends MrcSample {

	public MrcInt16Sample() {
		super(1, DType.INT16);
	}
}
