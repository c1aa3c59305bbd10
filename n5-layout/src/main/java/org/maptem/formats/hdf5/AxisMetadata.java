package org.maptem.formats.hdf5;

import java.util.List;
import java.util.Map;

import io.jhdf.api.Group;
import io.jhdf.api.Node;

/**
 * Reads per-axis steps and units from the axis metadata of the layouts that have it, into an {@link AxisCalibration}
 * indexed by array axis (slowest first). Absent or unreadable metadata leaves an axis unknown; it never fails the
 * open.
 */
final class AxisMetadata {

	private AxisMetadata() {
	}

	/**
	 * EMD: vectors {@code dim1 ... dimN} (EMD 0.2) or {@code dim0 ... dimN-1} (emdfile) beside the data, one per
	 * array axis, holding the axis' coordinates (emdfile stores only the first two of a linear axis); step = second
	 * minus first, unit from the vector's {@code units} attribute, name from {@code name}.
	 */
	static void emd(final Group g, final int rank, final AxisCalibration axes, final Map<String, String> details) {
		final int first = HdfNodes.child(g, "dim0") != null ? 0 : 1;
		final StringBuilder names = new StringBuilder();
		for (int i = 0; i < rank; i++) {
			final Node dim = HdfNodes.child(g, "dim" + (i + first));
			if (dim == null)
				continue;
			final double[] v = HdfNodes.vector(dim);
			if (v != null && v.length >= 2)
				axes.set(i, v[1] - v[0], HdfNodes.string(dim, "units"));
			final String name = HdfNodes.string(dim, "name");
			if (name != null)
				names.append(names.length() == 0 ? "" : ", ").append(name);
		}
		if (names.length() > 0)
			details.put("axes", names.toString());
	}

	/**
	 * NeXus: the {@code NXdata} group's {@code axes} attribute names one dataset per array axis ({@code "."} for
	 * none); step from its first two values, unit from its {@code units} attribute.
	 */
	static void nexus(final Group g, final int rank, final AxisCalibration axes, final Map<String, String> details) {
		final List<String> names = HdfNodes.strings(g, "axes");
		final List<String> split = names.size() == 1 && names.get(0).contains(":") ? List.of(names.get(0).split(":")) : names;
		for (int i = 0; i < Math.min(rank, split.size()); i++) {
			final String name = split.get(i).trim();
			if (name.isEmpty() || name.equals("."))
				continue;
			final Node axis = HdfNodes.child(g, name);
			final double[] v = axis == null ? null : HdfNodes.vector(axis);
			if (v != null && v.length >= 2)
				axes.set(i, v[1] - v[0], HdfNodes.string(axis, "units"));
		}
		if (!split.isEmpty())
			details.put("axes", String.join(", ", split));
	}

	/** HyperSpy: groups {@code axis-0 ... axis-N} beside the data, attributes {@code scale} and {@code units}. */
	static void hyperspy(final Group g, final int rank, final AxisCalibration axes, final Map<String, String> details) {
		final StringBuilder names = new StringBuilder();
		for (int i = 0; i < rank; i++) {
			final Node axis = HdfNodes.child(g, "axis-" + i);
			if (axis == null)
				continue;
			axes.set(i, HdfNodes.number(axis, "scale"), HdfNodes.string(axis, "units"));
			final String name = HdfNodes.string(axis, "name");
			if (name != null)
				names.append(names.length() == 0 ? "" : ", ").append(name);
		}
		if (names.length() > 0)
			details.put("axes", names.toString());
	}
}
