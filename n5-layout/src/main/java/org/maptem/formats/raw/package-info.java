/**
 * Raw binary frame files, read in place.
 *
 * <p>Byte layout (all sizes from {@link org.maptem.formats.raw.RawParams}, nothing stored in the file):
 * <pre>
 * offset bytes                      file header, skipped
 * frame 0:  frameHeaderBytes        skipped
 *           pixels                  height × width elements, row-major, dtype in the given byte order
 *                                   (UINT12_PACKED: two values in three bytes, low bits first)
 *           frameFooterBytes        skipped
 * frame 1 ... frame N-1             the same, N = product of the nav shape, frames in C (scan) order
 * </pre>
 * The file size must be exactly {@code offset + N × (frameHeaderBytes + pixel bytes + frameFooterBytes)}; any
 * difference means the parameters are wrong and is reported with the expected and found sizes. There is no vendor
 * reference: this is the layout of headerless camera dumps and of formats such as EMPAD (footer rows) that are
 * raw frames with fixed gaps.
 */
package org.maptem.formats.raw;
