package org.maptem.formats.hdf5;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.maptem.dataset.Calibration;
import org.maptem.dataset.LayoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.links.ExternalLink;

/**
 * The DECTRIS ARINA / EIGER layout: a master file whose {@code /entry/data} group links, as
 * {@code data_000001, data_000002, ...}, to the {@code /entry/data/data} datasets of data files
 * ({@code <name>_data_000001.h5}, HDF5 external links). Each is {@code [frames, rows, cols]}, chunked one frame per
 * chunk and compressed with bitshuffle+LZ4 (filter 32008); frames follow in link-name order.
 *
 * <p>The scan shape is not in these files. ARINA software writes a third file, {@code <name>.h5} beside
 * {@code <name>_master.h5}, whose {@code /STEM Metadata} group has the attributes {@code NumPixelsX} (scan columns),
 * {@code NumPixelsY} (rows), {@code Pixel Size} (scan step, nm), {@code Camera Length} (m) and {@code High Tension}
 * (V); when present and its scan holds exactly the frames, it gives the nav shape {@code [NumPixelsY, NumPixelsX]}
 * and those calibrations. Otherwise the frames are a 1D stack (give the scan shape when opening). The detector
 * pixel size comes from {@code /entry/instrument/detector/x_pixel_size} and {@code y_pixel_size} (m), the beam
 * energy from {@code detectorSpecific/photon_energy} (eV, the beam energy for electron detectors), the camera length
 * from {@code detector_distance} (m) when it is not 0. The pixel mask and flat field are not applied: frames are
 * raw counts.
 */
final class DectrisMaster {

	private static final Logger LOG = LoggerFactory.getLogger(DectrisMaster.class);
	private static final String DETECTOR = "/entry/instrument/detector/";

	private DectrisMaster() {
	}

	/**
	 * The DECTRIS layout of {@code h}, or null when it has no {@code /entry/data/data_NNNNNN} entries.
	 *
	 * @throws LayoutException naming the master (and the data file) when a link is broken or the data files disagree
	 */
	static Located find(final HdfFile h, final HdfFiles files, final Path master) {
		final Node dataGroup;
		try {
			dataGroup = HdfNodes.resolve(h.getByPath("/entry/data"));
		} catch (final RuntimeException e) {
			return null;
		}
		if (!(dataGroup instanceof Group g))
			return null;
		final TreeMap<String, Node> links = new TreeMap<>();
		for (final Map.Entry<String, Node> e : g.getChildren().entrySet())
			if (e.getKey().matches("data_\\d{6}"))
				links.put(e.getKey(), e.getValue());
		if (links.isEmpty())
			return null;
		final List<Hdf5Array> segments = new ArrayList<>();
		final List<String> dataFiles = new ArrayList<>();
		long frames = 0;
		for (final Map.Entry<String, Node> e : links.entrySet()) {
			final Node target = target(master, files, e.getValue());
			if (!(target instanceof Dataset d))
				throw LayoutException.badField(master, "/entry/data/" + e.getKey(), "a dataset [frames, rows, cols]",
						"a group");
			final Hdf5Array a = Hdf5Arrays.describe(d);
			if (a.rank() != 3)
				throw LayoutException.badField(a.file, a.path + " shape", "[frames, rows, cols]", Arrays.toString(a.dims));
			if (!segments.isEmpty()) {
				final Hdf5Array first = segments.get(0);
				if (a.dims[1] != first.dims[1] || a.dims[2] != first.dims[2] || a.dtype != first.dtype)
					throw LayoutException.badField(a.file, a.path, "frames of " + first.dims[1] + " × " + first.dims[2] + " "
							+ first.dtype.n5Name() + " as in " + first.file.getFileName(), Arrays.toString(a.dims) + " "
									+ a.dtype.n5Name());
			}
			segments.add(a);
			dataFiles.add(a.file.toString());
			frames += a.dims[0];
		}
		final Map<String, String> details = new LinkedHashMap<>();
		details.put("data_files", String.join(", ", dataFiles));
		Calibration cal = detectorCalibration(h);
		long[] nav = { frames };
		final Path meta = metadataFile(master);
		if (meta != null) {
			final StemMetadata m = StemMetadata.read(files, meta);
			if (m != null) {
				details.put("metadata_file", meta.toString());
				if (m.rows() * m.cols() == frames) {
					nav = new long[] { m.rows(), m.cols() };
					if (m.step() > 0)
						cal = cal.withScan(new double[] { m.step(), m.step() }, "nm");
				} else
					details.put("metadata_scan", m.rows() + " × " + m.cols() + " (does not match " + frames + " frames)");
				cal = cal.withOptics(Double.isNaN(cal.cameraLength()) ? m.cameraLength() : cal.cameraLength(),
						Double.isNaN(cal.beamEnergy()) ? m.highTension() / 1000 : cal.beamEnergy());
			}
		}
		return new Located("dectris", segments, nav, cal, details);
	}

	/**
	 * The dataset a {@code data_NNNNNN} entry links to. External links ({@code file:/path}, the file relative to the
	 * master's folder unless absolute) are followed here, opening the data file with {@code files}, rather than by
	 * jhdf, which would open it without the guard of {@link HdfFiles}.
	 */
	private static Node target(final Path master, final HdfFiles files, final Node link) {
		if (!(link instanceof ExternalLink l))
			return Jhdf.call(master, link.getPath(), () -> HdfNodes.resolve(link));
		final String to = l.getTargetPath();
		final int split = to.indexOf(":/");
		if (split < 1)
			throw LayoutException.badField(master, link.getPath(), "an external link FILE:/path", to);
		final Path named = Path.of(to.substring(0, split));
		final Path data = (named.isAbsolute() ? named : master.resolveSibling(named)).toAbsolutePath().normalize();
		if (!Files.isRegularFile(data))
			throw new LayoutException(master + ": " + link.getPath() + " links to " + to + ", but " + data
					+ " does not exist");
		final HdfFile h = files.open(data);
		return Jhdf.call(data, to.substring(split + 1) + " (linked from " + master.getFileName() + ")",
				() -> HdfNodes.resolve(h.getByPath(to.substring(split + 1))));
	}

	private static Calibration detectorCalibration(final HdfFile h) {
		final double px = scalar(h, DETECTOR + "x_pixel_size");
		final double py = scalar(h, DETECTOR + "y_pixel_size");
		Calibration c = Calibration.UNCALIBRATED;
		if (px > 0 && py > 0)
			c = c.withDetector(py * 1e6, px * 1e6, "um");
		final double distance = scalar(h, DETECTOR + "detector_distance");
		final double energy = scalar(h, DETECTOR + "detectorSpecific/photon_energy");
		return c.withOptics(distance > 0 ? distance : Double.NaN, energy > 0 ? energy / 1000 : Double.NaN);
	}

	/** A scalar numeric dataset's value, or NaN when absent or not a number. */
	private static double scalar(final HdfFile h, final String path) {
		try {
			final Node n = HdfNodes.resolve(h.getByPath(path));
			return n instanceof Dataset d && d.getSize() == 1 ? HdfNodes.asNumber(d.getData()) : Double.NaN;
		} catch (final RuntimeException e) {
			return Double.NaN;
		}
	}

	/** {@code <name>.h5} beside {@code <name>_master.h5}, when it exists. */
	static Path metadataFile(final Path master) {
		final String name = master.getFileName().toString();
		if (!name.endsWith("_master.h5"))
			return null;
		final Path meta = master.resolveSibling(name.substring(0, name.length() - "_master.h5".length()) + ".h5");
		return Files.isRegularFile(meta) ? meta : null;
	}

	/** The scan facts of an ARINA metadata file. */
	record StemMetadata(long rows, long cols, double step, double cameraLength, double highTension) {

		/** Reads {@code /STEM Metadata} of {@code file}; null (and a debug log line) when it cannot. */
		static StemMetadata read(final HdfFiles files, final Path file) {
			try {
				final Node g = files.open(file.toAbsolutePath()).getByPath("/STEM Metadata");
				final double x = HdfNodes.number(g, "NumPixelsX");
				final double y = HdfNodes.number(g, "NumPixelsY");
				if (!(x >= 1 && y >= 1 && x <= 1 << 24 && y <= 1 << 24 && x == Math.rint(x) && y == Math.rint(y)))
					return null;
				return new StemMetadata((long) y, (long) x, HdfNodes.number(g, "Pixel Size"),
						positive(HdfNodes.number(g, "Camera Length")), positive(HdfNodes.number(g, "High Tension")));
			} catch (final RuntimeException | StackOverflowError | OutOfMemoryError e) {
				LOG.debug("{}: no readable /STEM Metadata ({})", file, Jhdf.describe(e));
				return null;
			}
		}

		private static double positive(final double v) {
			return v > 0 ? v : Double.NaN;
		}
	}
}
