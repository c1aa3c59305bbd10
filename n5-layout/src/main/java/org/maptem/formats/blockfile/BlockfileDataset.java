package org.maptem.formats.blockfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.maptem.dataset.Calibration;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Partitions;
import org.maptem.dataset.PlannedDataset;
import org.maptem.dataset.Provenance;
import org.maptem.dataset.ReadMode;
import org.maptem.frames.FrameLayout;
import org.maptem.frames.FrameSource;
import org.maptem.frames.FrameSources;

/**
 * A NanoMegas blockfile opened in place: frames are decoded straight from the file (memory-mapped or direct IO, as
 * the options' {@link ReadMode} says), skipping each record's 6-byte prefix.
 *
 * <p>Nav shape {@code [NY, NX]} (or the options' override), sig shape {@code [DP_SZ, DP_SZ]}, u8 (or u16) pixels;
 * calibration as the package documentation describes. The navigator image is available from {@link #navigator()}.
 * Thread-safe; each {@link FrameSource} is for one thread.
 */
public final class BlockfileDataset extends PlannedDataset {

	private final BlockfileHeader header;
	private final ReadMode readMode;

	private BlockfileDataset(final BlockfileHeader header, final DatasetMeta meta, final List<Partition> partitions,
			final ReadMode readMode) {
		super(header.file().toString(), meta, partitions);
		this.header = header;
		this.readMode = readMode;
	}

	/**
	 * Opens {@code file}, validating its header first.
	 *
	 * @throws LayoutException naming the file and the field or offset of the first problem
	 */
	public static BlockfileDataset open(final Path file, final OpenOptions options) {
		final BlockfileHeader h = BlockfileHeader.read(file.toAbsolutePath());
		DatasetMeta meta = new DatasetMeta(new long[] { h.ny(), h.nx() }, new int[] { h.dpSize(), h.dpSize() }, h.dtype(),
				calibration(h), provenance(h));
		if (options.navShape() != null)
			meta = meta.withNavShape(options.navShape());
		return new BlockfileDataset(h, meta, Partitions.plan(meta, options.partitionBytes()), options.readMode());
	}

	private static Calibration calibration(final BlockfileHeader h) {
		final Calibration c = Calibration.UNCALIBRATED.withScan(new double[] { known(h.sy()), known(h.sx()) }, "nm")
				.withOptics(h.cameraLength() > 0 ? h.cameraLength() / 1e4 : Double.NaN,
						h.beamEnergyVolts() > 0 ? h.beamEnergyVolts() / 1e3 : Double.NaN);
		// SDP is pixels per cm × 100: one pixel spans 1 / (SDP / 100) cm = 10^6 / SDP µm
		return h.sdp() > 0 ? c.withDetector(1e6 / h.sdp(), 1e6 / h.sdp(), "um") : c;
	}

	private static double known(final double v) {
		return Double.isFinite(v) && v > 0 ? v : Double.NaN;
	}

	private static Provenance provenance(final BlockfileHeader h) {
		return Provenance.of(BlockfileFormat.NAME, h.file().toString())
				.with("magic", h.magic())
				.with("navigator_offset", h.navigatorOffset())
				.with("navigator_shape", "[" + h.ny() + ", " + h.nx() + "] uint8")
				.with("data_offset", h.dataOffset())
				.with("frame_prefix_bytes", BlockfileHeader.FRAME_PREFIX)
				.with("frame_stride", h.frameStride())
				.with("dp_rotation_deg", h.dpRotation())
				.with("scan_rotation_deg", h.scanRotation() / 100.0)
				.with("sdp_pixels_per_cm_x100", h.sdp())
				.with("camera_length_0.1mm", h.cameraLength())
				.with("beam_energy_V", h.beamEnergyVolts())
				.with("acquisition_time_serial_date", h.acquisitionTime())
				.with("text", String.join("; ", h.text()));
	}

	/** The validated header. */
	public BlockfileHeader header() {
		return header;
	}

	/**
	 * The navigator (virtual bright-field) image the file stores at Data_offset_1: {@code NY × NX} unsigned bytes,
	 * row-major, in the file's own scan shape.
	 */
	public int[] navigator() {
		final int n = header.nx() * header.ny();
		final ByteBuffer b = ByteBuffer.allocate(n);
		try (FileChannel ch = FileChannel.open(header.file(), StandardOpenOption.READ)) {
			while (b.hasRemaining())
				if (ch.read(b, header.navigatorOffset() + b.position()) < 0)
					throw LayoutException.badBytes(header.file(), header.navigatorOffset() + b.position(), n + " navigator bytes",
							"end of file");
		} catch (final IOException e) {
			throw new LayoutException(header.file() + ": cannot read the navigator: " + e.getMessage(), e);
		}
		final int[] out = new int[n];
		for (int i = 0; i < n; i++)
			out[i] = b.get(i) & 0xFF;
		return out;
	}

	/**
	 * Opens the frames of {@code partition}, which may be any contiguous run of this dataset's frames.
	 *
	 * @throws LayoutException when the run lies outside the dataset
	 */
	@Override
	public FrameSource open(final Partition partition) {
		requireInside(partition);
		final DatasetMeta meta = meta();
		final FrameLayout layout = new FrameLayout(header.firstPixelOffset() + partition.firstFrame() * header.frameStride(),
				header.frameStride(), partition.frameCount(), meta.dtype(), true, meta.sigHeight(), meta.sigWidth());
		return FrameSources.open(header.file(), layout, partition.firstFrame(), readMode, meta.totalBytes());
	}

	@Override
	public String storage() {
		return header.file() + ": " + header + "; " + partitions().size() + " partitions";
	}
}
