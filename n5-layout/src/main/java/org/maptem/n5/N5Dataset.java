package org.maptem.n5;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.maptem.dataset.DType;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Partitions;
import org.maptem.dataset.Provenance;
import org.maptem.frames.FrameLayout;
import org.maptem.frames.FrameSource;
import org.maptem.frames.FrameSources;

/**
 * A 4D-STEM dataset stored as an N5 dataset: one MapTEM wrote (with a {@code maptem} sidecar, one chunk per
 * partition) or any other N5 dataset whose last two NumPy axes are the detector.
 *
 * <p>Reading takes the fast path whenever a partition is exactly one raw-compressed chunk holding whole frames: the
 * chunk file is memory-mapped and decoded in place past its header. Anything else (compressed chunks, chunks that
 * split frames or span partitions) is read block by block through the n5 library and assembled.
 *
 * <p>Axis order: N5 {@code dimensions} are {@code [sigX, sigY, navX, navY, ...]}, the reverse of
 * {@link DatasetMeta}'s NumPy order.
 */
public final class N5Dataset implements Dataset {

	private final Path dir;
	private final N5Attributes attributes;
	private final DatasetMeta meta;
	private final long[] navBlock;
	private final long[] chunkNav;
	private final List<Partition> partitions;
	private final boolean maptem;
	private final OpenOptions options;

	private N5Dataset(final Path dir, final N5Attributes attributes, final OpenOptions options) {
		this.dir = dir;
		this.attributes = attributes;
		this.options = options;
		final long[] dims = attributes.dimensions();
		if (dims.length < 2 || dims.length > 5)
			throw LayoutException.badField(attributes.file(), "dimensions", "2 to 5 dimensions [sigX, sigY, nav...]",
					Arrays.toString(dims));
		if (dims[0] > Integer.MAX_VALUE || dims[1] > Integer.MAX_VALUE)
			throw LayoutException.badField(attributes.file(), "dimensions", "detector axes below 2^31", Arrays.toString(dims));
		final long[] nav = dims.length == 2 ? new long[] { 1 } : reversed(Arrays.copyOfRange(dims, 2, dims.length));
		final int[] block = attributes.blockSize();
		this.chunkNav = dims.length == 2 ? new long[] { 1 } : reversed(toLongs(Arrays.copyOfRange(block, 2, block.length)));
		final int[] sig = { (int) dims[1], (int) dims[0] };
		final Sidecar sidecar = attributes.sidecar();
		this.maptem = sidecar != null;
		DatasetMeta m;
		if (sidecar != null) {
			m = sidecar.meta();
			if (!Arrays.equals(m.navShape(), nav) || !Arrays.equals(m.sigShape(), sig) || m.dtype() != attributes.dtype())
				throw LayoutException.badField(attributes.file(), "maptem", "a shape and dtype matching dimensions "
						+ Arrays.toString(dims) + " and dataType " + attributes.dtype().n5Name(), m + " in the sidecar");
			if (!sidecar.complete())
				throw LayoutException.badField(attributes.file(), "maptem.complete", true, "false (an ingest did not finish)");
			if (!Arrays.equals(sidecar.navBlock(), chunkNav))
				throw LayoutException.badField(attributes.file(), "maptem.partitioning.nav_block", Arrays.toString(chunkNav)
						+ " (the chunk's nav block)", Arrays.toString(sidecar.navBlock()));
			this.navBlock = chunkNav;
		} else {
			try {
				m = new DatasetMeta(nav, sig, attributes.dtype(), null,
						new Provenance("n5", List.of(dir.toAbsolutePath().toString()), java.util.Map.of()));
			} catch (final LayoutException e) {
				throw LayoutException.badField(attributes.file(), "dimensions", "a 4D-STEM shape MapTEM can address",
						Arrays.toString(dims) + " (" + e.getMessage() + ")");
			}
			this.navBlock = Partitions.navBlock(nav, chunkNav, Partitions.framesFor(m.frameBytes(), options.partitionBytes()));
		}
		if (options.navShape() != null)
			m = m.withNavShape(options.navShape());
		this.meta = m;
		try {
			this.partitions = Partitions.of(nav, navBlock);
		} catch (final LayoutException e) {
			throw LayoutException.badField(attributes.file(), "dimensions", "a shape that splits into at most 2^31-1 partitions",
					Arrays.toString(dims) + " (" + e.getMessage() + ")");
		}
	}

	/**
	 * Opens the N5 dataset in directory {@code dir} (the directory holding its {@code attributes.json}).
	 *
	 * @throws LayoutException when the attributes are missing, malformed or not a 4D-STEM layout
	 */
	public static N5Dataset open(final Path dir, final OpenOptions options) {
		return new N5Dataset(dir, N5Attributes.read(dir), options);
	}

	/**
	 * Finds the dataset a path means: the directory itself if it is an N5 dataset, otherwise the one MapTEM dataset
	 * (or the only dataset) inside the container.
	 *
	 * @throws LayoutException when there is none, or several and none is MapTEM's
	 */
	public static Path locate(final Path path) {
		if (N5Attributes.isDataset(path))
			return path;
		if (!Files.isDirectory(path))
			throw new LayoutException(path + ": not an N5 container or dataset directory");
		final List<Path> datasets;
		try (var walk = Files.walk(path, 4)) {
			datasets = walk.filter(Files::isDirectory).filter(p -> !p.equals(path)).filter(N5Attributes::isDataset).sorted().toList();
		} catch (final IOException e) {
			throw new LayoutException(path + ": cannot list the container: " + e.getMessage(), e);
		}
		if (datasets.size() == 1)
			return datasets.get(0);
		final List<Path> ours = datasets.stream().filter(p -> {
			try {
				return N5Attributes.read(p).json().has(Sidecar.KEY);
			} catch (final LayoutException e) {
				return false;
			}
		}).toList();
		if (ours.size() == 1)
			return ours.get(0);
		if (datasets.isEmpty())
			throw new LayoutException(path + ": the container holds no N5 dataset (no attributes.json with dimensions)");
		throw new LayoutException(path + ": the container holds " + datasets.size() + " datasets; name one as "
				+ path + "/<dataset>: " + datasets.stream().map(p -> path.relativize(p).toString()).toList());
	}

	@Override
	public DatasetMeta meta() {
		return meta;
	}

	@Override
	public List<Partition> partitions() {
		return partitions;
	}

	/** The directory of this dataset. */
	public Path directory() {
		return dir;
	}

	/** The validated N5 attributes. */
	public N5Attributes attributes() {
		return attributes;
	}

	/** True if a MapTEM sidecar describes this dataset. */
	public boolean isMaptem() {
		return maptem;
	}

	/** NumPy-order nav extent of one partition. */
	public long[] navBlock() {
		return navBlock.clone();
	}

	@Override
	public FrameSource open(final Partition p) {
		final boolean fast = fastPathPossible();
		if (fast || maptem) {
			// in a MapTEM container every partition is one chunk, and a missing one is damage, not zeros
			final Path chunk = chunkFile(p);
			final boolean present = Files.isRegularFile(chunk);
			if (!present && maptem)
				throw new LayoutException(chunk + ": chunk file missing (partition " + p.index() + ", frames " + p.firstFrame()
						+ " to " + (p.endFrame() - 1) + ")");
			if (present && fast) {
				final BlockHeader header = BlockValidator.read(chunk, attributes, chunkGridPosition(p));
				if (packsPartition(header, p))
					return FrameSources.open(chunk, FrameLayout.packed(header.length(), p.frameCount(), meta.dtype(), false,
							meta.sigHeight(), meta.sigWidth()), p.firstFrame(), options.readMode(), meta.totalBytes());
				// a zero-padded chunk whose padding lies between the partition's frames: crop it in memory
			}
		}
		return new ChunkAssembler(dir, attributes, meta).read(p);
	}

	@Override
	public String storage() {
		return "N5 dataset " + dir + ", dimensions " + Arrays.toString(attributes.dimensions()) + ", blockSize "
				+ Arrays.toString(attributes.blockSize()) + ", compression " + attributes.compression()
				+ (maptem ? ", MapTEM sidecar" : ", no MapTEM sidecar");
	}

	/** Whether partitions are single raw chunks holding whole frames. */
	private boolean fastPathPossible() {
		final int[] bs = attributes.blockSize();
		final long[] dims = attributes.dimensions();
		return "raw".equals(attributes.compression()) && bs[0] >= dims[0] && bs[1] >= dims[1] && Arrays.equals(navBlock, chunkNav);
	}

	/** The chunk file of a partition (N5 grid path: sig positions 0, nav positions fastest first). */
	public Path chunkFile(final Partition p) {
		Path f = dir;
		for (final long x : chunkGridPosition(p))
			f = f.resolve(Long.toString(x));
		return f;
	}

	/** N5 grid path of a partition's chunk, as the sidecar keys checksums: {@code "0/0/x/y"}. */
	public String chunkKey(final Partition p) {
		return dir.relativize(chunkFile(p)).toString().replace(java.io.File.separatorChar, '/');
	}

	/** N5-order grid position of a partition's chunk; a 2D dataset's one block is at {@code [0, 0]}. */
	private long[] chunkGridPosition(final Partition p) {
		final long[] dims = attributes.dimensions();
		final long[] g = new long[dims.length];
		if (dims.length == 2)
			return g;
		final long[] pos = Partitions.gridPosition(reversed(Arrays.copyOfRange(dims, 2, dims.length)), navBlock, p);
		for (int i = 0; i < pos.length; i++)
			g[2 + i] = pos[pos.length - 1 - i];
		return g;
	}

	/**
	 * Whether a (validated) chunk holds the partition's frames packed at its start: whole frames of exactly the
	 * detector size, and on every nav axis faster than the slowest one the partition spans, exactly the partition's
	 * extent. Truncated edge chunks pass; zero padding on the detector or between the partition's frames does not.
	 */
	private boolean packsPartition(final BlockHeader header, final Partition p) {
		final long[] dims = attributes.dimensions();
		final int[] size = header.size();
		if (size[0] != dims[0] || size[1] != dims[1])
			return false;
		final long[] g = chunkGridPosition(p);
		final int[] bs = attributes.blockSize();
		int slowestSpanned = 2;
		for (int i = 2; i < dims.length; i++)
			if (Math.min(bs[i], dims[i] - g[i] * bs[i]) > 1)
				slowestSpanned = i;
		for (int i = 2; i < slowestSpanned; i++)
			if (size[i] != Math.min(bs[i], dims[i] - g[i] * bs[i]))
				return false;
		return true;
	}

	static long[] reversed(final long[] a) {
		final long[] r = new long[a.length];
		for (int i = 0; i < a.length; i++)
			r[i] = a[a.length - 1 - i];
		return r;
	}

	private static long[] toLongs(final int[] a) {
		final long[] r = new long[a.length];
		for (int i = 0; i < a.length; i++)
			r[i] = a[i];
		return r;
	}

	/** Element type of this dataset. */
	DType dtype() {
		return meta.dtype();
	}
}
