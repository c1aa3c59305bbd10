/**
 * TVIPS recorder streams ({@code .tvips}, EMMENU / TVIPS camera "recorder" output): a series of frames split over
 * files {@code name_000.tvips}, {@code name_001.tvips}, ..., read in place.
 *
 * <p>Byte layout (little-endian 32-bit integers; reference: the TVIPS recorder file description as LiberTEM's
 * {@code io/dataset/tvips.py} documents it):
 * <pre>
 * first file (_000) only: 256-byte series header
 *   0  ISize            256
 *   4  IVersion         1 or 2
 *   8  IXDim, 12 IYDim  frame width and height
 *   16 IBPP             bits per pixel: 8 or 16
 *   20 IXOff, 24 IYOff  camera offsets
 *   28 IXBin, 32 IYBin  binning
 *   36 IPixelSize       pixel size [nm]
 *   40 IHT              high tension [kV]
 *   44 IMagTotal        total magnification
 *   48 IImgHeaderBytes  bytes of every frame header (version 2; version 1 frame headers are 12 bytes)
 *   52..255             unused
 * every file, after the series header if any: frames, each
 *   frame header (IImgHeaderBytes) then IYDim × IXDim pixels, u8 or u16, row-major
 *   version 2 frame header fields used here: 0 ICounter u32, 48 rotidx ("index of rotator") u32, the scan
 *   position counter of the scan generator
 * later files (_001, _002, ...) have no series header: their frames continue the series
 * </pre>
 * Every file must hold a whole number of frames. Files of a series are found by the {@code _NNN} suffix (three
 * digits) of the name given, which may be any file of the series; their numbers must run from 000 without a gap.
 *
 * <p>The scan shape is not recorded. MapTEM opens the series as a flat stack {@code [frames]} unless the open
 * options give a nav shape. The {@code rotidx} of every frame (version 2 headers of at least 52 bytes) is read and
 * summarised in the provenance: its first and last value and whether it steps by exactly one per frame (one frame
 * per scan position) — it numbers scan positions but does not say how wide a scan row is, so it cannot choose a 2D
 * shape by itself. Beam energy comes from {@code IHT}; {@code IPixelSize}, binning and offsets are kept in the
 * provenance (the header does not say whether the pixel size is in the specimen or the camera plane).
 */
package org.maptem.formats.tvips;
