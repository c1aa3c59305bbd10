package org.maptem.ingest;

import java.util.List;

import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Partitions;
import org.maptem.n5.BlockHeader;

/**
 * The chunk grid of a MapTEM container: one chunk per partition of nav extent {@code navBlock}, and for each chunk
 * its N5 grid path and block header (edge chunks truncated, as the Java n5 library writes them).
 *
 * <p>N5 order reverses NumPy order: a chunk at NumPy nav grid position {@code [gy, gx]} has the N5 grid path
 * {@code "0/0/gx/gy"} and header size {@code [sigW, sigH, extentX, extentY]}. Immutable.
 */
final class ChunkGrid {

	private final DatasetMeta meta;
	private final long[] navShape;
	private final long[] navBlock;
	private final List<Partition> partitions;

	ChunkGrid(final DatasetMeta meta, final long[] navBlock) {
		this.meta = meta;
		this.navShape = meta.navShape();
		this.navBlock = navBlock.clone();
		this.partitions = Partitions.of(navShape, navBlock);
		final long frameValues = (long) meta.framePixels();
		for (final long b : navBlock)
			if (b > Integer.MAX_VALUE)
				throw new LayoutException("nav block " + java.util.Arrays.toString(navBlock) + " exceeds N5's 2^31-1 per axis");
		if (frameValues > Integer.MAX_VALUE)
			throw new LayoutException("frames of " + frameValues + " pixels exceed N5's block limit");
	}

	/** The chunk grid a byte budget gives: {@link Partitions#navBlock} of the frames that fit. */
	static ChunkGrid plan(final DatasetMeta meta, final long partitionBytes) {
		final long[] nav = meta.navShape();
		final long[] ones = new long[nav.length];
		java.util.Arrays.fill(ones, 1);
		return new ChunkGrid(meta, Partitions.navBlock(nav, ones, Partitions.framesFor(meta.frameBytes(), partitionBytes)));
	}

	DatasetMeta meta() {
		return meta;
	}

	long[] navBlock() {
		return navBlock.clone();
	}

	/** The chunks (= partitions) in frame order. */
	List<Partition> partitions() {
		return partitions;
	}

	/** N5 {@code blockSize}: {@code [sigW, sigH, navBlock reversed]}. */
	int[] blockSize() {
		final int n = navBlock.length;
		final int[] b = new int[2 + n];
		b[0] = meta.sigWidth();
		b[1] = meta.sigHeight();
		for (int i = 0; i < n; i++)
			b[2 + i] = (int) navBlock[n - 1 - i];
		return b;
	}

	/** N5 grid position of a chunk, N5 order. */
	long[] gridPosition(final Partition p) {
		final long[] pos = Partitions.gridPosition(navShape, navBlock, p);
		final long[] g = new long[2 + pos.length];
		for (int i = 0; i < pos.length; i++)
			g[2 + i] = pos[pos.length - 1 - i];
		return g;
	}

	/** N5 grid path of a chunk, e.g. {@code "0/0/3/1"}: the key of its checksum and its file under the dataset. */
	String path(final Partition p) {
		final StringBuilder s = new StringBuilder();
		for (final long g : gridPosition(p))
			s.append(s.length() == 0 ? "" : "/").append(g);
		return s.toString();
	}

	/** The header of a chunk's block file: its true (edge-truncated) size in N5 order. */
	BlockHeader header(final Partition p) {
		final long[] pos = Partitions.gridPosition(navShape, navBlock, p);
		final int n = navShape.length;
		final int[] size = new int[2 + n];
		size[0] = meta.sigWidth();
		size[1] = meta.sigHeight();
		for (int i = 0; i < n; i++) {
			final int a = n - 1 - i;
			size[2 + i] = (int) Math.min(navBlock[a], navShape[a] - pos[a] * navBlock[a]);
		}
		return BlockHeader.of(size);
	}

	/** Uncompressed data bytes of a chunk. */
	long dataBytes(final Partition p) {
		return meta.frameBytes() * p.frameCount();
	}
}
