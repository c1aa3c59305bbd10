/**
 * MRC files ({@code .mrc}, {@code .mrcs}; MRC2014, including Direct Electron 4D-STEM stacks written as MRC image
 * stacks): a stack of 2D sections, read in place, one section per frame.
 *
 * <p>Byte layout (reference: the MRC2014 specification, Cheng et al., J. Struct. Biol. 192 (2015) 146–150, and
 * https://www.ccpem.ac.uk/mrc_format/mrc2014.php; the IMOD extension of the header as IMOD's {@code mrc_format}
 * page describes it). The 1024-byte header is 56 four-byte words and ten 80-character labels, in the file's byte
 * order:
 * <pre>
 * byte  field      meaning
 * 0     NX, NY, NZ columns, rows, sections (i32 each; NX fastest)
 * 12    MODE       0 int8 (IMOD: uint8 unless imodFlags bit 0), 1 int16, 2 float32, 6 uint16, 12 float16;
 *                  3, 4 (complex) and 101 (4-bit) are not read
 * 16    NXSTART, NYSTART, NZSTART
 * 28    MX, MY, MZ sampling along X, Y, Z (for ISPG 401-630: MZ sections per volume)
 * 40    CELLA      cell size X, Y, Z in Å (f32 × 3): pixel spacing = CELLA / M
 * 52    CELLB      cell angles
 * 64    MAPC, MAPR, MAPS  axes of columns, rows, sections: must be 1, 2, 3 (or all 0, unset)
 * 76    DMIN, DMAX, DMEAN
 * 88    ISPG       space group: 0 image stack, 1 volume, 401-630 stack of volumes
 * 92    NSYMBT     bytes of extended header after the 1024-byte header
 * 104   EXTTYP     4 characters naming the extended header type (e.g. "FEI1", "SERI"), kept as provenance
 * 108   NVERSION   2014 × 10 + revision
 * 152   imodStamp  1146047817 when IMOD wrote the file; 156 imodFlags
 * 196   ORIGIN     (f32 × 3)
 * 208   MAP        "MAP " (MRC2014; older files may lack it)
 * 212   MACHST     machine stamp: 44 44 00 00 or 44 41 00 00 little-endian, 11 11 00 00 big-endian
 * 216   RMS, 220 NLABL, 224 ten 80-character labels
 * 1024  extended header, NSYMBT bytes
 * 1024 + NSYMBT   NZ sections of NY rows of NX values, nothing after them
 * </pre>
 * When the machine stamp is neither, the byte order is the one in which MODE and NX, NY, NZ make sense.
 *
 * <p>Dataset model: sig shape {@code [NY, NX]}; nav shape {@code [NZ]}, or {@code [NZ / MZ, MZ]} for a stack of
 * volumes (ISPG 401-630), or the open options' nav shape (4D-STEM stacks do not record their scan shape). The file
 * size must be exactly header + extended header + data. MRC records a real-space pixel spacing (CELLA / MX); a
 * diffraction frame's angular calibration is not recorded, so the detector stays in pixels and the spacing is kept in
 * the provenance. Float16 (MODE 12) sections are widened to float32 as they are read (the dataset reports
 * {@code float32}).
 */
package org.maptem.formats.mrc;
