package org.maptem.formats.k2is;

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
import org.maptem.formats.dm.DmFile;
import org.maptem.frames.FrameSource;

/**
 * A Gatan K2 IS data set opened in place: 1860 × 2048 frames of 12-bit counts assembled from 8 sector files.
 *
 * <p>Opening reads the {@code .gtg} tags and synchronises the sectors from their block headers ({@link K2Sync});
 * no pixel is read. Frame 0 is, as in LiberTEM, the frame before the first shutter-active frame when the
 * {@code .gtg} gives a scan ({@code SI Dimensions/Size Y, Size X}; the flag is set one frame late), else the first
 * shutter-active frame (a time series). The scan shape is {@link OpenOptions#navShape()}, else the {@code .gtg}'s,
 * else a 1D stack of all frames from frame 0; it may cover fewer frames than were recorded. The element type is
 * {@link DType#UINT12_PACKED} (what partitions are budgeted in; ingest stores uint16). Reads always memory-map
 * ({@link org.maptem.dataset.ReadMode} is not consulted). Uncalibrated. Thread-safe; each {@link FrameSource} is
 * for one thread.
 */
public final class K2isDataset extends PlannedDataset {

	private final K2Files files;
	private final long[] frame0Block;

	private K2isDataset(final K2Files files, final long[] frame0Block, final DatasetMeta meta,
			final List<Partition> partitions) {
		super(files.sectors().get(0).toString(), meta, partitions);
		this.files = files;
		this.frame0Block = frame0Block.clone();
	}

	/**
	 * Opens the data set {@code path} belongs to (its {@code .gtg} or any of its {@code .bin} files).
	 *
	 * @throws LayoutException naming the file and the offset or field of the first problem, or when the scan shape
	 *                         needs more frames than were recorded
	 */
	public static K2isDataset open(final Path path, final OpenOptions options) {
		final K2Files files = K2Files.of(path);
		long[] si = null;
		String flyback = null;
		if (files.gtg() != null) {
			final DmFile gtg = DmFile.read(files.gtg());
			si = scanShape(files.gtg(), gtg.root().number("SI Dimensions", "Size Y"),
					gtg.root().number("SI Dimensions", "Size X"));
			final double h = gtg.root().number("SI Image Tags", "SI", "Acquisition", "Spatial Sampling", "Height (pixels)");
			final double w = gtg.root().number("SI Image Tags", "SI", "Acquisition", "Spatial Sampling", "Width (pixels)");
			if (!Double.isNaN(h) && !Double.isNaN(w))
				flyback = (long) h + " × " + (long) w;
		}
		final K2Sync.Result sync = K2Sync.run(files.sectors());
		// LiberTEM: for scans the shutter flag is set one frame late, so the scan starts one frame earlier
		final long first = si != null ? Math.max(0, sync.shutterFrame() - 1) : sync.shutterFrame();
		final long available = sync.frames() - first;
		final long[] nav = options.navShape() != null ? options.navShape() : si != null ? si : new long[] { available };
		long n = 1;
		for (final long d : nav) {
			if (d < 1 || n > available / d)
				throw LayoutException.badField(files.gtg() != null && options.navShape() == null ? files.gtg()
						: files.sectors().get(0), options.navShape() != null ? "scan shape" : "SI Dimensions",
						"at most the " + available + " frames recorded from frame 0 (" + sync.frames() + " whole frames "
								+ "after synchronisation; " + sync.shortest().getFileName() + " holds the fewest)",
						Arrays.toString(nav));
			n *= d;
		}
		final long[] frame0Block = new long[K2Block.SECTORS];
		final long[] offsets = new long[K2Block.SECTORS];
		for (int s = 0; s < frame0Block.length; s++) {
			frame0Block[s] = sync.firstBlock()[s] + first * K2Block.PER_FRAME;
			offsets[s] = frame0Block[s] * K2Block.BYTES;
		}
		final List<String> names = new ArrayList<>();
		if (files.gtg() != null)
			names.add(files.gtg().toString());
		files.sectors().forEach(p -> names.add(p.toString()));
		Provenance prov = new Provenance(K2isFormat.NAME, names, Map.of())
				.with("frame0_byte_offsets", Arrays.toString(offsets))
				.with("frames_after_sync", sync.frames())
				.with("shutter_frame", sync.shutterFrame())
				.with("frames_skipped_after_sync", first)
				.with("first_frame_id_after_sync", sync.firstFrameId())
				.with("block_bytes", K2Block.BYTES)
				.with("nav_shape_source", options.navShape() != null ? "options" : si != null ? "gtg SI Dimensions"
						: "frame count");
		if (flyback != null)
			prov = prov.with("scan_without_flyback", flyback);
		final DatasetMeta meta = new DatasetMeta(nav, new int[] { K2Block.FRAME_HEIGHT, K2Block.FRAME_WIDTH },
				DType.UINT12_PACKED, null, prov);
		return new K2isDataset(files, frame0Block, meta, Partitions.plan(meta, options.partitionBytes()));
	}

	/** The {@code .gtg}'s scan shape {@code [Size Y, Size X]}, {@code null} when absent; validated when present. */
	private static long[] scanShape(final Path gtg, final double y, final double x) {
		if (Double.isNaN(y) || Double.isNaN(x))
			return null;
		for (final double v : new double[] { y, x })
			if (!(v >= 1 && v <= Integer.MAX_VALUE && v == Math.rint(v)))
				throw LayoutException.badField(gtg, "SI Dimensions/Size Y, Size X", "positive whole numbers", y + ", " + x);
		return new long[] { (long) y, (long) x };
	}

	/** The data set's files. */
	public K2Files files() {
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
		return new K2isFrameSource(files.sectors(), frame0Block, partition);
	}

	@Override
	public String storage() {
		return "K2IS data set " + (files.gtg() != null ? files.gtg() : files.sectors().get(0)) + ": 8 sector files, "
				+ meta().frameCount() + " frames of " + K2Block.FRAME_HEIGHT + " × " + K2Block.FRAME_WIDTH + " packed 12-bit; "
				+ partitions().size() + " partitions";
	}
}
