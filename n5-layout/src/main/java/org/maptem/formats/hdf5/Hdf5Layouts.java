package org.maptem.formats.hdf5;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.maptem.dataset.Calibration;
import org.maptem.dataset.LayoutException;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

/**
 * Finds the 4D-STEM data in an HDF5 file: the dataset the user named, or the one a known layout points to.
 *
 * <p>Layouts recognised, in this order:
 * <ul>
 * <li><b>dectris</b>: a DECTRIS ARINA/EIGER master, {@code /entry/data/data_NNNNNN} links to 3D datasets
 * {@code [frames, rows, cols]} in data files, concatenated in name order (see {@link DectrisMaster});</li>
 * <li><b>emd</b>: Berkeley EMD 0.2 (Prismatic, py4DSTEM up to 0.12): a group with {@code emd_group_type = 1} holding
 * the data ({@code data}, or its one dataset not called {@code dimN}) and axis vectors {@code dim1 ... dimN};</li>
 * <li><b>py4dstem</b>: emdfile 1.x (py4DSTEM 0.13+): a group with {@code emd_group_type = "array"} holding {@code data}
 * and vectors {@code dim0 ... dimN-1} (two values when the axis is linear);</li>
 * <li><b>velox</b>: Thermo Fisher Velox EMD, {@code /Data/Image/<uuid>/Data} of shape {@code [rows, cols, frames]}:
 * frames along the last axis, read by gathering (see {@link ContiguousSegment}); no scan shape or calibration is
 * taken from Velox' JSON metadata;</li>
 * <li><b>nexus</b>: an {@code NXdata} group whose {@code signal} attribute names the data, axes from its
 * {@code axes} attribute;</li>
 * <li><b>hyperspy</b>: {@code /Experiments/<name>/data}, axes from the groups {@code axis-0 ... axis-N} (attributes
 * {@code scale}, {@code units}), {@code axis-i} describing array axis {@code i};</li>
 * <li><b>generic</b>: otherwise any dataset of 3 to 5 axes.</li>
 * </ul>
 * Several candidates are narrowed to those with 4 axes (or, for Velox, more than one frame); if more than one is left
 * the error lists them all with the syntax to pick one ({@code FILE::/path}).
 */
final class Hdf5Layouts {

	private record Candidate(String layout, Dataset data, Group group, boolean framesLast) {
	}

	private Hdf5Layouts() {
	}

	/**
	 * Locates the frames in {@code h} (the file {@code file}): at {@code datasetPath} when it is not null, else by
	 * layout. Data files a DECTRIS master links to are opened with {@code files}.
	 *
	 * @throws LayoutException naming the file when nothing or more than one dataset qualifies
	 */
	static Located locate(final HdfFile h, final HdfFiles files, final Path file, final String datasetPath) {
		if (datasetPath != null)
			return byPath(h, file, datasetPath);
		final Located dectris = DectrisMaster.find(h, files, file);
		if (dectris != null)
			return dectris;
		final List<Candidate> known = new ArrayList<>();
		final List<Candidate> generic = new ArrayList<>();
		final boolean complete = HdfNodes.walk(h, node -> classify(node, known, generic));
		if (!known.isEmpty())
			return pick(file, known, complete);
		if (!generic.isEmpty())
			return pick(file, generic, complete);
		throw new LayoutException(file + ": no dataset of 3 to 5 axes (a frame stack or 4D-STEM scan) in the file"
				+ (complete ? "" : " (searched the first " + HdfNodes.MAX_NODES + " objects)"));
	}

	private static void classify(final Node node, final List<Candidate> known, final List<Candidate> generic) {
		if (node instanceof Group g) {
			final Candidate c = candidate(g);
			if (c != null && known.stream().noneMatch(k -> k.data.getPath().equals(c.data.getPath())))
				known.add(c);
		} else if (node instanceof Dataset d) {
			final int rank = rank(d);
			if (rank >= 3 && rank <= 5)
				generic.add(new Candidate("generic", d, d.getParent(), false));
		}
	}

	/** The candidate a group is, by its layout, or null. */
	private static Candidate candidate(final Group g) {
		final Object emd = HdfNodes.attr(g, "emd_group_type");
		if (emd instanceof Number n && n.intValue() == 1 || "1".equals(HdfNodes.asString(emd))) {
			final Dataset d = emdData(g);
			return d == null ? null : new Candidate("emd", d, g, false);
		}
		if ("array".equals(HdfNodes.asString(emd)) && HdfNodes.child(g, "data") instanceof Dataset d)
			return new Candidate("py4dstem", d, g, false);
		final Group parent = g.getParent();
		final String parentPath = parent == null ? "" : trimSlash(parent.getPath());
		if (parentPath.equals("/Data/Image") && HdfNodes.child(g, "Data") instanceof Dataset d && rank(d) == 3)
			return new Candidate("velox", d, g, true);
		if ("NXdata".equals(HdfNodes.string(g, "NX_class"))) {
			final String signal = HdfNodes.string(g, "signal");
			if (signal != null && HdfNodes.child(g, signal) instanceof Dataset d)
				return new Candidate("nexus", d, g, false);
			for (final Node c : g.getChildren().values())
				if (c instanceof Dataset d && HdfNodes.number(d, "signal") == 1)
					return new Candidate("nexus", d, g, false);
		}
		if (parentPath.equals("/Experiments") && HdfNodes.child(g, "data") instanceof Dataset d)
			return new Candidate("hyperspy", d, g, false);
		return null;
	}

	/** An EMD 0.2 data group's data: {@code data}, or its one dataset that is not an axis vector. */
	private static Dataset emdData(final Group g) {
		if (HdfNodes.child(g, "data") instanceof Dataset d)
			return d;
		Dataset found = null;
		for (final Map.Entry<String, Node> e : g.getChildren().entrySet())
			if (!e.getKey().matches("dim\\d+") && HdfNodes.resolve(e.getValue()) instanceof Dataset d) {
				if (found != null)
					return null;
				found = d;
			}
		return found;
	}

	private static Located pick(final Path file, final List<Candidate> candidates, final boolean complete) {
		final List<Candidate> preferred = new ArrayList<>();
		for (final Candidate c : candidates)
			if (c.framesLast ? dims(c.data)[2] > 1 : rank(c.data) == 4)
				preferred.add(c);
		if (preferred.size() == 1)
			return located(file, preferred.get(0));
		if (preferred.isEmpty() && candidates.size() == 1)
			return located(file, candidates.get(0));
		final StringBuilder s = new StringBuilder();
		for (final Candidate c : preferred.isEmpty() ? candidates : preferred)
			s.append("\n  ").append(file.getFileName()).append("::").append(c.data.getPath()).append("  ")
					.append(Arrays.toString(dims(c.data))).append(" (").append(c.layout).append(')');
		throw new LayoutException(file + ": " + (preferred.isEmpty() ? candidates.size() : preferred.size())
				+ " datasets could be the 4D-STEM data; name one as FILE::/path/to/dataset:" + s
				+ (complete ? "" : "\n  (searched the first " + HdfNodes.MAX_NODES + " objects)"));
	}

	private static Located byPath(final HdfFile h, final Path file, final String path) {
		final Node node;
		try {
			node = HdfNodes.resolve(h.getByPath(path));
		} catch (final LayoutException e) {
			throw e;
		} catch (final RuntimeException e) {
			throw LayoutException.badField(file, "dataset path", "an HDF5 dataset", path + " (" + Jhdf.describe(e) + ")");
		}
		if (!(node instanceof Dataset d))
			throw LayoutException.badField(file, "dataset path", "an HDF5 dataset", path + " is a group");
		final Group g = d.getParent();
		final Candidate c = g == null ? null : candidate(g);
		if (c != null && c.data.getPath().equals(d.getPath()))
			return located(file, c);
		return located(file, new Candidate("path", d, g, false));
	}

	private static Located located(final Path file, final Candidate c) {
		Hdf5Array a = Hdf5Arrays.describe(c.data);
		if (c.framesLast) {
			if (a.rank() != 3)
				throw LayoutException.badField(file, c.data.getPath() + " shape", "[rows, cols, frames] (Velox)",
						Arrays.toString(a.dims));
			a = a.view(new int[] { 2 }, 0, 1);
		}
		final long[] nav = a.frameAxes.length == 0 ? new long[] { 1 } : a.frameShape();
		final Map<String, String> details = new LinkedHashMap<>();
		details.put("dataset", c.data.getPath());
		final AxisCalibration axes = new AxisCalibration(a.rank());
		if (c.group != null)
			switch (c.layout) {
			case "emd", "py4dstem" -> AxisMetadata.emd(c.group, a.rank(), axes, details);
			case "nexus" -> AxisMetadata.nexus(c.group, a.rank(), axes, details);
			case "hyperspy" -> AxisMetadata.hyperspy(c.group, a.rank(), axes, details);
			default -> {
				// velox keeps its calibration in JSON metadata MapTEM does not parse; generic and path have none
			}
			}
		final Calibration cal = axes.isEmpty() ? Calibration.UNCALIBRATED
				: axes.toCalibration(a.frameAxes, a.yAxis, a.xAxis);
		return new Located(c.layout, List.of(a), nav, cal, details);
	}

	private static long[] dims(final Dataset d) {
		try {
			return d.getDimensionsAsLong();
		} catch (final RuntimeException e) {
			return new long[0];
		}
	}

	private static int rank(final Dataset d) {
		return dims(d).length;
	}

	private static String trimSlash(final String p) {
		return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
	}
}
