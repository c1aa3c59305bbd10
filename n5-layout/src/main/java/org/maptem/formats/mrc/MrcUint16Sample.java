package org.maptem.formats.mrc;

import org.maptem.dataset.DType;

/** An MRC image stack of unsigned 16-bit integers (MODE 6), for the per-format benchmark. */
public final class MrcUint16Sample extends MrcSample {

	public MrcUint16Sample() {
		super(6, DType.UINT16);
	}
}
