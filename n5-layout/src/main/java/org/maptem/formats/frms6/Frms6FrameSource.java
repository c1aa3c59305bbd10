package org.maptem.formats.frms6;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Tile;
import org.maptem.frames.FloatExactFrameSource;
import org.maptem.frames.Simd;
import org.maptem.frames.Unmapper;

/**
 * Reads tiles of unfolded pnCCD frames from memory-mapped {@code .frms6} files (unfolding rule in the package
 * documentation): every output row is one half of a raw row, copied forwards or backwards, repeated for binning;
 * widened eight values at a time by {@link Frms6Vectors} when {@link Simd#enabled()}, else by scalar loops.
 *
 * <p>Frames of a partition may span several files; one window of whole frames of one file is mapped at a time
 * (at most {@link #WINDOW} bytes) and released when reading moves on or the source closes. One source per thread;
 * the row buffer is reused, nothing is allocated per tile.
 */
final class Frms6FrameSource extends FloatExactFrameSource {

	/** Largest mapping: whole frames up to 1 GiB. */
	static final long WINDOW = 1L << 30;

	private final List<Frms6FileHeader> files;
	private final long[] fileStart;
	private final Partition partition;
	private final int binning;
	private final int rawH;
	private final int rawW;
	private final int half;
	private final int outH;
	private final short[] row;
	private FileChannel channel;
	private int channelFile = -1;
	private MappedByteBuffer mapped;
	private ShortBuffer shorts;
	private long windowFirst;
	private long windowEnd;

	/**
	 * @param files     the signal files' validated headers, in order (all of one raw frame size)
	 * @param fileStart dataset frame index of each file's first frame
	 * @param binning   row binning (each unfolded row repeated this often)
	 * @param partition the frames this source may read
	 */
	Frms6FrameSource(final List<Frms6FileHeader> files, final long[] fileStart, final int binning,
			final Partition partition) {
		this.files = files;
		this.fileStart = fileStart;
		this.partition = partition;
		this.binning = binning;
		this.rawH = files.get(0).height();
		this.rawW = files.get(0).width();
		this.half = rawW / 2;
		this.outH = 2 * rawH * binning;
		this.row = new short[half];
	}

	@Override
	public void read(final Tile tile, final float[] dst) {
		check(tile, dst.length);
		final boolean vectors = Simd.enabled();
		int o = 0;
		for (int i = 0; i < tile.frameCount(); i++) {
			final int base = frame(tile.firstFrame() + i);
			for (int r = 0; r < tile.sigRows(); r++, o += half) {
				final int q = (tile.sigRowStart() + r) / binning;
				if (q < rawH) {
					shorts.get(base + q * rawW, row, 0, half);
					for (int x = vectors ? Frms6Vectors.forward(row, half, dst, o) : 0; x < half; x++)
						dst[o + x] = row[x] & 0xFFFF;
				} else {
					shorts.get(base + (2 * rawH - 1 - q) * rawW + half, row, 0, half);
					for (int x = vectors ? Frms6Vectors.reversed(row, half, dst, o) : 0; x < half; x++)
						dst[o + x] = row[half - 1 - x] & 0xFFFF;
				}
			}
		}
	}

	private void check(final Tile tile, final int dstLength) {
		if (tile.sigWidth() != half || tile.sigRowStart() < 0 || tile.sigRows() < 0 || tile.sigRowStart() + tile.sigRows() > outH)
			throw new LayoutException(files.get(0).file() + ": tile " + tile + " does not fit frames of " + outH + " × " + half);
		if (dstLength < tile.size())
			throw new LayoutException("tile buffer holds " + dstLength + " values, tile needs " + tile.size());
		if (tile.firstFrame() < partition.firstFrame() || tile.firstFrame() + tile.frameCount() > partition.endFrame())
			throw new LayoutException(files.get(0).file() + ": tile " + tile + " lies outside frames "
					+ partition.firstFrame() + " to " + (partition.endFrame() - 1) + " of this source");
	}

	/** Maps the window holding dataset frame {@code g} if needed; returns the frame's first pixel in {@link #shorts}. */
	private int frame(final long g) {
		int k = Arrays.binarySearch(fileStart, g);
		if (k < 0)
			k = -k - 2;
		if (k != channelFile || g < windowFirst || g >= windowEnd)
			map(k, g);
		return (int) ((g - windowFirst) * files.get(k).frameStride() / 2);
	}

	private void map(final int k, final long g) {
		final Frms6FileHeader h = files.get(k);
		release();
		try {
			if (k != channelFile) {
				closeChannel();
				channel = FileChannel.open(h.file(), StandardOpenOption.READ);
				channelFile = k;
			}
			final long inFile = g - fileStart[k];
			final long lastNeeded = Math.min(partition.endFrame(), fileStart[k] + h.frames()) - fileStart[k];
			final long n = Math.max(1, Math.min(lastNeeded - inFile, WINDOW / h.frameStride()));
			final long start = h.pixelOffset(inFile);
			final long length = (n - 1) * h.frameStride() + h.frameBytes();
			if (start + length > channel.size())
				throw LayoutException.badBytes(h.file(), channel.size(), (start + length) + " bytes for frame " + inFile,
						"end of file");
			mapped = channel.map(FileChannel.MapMode.READ_ONLY, start, length);
			shorts = mapped.order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
			windowFirst = g;
			windowEnd = g + n;
		} catch (final IOException e) {
			throw new LayoutException(h.file() + ": cannot map frame " + (g - fileStart[k]) + ": " + e.getMessage(), e);
		}
	}

	private void release() {
		if (mapped != null)
			Unmapper.unmap(mapped);
		mapped = null;
		shorts = null;
		windowEnd = windowFirst;
	}

	private void closeChannel() {
		try {
			if (channel != null)
				channel.close();
		} catch (final IOException e) {
			// read-only: nothing to lose
		}
		channel = null;
		channelFile = -1;
	}

	@Override
	public void close() {
		release();
		closeChannel();
	}
}
