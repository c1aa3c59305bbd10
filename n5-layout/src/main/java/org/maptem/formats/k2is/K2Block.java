package org.maptem.formats.k2is;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The 40-byte big-endian header of one K2IS data block (layout in the package documentation), and the block
 * geometry constants.
 *
 * @param sync        sync word, {@link #SYNC}
 * @param version     format version byte
 * @param flags       flag byte; bit 0 = shutter active
 * @param blockCount  running block counter of the sector
 * @param width       sector width, 256
 * @param height      sector height, 1860
 * @param frameId     frame number
 * @param xStart      first pixel column within the sector
 * @param yStart      first pixel row within the sector
 * @param xEnd        last pixel column within the sector
 * @param yEnd        last pixel row within the sector
 * @param blockSize   block size field (0x5758 when written)
 */
public record K2Block(long sync, int version, int flags, long blockCount, int width, int height, long frameId, int xStart,
		int yStart, int xEnd, int yEnd, long blockSize) {

	/** Bytes of one block: header and packed pixels. */
	public static final int BYTES = 0x5758;
	/** Bytes of a block header. */
	public static final int HEADER = 40;
	/** Pixel rows of a block. */
	public static final int ROWS = 930;
	/** Pixel columns of a block. */
	public static final int COLS = 16;
	/** Bytes of one block row: 16 packed 12-bit values. */
	public static final int ROW_BYTES = COLS * 3 / 2;
	/** Blocks of one sector per frame: 2 block rows of 16 block columns. */
	public static final int PER_FRAME = 32;
	/** Sectors (files) of a data set. */
	public static final int SECTORS = 8;
	/** Pixel columns of one sector. */
	public static final int SECTOR_WIDTH = 256;
	/** Pixel rows of a frame (and of a sector). */
	public static final int FRAME_HEIGHT = 2 * ROWS;
	/** Pixel columns of a frame: 8 sectors side by side. */
	public static final int FRAME_WIDTH = SECTORS * SECTOR_WIDTH;
	/** Bytes of one sector's part of a frame. */
	public static final long SECTOR_FRAME_BYTES = (long) PER_FRAME * BYTES;
	/** The sync word every block starts with. */
	public static final long SYNC = 0xFFFF0055L;
	/** Flag bit set while the shutter is open. */
	public static final int SHUTTER_ACTIVE = 0x1;

	/** The header at {@code at} of {@code b} (any byte order; fields are read big-endian). */
	public static K2Block read(final ByteBuffer b, final int at) {
		final ByteBuffer h = b.duplicate().order(ByteOrder.BIG_ENDIAN);
		return new K2Block(Integer.toUnsignedLong(h.getInt(at)), h.get(at + 8) & 0xFF, h.get(at + 9) & 0xFF,
				Integer.toUnsignedLong(h.getInt(at + 16)), h.getShort(at + 20) & 0xFFFF, h.getShort(at + 22) & 0xFFFF,
				Integer.toUnsignedLong(h.getInt(at + 24)), h.getShort(at + 28) & 0xFFFF, h.getShort(at + 30) & 0xFFFF,
				h.getShort(at + 32) & 0xFFFF, h.getShort(at + 34) & 0xFFFF, Integer.toUnsignedLong(h.getInt(at + 36)));
	}

	/** True for a block of a K2IS sector: sync word, sector width 256 and height 1860 (what LiberTEM checks). */
	public boolean valid() {
		return sync == SYNC && width == SECTOR_WIDTH && height == FRAME_HEIGHT;
	}

	/** True when the shutter-active flag is set. */
	public boolean shutterActive() {
		return (flags & SHUTTER_ACTIVE) != 0;
	}

	/** Block row (0 or 1) of block slot {@code k} (0 to 31) of a sector's frame. */
	public static int slotRow(final int k) {
		return k / 16;
	}

	/** Block column (0 to 15) of block slot {@code k}: slots run from the sector's right edge to its left. */
	public static int slotColumn(final int k) {
		return 15 - k % 16;
	}
}
