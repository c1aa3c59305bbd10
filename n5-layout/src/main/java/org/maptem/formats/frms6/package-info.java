/**
 * PNDetector pnCCD {@code .frms6} data sets: a {@code .hdr} text file and numbered {@code .frms6} files, read in
 * place.
 *
 * <p>Reference: LiberTEM's {@code src/libertem/io/dataset/frms6.py} (and its documentation). Layout as implemented:
 * <pre>
 * NAME.hdr          INI text; section [measurementInfo] with keys (case-insensitive)
 *                     stemimagesize = AxB              scan shape, taken as [A, B] (NumPy order, as LiberTEM does)
 *                     readoutmode   = "bin: N, windowing: R x C"   row binning N (1, 2 or 4)
 *                     signalframes, darkframes, gain, dwelltimemicroseconds   (kept in the provenance)
 * NAME_000.frms6    dark frames: not part of the dataset (MapTEM reads raw counts; no offset correction)
 * NAME_001.frms6 …  signal frames, in file-name order, concatenated
 *
 * every .frms6 file, little-endian:
 *   offset    0  u16  header size, 1024
 *   offset    2  u16  frame header size, 64
 *   offset    7  u8   version, 6
 *   offset   88  u16  raw width W (columns)
 *   offset   90  u16  raw height H (rows)
 *   offset 1020  u32  frames in the file; 0 in older files: then (file size − 1024) / (64 + 2·W·H), which must divide
 *   offset 1024  frames: each a 64-byte frame header (frame number at +12) then H × W u16 pixels, row-major
 * </pre>
 * The detector's two halves are read out side by side: a raw frame of {@code H × W} is unfolded to
 * {@code [2·H, W/2]}. Output row {@code y < H} is raw row {@code y}, columns {@code 0 … W/2−1}; output row
 * {@code y ≥ H} is raw row {@code 2H−1−y}, columns {@code W−1} down to {@code W/2} (the second half turned by
 * 180°). With row binning {@code N > 1} each unfolded row is repeated {@code N} times, giving {@code [2·H·N, W/2]}
 * (LiberTEM's un-binning; values are not rescaled).
 *
 * <p>The scan shape comes from {@link org.maptem.dataset.OpenOptions#navShape()}, else {@code stemimagesize}, else a
 * 1D stack of every signal frame; the dataset holds the first frames the scan needs. Dark-frame subtraction and gain
 * maps are left to the correction step.
 *
 * <p>Not tested on a real file (none was available): the tests write data sets with the layout above.
 */
package org.maptem.formats.frms6;
