/**
 * EMPAD (Electron Microscope Pixel Array Detector, Cornell / Thermo Fisher) acquisitions: an {@code .xml}
 * description and a {@code .raw} file of frames, read in place.
 *
 * <p>Byte layout of the {@code .raw} file (no header, nothing after the last frame; reference: the EMPAD readers of
 * LiberTEM {@code io/dataset/empad.py} and the EMPAD software's own description of its output):
 * <pre>
 * frame 0:  130 rows × 128 columns of little-endian float32 (66 560 bytes)
 *           rows 0..127  the 128 × 128 detector image
 *           rows 128,129 per-frame metadata (not pixels; skipped)
 * frame 1 ... frame N-1: the same, frames in scan order (x fastest)
 * </pre>
 * so the dataset is {@code N} frames of {@code [128, 128]} float32 with a 1024-byte gap after each.
 *
 * <p>The {@code .xml} file ({@code <root>} element) says which {@code .raw} file holds the frames
 * ({@code <raw_file filename="...">}, looked up next to the XML by its base name; when it is missing there, the
 * {@code .raw} with the XML's own base name is used) and what the acquisition was. MapTEM reads these elements:
 * <table>
 * <caption>XML elements used</caption>
 * <tr><th>element</th><th>use</th></tr>
 * <tr><td>{@code type}</td><td>{@code scan} (the default when absent) or {@code series}</td></tr>
 * <tr><td>{@code count}, {@code scan_parameters/series_count}</td><td>series: frame count, nav shape {@code [count]}</td></tr>
 * <tr><td>{@code pix_y}, {@code pix_x}</td><td>scan: nav shape {@code [pix_y, pix_x]} (older software)</td></tr>
 * <tr><td>{@code scan_parameters[@mode="acquire"]/scan_resolution_y}, {@code .../scan_resolution_x}</td><td>scan:
 *     nav shape when {@code pix_*} are absent; {@code mode="search"} is tried next when the acquire shape does not
 *     match the {@code .raw} size (files where the raw data follow the search parameters). The first candidate
 *     whose frame count matches the {@code .raw} size exactly is used; none matching is an error.</td></tr>
 * <tr><td>{@code iom_measurements/optics.get_full_scan_field_of_view} ({@code "[x, y]"} in m) or
 *     {@code iom_measurements/full_scan_field_of_view/x}, {@code /y} (m)</td><td rowspan="2">scan step
 *     {@code fov × scan_size / positions} per axis, in nm</td></tr>
 * <tr><td>{@code scan_parameters/scan_size} (fraction of the field of view, same mode as the nav shape)</td></tr>
 * <tr><td>{@code iom_measurements/calibrated_diffraction_angle} (rad per pixel)</td><td>detector pixel in mrad</td></tr>
 * <tr><td>{@code iom_measurements/optics.get_cameralength} or {@code iom_measurements/nominal_camera_length}
 *     (m)</td><td>camera length</td></tr>
 * <tr><td>{@code iom_measurements/source.get_voltage} or {@code iom_measurements/high_voltage} (V)</td><td>beam
 *     energy in keV</td></tr>
 * </table>
 * Missing, non-numeric or non-positive calibration values are left unknown; {@code software_version},
 * {@code timestamp}, {@code calibrated_pixelsize} and {@code full_scan_field_of_view/scale_factor} are kept in the
 * provenance as found. The XML is parsed with DOCTYPEs and external entities disabled.
 */
package org.maptem.formats.empad;
