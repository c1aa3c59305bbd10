package org.maptem.formats.frms6;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.maptem.dataset.DType;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Partitions;
import org.maptem.dataset.PlannedDataset;
import org.maptem.dataset.Provenance;
import org.maptem.frames.FrameSource;

/**
 * A pnCCD FRMS6 data set opened in place: signal frames of every {@code _NNN.frms6} file after the dark-frame file,
 * unfolded to {@code [2·H·binning, W/2]} uint16 frames as the package documentation describes.
 *
 * <p>Opening reads the {@code .hdr} and each file's 1024-byte header, validated against the file sizes; no pixel is
 * read. Reads always memory-map ({@link org.maptem.dataset.ReadMode} is not consulted: frames are unfolded row by
 * row). Uncalibrated: the files record no pixel or scan sizes. Thread-safe; each {@link FrameSource} is for one
 * thread.
 */
public final class Frms6Dataset extends PlannedDataset {

	private final Frms6Files files;
	private final Frms6Hdr hdr;
	private final List<Frms6FileHeader> headers;
	private final long[] fileStart;

	private Frms6Dataset(final Frms6Files files, final Frms6Hdr hdr, final List<Frms6FileHeader> headers,
			final long[] fileStart, final DatasetMeta meta, final List<Partition> partitions) {
		super(files.hdr().toString(), meta, partitions);
		this.files = files;
		this.hdr = hdr;
		this.headers = headers;
		this.fileStart = fileStart;
	}

	/**
	 * Opens the data set {@code path} belongs to (its {@code .hdr} or any of its {@code .frms6} files).
	 *
	 * @throws LayoutException naming the file and the field or offset of the first problem, or when the scan shape
	 *                         needs more frames than the signal files hold
	 */
	public static Frms6Dataset open(final Path path, final OpenOptions options) {
		final Frms6Files files = Frms6Files.of(path);
		final Frms6Hdr hdr = Frms6Hdr.read(files.hdr());
		final List<Frms6FileHeader> headers = new ArrayList<>();
		final long[] start = new long[files.signal().size()];
		long total = 0;
		for (int i = 0; i < start.length; i++) {
			final Frms6FileHeader h = Frms6FileHeader.read(files.signal().get(i));
			final Frms6FileHeader first = headers.isEmpty() ? h : headers.get(0);
			if (h.width() != first.width() || h.height() != first.height())
				throw LayoutException.badField(h.file(), "width × height (bytes 88, 90)", first.height() + " × "
						+ first.width() + " as in " + first.file().getFileName(), h.height() + " × " + h.width());
			headers.add(h);
			start[i] = total;
			total += h.frames();
		}
		final Frms6FileHeader first = headers.get(0);
		final long sigH = 2L * first.height() * hdr.binning();
		final int[] sig = { (int) sigH, first.width() / 2 };
		final long[] nav = navShape(files.hdr(), options.navShape(), hdr.scanShape(), total);
		final Map<String, String> v = hdr.values();
		Provenance prov = new Provenance(Frms6Format.NAME, fileNames(files), Map.of())
				.with("hdr", files.hdr())
				.with("dark_file", files.dark() == null ? "none" : files.dark().toString())
				.with("raw_frame_shape", "[" + first.height() + ", " + first.width() + "]")
				.with("binning", hdr.binning())
				.with("file_header_bytes", Frms6FileHeader.HEADER_BYTES)
				.with("frame_header_bytes", Frms6FileHeader.FRAME_HEADER_BYTES)
				.with("signal_frames_in_files", total)
				.with("unfolding", "rows >= H: raw row 2H-1-y, columns W-1 down to W/2")
				.with("nav_shape_source", options.navShape() != null ? "options"
						: hdr.scanShape() != null ? "stemimagesize" : "frame count");
		for (final Map.Entry<String, String> e : v.entrySet())
			prov = prov.with("hdr_" + e.getKey(), e.getValue());
		final DatasetMeta meta = new DatasetMeta(nav, sig, DType.UINT16, null, prov);
		return new Frms6Dataset(files, hdr, List.copyOf(headers), start, meta,
				Partitions.plan(meta, options.partitionBytes()));
	}

	private static List<String> fileNames(final Frms6Files files) {
		final List<String> out = new ArrayList<>();
		out.add(files.hdr().toString());
		files.signal().forEach(p -> out.add(p.toString()));
		return out;
	}

	/** The requested scan shape, else the header's, else all frames as a 1D stack; it must fit the frames. */
	private static long[] navShape(final Path hdr, final long[] requested, final long[] fromHdr, final long frames) {
		final long[] nav = requested != null ? requested : fromHdr != null ? fromHdr : new long[] { frames };
		long n = 1;
		for (final long d : nav) {
			if (d < 1 || n > frames / d)
				throw LayoutException.badField(hdr, requested != null ? "scan shape" : "stemimagesize",
						"at most the " + frames + " signal frames in the .frms6 files", Arrays.toString(nav));
			n *= d;
		}
		return nav;
	}

	/** The parsed {@code .hdr}. */
	public Frms6Hdr hdr() {
		return hdr;
	}

	/** The data set's files. */
	public Frms6Files files() {
		return files;
	}

	/**
	 * Opens the frames of {@code partition}, any contiguous run of this dataset's frames.
	 *
	 * @throws LayoutException when the run lies outside the dataset
	 */
	@Override
	public FrameSource open(final Partition partition) {
		requireInside(partition);
		return new Frms6FrameSource(headers, fileStart, hdr.binning(), partition);
	}

	@Override
	public String storage() {
		return "FRMS6 data set " + files.hdr() + ": " + files.signal().size() + " signal files of raw " + headers.get(0).height()
				+ " × " + headers.get(0).width() + " frames, binning " + hdr.binning() + "; " + partitions().size()
				+ " partitions";
	}
}
