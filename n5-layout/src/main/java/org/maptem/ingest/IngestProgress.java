package org.maptem.ingest;

/**
 * How far an ingest has come, reported after every chunk.
 *
 * @param chunksDone  chunks written so far, including this one
 * @param chunksTotal chunks the container will hold
 * @param bytesDone   uncompressed data bytes (stored element type) written so far
 * @param bytesTotal  uncompressed data bytes of the whole dataset
 * @param chunk       N5 grid path of the chunk just written, e.g. {@code "0/0/3/1"}
 */
public record IngestProgress(int chunksDone, int chunksTotal, long bytesDone, long bytesTotal, String chunk) {

	/** Fraction done, 0 to 1. */
	public double fraction() {
		return bytesTotal == 0 ? 1 : (double) bytesDone / bytesTotal;
	}
}
