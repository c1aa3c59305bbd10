package org.maptem.formats.hdf5;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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

import io.jhdf.HdfFile;

/**
 * 4D-STEM data in an HDF5 file opened in place: the dataset the user named, or the one the file's layout points to
 * ({@link Hdf5Layouts}), possibly spread over several data files (DECTRIS masters).
 *
 * <p>Opening reads the file's structure with jhdf, validates the dataset(s) ({@link Hdf5Arrays}) and closes the
 * file again: reads never go through jhdf. Contiguous datasets with frames on the leading axes are read like raw
 * files, straight from the page cache or by direct IO per {@link ReadMode} (zero copy); chunked datasets are read
 * chunk by chunk (one positional read, then the filters: deflate, shuffle, bitshuffle+LZ4, LZ4) by
 * {@link SegmentFrameSource}; frames-last (Velox) and compact datasets are gathered. Partitions follow
 * {@link Partitions#plan}, aligned to the dataset's chunks along the scan when it is chunked there.
 *
 * <p>Thread-safe; each {@link FrameSource} is for one thread.
 */
public final class Hdf5Dataset extends PlannedDataset {

	private final Path file;
	private final String layout;
	private final List<Hdf5Array> segments;
	private final long[] starts;
	private final ReadMode readMode;

	private Hdf5Dataset(final Path file, final String layout, final List<Hdf5Array> segments, final long[] starts,
			final DatasetMeta meta, final List<Partition> partitions, final ReadMode readMode) {
		super(file.toString(), meta, partitions);
		this.file = file;
		this.layout = layout;
		this.segments = segments;
		this.starts = starts;
		this.readMode = readMode;
	}

	/**
	 * Opens {@code file}, at {@code datasetPath} when given, else where its layout says.
	 *
	 * @throws LayoutException naming the file (and the field or byte offset) when it is no HDF5 file, holds no
	 *                         unambiguous frame data, or anything about the data is inconsistent
	 */
	public static Hdf5Dataset open(final Path file, final String datasetPath, final OpenOptions options) {
		final Path abs = file.toAbsolutePath();
		checkSignature(abs);
		final Located loc;
		try (HdfFiles files = new HdfFiles()) {
			final HdfFile h = files.open(abs);
			loc = Jhdf.call(abs, "the file structure", () -> Hdf5Layouts.locate(h, files, abs, datasetPath));
		}
		final List<Hdf5Array> segments = loc.segments();
		final Hdf5Array first = segments.get(0);
		final long[] starts = new long[segments.size() + 1];
		for (int i = 0; i < segments.size(); i++)
			starts[i + 1] = starts[i] + segments.get(i).frames();
		final List<String> files = new ArrayList<>();
		files.add(abs.toString());
		for (final Hdf5Array a : segments)
			if (!files.contains(a.file.toString()))
				files.add(a.file.toString());
		Provenance prov = new Provenance(Hdf5Format.NAME, files, Map.of()).with("layout", loc.layout());
		for (final Map.Entry<String, String> e : loc.details().entrySet())
			prov = prov.with(e.getKey(), e.getValue());
		for (int i = 0; i < segments.size(); i++)
			prov = prov.with(segments.size() == 1 ? "storage" : "storage_" + i, segments.get(i).describe());
		final long[] nav = options.navShape() == null ? loc.navShape() : options.navShape();
		Calibration cal = loc.calibration();
		if (nav.length != loc.navShape().length && cal.scanStep().length > 0)
			// the file's per-axis scan steps do not describe a scan of another rank
			cal = cal.withScan(new double[0], "px");
		final DatasetMeta meta;
		try {
			meta = new DatasetMeta(loc.navShape(), new int[] { checkedInt(abs, first, first.height()),
					checkedInt(abs, first, first.width()) }, first.dtype, cal, prov);
		} catch (final LayoutException e) {
			throw new LayoutException(abs + ": " + first.path + ": " + e.getMessage(), e);
		}
		final DatasetMeta shaped;
		try {
			shaped = options.navShape() == null ? meta : meta.withNavShape(nav);
		} catch (final LayoutException e) {
			throw new LayoutException(abs + ": scan shape " + Arrays.toString(nav) + ": " + e.getMessage(), e);
		}
		final List<Partition> partitions = Partitions.of(shaped.navShape(), Partitions.navBlock(shaped.navShape(),
				grain(segments, shaped), Partitions.framesFor(shaped.frameBytes(), options.partitionBytes())));
		return new Hdf5Dataset(abs, loc.layout(), segments, starts, shaped, partitions, options.readMode());
	}

	/** Chunk extents along the scan axes of a single chunked frames-leading dataset, else ones. */
	private static long[] grain(final List<Hdf5Array> segments, final DatasetMeta meta) {
		final long[] nav = meta.navShape();
		final long[] g = new long[nav.length];
		Arrays.fill(g, 1);
		final Hdf5Array a = segments.get(0);
		if (segments.size() == 1 && a.storage == Hdf5Array.Storage.CHUNKED && a.framesLeading()
				&& a.frameAxes.length == nav.length && Arrays.equals(a.frameShape(), nav))
			for (int i = 0; i < nav.length; i++)
				g[i] = a.chunkDims[i];
		return g;
	}

	private static int checkedInt(final Path file, final Hdf5Array a, final long v) {
		if (v > Integer.MAX_VALUE)
			throw LayoutException.badField(file, a.path + " shape", "frames of fewer than 2^31 rows and columns",
					Arrays.toString(a.dims));
		return (int) v;
	}

	/** Rejects files without the HDF5 signature before jhdf sees them. */
	private static void checkSignature(final Path file) {
		final byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(4096);
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot read: " + e, e);
		}
		if (Hdf5Format.signatureOffset(head) < 0)
			throw LayoutException.badBytes(file, 0, "the HDF5 signature 89 48 44 46 0D 0A 1A 0A (at byte 0, 512, 1024 or 2048)",
					head.length < 8 ? head.length + " bytes in the file" : hex(head, 8));
	}

	private static String hex(final byte[] b, final int n) {
		final StringBuilder s = new StringBuilder();
		for (int i = 0; i < n; i++)
			s.append(i == 0 ? "" : " ").append(String.format("%02X", b[i] & 0xFF));
		return s.toString();
	}

	/** The layout the data was found by ({@code dectris}, {@code emd}, ..., {@code path}). */
	public String layout() {
		return layout;
	}

	/**
	 * Opens the frames of {@code partition}, which may be any contiguous run of this dataset's frames.
	 *
	 * @throws LayoutException when the run lies outside the dataset
	 */
	@Override
	public FrameSource open(final Partition partition) {
		requireInside(partition);
		final Hdf5Array a = segments.get(0);
		if (segments.size() == 1 && a.storage == Hdf5Array.Storage.CONTIGUOUS && a.framesLeading()) {
			final DatasetMeta meta = meta();
			final FrameLayout frames = FrameLayout.packed(a.address + partition.firstFrame() * meta.frameBytes(),
					partition.frameCount(), a.dtype, a.littleEndian, a.height(), a.width());
			return FrameSources.open(a.file, frames, partition.firstFrame(), readMode, meta.totalBytes());
		}
		return new SegmentFrameSource(file, segments, starts, partition);
	}

	@Override
	public String storage() {
		final StringBuilder s = new StringBuilder("HDF5 file ").append(file).append(" (").append(layout).append(" layout)");
		for (final Hdf5Array a : segments)
			s.append("\n  ").append(a.file.equals(file) ? "" : a.file.getFileName() + ":").append(a.describe());
		return s.append("\n  ").append(partitions().size()).append(" partitions").toString();
	}
}
