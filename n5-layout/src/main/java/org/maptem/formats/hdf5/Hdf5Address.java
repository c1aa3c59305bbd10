package org.maptem.formats.hdf5;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A path naming an HDF5 file, optionally with a dataset inside it: {@code FILE::/path/to/dataset}, e.g.
 * {@code scan.emd::/4DSTEM_simulation/data/datacubes/CBED_array_depth0000/datacube}.
 *
 * <p>The separator is {@code ::} followed by the dataset's absolute HDF5 path (starting with {@code /}). A path
 * that exists as it is always names a file, so real file names containing {@code ::/} still open; otherwise the
 * first {@code ::/} whose left part is an existing regular file splits file and dataset.
 *
 * @param file    the HDF5 file
 * @param dataset the dataset's HDF5 path, or null to find it by layout
 */
record Hdf5Address(Path file, String dataset) {

	/** The separator between file and dataset path. */
	static final String SEPARATOR = "::";

	/** Splits {@code path}; a path with no dataset part is the file itself. */
	static Hdf5Address parse(final Path path) {
		if (Files.exists(path))
			return new Hdf5Address(path, null);
		final String s = path.toString();
		for (int i = s.indexOf(SEPARATOR + "/"); i > 0; i = s.indexOf(SEPARATOR + "/", i + 1)) {
			final Path file = Path.of(s.substring(0, i));
			if (Files.isRegularFile(file))
				return new Hdf5Address(file, s.substring(i + SEPARATOR.length()));
		}
		return new Hdf5Address(path, null);
	}

	/** The path as the user writes it. */
	@Override
	public String toString() {
		return dataset == null ? file.toString() : file + SEPARATOR + dataset;
	}
}
