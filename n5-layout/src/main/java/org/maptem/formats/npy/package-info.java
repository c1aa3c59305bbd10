/**
 * NumPy {@code .npy} files: read in place as datasets, and written for results and test inputs.
 *
 * <p>Byte layout (reference: NumPy's {@code numpy/lib/format.py} and NEP 1, "A simple file format for NumPy
 * arrays"):
 * <pre>
 * offset 0   6 bytes   magic \x93NUMPY
 * offset 6   1 byte    major version: 1, 2 or 3
 * offset 7   1 byte    minor version: 0
 * offset 8   u16 LE (version 1) or u32 LE (versions 2, 3): header length HLEN
 * offset 10 or 12      HLEN bytes of header: a Python dict literal, latin-1 (versions 1, 2) or UTF-8 (version 3),
 *                      {'descr': '&lt;u2', 'fortran_order': False, 'shape': (4, 4, 128, 128), }
 *                      padded with spaces and ended by '\n' so the data starts at a multiple of 64
 * offset 10 + HLEN (or 12 + HLEN)   the array data, product(shape) × itemsize bytes, nothing after it
 * </pre>
 * {@code descr} is a byte-order character ({@code <} little, {@code >} big, {@code |} not applicable for one-byte
 * types) and a type code with item size; MapTEM reads {@code u1 i1 b1 u2 i2 u4 i4 f4 f8} in either order.
 * {@code fortran_order: True} stores the first axis fastest. A 4D-STEM array has the scan axes first and the frame
 * {@code [height, width]} last.
 */
package org.maptem.formats.npy;
