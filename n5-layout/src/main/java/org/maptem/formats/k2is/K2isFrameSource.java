package org.maptem.formats.k2is;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Tile;
import org.maptem.frames.FloatExactFrameSource;
import org.maptem.frames.Simd;
import org.maptem.frames.Unmapper;

/**
 * Assembles tiles of 1860 × 2048 K2IS frames from the 8 memory-mapped sector files, decoding the packed 12-bit
 * blocks straight into the tile.
 *
 * <p>Each block row of 16 pixels is 24 bytes, a little-endian stream of 12-bit values: {@link K2Vectors} unpacks
 * them eight at a time when {@link Simd#enabled()}; otherwise three 8-byte loads give all 16 values by shifts, no
 * per-byte work. Rows are decoded in chunks of {@link #CHUNK}: one bulk copy of a block's chunk into a scratch array
 * (plain array loads are cheaper than buffer loads; fewer, larger copies cost less per row), then the rows it fills. Blocks are decoded only for the rows the tile covers (row bands read only the blocks they
 * touch). Every block read is checked: its sync word, and its frame id against the first block of the same frame,
 * so lost or shifted blocks fail with the file and byte offset instead of giving wrong pixels.
 *
 * <p>Each sector is mapped in windows of whole frames (at most {@link #WINDOW} bytes), released when reading moves
 * past them or on {@link #close()}. One source per thread; nothing is allocated per tile.
 */
final class K2isFrameSource extends FloatExactFrameSource {

	/** Largest mapping per sector. */
	static final long WINDOW = 1L << 30;
	/** The sync word as a little-endian read of its bytes FF FF 00 55 gives it. */
	private static final int SYNC_LE = Integer.reverseBytes((int) K2Block.SYNC);
	/**
	 * Rows decoded per block at a time: 3 KiB copied per block, filling 128 tile rows (1 MiB, the default tile) in
	 * 128 copies; 32 rows (four times the copies) measured slower on wall-clock time.
	 */
	static final int CHUNK = 128;
	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private final List<Path> files;
	private final long[] frame0Block;
	private final Partition partition;
	private final FileChannel[] channels;
	private final MappedByteBuffer[] maps;
	private final ByteBuffer[] views;
	private final long[] windowFirst;
	private final long[] windowEnd;
	private final byte[] scratch = new byte[CHUNK * K2Block.ROW_BYTES + K2Vectors.SLACK];

	/**
	 * @param files       the 8 sector files in order
	 * @param frame0Block per sector, block index of dataset frame 0
	 * @param partition   the frames this source may read
	 */
	K2isFrameSource(final List<Path> files, final long[] frame0Block, final Partition partition) {
		this.files = files;
		this.frame0Block = frame0Block.clone();
		this.partition = partition;
		final int n = files.size();
		this.channels = new FileChannel[n];
		this.maps = new MappedByteBuffer[n];
		this.views = new ByteBuffer[n];
		this.windowFirst = new long[n];
		this.windowEnd = new long[n];
		try {
			for (int s = 0; s < n; s++)
				channels[s] = FileChannel.open(files.get(s), StandardOpenOption.READ);
		} catch (final IOException e) {
			close();
			throw new LayoutException(files + ": cannot open for reading: " + e.getMessage(), e);
		}
	}

	@Override
	public void read(final Tile tile, final float[] f) {
		check(tile, f.length);
		final int r0 = tile.sigRowStart();
		final int r1 = r0 + tile.sigRows();
		final int perFrame = tile.sigRows() * K2Block.FRAME_WIDTH;
		final byte[] rows = scratch;
		for (int i = 0; i < tile.frameCount(); i++) {
			final long g = tile.firstFrame() + i;
			long frameId = -1;
			// chunks of rows within one block row
			for (int c0 = r0, c1; c0 < r1; c0 = c1) {
				final int yb = c0 / K2Block.ROWS;
				final int top = yb * K2Block.ROWS;
				c1 = Math.min(r1, Math.min(top + K2Block.ROWS, c0 + CHUNK));
				final int n = c1 - c0;
				for (int s = 0; s < K2Block.SECTORS; s++) {
					final ByteBuffer b = window(s, g);
					final int base = (int) ((g - windowFirst[s]) * K2Block.SECTOR_FRAME_BYTES);
					for (int c = 0; c < 16; c++) {
						final int block = base + (yb * 16 + c) * K2Block.BYTES;
						frameId = checkBlock(s, b, block, g, frameId);
						b.get(block + K2Block.HEADER + (c0 - top) * K2Block.ROW_BYTES, rows, 0, n * K2Block.ROW_BYTES);
						int o = i * perFrame + (c0 - r0) * K2Block.FRAME_WIDTH + s * K2Block.SECTOR_WIDTH
								+ K2Block.COLS * (15 - c);
						if (Simd.enabled())
							K2Vectors.rows(rows, n, f, o, K2Block.FRAME_WIDTH);
						else
							for (int p = 0, end = n * K2Block.ROW_BYTES; p < end; p += K2Block.ROW_BYTES, o += K2Block.FRAME_WIDTH)
								row(rows, p, f, o);
					}
				}
			}
		}
	}

	/** Checks the sync word and that the frame id matches the frame's other blocks; returns the frame id. */
	private long checkBlock(final int s, final ByteBuffer b, final int block, final long g, final long frameId) {
		if (b.getInt(block) != SYNC_LE)
			throw LayoutException.badBytes(files.get(s), fileOffset(s, g, block), "block sync word 0xFFFF0055",
					String.format("0x%08X", Integer.reverseBytes(b.getInt(block))));
		final long id = Integer.toUnsignedLong(Integer.reverseBytes(b.getInt(block + 24)));
		if (frameId >= 0 && id != frameId)
			throw LayoutException.badBytes(files.get(s), fileOffset(s, g, block) + 24, "frame id " + frameId
					+ " like the other blocks of frame " + g, id);
		return id;
	}

	private long fileOffset(final int s, final long g, final int block) {
		return (frame0Block[s] + windowFirst[s] * K2Block.PER_FRAME) * K2Block.BYTES + block;
	}

	/** Decodes one block row: 24 bytes, a little-endian stream of sixteen 12-bit values. */
	private static void row(final byte[] b, final int p, final float[] dst, final int o) {
		final long x = (long) LONGS.get(b, p);
		final long y = (long) LONGS.get(b, p + 8);
		final long z = (long) LONGS.get(b, p + 16);
		dst[o] = (int) (x & 0xFFF);
		dst[o + 1] = (int) (x >>> 12 & 0xFFF);
		dst[o + 2] = (int) (x >>> 24 & 0xFFF);
		dst[o + 3] = (int) (x >>> 36 & 0xFFF);
		dst[o + 4] = (int) (x >>> 48 & 0xFFF);
		dst[o + 5] = (int) ((x >>> 60 | y << 4) & 0xFFF);
		dst[o + 6] = (int) (y >>> 8 & 0xFFF);
		dst[o + 7] = (int) (y >>> 20 & 0xFFF);
		dst[o + 8] = (int) (y >>> 32 & 0xFFF);
		dst[o + 9] = (int) (y >>> 44 & 0xFFF);
		dst[o + 10] = (int) ((y >>> 56 | z << 8) & 0xFFF);
		dst[o + 11] = (int) (z >>> 4 & 0xFFF);
		dst[o + 12] = (int) (z >>> 16 & 0xFFF);
		dst[o + 13] = (int) (z >>> 28 & 0xFFF);
		dst[o + 14] = (int) (z >>> 40 & 0xFFF);
		dst[o + 15] = (int) (z >>> 52);
	}

	private void check(final Tile tile, final int dstLength) {
		if (tile.sigWidth() != K2Block.FRAME_WIDTH || tile.sigRowStart() < 0 || tile.sigRows() < 0
				|| tile.sigRowStart() + tile.sigRows() > K2Block.FRAME_HEIGHT)
			throw new LayoutException(files.get(0) + ": tile " + tile + " does not fit frames of " + K2Block.FRAME_HEIGHT
					+ " × " + K2Block.FRAME_WIDTH);
		if (dstLength < tile.size())
			throw new LayoutException("tile buffer holds " + dstLength + " values, tile needs " + tile.size());
		if (tile.firstFrame() < partition.firstFrame() || tile.firstFrame() + tile.frameCount() > partition.endFrame())
			throw new LayoutException(files.get(0) + ": tile " + tile + " lies outside frames " + partition.firstFrame()
					+ " to " + (partition.endFrame() - 1) + " of this source");
	}

	/** The little-endian view of sector {@code s}'s window holding dataset frame {@code g}, mapped if needed. */
	private ByteBuffer window(final int s, final long g) {
		if (views[s] != null && g >= windowFirst[s] && g < windowEnd[s])
			return views[s];
		release(s);
		final long n = Math.max(1, Math.min(partition.endFrame() - g, WINDOW / K2Block.SECTOR_FRAME_BYTES));
		final long start = (frame0Block[s] + g * K2Block.PER_FRAME) * K2Block.BYTES;
		final long length = n * K2Block.SECTOR_FRAME_BYTES;
		try {
			final long size = channels[s].size();
			if (start + length > size)
				throw LayoutException.badBytes(files.get(s), size, (start + length) + " bytes for frames " + g + " to "
						+ (g + n - 1), "end of file");
			maps[s] = channels[s].map(FileChannel.MapMode.READ_ONLY, start, length);
		} catch (final IOException e) {
			throw new LayoutException(files.get(s) + ": cannot map bytes " + start + " to " + (start + length) + ": "
					+ e.getMessage(), e);
		}
		views[s] = maps[s].duplicate().order(ByteOrder.LITTLE_ENDIAN);
		windowFirst[s] = g;
		windowEnd[s] = g + n;
		return views[s];
	}

	private void release(final int s) {
		views[s] = null;
		if (maps[s] != null)
			Unmapper.unmap(maps[s]);
		maps[s] = null;
	}

	@Override
	public void close() {
		for (int s = 0; s < channels.length; s++) {
			release(s);
			try {
				if (channels[s] != null)
					channels[s].close();
			} catch (final IOException e) {
				// read-only: nothing to lose
			}
		}
	}
}
