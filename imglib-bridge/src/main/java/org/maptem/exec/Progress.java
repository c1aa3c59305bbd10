package org.maptem.exec;

/**
 * How far a job has come. Bytes count stored bytes of the frames processed (inside the ROI).
 *
 * @param partitionsDone  partitions merged completely so far (a first piece merged early does not count)
 * @param partitionsTotal partitions the job processes (those with at least one ROI frame)
 * @param bytesDone       stored bytes of the frames merged so far
 * @param bytesTotal      stored bytes of every frame the job processes
 * @param elapsedNanos    time since the job started
 */
public record Progress(int partitionsDone, int partitionsTotal, long bytesDone, long bytesTotal, long elapsedNanos) {

	/** Fraction of bytes done, 0 to 1. */
	public double fraction() {
		return bytesTotal == 0 ? 1 : (double) bytesDone / bytesTotal;
	}

	/** Throughput so far in MiB (2^20 bytes) per second. */
	public double mibPerSecond() {
		return elapsedNanos <= 0 ? 0 : bytesDone / 1048576.0 / (elapsedNanos / 1e9);
	}

	/** True when every partition is merged. */
	public boolean complete() {
		return partitionsDone == partitionsTotal;
	}

	@Override
	public String toString() {
		return String.format(java.util.Locale.ROOT, "%d/%d partitions, %.1f/%.1f MiB, %.0f MiB/s", partitionsDone,
				partitionsTotal, bytesDone / 1048576.0, bytesTotal / 1048576.0, mibPerSecond());
	}
}
