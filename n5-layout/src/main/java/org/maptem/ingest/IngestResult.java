package org.maptem.ingest;

import java.nio.file.Path;
import java.time.Duration;

import org.maptem.n5.Sidecar;

/**
 * What an ingest wrote.
 *
 * @param container the N5 container (the target path)
 * @param sidecar   the {@code maptem} attribute written to dataset {@code data}, complete
 * @param chunks    number of chunk files
 * @param dataBytes uncompressed data bytes in the stored element type
 * @param fileBytes bytes of all chunk files (headers included, after compression)
 * @param elapsed   wall-clock time of the whole ingest
 */
public record IngestResult(Path container, Sidecar sidecar, int chunks, long dataBytes, long fileBytes, Duration elapsed) {

	/** Uncompressed data bytes per second of wall-clock time. */
	public double bytesPerSecond() {
		final double s = elapsed.toNanos() / 1e9;
		return s <= 0 ? Double.POSITIVE_INFINITY : dataBytes / s;
	}

	@Override
	public String toString() {
		return container + ": " + sidecar.meta() + ", " + chunks + " chunks, " + dataBytes + " data bytes in " + fileBytes
				+ " file bytes, " + elapsed.toMillis() + " ms";
	}
}
