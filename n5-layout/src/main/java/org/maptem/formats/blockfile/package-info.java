/**
 * NanoMegas ASTAR blockfiles ({@code .blo}): a precession-electron-diffraction scan of 8-bit (or 16-bit) square
 * diffraction patterns with a virtual bright-field navigator image, read in place.
 *
 * <p>Byte layout (little-endian throughout; there is no published vendor specification — this is the layout as
 * LiberTEM's {@code io/dataset/blo.py} documents it and as files written by ASTAR and by HyperSpy show it):
 * <pre>
 * offset  type     field            meaning
 * 0       6 bytes  ID               ASCII "IMGBLO"
 * 6       u16      MAGIC            258 (0x0102) or 259 (0x0103, with a text block at 240)
 * 8       u32      Data_offset_1    byte offset of the navigator (virtual bright field): NX × NY u8, row-major
 * 12      u32      Data_offset_2    byte offset of the first frame record
 * 16      u32      UNKNOWN1         flags of the ASTAR software
 * 20      u16      DP_SZ            frame width and height in pixels (square frames)
 * 22      u16      DP_rotation      frame rotation [degrees]
 * 24      u16      NX               scan positions along x (fastest)
 * 26      u16      NY               scan positions along y
 * 28      u16      Scan_rotation    [degrees × 100]
 * 30      f64      SX               scan step along x [nm]
 * 38      f64      SY               scan step along y [nm]
 * 46      u32      Beam_energy      [V]
 * 50      u16      SDP              detector pixels per cm × 100
 * 52      u32      Camera_length    [mm × 10]
 * 56      f64      Acquisition_time serial date
 * 64      8 × f64  Centering_N0..7
 * 128     14 × f64 Distortion_N00..13
 * 240     text     CR LF separated "key : value" lines up to Data_offset_1, NUL padded (MAGIC 259 files, and
 *                  some 258 ones); "Blo Bit Depth: 16 bits" makes the pixels u16
 * Data_offset_1    NX × NY u8 navigator
 * Data_offset_2    NX × NY frame records in scan order, each: 0xAA 0x55, u32 frame number (0-based),
 *                  DP_SZ × DP_SZ pixels (u8, or u16 when the text block says 16 bits)
 * </pre>
 * MapTEM reads the nav shape {@code [NY, NX]}, the sig shape {@code [DP_SZ, DP_SZ]}, scan step {@code [SY, SX]} nm,
 * the detector pixel's physical size {@code 10^6 / SDP} µm (1 / pixels per cm), camera length
 * {@code Camera_length / 10^4} m and beam energy {@code Beam_energy / 1000} keV; non-positive or non-finite values
 * are left unknown. Before any frame is read, {@link org.maptem.formats.blockfile.BlockfileHeader} checks every
 * offset and size against the file length and the first and last frame records' {@code AA 55} prefix and number.
 */
package org.maptem.formats.blockfile;
