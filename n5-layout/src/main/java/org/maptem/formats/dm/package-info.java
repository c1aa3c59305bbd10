/**
 * Gatan Digital Micrograph DM3 and DM4 files: the tag tree, and the data image read in place.
 *
 * <p>Gatan does not publish the format; references: Chris Boothroyd's "Digital Micrograph file format" pages and
 * Greg Jefferis' DM3 description (ImageJ plugins), ncempy's {@code ncempy/io/dm.py}, and LiberTEM's
 * {@code src/libertem/io/dataset/dm_single.py} for how 3D/4D arrays are laid out. Byte layout:
 * <pre>
 * header     u32 BE version (3 or 4)
 *            root length: u32 BE (DM3) or u64 BE (DM4), not checked (writers disagree by a few bytes)
 *            u32 BE byte order of tag values and arrays: 1 little-endian, 0 big-endian
 * group      u8 sorted, u8 open, tag count (u32 BE in DM3, u64 BE in DM4), then that many entries
 * entry      u8 kind: 20 group, 21 data; u16 BE label length; label (Latin-1; empty for list items);
 *            DM4 only: u64 BE size of the rest of the entry; then a group or:
 * data tag   "%%%%", definition length n (u32/u64 BE), n definition words (u32/u64 BE), then the value(s)
 *            in the header's byte order. Definitions:
 *              [t]                                      one value of simple type t: 2 i16, 3 i32, 4 u16, 5 u32,
 *                                                       6 f32, 7 f64, 8 bool, 9 i8, 10 u8, 11 i64, 12 u64
 *              [18, length]                             string of length bytes
 *              [15, name length, f, (name length, t) × f]   struct of f simple fields
 *              [20, t, count]                           array of count elements of simple type t
 *              [20, 15, name length, f, (name length, t) × f, count]   array of structs
 * end        8 zero bytes
 * </pre>
 * Images are the groups in {@code ImageList}; each has {@code ImageData} with {@code Data} (the array),
 * {@code DataType} (1 i16, 2 f32, 6 u8, 7 i32, 9 i8, 10 u16, 11 u32, 12 f64, 14 binary as u8; complex and RGB are
 * not read), {@code Dimensions} (extents, fastest first) and {@code Calibrations/Dimension} ({@code Origin},
 * {@code Scale}, {@code Units} as a u16 character array), and {@code ImageTags}. The first image is usually an RGB
 * thumbnail; MapTEM reads the first image of 2 to 4 dimensions with a readable type, and checks that its data array
 * holds exactly product(dimensions) × element size bytes. How 3D/4D arrays are ordered, and how calibrations map to
 * axes, is described at {@link org.maptem.formats.dm.DmDataset}.
 *
 * <p>Not tested on a real file (none was available): the tests write tag files with the layout above.
 */
package org.maptem.formats.dm;
