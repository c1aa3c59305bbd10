/**
 * Quantum Detectors Merlin (Medipix3) {@code .mib} files, read in place.
 *
 * <p>References: LiberTEM's MIB reader ({@code LiberTEM/LiberTEM src/libertem/io/dataset/mib.py}, MIT; the most
 * complete public description of the format) for the header fields, the raw word order, raw 24-bit data, the quad
 * assembly and multi-file acquisitions; and the real Merlin files of the shared test data with their independent
 * reader ({@code tools/mibref.py}): the hot-pixel file (a hot pixel at x = 52, y = 39 in file order) fixes the
 * orientation, and the raw quad file decoded this way correlates at 0.99 with the processed quad file of the same
 * detector (0.49 with chip 0 placed top-left instead).
 *
 * <h2>A {@code .mib} file</h2>
 * Nothing but frames, each an ASCII header followed by the pixels; no file header:
 * <pre>
 * frame record k at byte k × (H + D):
 *   H bytes   header: comma-separated ASCII fields, padded with NUL (or space) bytes to H
 *   D bytes   pixel data
 * </pre>
 * Header fields (0-based):
 * <pre>
 *  0  "MQ1"                magic (a record starts with the bytes MQ1,)
 *  1  sequence number      000001 ... frame number in the acquisition
 *  2  header length H      00384 for one chip, 00768 for four
 *  3  number of chips      01, 04
 *  4  width, 5 height      0256,0256; ROI acquisitions state the real (smaller) size; raw quad states 1024,0256
 *  6  data type            U08 | U16 | U32 (processed counts, big-endian) | R64 (raw 64-bit detector words)
 *  7  chip layout          "   1x1", "   2x2", "Nx1" (a trailing G marks a gap)
 *  8  chip select          hex bit mask of the enabled chips (01, 0F)
 *  9  timestamp            2021-05-07 18:51:10.905800
 * 10  shutter time (s), 11 counter, 12 colour mode, 13 gain mode
 * 14..21 thresholds 0..7 (keV)
 * then per chip: "3RX" and 27 DAC values; then "MQ1A", an extended timestamp, the exposure in ns
 * last non-empty field: counter depth 1 | 6 | 12 | 24 (the NUL padding follows it)
 * </pre>
 * The frame count is the file size ÷ (H + D). A file may end in an unfinished frame (an interrupted acquisition):
 * then the bytes after the last whole frame must start with {@code MQ1,}, and they are ignored.
 *
 * <h2>Pixel data</h2>
 * <ul>
 * <li>{@code U08}, {@code U16}, {@code U32}: width × height counts, row-major, big-endian; D = W·H·bytes.
 * Counter depths 1 and 6 come as U08, 12 as U16, 24 as U32. Quad frames are already assembled (512 × 512).</li>
 * <li>{@code R64}, one chip: 64-bit words stored big-endian, i.e. reverse the 8 bytes of each word and read
 * little-endian; value k of a word sits in bits k·b ... k·b+b-1 from the least significant bit, b = 1 bit
 * (depth 1), 8 bits (depth 6) or 16 bits (depth 12; 12-bit values). For depth 1 this is "reverse the bytes of each
 * 8-byte word, then take bits least-significant first". D = W·H·b/8.</li>
 * <li>{@code R64} depth 24, one chip: the header states twice the width; the data is two images of
 * (W/2) × H 16-bit raw values, the high 12 bits first, then the low 12 bits; value = high·4096 + low. D = W·H·2.
 * (Layout from LiberTEM; no real sample.)</li>
 * <li>{@code R64} 2×2 quad (chip side S, header W = 4S, H = S): raw row r = four chip segments s0 s1 s2 s3 of S
 * values. The S·2 × S·2 frame is: rows 0..S-1: s3 then s2 of raw row r = y; rows S..2S-1: s1 then s0 of raw row
 * r = 2S-1-y, each reversed — top-left s3, top-right s2, bottom-left s1 and bottom-right s0 rotated by 180°.
 * Depths 1, 6 and 12 (raw 24-bit quad data has no public layout and is refused).</li>
 * </ul>
 * Decoded values are the raw counts in file order, no flips: raw 1- and 6-bit data as uint8, 12-bit as uint16,
 * 24-bit as uint32, processed data in its own type.
 *
 * <h2>The {@code .hdr} and series</h2>
 * Merlin writes {@code name.hdr} next to the data: {@code Key:<TAB>value} lines between {@code HDR,} and
 * {@code End}; it records the acquisition (frames, frames per trigger, chips, thresholds), not the scan shape.
 * An acquisition may span several {@code .mib} files with a running number in the name; see {@link
 * org.maptem.formats.mib.MibSeries} for how they are found and ordered, and {@link
 * org.maptem.formats.mib.MibDataset} for how the scan shape is chosen.
 */
package org.maptem.formats.mib;
