package org.maptem.formats.dm;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

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
 * The data image of a DM3/DM4 file opened in place as a 4D-STEM dataset (2D image, 3D stack or 4D scan).
 *
 * <p>Axes: DM lists dimensions fastest first ({@code d0, d1, …}). Scan-major arrays — 2D and 3D images, and 4D
 * arrays tagged {@code ImageTags/Meta Data/Data Order Swapped = 1} — are C order of the reversed list: sig
 * {@code [d1, d0]}, nav {@code [d3, d2]} (4D), {@code [d2]} (3D) or {@code [1]} (2D); their frames are read
 * straight from the file (memory map or direct IO per {@link OpenOptions#readMode()}). 4D arrays without that tag
 * (or with it 0) are detector-major, C order of {@code [d3, d2, d1, d0] = [detY, detX, scanY, scanX]}: nav
 * {@code [d1, d0]}, sig {@code [d3, d2]}, gathered by {@link DmTransposedFrameSource} (slow). This follows
 * LiberTEM's {@code dm_single.py} and its {@code convert_transposed}.
 *
 * <p>Calibration: each axis takes {@code Scale} and {@code Units} of its DM dimension; nav axes give the scan step
 * (unit of the slowest nav axis), sig axes the detector pixel (unit of {@code d0}/the detector x). The beam energy
 * is {@code ImageTags/Microscope Info/Voltage} (V) / 1000 in keV and the camera length
 * {@code ImageTags/Microscope Info/STEM Camera Length} (mm) / 1000 in m, when present. Origins go to the provenance.
 * Thread-safe; each {@link FrameSource} is for one thread.
 */
public final class DmDataset extends PlannedDataset {

	private final Path file;
	private final DmFile dm;
	private final DmImage image;
	private final boolean transposed;
	private final ReadMode readMode;

	private DmDataset(final Path file, final DmFile dm, final DmImage image, final boolean transposed, final DatasetMeta meta,
			final OpenOptions options) {
		super(file.toString(), meta, Partitions.plan(meta, options.partitionBytes()));
		this.file = file;
		this.dm = dm;
		this.image = image;
		this.transposed = transposed;
		this.readMode = options.readMode();
	}

	/**
	 * Opens {@code file}: reads the whole tag tree (not the data), chooses and validates the data image.
	 *
	 * @throws LayoutException naming the file and the byte offset or tag of the first problem, for 1D signals
	 *                         (spectrum images) and 3D arrays tagged as not scan-major, or when the requested scan
	 *                         shape needs more frames than the file holds
	 */
	public static DmDataset open(final Path file, final OpenOptions options) {
		final Path abs = file.toAbsolutePath();
		final DmFile dm = DmFile.read(abs);
		final DmImage im = DmImage.select(dm);
		final long[] d = im.dims();
		final int n = d.length;
		final String where = "ImageList/" + im.index() + "/ImageTags/Meta Data/";
		if (im.format() != null && im.format().strip().equalsIgnoreCase("spectrum image"))
			throw LayoutException.badField(abs, where + "Format", "an image with a 2D detector signal", im.format());
		final Boolean swapped = im.dataOrderSwapped();
		if (n == 3 && Boolean.FALSE.equals(swapped))
			throw LayoutException.badField(abs, where + "Data Order Swapped", "1 (or absent) for a 3D stack", 0);
		final boolean transposed = n == 4 && !Boolean.TRUE.equals(swapped);
		// NumPy axis a of the array in file order is DM dimension n-1-a
		final int[] navDims;
		final int[] sigDims;
		if (transposed) {
			navDims = new int[] { 1, 0 };
			sigDims = new int[] { 3, 2 };
		} else {
			navDims = n == 4 ? new int[] { 3, 2 } : n == 3 ? new int[] { 2 } : new int[0];
			sigDims = new int[] { 1, 0 };
		}
		final long[] fileNav = navDims.length == 0 ? new long[] { 1 } : Arrays.stream(navDims).mapToLong(k -> d[k]).toArray();
		long frames = 1;
		for (final long x : fileNav)
			frames *= x;
		final long[] nav = navShape(abs, options.navShape(), fileNav, frames);
		final int[] sig = { (int) d[sigDims[0]], (int) d[sigDims[1]] };
		if ((long) sig[0] * sig[1] > Integer.MAX_VALUE)
			throw LayoutException.badField(abs, "ImageList/" + im.index() + "/ImageData/Dimensions",
					"a frame of fewer than 2^31 pixels", Arrays.toString(d));
		final Calibration cal = calibration(im, navDims, sigDims, Arrays.equals(nav, fileNav));
		Provenance prov = Provenance.of(DmFormat.NAME, abs.toString())
				.with("dm_version", dm.version())
				.with("byte_order", dm.littleEndian() ? "little" : "big")
				.with("image_index", im.index())
				.with("data_offset", im.offset())
				.with("data_type", im.dataType())
				.with("dm_dimensions", Arrays.toString(d))
				.with("data_order", transposed ? "detector-major [detY, detX, scanY, scanX]" : "scan-major (C order)")
				.with("data_order_swapped_tag", swapped == null ? "absent" : swapped ? "1" : "0")
				.with("frames_in_file", frames);
		for (int k = 0; k < n; k++)
			prov = prov.with("calibration_dim" + k, "scale " + im.scale()[k] + ", origin " + im.origin()[k] + ", units '"
					+ im.units()[k] + "'");
		if (im.format() != null)
			prov = prov.with("format_tag", im.format());
		final DatasetMeta meta = new DatasetMeta(nav, sig, im.dtype(), cal, prov);
		return new DmDataset(abs, dm, im, transposed, meta, options);
	}

	private static long[] navShape(final Path file, final long[] requested, final long[] fileNav, final long frames) {
		if (requested == null)
			return fileNav;
		long n = 1;
		for (final long x : requested) {
			if (x < 1 || n > frames / x)
				throw LayoutException.badField(file, "scan shape", "at most the " + frames + " frames in the file "
						+ Arrays.toString(fileNav), Arrays.toString(requested));
			n *= x;
		}
		return requested;
	}

	/** Scale and units of each axis' DM dimension; the scan part only when the file's own scan shape is used. */
	private static Calibration calibration(final DmImage im, final int[] navDims, final int[] sigDims,
			final boolean fileScan) {
		final double[] scale = im.scale();
		final String[] units = im.units();
		Calibration c = Calibration.UNCALIBRATED.withDetector(scale[sigDims[0]], scale[sigDims[1]], unit(units[sigDims[1]]));
		if (fileScan && navDims.length > 0) {
			final double[] step = new double[navDims.length];
			for (int k = 0; k < step.length; k++)
				step[k] = scale[navDims[k]];
			c = c.withScan(step, unit(units[navDims[0]]));
		}
		final DmTag.Group tags = im.imageTags();
		final double volts = tags.number("Microscope Info", "Voltage");
		final double cameraMm = tags.number("Microscope Info", "STEM Camera Length");
		return c.withOptics(cameraMm > 0 ? cameraMm / 1000 : Double.NaN, volts > 0 ? volts / 1000 : Double.NaN);
	}

	/** MapTEM's spelling of a DM unit: {@code "px"} for none, {@code "um"} for micrometres. */
	static String unit(final String dm) {
		final String u = dm.strip().replace('\u00B5', 'u').replace('\u03BC', 'u');
		if (u.isEmpty())
			return "px";
		return u.toLowerCase(Locale.ROOT).equals("um") ? "um" : u;
	}

	/** The parsed tag file. */
	public DmFile dm() {
		return dm;
	}

	/** The data image read. */
	public DmImage image() {
		return image;
	}

	/**
	 * Opens the frames of {@code partition}, any contiguous run of this dataset's frames.
	 *
	 * @throws LayoutException when the run lies outside the dataset
	 */
	@Override
	public FrameSource open(final Partition partition) {
		requireInside(partition);
		final DatasetMeta meta = meta();
		if (transposed) {
			final long[] d = image.dims();
			return new DmTransposedFrameSource(file, image, dm.littleEndian() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN,
					meta.sigHeight(), meta.sigWidth(), d[1] * d[0], partition);
		}
		final FrameLayout layout = FrameLayout.packed(image.offset() + partition.firstFrame() * meta.frameBytes(),
				partition.frameCount(), meta.dtype(), dm.littleEndian(), meta.sigHeight(), meta.sigWidth());
		return FrameSources.open(file, layout, partition.firstFrame(), readMode, meta.totalBytes());
	}

	@Override
	public String storage() {
		return "DM" + dm.version() + " file " + file + ": image " + image.index() + " " + Arrays.toString(image.dims())
				+ " (DM order) at byte " + image.offset() + (transposed ? ", detector-major" : "") + "; "
				+ partitions().size() + " partitions";
	}
}
