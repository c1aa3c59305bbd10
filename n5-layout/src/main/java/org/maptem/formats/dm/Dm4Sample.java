package org.maptem.formats.dm;

/** A DM4 file of a 4D-STEM scan of uint16 frames, for the per-format benchmark. */
public final class Dm4Sample extends DmSample {

	public Dm4Sample() {
		super(4);
	}
}
