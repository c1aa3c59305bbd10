package org.maptem.formats.dm;

/** A DM3 file of a 4D-STEM scan of uint16 frames, for the per-format benchmark. */
public final class Dm3Sample extends DmSample {

	public Dm3Sample() {
		super(3);
	}
}
