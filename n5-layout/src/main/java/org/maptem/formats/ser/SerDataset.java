package org.maptem.formats.ser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.maptem.dataset.Calibration;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Partitions;
import org.maptem.dataset.PlannedDataset;
import org.maptem.dataset.Provenance;
import org.maptem.frames.FrameSource;

/**
 * A TIA {@code .ser} file opened in place: every frame is decoded straight from a memory mapping at the offset the
 * file's offset array gives it ({@link org.maptem.dataset.ReadMode} is not consulted: elements need not be evenly
 * spaced, which the direct-IO path assumes).
 *
 * <p>Nav shape, sig shape and calibration as the package documentation describes. Thread-safe; each
 * {@link FrameSource} is for one thread.
 */
public final class SerDataset extends PlannedDataset {

	private final SerHeader header;

	private SerDataset(final SerHeader header, final DatasetMeta meta, final List<Partition> partitions) {
		super(header.file().toString(), meta, partitions);
		this.header = header;
	}

	/**
	 * Opens {@code file}, validating its structure first; calibration also from the {@code .emi} beside it, if any.
	 *
	 * @throws LayoutException naming the file and the field or byte offset of the first problem
	 */
	public static SerDataset open(final Path file, final OpenOptions options) {
		final Path abs = file.toAbsolutePath();
		final SerHeader h = SerHeader.read(abs);
		final Optional<EmiInfo> emi = EmiInfo.near(abs);
		final List<SerHeader.Dimension> dims = h.dimensions();
		final boolean complete = h.validElements() == h.totalElements();
		final long[] nav = new long[complete ? dims.size() : 1];
		if (complete)
			for (int i = 0; i < dims.size(); i++)
				nav[i] = dims.get(dims.size() - 1 - i).size();
		else
			nav[0] = h.validElements();
		final List<String> files = new ArrayList<>(List.of(abs.toString()));
		emi.ifPresent(e -> files.add(e.file().toString()));
		final double[] cal = h.elementCalibration();
		Provenance p = new Provenance(SerFormat.NAME, files, Map.of())
				.with("version", String.format(Locale.ROOT, "0x%04X", h.version()))
				.with("data_type_id", String.format(Locale.ROOT, "0x%04X", h.dataTypeId()))
				.with("tag_type_id", String.format(Locale.ROOT, "0x%04X", h.tagTypeId()))
				.with("total_elements", h.totalElements())
				.with("valid_elements", h.validElements())
				.with("offset_array_offset", h.offsetArrayOffset())
				.with("first_element_offset", h.offset(0))
				.with("element_header_bytes", h.elementHeaderBytes())
				.with("element_calibration_offset_delta_x", cal[0] + ", " + cal[1])
				.with("dimensions", dims.stream().map(d -> d.size() + " '" + d.description() + "' delta " + d.calibrationDelta()
						+ " " + d.units()).toList());
		if (h.dataTypeId() == SerHeader.DATA_2D)
			p = p.with("element_calibration_offset_delta_y", cal[2] + ", " + cal[3]);
		if (emi.isPresent())
			p = p.with("emi_mode", emi.get().mode()).with("emi_reciprocal_space", emi.get().reciprocalSpace());
		DatasetMeta meta = new DatasetMeta(nav, new int[] { h.height(), h.width() }, h.dtype(),
				calibration(h, emi, complete), p);
		if (options.navShape() != null)
			try {
				meta = meta.withNavShape(options.navShape());
			} catch (final LayoutException e) {
				throw new LayoutException(abs + ": " + e.getMessage(), e);
			}
		return new SerDataset(h, meta, Partitions.plan(meta, options.partitionBytes()));
	}

	private static Calibration calibration(final SerHeader h, final Optional<EmiInfo> emi, final boolean complete) {
		Calibration c = Calibration.UNCALIBRATED;
		final List<SerHeader.Dimension> dims = h.dimensions();
		if (complete && dims.stream().allMatch(d -> d.units().strip().equals("m") && d.calibrationDelta() > 0)) {
			final double[] step = new double[dims.size()];
			for (int i = 0; i < step.length; i++)
				step[i] = dims.get(dims.size() - 1 - i).calibrationDelta() * 1e9;
			c = c.withScan(step, "nm");
		}
		if (emi.isPresent()) {
			final EmiInfo e = emi.get();
			c = c.withOptics(e.cameraLength(), e.voltage() / 1e3);
			final double[] cal = h.elementCalibration();
			final double dx = cal[1];
			final double dy = h.dataTypeId() == SerHeader.DATA_2D ? cal[3] : dx;
			if (Double.isFinite(dx) && dx > 0 && Double.isFinite(dy) && dy > 0)
				// reciprocal deltas are in 1/m, real-space deltas in m
				c = e.reciprocalSpace() ? c.withDetector(dy * 1e-9, dx * 1e-9, "1/nm") : c.withDetector(dy * 1e9, dx * 1e9, "nm");
		}
		return c;
	}

	/** The validated structure. */
	public SerHeader header() {
		return header;
	}

	/**
	 * Opens the frames of {@code partition}, which may be any contiguous run of this dataset's frames.
	 *
	 * @throws LayoutException when the run lies outside the dataset
	 */
	@Override
	public FrameSource open(final Partition partition) {
		requireInside(partition);
		return new SerFrameSource(header, partition,
				header.offsets((int) partition.firstFrame(), (int) partition.endFrame()));
	}

	@Override
	public String storage() {
		return header.file() + ": " + header + "; " + partitions().size() + " partitions";
	}
}
