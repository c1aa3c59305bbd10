/**
 * HDF5 files holding 4D-STEM data, read in place: Berkeley EMD (Prismatic, py4DSTEM), Velox EMD, NeXus, HyperSpy,
 * DECTRIS ARINA/EIGER masters, or any dataset the user names.
 *
 * <h2>Naming a dataset</h2>
 * {@code FILE::/path/to/dataset}, e.g. {@code maptem info Si100_4D.emd::/4DSTEM_simulation/data/datacubes/CBED_array_depth0000/datacube}:
 * the file, {@code ::}, and the dataset's absolute HDF5 path. A path that exists as a file is always that file, so
 * real names containing {@code ::/} still open. Without a dataset path the layout decides ({@link
 * org.maptem.formats.hdf5.Hdf5Layouts}); when several datasets qualify the error lists each as {@code FILE::/path}.
 *
 * <h2>What is read</h2>
 * The dataset's last two axes are the frame (rows, columns) and the leading 1 to 3 axes the scan, except Velox,
 * whose {@code /Data/Image/<uuid>/Data} is {@code [rows, columns, frames]}. Element types: 8-, 16-, 32-bit signed
 * and unsigned integers, 32- and 64-bit floats, either byte order. Storage:
 * <ul>
 * <li>contiguous, frames leading: frames are packed at the dataset's file offset (from its data layout message)
 * and read like a raw file, memory-mapped or by direct IO, without copying;</li>
 * <li>chunked: every chunk's file offset, stored size and filter mask are taken from jhdf's chunk index when the
 * dataset is opened and checked against the file; a chunk is read with one positional read and decoded into a
 * reusable array (one copy), then copied row run by row run into tiles; chunks never written read as the fill
 * value;</li>
 * <li>frames-last (Velox) and compact datasets are gathered element by element.</li>
 * </ul>
 * Filters decoded (HDF5 filter pipeline, undone last to first; a chunk's filter mask skips filters): deflate (1,
 * zlib), shuffle (2), fletcher32 (3, checksum stripped, not verified), LZ4 (32004) and bitshuffle (32008) with LZ4
 * or without compression; anything else (LZF, zstd, Blosc, szip) is refused with the filter's name and id.
 *
 * <h2>Bitshuffle+LZ4 chunks (filter 32008, DECTRIS)</h2>
 * Reference: K. Masui et al., "A compression scheme for radio data in high performance computing", Astronomy and
 * Computing 12 (2015), and the bitshuffle HDF5 filter ({@code bshuf_h5filter.c}, filter parameters
 * {@code [major, minor, element size, block size, compression]}, compression 2 = LZ4):
 * <pre>
 * offset 0   u64 big-endian   decoded chunk bytes (chunk shape × element size)
 * offset 8   u32 big-endian   block bytes (default 8192, a multiple of 8 elements)
 * offset 12  per block of n elements (n = block size, then the largest multiple of 8 left):
 *              u32 big-endian compressed length, then an LZ4 block decoding to n × element size bytes,
 *              bit-transposed: row 8b + k holds bit k of byte b of every element, element j at bit j % 8 of
 *              byte j / 8 of the row
 *            the last (elements mod 8) elements, copied as they are
 * </pre>
 * The HDF5 LZ4 filter (32004) has the same header and per-block lengths without the transposition; a block whose
 * length equals its decoded size is stored raw.
 *
 * <h2>Layouts</h2>
 * <ul>
 * <li>EMD 0.2 (NCEM, "Electron Microscopy Dataset" specification; Prismatic and py4DSTEM up to 0.12): a group
 * with attribute {@code emd_group_type = 1} holds the data and vectors {@code dim1 ... dimN} (one per axis, slowest
 * first) with attributes {@code name} and {@code units} (written {@code [n_m]}, {@code [n_m^-1]}).</li>
 * <li>emdfile 1.x (py4DSTEM 0.13+): a group with {@code emd_group_type = "array"} holds {@code data} and
 * {@code dim0 ... dimN-1}; linear axes store only their first two coordinates.</li>
 * <li>Velox (Thermo Fisher): {@code /Data/Image/<uuid>/Data}; the scan shape and calibration are in JSON metadata
 * MapTEM does not read: give the scan shape when opening.</li>
 * <li>NeXus (NXdata, NIAC): the group's {@code signal} attribute names the data, {@code axes} one dataset per axis
 * ({@code "."} for none) with a {@code units} attribute.</li>
 * <li>HyperSpy ({@code .hspy}): {@code /Experiments/<name>/data} with groups {@code axis-i} (attributes
 * {@code scale}, {@code units}, {@code name}) describing array axis {@code i}.</li>
 * <li>DECTRIS ARINA/EIGER (a NeXus NXmx master linking data files): see
 * {@link org.maptem.formats.hdf5.DectrisMaster}; the layout is the one of the ARINA sample in the shared test data
 * and of py4DSTEM's ARINA reader (which, like LiberTEM's generic HDF5 reader, takes the scan shape from the user).</li>
 * </ul>
 * Calibration units become MapTEM's: scan steps in nm, detector pixels in 1/nm (reciprocal lengths), mrad (angles)
 * or um (lengths); unknown units are kept as written.
 *
 * <h2>Checks before reading</h2>
 * The HDF5 signature (byte 0, 512, 1024 or 2048); element type and shape (no overflow, frames below 2^31 pixels);
 * contiguous data inside the file; chunk shape at most 256 MiB decoded; every chunk inside its file, on the chunk
 * grid, stored in at most twice its decoded size, no grid position twice; a chunked dataset's shape at most 4096
 * times its stored bytes plus 1 GiB (a damaged shape cannot become an endless read of fill values); filters and
 * their parameters (element size, block size, compression). Everything jhdf throws while parsing a damaged file
 * becomes a {@link org.maptem.dataset.LayoutException} naming the file.
 */
package org.maptem.formats.hdf5;
