package org.maptem.formats.tvips;

import java.nio.file.Path;
import java.util.ArrayList;
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

/**
 * A TVIPS recorder series opened in place: frames decoded straight from their files (memory-mapped or direct IO, as
 * the options' {@link ReadMode} says), skipping the frame headers; partitions may span files.
 *
 * <p>Nav shape {@code [frames]} unless the options give one (the files do not record the scan shape, see the package
 * documentation), sig shape {@code [IYDim, IXDim]}, u8 or u16. Thread-safe; each {@link FrameSource} is for one
 * thread.
 */
public final class TvipsDataset extends PlannedDataset {

	private final TvipsSeries series;
	private final ReadMode readMode;

	private TvipsDataset(final TvipsSeries series, final DatasetMeta meta, final List<Partition> partitions,
			final ReadMode readMode) {
		super(series.parts().get(0).file().toString(), meta, partitions);
		this.series = series;
		this.readMode = readMode;
	}

	/**
	 * Opens the series {@code file} belongs to (any of its files may be given).
	 *
	 * @throws LayoutException naming the file and the field, offset or size that is wrong
	 */
	public static TvipsDataset open(final Path file, final OpenOptions options) {
		final TvipsSeries s = TvipsSeries.open(file);
		final List<String> files = new ArrayList<>();
		for (final TvipsSeries.Part p : s.parts())
			files.add(p.file().toString());
		Provenance p = new Provenance(TvipsFormat.NAME, files, Map.of())
				.with("version", s.version())
				.with("header_bytes", TvipsSeries.HEADER_BYTES)
				.with("frame_header_bytes", s.frameHeaderBytes())
				.with("bits_per_pixel", s.headerField(4))
				.with("offset_xy", s.headerField(5) + ", " + s.headerField(6))
				.with("binning_xy", s.headerField(7) + ", " + s.headerField(8))
				.with("pixel_size_nm", s.headerField(9))
				.with("high_tension_kV", s.headerField(10))
				.with("magnification_total", s.headerField(11));
		if (s.rotidxFirst() >= 0)
			p = p.with("rotidx_first", s.rotidxFirst()).with("rotidx_last", s.rotidxLast())
					.with("rotidx_steps_by_one", s.rotidxStepsByOne());
		final Calibration c = Calibration.UNCALIBRATED.withOptics(Double.NaN,
				s.headerField(10) > 0 ? s.headerField(10) : Double.NaN);
		DatasetMeta meta = new DatasetMeta(new long[] { s.frameCount() }, new int[] { s.height(), s.width() }, s.dtype(), c, p);
		if (options.navShape() != null)
			try {
				meta = meta.withNavShape(options.navShape());
			} catch (final LayoutException e) {
				throw new LayoutException(s.parts().get(0).file() + ": " + e.getMessage(), e);
			}
		return new TvipsDataset(s, meta, Partitions.plan(meta, options.partitionBytes()), options.readMode());
	}

	/** The validated series. */
	public TvipsSeries series() {
		return series;
	}

	/**
	 * Opens the frames of {@code partition}, which may be any contiguous run of this dataset's frames, in whichever
	 * files hold them.
	 *
	 * @throws LayoutException when the run lies outside the dataset
	 */
	@Override
	public FrameSource open(final Partition partition) {
		requireInside(partition);
		final DatasetMeta meta = meta();
		final List<FrameSource> sources = new ArrayList<>();
		final List<Long> starts = new ArrayList<>();
		try {
			for (final TvipsSeries.Part part : series.parts()) {
				final long from = Math.max(partition.firstFrame(), part.firstFrame());
				final long to = Math.min(partition.endFrame(), part.firstFrame() + part.frames());
				if (from >= to)
					continue;
				final FrameLayout layout = new FrameLayout(
						part.dataOffset() + (from - part.firstFrame()) * series.frameStride() + series.frameHeaderBytes(),
						series.frameStride(), to - from, series.dtype(), true, meta.sigHeight(), meta.sigWidth());
				sources.add(FrameSources.open(part.file(), layout, from, readMode, meta.totalBytes()));
				starts.add(from);
			}
		} catch (final LayoutException e) {
			sources.forEach(FrameSource::close);
			throw e;
		}
		if (sources.size() == 1)
			return sources.get(0);
		starts.add(partition.endFrame());
		final long[] s = new long[starts.size()];
		for (int i = 0; i < s.length; i++)
			s[i] = starts.get(i);
		return new SplitFrameSource(series.parts().get(0).file().toString(), sources.toArray(FrameSource[]::new), s);
	}

	@Override
	public String storage() {
		return series + "; " + partitions().size() + " partitions";
	}
}
