package org.maptem.formats.hdf5;

import java.io.Closeable;

/**
 * Reads row bands of single frames from one {@link Hdf5Array}, wherever its bytes are. For one thread.
 */
interface SegmentReader extends Closeable {

	/**
	 * Writes rows {@code [row0, row0 + rows)} of the array's frame {@code frame} (numbered within this array) into
	 * {@code sink} from {@code off}, row after row, each {@code width} values.
	 */
	void read(long frame, int row0, int rows, Sink sink, int off);

	/** Releases files and buffers; never throws. */
	@Override
	void close();
}
