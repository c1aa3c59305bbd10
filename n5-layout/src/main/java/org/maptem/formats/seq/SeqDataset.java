package org.maptem.formats.seq;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

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
 * A Norpix {@code .seq} file opened in place: frames at a fixed stride, decoded straight from the file (memory map
 * or direct IO per {@link OpenOptions#readMode()}), the per-frame timestamp footers skipped.
 *
 * <p>The scan shape is {@link OpenOptions#navShape()} when given (it may cover fewer frames than the file holds: the
 * first ones are used), else a square scan when the frame count is a square number, else a 1D stack. The data is
 * uncalibrated: the file records no pixel or scan sizes. A {@code NAME.seq.metadata} side file, when present, adds
 * its acquisition facts to the provenance ({@link SeqMetadata}). Thread-safe; each {@link FrameSource} is for one thread.
 */
public final class SeqDataset extends PlannedDataset {

	private final Path file;
	private final SeqHeader header;
	private final ReadMode readMode;

	private SeqDataset(final Path file, final SeqHeader header, final DatasetMeta meta, final OpenOptions options) {
		super(file.toString(), meta, Partitions.plan(meta, options.partitionBytes()));
		this.file = file;
		this.header = header;
		this.readMode = options.readMode();
	}

	/**
	 * Opens {@code file}, validating its header against the file length first.
	 *
	 * @throws LayoutException naming the file and the field or offset of the first problem, or when the requested
	 *                         scan shape needs more frames than the file holds
	 */
	public static SeqDataset open(final Path file, final OpenOptions options) {
		final Path abs = file.toAbsolutePath();
		final SeqHeader h = SeqHeader.read(abs);
		final long[] nav = navShape(abs, h.frameCount(), options.navShape());
		Provenance prov = Provenance.of(SeqFormat.NAME, abs.toString())
				.with("version", h.version())
				.with("header_size", h.headerSize())
				.with("name", h.name())
				.with("bit_depth", h.bitDepth())
				.with("bit_depth_real", h.bitDepthReal())
				.with("image_offset", h.imageOffset())
				.with("true_image_size", h.trueImageSize())
				.with("frame_footer_bytes", h.trueImageSize() - h.frameBytes())
				.with("allocated_frames", h.allocatedFrames())
				.with("frames_in_file", h.frameCount())
				.with("suggested_frame_rate", h.frameRate())
				.with("nav_shape_source", options.navShape() != null ? "options"
						: nav.length == 2 ? "square frame count" : "frame count");
		final Map<String, String> de = SeqMetadata.read(SeqMetadata.sideFile(abs));
		for (final Map.Entry<String, String> e : de.entrySet())
			prov = prov.with("de_" + e.getKey(), e.getValue());
		final DatasetMeta meta = new DatasetMeta(nav, new int[] { h.height(), h.width() }, h.dtype(), null, prov);
		return new SeqDataset(abs, h, meta, options);
	}

	/** The requested scan shape if it fits the file's frames, else LiberTEM's guess: square if possible, else 1D. */
	static long[] navShape(final Path file, final long frames, final long[] requested) {
		if (requested != null) {
			long n = 1;
			for (final long d : requested) {
				if (d < 1 || n > frames / d)
					throw LayoutException.badField(file, "scan shape", "at most the " + frames + " frames in the file",
							Arrays.toString(requested));
				n *= d;
			}
			return requested;
		}
		final long side = (long) Math.sqrt((double) frames);
		for (long s = Math.max(1, side - 1); s <= side + 1; s++)
			if (s * s == frames)
				return new long[] { s, s };
		return new long[] { frames };
	}

	/** The validated header. */
	public SeqHeader header() {
		return header;
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
		final FrameLayout layout = new FrameLayout(header.imageOffset() + partition.firstFrame() * header.trueImageSize(),
				header.trueImageSize(), partition.frameCount(), meta.dtype(), true, meta.sigHeight(), meta.sigWidth());
		return FrameSources.open(file, layout, partition.firstFrame(), readMode, meta.totalBytes());
	}

	@Override
	public String storage() {
		return "Norpix sequence " + file + ": version " + header.version() + ", " + header.frameCount() + " frames of "
				+ header.trueImageSize() + " bytes from byte " + header.imageOffset() + "; " + partitions().size()
				+ " partitions";
	}
}
