/**
 * FEI / Thermo Fisher TIA series files ({@code .ser}, with an optional {@code .emi} beside them): a series of 1D or
 * 2D data elements, one per scan position, each at its own byte offset, read in place.
 *
 * <p>Byte layout (little-endian; reference: the "TIA Series Data File format" description of Emispec / FEI, as
 * reproduced by C. Boothroyd, and LiberTEM's {@code io/dataset/ser.py}):
 * <pre>
 * header
 *   0   u16  ByteOrder            0x4949 ("II", little-endian)
 *   2   u16  SeriesID             0x0197
 *   4   u16  SeriesVersion        0x0210 (32-bit offsets) or 0x0220 (64-bit offsets, TIA 4.7.3 and later)
 *   6   u32  DataTypeID           0x4120: 1D elements, 0x4122: 2D elements
 *   10  u32  TagTypeID            0x4152: time tags, 0x4142: time and 2D position tags
 *   14  i32  TotalNumberElements  = product of the dimension sizes
 *   18  i32  ValidNumberElements  elements actually written (fewer when the acquisition was stopped)
 *   22  i32 | i64  OffsetArrayOffset
 *   26 | 30  i32   NumberDimensions
 * dimension array, NumberDimensions times (the first dimension varies fastest)
 *   i32 DimensionSize, f64 CalibrationOffset, f64 CalibrationDelta, i32 CalibrationElement,
 *   i32 DescriptionLength, chars Description, i32 UnitsLength, chars Units
 * at OffsetArrayOffset: TotalNumberElements data offsets (i32 | i64), then as many tag offsets
 * each 2D data element, at its data offset (50-byte header, then the array: x fastest, rows from the bottom of
 * the image up):
 *   f64 CalibrationOffsetX, f64 CalibrationDeltaX, i32 CalibrationElementX,
 *   f64 CalibrationOffsetY, f64 CalibrationDeltaY, i32 CalibrationElementY,
 *   i16 DataType, i32 ArraySizeX, i32 ArraySizeY
 * each 1D data element (26-byte header): f64 CalibrationOffset, f64 CalibrationDelta, i32 CalibrationElement,
 *   i16 DataType, i32 ArrayLength
 * DataType: 1 u8, 2 u16, 3 u32, 4 i8, 5 i16, 6 i32, 7 f32, 8 f64 (9, 10 complex: not read)
 * </pre>
 * Elements need not be equally spaced: every frame is read at its own offset. All elements must share one data
 * type and size; {@link org.maptem.formats.ser.SerHeader} checks the header, the dimension array, the offset array
 * and element 0's header against the file length before any data is read, and every other element's header against
 * element 0's as its frame is read (at open, that cost a page fault per element, as long as a pass over the data).
 *
 * <p>Dataset model: nav shape = the dimension sizes reversed (slowest first), or {@code [ValidNumberElements]} when
 * fewer elements than the dimensions promise were written; sig shape {@code [ArraySizeY, ArraySizeX]} (1D elements:
 * {@code [1, ArrayLength]}) with rows top first, as TIA and HyperSpy display them: frame row {@code r} is stored row
 * {@code ArraySizeY - 1 - r} (the independent reference values of the real sample agree only in this orientation). Scan steps come from dimensions whose units are {@code m} (converted to nm). The
 * detector pixel is the element's CalibrationDelta, whose unit the {@code .ser} does not state: with an {@code .emi}
 * file ({@code name.emi} for {@code name_1.ser}) MapTEM reads its embedded {@code <ObjectInfo>} XML (accelerating
 * voltage, camera length) and takes the pixel as reciprocal ({@code 1/m}, reported in {@code 1/nm}) when the EMI
 * names the display "Reciprocal Space" or the microscope mode "Diffraction", otherwise as real space ({@code m},
 * reported in {@code nm}); without an {@code .emi} the detector stays in pixels and the delta is kept in the
 * provenance.
 */
package org.maptem.formats.ser;
