/**
 * Gatan K2 IS raw data sets: a {@code .gtg} metadata file and 8 {@code .bin} sector files, read in place.
 *
 * <p>Reference: LiberTEM's {@code src/libertem/io/dataset/k2is.py} (block layout, sector synchronisation, block
 * placement, 12-bit decoding) and its documentation. Layout as implemented:
 * <pre>
 * NAME.gtg       a DM4 tag file (see org.maptem.formats.dm); SI Dimensions/Size Y, Size X give the scan shape
 * NAME*.bin      8 sector files; sorted by name they are sectors 0 … 7, each 256 pixel columns of the frame
 *                (sector s covers columns 256·s … 256·s+255, all 1860 rows)
 * sector file    a sequence of 0x5758 (22360)-byte blocks from byte 0; a partial block at the end is ignored
 * block header   40 bytes, big-endian:
 *                  0  u32  sync word 0xFFFF0055
 *                  8  u8   version
 *                  9  u8   flags: bit 0 = shutter active
 *                 16  u32  block count (running counter, equal in all sectors for the same block of a frame)
 *                 20  u16  width 256     22  u16  height 1860
 *                 24  u32  frame id
 *                 28  u16  pixel x start  30  u16  pixel y start  32  u16  pixel x end  34  u16  pixel y end
 *                          (inclusive, within the sector)
 *                 36  u32  block size (0x5758)
 * block data     22320 bytes: 930 rows × 16 columns of 12-bit values packed two in three bytes, low bits first
 *                (v0 = b0 | (b1 &amp; 0x0F) &lt;&lt; 8, v1 = b1 &gt;&gt; 4 | b2 &lt;&lt; 4), rows top to bottom
 * frame          32 consecutive blocks per sector: slot k (0 … 31) covers rows 930·(k / 16) … +929 and columns
 *                16·(15 − k mod 16) … +15 of the sector (each block row runs from the sector's right edge to its left)
 * </pre>
 * The sectors start recording at different moments; {@link org.maptem.formats.k2is.K2Sync} aligns them on the block
 * count, skips an incomplete first and last frame, and finds the first frame with the shutter-active flag. Which
 * frame is frame 0 and how the scan shape is chosen is described at {@link org.maptem.formats.k2is.K2isDataset}.
 *
 * <p>Not tested on a real file (none was available): the tests write data sets with the layout above.
 */
package org.maptem.formats.k2is;
