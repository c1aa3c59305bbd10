package org.maptem.bench;

import java.io.IOException;

import org.maptem.bench.BenchFiles.Part;

/** One way of reading a partition and summing its tiles; returns the sum. */
interface PartReader {

	double read(Part part, Workspace ws) throws IOException;

	/** A thread's reusable buffers, allocated once per pass. */
	final class Workspace {
		final float[] tile;
		final short[] shorts;

		Workspace(final int values) {
			tile = new float[values];
			shorts = new short[values];
		}
	}
}
