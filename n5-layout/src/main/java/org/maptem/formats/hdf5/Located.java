package org.maptem.formats.hdf5;

import java.util.List;
import java.util.Map;

import org.maptem.dataset.Calibration;

/**
 * What {@link Hdf5Layouts} found in a file: the layout it recognised, the arrays holding the frames (in frame order;
 * several only for a DECTRIS master's data files), the nav shape the file implies, the calibration its metadata
 * gives, and facts for the provenance.
 *
 * @param layout    {@code dectris}, {@code emd}, {@code py4dstem}, {@code velox}, {@code nexus}, {@code hyperspy},
 *                  {@code generic} (the only 4D dataset of an unknown layout) or {@code path} (named by the user)
 * @param segments  the arrays, all with the same frame shape and element type
 * @param navShape  NumPy-order scan shape, whose product is the total number of frames
 * @param calibration what the file's metadata says, {@link Calibration#UNCALIBRATED} if nothing
 * @param details   layout-specific facts (metadata file, data files, axis names)
 */
record Located(String layout, List<Hdf5Array> segments, long[] navShape, Calibration calibration,
		Map<String, String> details) {

	Located {
		segments = List.copyOf(segments);
		navShape = navShape.clone();
		details = Map.copyOf(details);
	}

	@Override
	public long[] navShape() {
		return navShape.clone();
	}
}
