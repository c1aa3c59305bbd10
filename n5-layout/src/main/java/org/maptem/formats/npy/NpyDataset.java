package org.maptem.formats.npy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.maptem.dataset.PlannedDataset;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Partitions;
import org.maptem.dataset.Provenance;
import org.maptem.frames.FrameLayout;
import org.maptem.frames.FrameSource;
import org.maptem.frames.MappedFrameSource;

/**
 * A NumPy {@code .npy} array opened in place as a 4D-STEM dataset.
 *
 * <p>The last two axes are the frame {@code [height, width]}; the axes before them are the scan (1 to 3 axes). A
 * 2D array is a single frame (nav shape {@code [1]}). C-order files are decoded straight from memory-mapped bytes;
 * Fortran-order files are gathered element by element: correct, but several times slower (every frame is
 * scattered across the whole file), so ingest them once rather than analysing them repeatedly.
 * Only the header is read on open; C-order reads always memory-map ({@link org.maptem.dataset.ReadMode} is not
 * consulted). Thread-safe; each {@link FrameSource} is for one thread.
 */
public final class NpyDataset extends PlannedDataset {

	private final Path file;
	private final NpyHeader header;

	private NpyDataset(final Path file, final NpyHeader header, final DatasetMeta meta, final List<Partition> partitions) {
		super(file.toString(), meta, partitions);
		this.file = file;
		this.header = header;
	}

	/**
	 * Opens {@code file}, validating its header and size first.
	 *
	 * @throws LayoutException naming the file and the offset or field of the first problem
	 */
	public static NpyDataset open(final Path file, final OpenOptions options) {
		final Path abs = file.toAbsolutePath();
		final NpyHeader h = NpyHeader.read(abs);
		final long[] shape = h.shape();
		final int n = shape.length;
		if (shape[n - 2] > Integer.MAX_VALUE || shape[n - 1] > Integer.MAX_VALUE
				|| shape[n - 2] * shape[n - 1] > Integer.MAX_VALUE)
			throw LayoutException.badField(abs, "shape", "a frame of fewer than 2^31 pixels", Arrays.toString(shape));
		final long[] nav = n == 2 ? new long[] { 1 } : Arrays.copyOf(shape, n - 2);
		final Provenance prov = Provenance.of(NpyFormat.NAME, abs.toString())
				.with("version", h.major() + "." + h.minor())
				.with("descr", h.descr())
				.with("fortran_order", h.fortranOrder())
				.with("shape", Arrays.toString(shape))
				.with("data_offset", h.dataOffset());
		DatasetMeta meta = new DatasetMeta(nav, new int[] { (int) shape[n - 2], (int) shape[n - 1] }, h.dtype(), null, prov);
		if (options.navShape() != null)
			meta = meta.withNavShape(options.navShape());
		return new NpyDataset(abs, h, meta, Partitions.plan(meta, options.partitionBytes()));
	}

	/** The validated header. */
	public NpyHeader header() {
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
		final DatasetMeta meta = meta();
		if (header.fortranOrder())
			return new FortranFrameSource(file, header, partition);
		final FrameLayout layout = FrameLayout.packed(header.dataOffset() + partition.firstFrame() * meta.frameBytes(),
				partition.frameCount(), meta.dtype(), header.littleEndian(), meta.sigHeight(), meta.sigWidth());
		return new MappedFrameSource(file, layout, partition.firstFrame());
	}

	@Override
	public String storage() {
		return file + ": " + header + "; " + partitions().size() + " partitions";
	}
}
