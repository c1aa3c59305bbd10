package org.maptem.formats.hdf5;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Tile;
import org.maptem.frames.FrameSource;

/**
 * Reads tiles of a partition whose frames live in one or more {@link Hdf5Array}s (a DECTRIS master's data files, or
 * one chunked, compact or frames-last dataset): each frame of a tile is read, band by band, by the reader of the
 * array holding it. Readers are opened on first use and closed with the source. For one thread.
 */
final class SegmentFrameSource implements FrameSource {

	private final Path file;
	private final List<Hdf5Array> segments;
	/** First dataset frame of each segment, plus the total at the end. */
	private final long[] starts;
	private final Partition partition;
	private final int height;
	private final int width;
	private final SegmentReader[] readers;
	private final Sink.Floats floats = new Sink.Floats();
	private final Sink.Doubles doubles = new Sink.Doubles();

	/**
	 * @param file     the file the dataset was opened as, for messages
	 * @param segments arrays in frame order, all with the same frame shape
	 * @param starts   first dataset frame of each segment and, last, the frame count
	 */
	SegmentFrameSource(final Path file, final List<Hdf5Array> segments, final long[] starts, final Partition partition) {
		this.file = file;
		this.segments = segments;
		this.starts = starts;
		this.partition = partition;
		this.height = segments.get(0).height();
		this.width = segments.get(0).width();
		this.readers = new SegmentReader[segments.size()];
	}

	@Override
	public void read(final Tile tile, final float[] dst) {
		check(tile, dst.length);
		floats.dst = dst;
		read(tile, floats);
	}

	@Override
	public void read(final Tile tile, final double[] dst) {
		check(tile, dst.length);
		doubles.dst = dst;
		read(tile, doubles);
	}

	private void read(final Tile tile, final Sink sink) {
		final int perFrame = tile.sigRows() * width;
		int s = segment(tile.firstFrame());
		for (int i = 0; i < tile.frameCount(); i++) {
			final long f = tile.firstFrame() + i;
			while (f >= starts[s + 1])
				s++;
			reader(s).read(f - starts[s], tile.sigRowStart(), tile.sigRows(), sink, i * perFrame);
		}
	}

	private int segment(final long frame) {
		final int i = Arrays.binarySearch(starts, frame);
		return i >= 0 ? i : -i - 2;
	}

	private SegmentReader reader(final int s) {
		if (readers[s] == null) {
			final Hdf5Array a = segments.get(s);
			readers[s] = a.storage == Hdf5Array.Storage.CHUNKED ? new ChunkedSegment(a) : new ContiguousSegment(a);
		}
		return readers[s];
	}

	private void check(final Tile tile, final int dstLength) {
		if (tile.sigWidth() != width || tile.sigRowStart() < 0 || tile.sigRows() < 1
				|| tile.sigRowStart() + tile.sigRows() > height)
			throw new LayoutException(file + ": tile " + tile + " does not fit frames of " + height + " × " + width);
		if (dstLength < tile.size())
			throw new LayoutException("tile buffer holds " + dstLength + " values, tile needs " + tile.size());
		if (tile.firstFrame() < partition.firstFrame() || tile.firstFrame() + tile.frameCount() > partition.endFrame())
			throw new LayoutException(file + ": tile " + tile + " lies outside frames " + partition.firstFrame() + " to "
					+ (partition.endFrame() - 1) + " of this source");
	}

	@Override
	public void close() {
		for (int i = 0; i < readers.length; i++)
			if (readers[i] != null) {
				readers[i].close();
				readers[i] = null;
			}
	}
}
