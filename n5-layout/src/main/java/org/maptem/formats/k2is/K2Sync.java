package org.maptem.formats.k2is;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

import org.maptem.dataset.LayoutException;

/**
 * Synchronises the 8 sector files of a K2IS data set from their block headers alone, as LiberTEM's
 * {@code K2Syncer} does: the sectors start recording at different moments and may begin and end inside a frame.
 *
 * <ol>
 * <li>every sector's first block must be valid (sync word, 256 × 1860 sector); all sectors start at the first block
 * whose block count equals the largest first block count among the sectors;</li>
 * <li>if any sector's next 32 blocks span two frame ids, the frame is incomplete: every sector moves on to its
 * first block whose frame id differs from sector 0's;</li>
 * <li>the data set ends with the last frame every sector holds whole; if its 32 blocks disagree on the frame id in
 * any sector, it is dropped;</li>
 * <li>the first and last frames are checked: every block valid, one frame id per frame across all sectors, and the
 * block pixel coordinates as documented;</li>
 * <li>the shutter frame is the first frame whose first block has the shutter-active flag in every sector.</li>
 * </ol>
 * Reads only block headers (40 bytes each), at most one per block of each file.
 */
final class K2Sync {

	/**
	 * Where the synchronised frames are.
	 *
	 * @param firstBlock   per sector, block index of the first whole, synchronised frame
	 * @param frames       whole synchronised frames from there
	 * @param shutterFrame index (from the first frame) of the first frame with the shutter-active flag
	 * @param firstFrameId frame id of the first frame
	 * @param shortest     the sector file holding the fewest whole frames (which bounds {@code frames})
	 */
	record Result(long[] firstBlock, long frames, long shutterFrame, long firstFrameId, Path shortest) {
	}

	private final List<Path> files;
	private final FileChannel[] channels;
	private final long[] blocks;
	private final ByteBuffer header = ByteBuffer.allocate(K2Block.HEADER);

	private K2Sync(final List<Path> files) {
		this.files = files;
		this.channels = new FileChannel[files.size()];
		this.blocks = new long[files.size()];
	}

	/**
	 * Synchronises {@code files} (the 8 sectors in order).
	 *
	 * @throws LayoutException naming the sector file, the byte offset and the field of the first inconsistency
	 */
	static Result run(final List<Path> files) {
		final K2Sync s = new K2Sync(files);
		try {
			return s.sync();
		} finally {
			s.close();
		}
	}

	private Result sync() {
		final int n = files.size();
		long maxCount = -1;
		int maxSector = 0;
		for (int s = 0; s < n; s++) {
			try {
				channels[s] = FileChannel.open(files.get(s), StandardOpenOption.READ);
				blocks[s] = channels[s].size() / K2Block.BYTES;
			} catch (final IOException e) {
				throw new LayoutException(files.get(s) + ": cannot read: " + e.getMessage(), e);
			}
			if (blocks[s] < K2Block.PER_FRAME)
				throw LayoutException.badField(files.get(s), "file size", "at least one frame of " + K2Block.PER_FRAME
						+ " blocks of " + K2Block.BYTES + " bytes", (blocks[s] * K2Block.BYTES) + " bytes of whole blocks");
			final long count = requireValid(s, 0).blockCount();
			if (count > maxCount) {
				maxCount = count;
				maxSector = s;
			}
		}
		final long[] start = new long[n];
		for (int s = 0; s < n; s++)
			start[s] = blockWithCount(s, maxCount, maxSector);
		if (anyIncomplete(start)) {
			final long id0 = header(0, start[0]).frameId();
			for (int s = 0; s < n; s++)
				start[s] = nextFrame(s, start[s], id0);
		}
		long frames = Long.MAX_VALUE;
		int shortest = 0;
		for (int s = 0; s < n; s++)
			if ((blocks[s] - start[s]) / K2Block.PER_FRAME < frames) {
				frames = (blocks[s] - start[s]) / K2Block.PER_FRAME;
				shortest = s;
			}
		if (frames < 1)
			throw new LayoutException(files.get(0) + ": no frame is whole in all " + n + " sectors after synchronisation "
					+ "(first blocks " + Arrays.toString(start) + ")");
		final long firstId = checkFrame(start, 0, true);
		if (frames > 1 && checkFrame(start, frames - 1, false) < 0)
			frames--;
		if (frames > 1)
			checkFrame(start, frames - 1, true);
		for (long f = 0; f < frames; f++) {
			boolean all = true;
			for (int s = 0; s < n && all; s++)
				all = header(s, start[s] + f * K2Block.PER_FRAME).shutterActive();
			if (all)
				return new Result(start, frames, f, firstId, files.get(shortest));
		}
		throw LayoutException.badField(files.get(0), "block flags", "a frame with the shutter-active flag (bit 0) in "
				+ "every sector", "none in " + frames + " frames");
	}

	/** True when the 32 blocks from {@code start} of any sector span more than one frame id. */
	private boolean anyIncomplete(final long[] start) {
		for (int s = 0; s < files.size(); s++) {
			final long id = requireValid(s, start[s]).frameId();
			for (int k = 1; k < K2Block.PER_FRAME && start[s] + k < blocks[s]; k++)
				if (header(s, start[s] + k).frameId() != id)
					return true;
		}
		return false;
	}

	/** The first block from {@code from} (within one frame's blocks) whose frame id is not {@code id}. */
	private long nextFrame(final int s, final long from, final long id) {
		for (long b = from; b < Math.min(blocks[s], from + K2Block.PER_FRAME + 1); b++)
			if (requireValid(s, b).frameId() != id)
				return b;
		throw LayoutException.badBytes(files.get(s), from * K2Block.BYTES, "a block of a frame after frame id " + id
				+ " within " + K2Block.PER_FRAME + " blocks", "none");
	}

	/** The first block with block count {@code count}: where the counter predicts it, else the first found. */
	private long blockWithCount(final int s, final long count, final int from) {
		final long predicted = count - header(s, 0).blockCount();
		if (predicted >= 0 && predicted < blocks[s] && header(s, predicted).blockCount() == count)
			return predicted;
		for (long b = 0; b < blocks[s]; b++)
			if (header(s, b).blockCount() == count)
				return b;
		throw LayoutException.badField(files.get(s), "block count", "a block with count " + count + " (the first block "
				+ "count of " + files.get(from).getFileName() + ", the largest of the sectors)", "none in " + blocks[s] + " blocks");
	}

	/**
	 * Checks frame {@code f} in every sector: 32 valid blocks with one frame id, the same in all sectors, and pixel
	 * coordinates as documented. Returns the frame id; when {@code strict} is false returns -1 instead of failing on
	 * mixed frame ids.
	 */
	private long checkFrame(final long[] start, final long f, final boolean strict) {
		long id = -1;
		for (int s = 0; s < files.size(); s++)
			for (int k = 0; k < K2Block.PER_FRAME; k++) {
				final long b = start[s] + f * K2Block.PER_FRAME + k;
				final K2Block h = requireValid(s, b);
				if (id < 0)
					id = h.frameId();
				if (h.frameId() != id) {
					if (!strict)
						return -1;
					throw LayoutException.badBytes(files.get(s), b * K2Block.BYTES + 24, "frame id " + id + " (as in "
							+ files.get(0).getFileName() + ") for frame " + f + " after synchronisation", h.frameId());
				}
				final int x = K2Block.COLS * K2Block.slotColumn(k);
				final int y = K2Block.ROWS * K2Block.slotRow(k);
				if (h.xStart() != x || h.yStart() != y || h.xEnd() != x + K2Block.COLS - 1 || h.yEnd() != y + K2Block.ROWS - 1)
					throw LayoutException.badBytes(files.get(s), b * K2Block.BYTES + 28, "pixel x " + x + " to "
							+ (x + K2Block.COLS - 1) + ", y " + y + " to " + (y + K2Block.ROWS - 1) + " for block " + k
							+ " of a frame", "x " + h.xStart() + " to " + h.xEnd() + ", y " + h.yStart() + " to " + h.yEnd());
			}
		return id;
	}

	private K2Block requireValid(final int s, final long b) {
		final K2Block h = header(s, b);
		if (!h.valid())
			throw LayoutException.badBytes(files.get(s), b * K2Block.BYTES, "a block header with sync word 0xFFFF0055, "
					+ "width 256 and height 1860", String.format("sync 0x%08X, width %d, height %d", h.sync(), h.width(),
							h.height()));
		return h;
	}

	private K2Block header(final int s, final long b) {
		header.clear();
		final long at = b * K2Block.BYTES;
		try {
			while (header.hasRemaining() && channels[s].read(header, at + header.position()) > 0) {
				// positional reads until the header is complete
			}
		} catch (final IOException e) {
			throw new LayoutException(files.get(s) + ": cannot read block header at byte " + at + ": " + e.getMessage(), e);
		}
		if (header.hasRemaining())
			throw LayoutException.badBytes(files.get(s), at, "a " + K2Block.HEADER + "-byte block header", "end of file");
		return K2Block.read(header, 0);
	}

	private void close() {
		for (final FileChannel c : channels)
			try {
				if (c != null)
					c.close();
			} catch (final IOException e) {
				// read-only: nothing to lose
			}
	}
}
