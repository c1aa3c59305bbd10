package org.maptem.ingest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

import org.janelia.saalfeldlab.n5.Compression;
import org.janelia.saalfeldlab.n5.DefaultBlockWriter;
import org.maptem.dataset.DType;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Tile;
import org.maptem.dataset.TilePlan;
import org.maptem.frames.FrameSource;
import org.maptem.n5.BlockHeader;

/**
 * Writes one chunk file of an ingest: reads the chunk's frames from the source dataset tile by tile and streams
 * them, big-endian in the stored element type, through the compression into the block file, computing the CRC32C
 * of the file bytes on the way.
 *
 * <p>Memory is bounded by one tile (about {@link TilePlan#DEFAULT_TILE_BYTES} of decoded values) and its encoded
 * bytes, whatever the chunk size. The block header is written as is and only the data goes through the compression's
 * stream, as the N5 specification says; so the compression's writer must be a {@link DefaultBlockWriter}, as all of
 * the n5 library's are. One writer per thread.
 */
final class ChunkWriter {

	private final Dataset source;
	private final List<Partition> sourcePartitions;
	private final DatasetMeta out;
	private final DefaultBlockWriter streaming;
	private final BooleanSupplier abort;
	private final TilePlan plan;
	private final boolean doubles;
	private final float[] floats;
	private final double[] values;
	private final ByteBuffer encoded;

	/**
	 * @param source     the dataset read
	 * @param out        the container's meta (stored dtype; packed 12-bit becomes uint16)
	 * @param compression the chunk compression
	 * @param abort      polled between tiles; true stops the chunk with a {@link CancellationException}
	 * @throws LayoutException when the compression cannot stream (its writer is no {@link DefaultBlockWriter})
	 */
	ChunkWriter(final Dataset source, final DatasetMeta out, final Compression compression, final BooleanSupplier abort) {
		this.source = source;
		this.sourcePartitions = source.partitions();
		this.out = out;
		this.streaming = streamingWriter(compression);
		this.abort = abort;
		final DType t = out.dtype();
		// float32 holds every value of the narrow types exactly; 32-bit integers and float64 need doubles
		this.doubles = t == DType.UINT32 || t == DType.INT32 || t == DType.FLOAT64;
		this.plan = TilePlan.forBudget(out.sigShape(), doubles ? 8 : 4, TilePlan.DEFAULT_TILE_BYTES);
		final int max = plan.maxTileSize(out.sigShape());
		this.floats = doubles ? null : new float[max];
		this.values = doubles ? new double[max] : null;
		this.encoded = ByteBuffer.allocate(Math.multiplyExact(max, t.bytes())).order(ByteOrder.BIG_ENDIAN);
	}

	/** The compression's stream writer; every compression of the n5 library has one. */
	static DefaultBlockWriter streamingWriter(final Compression compression) {
		if (compression.getWriter() instanceof DefaultBlockWriter w)
			return w;
		final Object writer = compression.getWriter();
		throw new LayoutException("compression " + compression.getClass().getName() + ": expected a streaming block "
				+ "writer (org.janelia.saalfeldlab.n5.DefaultBlockWriter), found "
				+ (writer == null ? "none" : writer.getClass().getName()));
	}

	/** What writing a chunk produced. */
	record Written(String crc32c, long fileBytes) {
	}

	/**
	 * Writes the frames of {@code chunk} with {@code header} to a new file {@code file}.
	 *
	 * @throws LayoutException         naming the file when writing fails
	 * @throws CancellationException   when {@code abort} turned true
	 */
	Written write(final Partition chunk, final BlockHeader header, final Path file) {
		final CRC32C crc = new CRC32C();
		try {
			Files.createDirectories(file.getParent());
			try (OutputStream fileOut = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE), 1 << 16); CheckedOutputStream checked = new CheckedOutputStream(fileOut, crc)) {
				checked.write(header.toBytes());
				try (OutputStream data = streaming.getOutputStream(new Unclosed(checked))) {
					copyFrames(chunk, data);
				}
			}
			return new Written(String.format("%08x", crc.getValue()), Files.size(file));
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot write chunk of frames " + chunk.firstFrame() + " to "
					+ (chunk.endFrame() - 1) + ": " + e, e);
		}
	}

	/** Reads every frame of {@code chunk} from the source partitions that hold it and appends its encoded bytes. */
	private void copyFrames(final Partition chunk, final OutputStream data) throws IOException {
		for (int i = firstOverlap(chunk.firstFrame()); i < sourcePartitions.size(); i++) {
			final Partition sp = sourcePartitions.get(i);
			if (sp.firstFrame() >= chunk.endFrame())
				break;
			final long start = Math.max(chunk.firstFrame(), sp.firstFrame());
			final long end = Math.min(chunk.endFrame(), sp.endFrame());
			try (FrameSource frames = source.open(sp)) {
				for (final Tile tile : plan.tiles(new Partition(0, start, (int) (end - start)), out.sigShape())) {
					if (abort.getAsBoolean() || Thread.currentThread().isInterrupted())
						throw new CancellationException("ingest cancelled");
					encode(frames, tile);
					data.write(encoded.array(), 0, encoded.limit());
				}
			}
		}
	}

	/** Index of the first source partition that ends after {@code frame} (partitions are in frame order). */
	private int firstOverlap(final long frame) {
		int lo = 0;
		int hi = sourcePartitions.size();
		while (lo < hi) {
			final int mid = (lo + hi) >>> 1;
			if (sourcePartitions.get(mid).endFrame() <= frame)
				lo = mid + 1;
			else
				hi = mid;
		}
		return lo;
	}

	/** Decodes {@code tile} and encodes it big-endian into {@link #encoded} (position 0 to limit). */
	private void encode(final FrameSource frames, final Tile tile) {
		final int n = tile.size();
		final ByteBuffer b = encoded;
		b.clear();
		if (doubles) {
			frames.read(tile, values);
			switch (out.dtype()) {
			case FLOAT64 -> b.asDoubleBuffer().put(values, 0, n);
			case UINT32 -> {
				for (int i = 0; i < n; i++)
					b.putInt(4 * i, (int) (long) values[i]);
			}
			default -> {
				for (int i = 0; i < n; i++)
					b.putInt(4 * i, (int) values[i]);
			}
			}
		} else {
			frames.read(tile, floats);
			switch (out.dtype()) {
			case FLOAT32 -> b.asFloatBuffer().put(floats, 0, n);
			case UINT8, INT8 -> {
				final byte[] a = b.array();
				for (int i = 0; i < n; i++)
					a[i] = (byte) (int) floats[i];
			}
			case UINT16, INT16 -> {
				for (int i = 0; i < n; i++)
					b.putShort(2 * i, (short) (int) floats[i]);
			}
			default -> throw new IllegalStateException("no encoder for stored type " + out.dtype());
			}
		}
		b.position(0).limit(n * out.dtype().bytes());
	}

	/** Passes writes through but not {@code close()}, so a compressor can finish without closing the file. */
	private static final class Unclosed extends java.io.FilterOutputStream {

		Unclosed(final OutputStream out) {
			super(out);
		}

		@Override
		public void write(final byte[] b, final int off, final int len) throws IOException {
			out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}
	}
}
