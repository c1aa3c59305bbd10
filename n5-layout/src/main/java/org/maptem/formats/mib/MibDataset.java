package org.maptem.formats.mib;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Quantum Detectors Merlin acquisition ({@code .mib} files, optionally a {@code .hdr}) opened in place.
 *
 * <p>Frames are in file order, series files one after the other (see {@link MibSeries}); values are raw counts, no
 * flips. Processed frames ({@code U08/U16/U32}) are read straight from the file through
 * {@link FrameSources#open} (memory mapping or direct IO per {@link OpenOptions#readMode()}); raw frames
 * ({@code R64}) are unpacked, and quad frames reassembled, by {@link RawFrameSource} from memory-mapped windows.
 *
 * <p>The scan shape is not in the {@code .mib} files. It is, in order: {@link OpenOptions#navShape()}; the
 * {@code .hdr}'s {@code ScanY}/{@code ScanX} when both are present and hold every frame; a line-triggered scan of
 * {@code frames / framesPerTrigger} rows of {@code Frames per Trigger} when the {@code .hdr} states more than one
 * frame per trigger, that number divides the frame count, and the {@code .hdr}'s frame count equals the frames found;
 * otherwise a 1D stack of all frames. Provenance {@code nav_shape_source} says which. A {@code .hdr} that cannot be
 * read is ignored with a warning (the frame headers describe the data fully) unless it was the file opened.
 *
 * <p>Merlin records no scan step, camera length or beam energy, so the calibration is
 * {@link Calibration#UNCALIBRATED}; counter depth, thresholds, shutter time and the other header facts go into the
 * provenance details. Thread-safe; each {@link FrameSource} is for one thread.
 */
public final class MibDataset extends PlannedDataset {

	private static final Logger LOG = LoggerFactory.getLogger(MibDataset.class);

	private final MibSeries series;
	private final MibHdr hdr;
	private final long[] fileFirstFrame;
	private final ReadMode readMode;

	private MibDataset(final MibSeries series, final MibHdr hdr, final DatasetMeta meta, final List<Partition> partitions,
			final ReadMode readMode) {
		super(series.files().get(0).path().toString(), meta, partitions);
		this.series = series;
		this.hdr = hdr;
		this.readMode = readMode;
		this.fileFirstFrame = new long[series.files().size() + 1];
		for (int i = 0; i < series.files().size(); i++)
			fileFirstFrame[i + 1] = fileFirstFrame[i] + series.files().get(i).frames();
	}

	/**
	 * Opens the acquisition {@code path} belongs to ({@code path} is a {@code .mib} file or the {@code .hdr}).
	 *
	 * @throws LayoutException naming the file and the offset or field of the first problem, or when
	 *                         {@code options.navShape()} does not hold exactly the frames found
	 */
	public static MibDataset open(final Path path, final OpenOptions options) {
		final MibSeries series = MibSeries.resolve(path);
		final Path opened = path.toAbsolutePath();
		MibHdr hdr = null;
		String hdrNote = null;
		if (series.hdr().isPresent()) {
			final Path h = series.hdr().get();
			try {
				hdr = MibHdr.read(h);
			} catch (final LayoutException e) {
				if (h.equals(opened))
					throw e;
				LOG.warn("ignoring the Merlin .hdr: {}", e.getMessage());
				hdrNote = "ignored: " + e.getMessage();
			}
		}
		final MibFile first = series.files().get(0);
		final long frames = series.frames();
		final String name = first.path().toString();
		final long[] nav;
		final String navSource;
		if (options.navShape() != null) {
			nav = options.navShape();
			navSource = "options";
		} else {
			final long[] fromHdr = hdr == null ? null : navFromHdr(hdr, frames);
			nav = fromHdr != null ? fromHdr : new long[] { frames };
			navSource = fromHdr == null ? "1D stack (the scan shape is not recorded)"
					: hdr.scanShape().isPresent() ? "hdr ScanY/ScanX" : "hdr " + MibHdr.FRAMES_PER_TRIGGER + " (line trigger)";
		}
		final FrameEncoding enc = first.encoding();
		final DatasetMeta meta;
		try {
			meta = new DatasetMeta(new long[] { frames }, new int[] { enc.sigHeight(), enc.sigWidth() }, enc.dtype(),
					Calibration.UNCALIBRATED, provenance(series, hdr, hdrNote, navSource)).withNavShape(nav);
		} catch (final LayoutException e) {
			throw new LayoutException(name + ": " + e.getMessage(), e);
		}
		return new MibDataset(series, hdr, meta, Partitions.plan(meta, options.partitionBytes()), options.readMode());
	}

	/** The scan shape the .hdr implies for {@code frames} frames, or null. */
	private static long[] navFromHdr(final MibHdr hdr, final long frames) {
		final var scan = hdr.scanShape();
		if (scan.isPresent() && scan.get()[0] <= frames && scan.get()[1] <= frames
				&& scan.get()[0] * scan.get()[1] == frames)
			return scan.get();
		final OptionalLong perTrigger = hdr.framesPerTrigger();
		final OptionalLong inAcq = hdr.framesInAcquisition();
		if (perTrigger.isPresent() && inAcq.isPresent() && inAcq.getAsLong() == frames) {
			final long x = perTrigger.getAsLong();
			if (x > 1 && x < frames && frames % x == 0)
				return new long[] { frames / x, x };
		}
		return null;
	}

	private static Provenance provenance(final MibSeries series, final MibHdr hdr, final String hdrNote,
			final String navSource) {
		final MibFile first = series.files().get(0);
		final MibHeader h = first.header();
		final List<String> files = new ArrayList<>();
		for (final MibFile f : series.files())
			files.add(f.path().toString());
		series.hdr().ifPresent(p -> files.add(p.toString()));
		Provenance p = new Provenance(MibFormat.NAME, files, java.util.Map.of())
				.with("data_type", h.dataType())
				.with("counter_depth", h.counterDepth())
				.with("encoding", first.encoding().describe())
				.with("header_bytes", h.headerBytes())
				.with("header_width", h.width())
				.with("header_height", h.height())
				.with("chips", h.chips())
				.with("chip_layout", h.layout())
				.with("chip_select", h.chipSelect())
				.with("shutter_s", h.shutterSeconds())
				.with("counter", h.counter())
				.with("colour_mode", h.colourMode())
				.with("gain_mode", h.gainMode())
				.with("thresholds_keV", h.thresholds().toString())
				.with("first_sequence", h.sequence())
				.with("first_timestamp", h.timestamp().trim())
				.with("mib_files", series.files().size())
				.with("frames", series.frames())
				.with("byte_order", "big")
				.with("nav_shape_source", navSource);
		if (first.encoding().kind() == FrameEncoding.Kind.RAW_QUAD)
			p = p.with("quad_assembly", "raw row [s0|s1|s2|s3]: top-left s3, top-right s2, bottom-left s1 and "
					+ "bottom-right s0 rotated 180 degrees");
		final MibFile last = series.files().get(series.files().size() - 1);
		if (last.trailingBytes() > 0)
			p = p.with("unfinished_frame_bytes", last.trailingBytes() + " (ignored, interrupted acquisition)");
		if (!series.skipped().isEmpty())
			p = p.with("series_skipped", String.join("; ", series.skipped()));
		if (hdrNote != null)
			p = p.with("hdr", hdrNote);
		if (hdr != null) {
			for (final String key : new String[] { MibHdr.FRAMES_IN_ACQUISITION, MibHdr.FRAMES_PER_TRIGGER,
					"Counter Depth (number)", "Chip ID", "Chip Type (Medipix 3.0, Medipix 3.1, Medipix 3RX)",
					"Chip Mode  (SPM, CSM, CM, CSCM)", "Gain", "Thresholds (keV)", "Sensor Bias (V)",
					"Time and Date Stamp (day, mnth, yr, hr, min, s)", "Software Version", "ScanX", "ScanY" }) {
				final String v = hdr.fields().get(key);
				if (v != null)
					p = p.with("hdr." + shortKey(key), v);
			}
			final OptionalLong inAcq = hdr.framesInAcquisition();
			if (inAcq.isPresent() && inAcq.getAsLong() != series.frames())
				LOG.warn("{}: the .hdr says {} frames in the acquisition, the .mib files hold {}", first.path(),
						inAcq.getAsLong(), series.frames());
		}
		return p;
	}

	/** A .hdr key without its parenthesised hint, lower case with underscores: "frames_in_acquisition". */
	private static String shortKey(final String key) {
		final int paren = key.indexOf('(');
		final String k = (paren > 0 ? key.substring(0, paren) : key).trim();
		return k.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
	}

	/** The files in frame order and their .hdr. */
	public MibSeries series() {
		return series;
	}

	/** The first frame header. */
	public MibHeader header() {
		return series.files().get(0).header();
	}

	/** The acquisition header, or null when there is none (or it was unreadable). */
	public MibHdr hdr() {
		return hdr;
	}

	/**
	 * Opens the frames of {@code partition}, which may be any contiguous run of this dataset's frames.
	 *
	 * @throws LayoutException when the run lies outside the dataset
	 */
	@Override
	public FrameSource open(final Partition partition) {
		requireInside(partition);
		final List<SeriesFrameSource.Piece> pieces = new ArrayList<>();
		final List<MibFile> files = series.files();
		int i = Arrays.binarySearch(fileFirstFrame, partition.firstFrame());
		i = i >= 0 ? i : -i - 2;
		for (long f = partition.firstFrame(); f < partition.endFrame(); i++) {
			final MibFile file = files.get(i);
			final long local = f - fileFirstFrame[i];
			final int n = (int) Math.min(partition.endFrame() - f, file.frames() - local);
			final long global = f;
			pieces.add(new SeriesFrameSource.Piece(global, n, () -> source(file, local, n, global)));
			f += n;
		}
		if (pieces.size() == 1)
			return pieces.get(0).opener().get();
		return new SeriesFrameSource(series.files().get(0).path().toString(), pieces);
	}

	private FrameSource source(final MibFile file, final long local, final int n, final long global) {
		final FrameEncoding enc = file.encoding();
		if (enc.kind() != FrameEncoding.Kind.PROCESSED)
			return new RawFrameSource(file, local, n, global);
		final FrameLayout layout = new FrameLayout(file.recordStart(local) + file.header().headerBytes(), file.stride(),
				n, enc.dtype(), false, enc.sigHeight(), enc.sigWidth());
		// many small series files: a direct-IO buffer per file would cost more than it saves
		final ReadMode mode = series.files().size() > 1 && file.size() < (16L << 20) ? ReadMode.MMAP : readMode;
		return FrameSources.open(file.path(), layout, global, mode, meta().totalBytes());
	}

	@Override
	public String storage() {
		final MibFile first = series.files().get(0);
		return "Merlin MIB " + first.encoding().describe() + ", counter depth " + first.header().counterDepth() + ", "
				+ series.files().size() + " file(s), " + series.frames() + " frames, " + first.header().headerBytes()
				+ "-byte frame headers" + series.hdr().map(h -> ", header " + h.getFileName()).orElse("") + "; "
				+ partitions().size() + " partitions";
	}
}
