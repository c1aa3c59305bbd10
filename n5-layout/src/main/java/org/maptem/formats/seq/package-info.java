/**
 * Norpix StreamPix sequence files ({@code .seq}), as Direct Electron cameras write them: read in place.
 *
 * <p>Byte layout (references: LiberTEM's {@code src/libertem/io/dataset/seq.py}, itself based on the PIMS project's
 * Norpix reader, and Norpix's StreamPix file format description). All numbers little-endian:
 * <pre>
 * offset   type      field
 *   0      u32       magic 0xFEED
 *   4      24 bytes  name, UTF-16LE ("Norpix seq")
 *  28      i32       version (StreamPix 6 writes 5)
 *  32      i32       header size
 *  36      512 bytes description, UTF-16LE
 * 548      u32       width (pixels per row)
 * 552      u32       height (rows)
 * 556      u32       bit depth: 8, 16 or 32 (unsigned integers)
 * 560      u32       real bit depth (significant bits)
 * 564      u32       image size in bytes
 * 568      u32       image format: 100 = monochrome
 * 572      u32       allocated frames
 * 576      u32       origin
 * 580      u32       true image size: bytes from one frame's start to the next (pixels + timestamp + padding)
 * 584      f64       suggested frame rate
 * 592      i32       description format
 * 596      u32       reference frame
 * 600      u32       fixed size
 * 604      u32       flags
 * 608      i32       Bayer pattern
 * 612      i32       time offset (µs)
 * 616      i32       extended header size
 * 620      u32       compression format: 0 = uncompressed
 * 624      i32, u16, u16  reference time (s, ms, µs)
 * </pre>
 * Frames start at byte 8192 for version 5 and later, at byte 1024 before; frame {@code i} starts at
 * {@code start + i × trueImageSize}; its {@code height × width} pixels are row-major, followed by a footer (the
 * timestamp) that fills the rest of the true image size. The frame count is
 * {@code (file size − start) / trueImageSize}, rounded down, as LiberTEM counts it; the allocated-frames field is
 * kept in the provenance only.
 *
 * <p>The file does not record the scan shape (nor does the DE {@code .seq.metadata} side file, whose binning, frame size
 * and frame rate go to the provenance): it comes from {@link org.maptem.dataset.OpenOptions#navShape()}; without
 * one, a square frame count is taken as a square scan and anything else as a 1D stack (LiberTEM's guess).
 * Dark and gain references ({@code .seq.dark.mrc}, {@code .seq.gain.mrc}) and the bad-pixel XML are not applied:
 * MapTEM reads raw counts. Only monochrome, uncompressed files are read.
 *
 * <p>Not tested on a real file (none was available): the tests write files with the layout above.
 */
package org.maptem.formats.seq;
