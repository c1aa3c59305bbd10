package org.maptem.formats.mrc;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

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
 * An MRC file opened in place, one section per frame: decoded straight from the file (memory-mapped or direct IO,
 * as the options' {@link ReadMode} says); half-precision sections are always memory-mapped and widened to float32.
 *
 * <p>Nav and sig shapes as the package documentation describes. Thread-safe; each {@link FrameSource} is for one
 * thread.
 */
public final class MrcDataset extends PlannedDataset {

	private final MrcHeader header;
	private final ReadMode readMode;

	private MrcDataset(final MrcHeader header, final DatasetMeta meta, final List<Partition> partitions,
			final ReadMode readMode) {
		super(header.file().toString(), meta, partitions);
		this.header = header;
		this.readMode = readMode;
	}

	/**
	 * Opens {@code file}, validating its header first.
	 *
	 * @throws LayoutException naming the file and the field of the first problem
	 */
	public static MrcDataset open(final Path file, final OpenOptions options) {
		final Path abs = file.toAbsolutePath();
		final MrcHeader h = MrcHeader.read(abs);
		final boolean volumes = h.ispg() >= 401 && h.ispg() <= 630 && h.mz() >= 1 && h.nz() % h.mz() == 0;
		final long[] nav = volumes ? new long[] { h.nz() / h.mz(), h.mz() } : new long[] { h.nz() };
		final float[] cell = h.cella();
		Provenance p = Provenance.of(MrcFormat.NAME, abs.toString())
				.with("mode", h.mode())
				.with("byte_order", h.order() == ByteOrder.LITTLE_ENDIAN ? "little" : "big")
				.with("data_offset", h.dataOffset())
				.with("extended_header_bytes", h.nsymbt())
				.with("extended_header_type", h.exttyp().strip())
				.with("ispg", h.ispg())
				.with("nversion", h.nversion())
				.with("mrc2014_map_field", h.hasMapField())
				.with("cell_A", cell[0] + ", " + cell[1] + ", " + cell[2]);
		if (h.imod())
			p = p.with("imod_flags", h.imodFlags());
		if (h.float16())
			p = p.with("stored_dtype", "float16");
		DatasetMeta meta = new DatasetMeta(nav, new int[] { h.ny(), h.nx() }, h.dtype(), null, p);
		if (options.navShape() != null)
			try {
				meta = meta.withNavShape(options.navShape());
			} catch (final LayoutException e) {
				throw new LayoutException(abs + ": " + e.getMessage(), e);
			}
		return new MrcDataset(h, meta, Partitions.plan(meta, options.partitionBytes()), options.readMode());
	}

	/** The validated header. */
	public MrcHeader header() {
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
		final long frameBytes = header.storedType().bytesFor((long) meta.sigHeight() * meta.sigWidth());
		final FrameLayout layout = FrameLayout.packed(header.dataOffset() + partition.firstFrame() * frameBytes,
				partition.frameCount(), header.storedType(), header.order() == ByteOrder.LITTLE_ENDIAN, meta.sigHeight(),
				meta.sigWidth());
		if (header.float16())
			return new Float16FrameSource(header.file(), layout, partition.firstFrame());
		return FrameSources.open(header.file(), layout, partition.firstFrame(), readMode, meta.totalBytes());
	}

	@Override
	public String storage() {
		return header.file() + ": " + header + "; " + partitions().size() + " partitions";
	}
}
