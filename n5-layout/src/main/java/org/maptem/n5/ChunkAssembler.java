package org.maptem.n5;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.janelia.saalfeldlab.n5.DataBlock;
import org.janelia.saalfeldlab.n5.DatasetAttributes;
import org.janelia.saalfeldlab.n5.N5Exception;
import org.janelia.saalfeldlab.n5.N5FSReader;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Partition;
import org.maptem.frames.BufferFrameSource;
import org.maptem.frames.FrameLayout;
import org.maptem.frames.FrameSource;

/**
 * The general N5 read path: reads every block a partition touches through the n5 library (any compression, any
 * chunking, truncated or zero-padded edge blocks, missing blocks as zeros) and assembles the partition's frames in
 * one big-endian buffer.
 *
 * <p>Costs a copy and heap for the whole partition; MapTEM's own containers never take this path for raw chunks.
 */
final class ChunkAssembler {

	private final Path dir;
	private final N5Attributes attributes;
	private final DatasetMeta meta;

	ChunkAssembler(final Path dir, final N5Attributes attributes, final DatasetMeta meta) {
		this.dir = dir;
		this.attributes = attributes;
		this.meta = meta;
	}

	/** Reads partition {@code p} into memory and returns a source over it. */
	FrameSource read(final Partition p) {
		final long frameBytes = meta.frameBytes();
		final long total = frameBytes * p.frameCount();
		if (total > Integer.MAX_VALUE - 8 || total > Runtime.getRuntime().maxMemory() / 2)
			throw new LayoutException(dir + ": partition " + p.index() + " needs " + total + " bytes in memory to assemble "
					+ "from chunks of " + Arrays.toString(attributes.blockSize()) + ", more than this JVM can spare; "
					+ "ingest the dataset into a MapTEM container or open it with smaller partitions");
		final ByteBuffer out = ByteBuffer.allocate((int) total);
		final long[] dims = attributes.dimensions();
		final int[] bs = attributes.blockSize();
		final int n = dims.length;
		final int elem = meta.dtype().bytes();
		// nav coordinates in N5 order of the partition's first and last frame bound the blocks to read
		final long[] lo = navCoords(p.firstFrame(), dims);
		final long[] hi = navCoords(p.endFrame() - 1, dims);
		final long[] gridLo = new long[n];
		final long[] gridHi = new long[n];
		gridLo[0] = 0;
		gridHi[0] = (dims[0] - 1) / bs[0];
		gridLo[1] = 0;
		gridHi[1] = (dims[1] - 1) / bs[1];
		boolean full = false;
		for (int i = n - 1; i >= 2; i--) {
			if (full) {
				gridLo[i] = 0;
				gridHi[i] = (dims[i] - 1) / bs[i];
			} else {
				gridLo[i] = lo[i] / bs[i];
				gridHi[i] = hi[i] / bs[i];
				full = lo[i] != hi[i];
			}
		}
		try (N5FSReader reader = new N5FSReader(dir.toString())) {
			final DatasetAttributes da = reader.getDatasetAttributes("/");
			if (da == null)
				throw new LayoutException(attributes.file() + ": the n5 library cannot read these dataset attributes");
			final long[] g = gridLo.clone();
			while (true) {
				final Path file = blockPath(g);
				// a missing block reads as zeros; a present one is checked before the library allocates for it
				if (Files.isRegularFile(file)) {
					final BlockHeader header = BlockValidator.read(file, attributes, g);
					final DataBlock<?> block = readBlock(reader, da, g, file, header);
					if (block != null)
						copy(block, g, p, out, dims, bs, elem);
				}
				int i = 0;
				while (i < n && ++g[i] > gridHi[i]) {
					g[i] = gridLo[i];
					i++;
				}
				if (i == n)
					break;
			}
		} catch (final N5Exception e) {
			throw new LayoutException(dir + ": cannot read blocks of partition " + p.index() + ": " + e.getMessage(), e);
		}
		final FrameLayout layout = FrameLayout.packed(0, p.frameCount(), meta.dtype(), false, meta.sigHeight(), meta.sigWidth());
		return new BufferFrameSource(out, 0, layout, p.firstFrame());
	}

	private DataBlock<?> readBlock(final N5FSReader reader, final DatasetAttributes da, final long[] g, final Path file,
			final BlockHeader header) {
		final long bytes = header.numElements() * meta.dtype().bytes();
		if (bytes > Runtime.getRuntime().maxMemory() / 4)
			throw LayoutException.badBytes(file, 4, "a block this JVM can decode in memory", bytes + " bytes for block size "
					+ Arrays.toString(header.size()));
		try {
			return reader.readBlock("/", da, g);
		} catch (final N5Exception | IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
			throw LayoutException.badBytes(file, header.length(), bytes + " bytes of " + attributes.compression() + "-compressed "
					+ meta.dtype().n5Name() + " data for block size " + Arrays.toString(header.size()), "data that does not decode ("
					+ e.getMessage() + (e.getCause() != null ? ": " + e.getCause().getMessage() : "") + ")");
		}
	}

	/** Copies the part of {@code block} (at grid position {@code g}) that lies in partition {@code p}. */
	private void copy(final DataBlock<?> block, final long[] g, final Partition p, final ByteBuffer out, final long[] dims,
			final int[] bs, final int elem) {
		final int[] size = block.getSize();
		final int n = dims.length;
		if (size.length != n)
			throw LayoutException.badBytes(blockPath(g), 2, n + " dimensions", size.length);
		final ByteBuffer data = block.toByteBuffer();
		long blockFrames = 1;
		for (int i = 2; i < n; i++)
			blockFrames *= size[i];
		if ((long) data.remaining() < blockFrames * size[0] * size[1] * elem)
			throw LayoutException.badBytes(blockPath(g), 0, blockFrames * size[0] * size[1] * elem + " data bytes for block size "
					+ Arrays.toString(size), data.remaining() + " bytes");
		final long x0 = g[0] * bs[0];
		final long y0 = g[1] * bs[1];
		final int w = (int) Math.min(size[0], dims[0] - x0);
		final int h = (int) Math.min(size[1], dims[1] - y0);
		final long frameBytes = meta.frameBytes();
		final long[] local = new long[n];
		for (long k = 0; k < blockFrames; k++) {
			// nav position inside the block, N5 order
			long rem = k;
			long frame = 0;
			boolean inside = true;
			for (int i = 2; i < n; i++) {
				local[i] = rem % size[i];
				rem /= size[i];
			}
			for (int i = n - 1; i >= 2; i--) {
				final long c = g[i] * bs[i] + local[i];
				if (c >= dims[i]) {
					inside = false;
					break;
				}
				frame = frame * dims[i] + c;
			}
			if (!inside || frame < p.firstFrame() || frame >= p.endFrame())
				continue;
			final long dstFrame = (frame - p.firstFrame()) * frameBytes;
			for (int y = 0; y < h; y++) {
				final int src = (int) ((k * size[1] + y) * size[0] * elem);
				final int dst = (int) (dstFrame + ((y0 + y) * dims[0] + x0) * elem);
				out.put(dst, data, src, w * elem);
			}
		}
	}

	/** Nav coordinates (N5 order, entries 2..n-1) of a flat frame index. */
	private static long[] navCoords(final long frame, final long[] dims) {
		final long[] c = new long[dims.length];
		long f = frame;
		for (int i = 2; i < dims.length; i++) {
			c[i] = f % dims[i];
			f /= dims[i];
		}
		return c;
	}

	private Path blockPath(final long[] g) {
		Path f = dir;
		for (final long x : g)
			f = f.resolve(Long.toString(x));
		return f;
	}
}
