package org.maptem.udf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.maptem.dataset.DType;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Partitions;
import org.maptem.dataset.Provenance;
import org.maptem.dataset.Tile;
import org.maptem.frames.BufferFrameSource;
import org.maptem.frames.FrameLayout;
import org.maptem.frames.FrameSource;

/**
 * A small in-memory dataset for engine tests: known values encoded as float32 little-endian or uint16 big-endian
 * (N5 byte order) in one heap buffer, read through the real {@link BufferFrameSource}, partitioned by
 * {@link Partitions#plan}. Counts every tile read.
 */
public final class ArrayDataset implements Dataset {

	private final DatasetMeta meta;
	private final float[] values;
	private final ByteBuffer bytes;
	private final FrameLayout layout;
	private final List<Partition> partitions;
	private final AtomicLong tileReads;

	private ArrayDataset(final DatasetMeta meta, final float[] values, final ByteBuffer bytes, final FrameLayout layout,
			final long partitionFrames, final AtomicLong tileReads) {
		this.meta = meta;
		this.values = values;
		this.bytes = bytes;
		this.layout = layout;
		this.partitions = Partitions.plan(meta, partitionFrames * meta.frameBytes());
		this.tileReads = tileReads;
	}

	/**
	 * A dataset holding {@code values} (frame after frame, row-major) stored as {@code dtype} (FLOAT32 little-endian
	 * or UINT16 big-endian), in one partition.
	 */
	public static ArrayDataset of(final long[] navShape, final int height, final int width, final float[] values,
			final DType dtype) {
		final DatasetMeta meta = new DatasetMeta(navShape, new int[] { height, width }, dtype, null,
				Provenance.of("test-array"));
		if (values.length != meta.frameCount() * meta.framePixels())
			throw new IllegalArgumentException("need " + meta.frameCount() * meta.framePixels() + " values");
		final boolean little = dtype == DType.FLOAT32;
		final ByteBuffer b = ByteBuffer.allocate((int) meta.totalBytes())
				.order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
		for (final float v : values) {
			if (dtype == DType.FLOAT32)
				b.putFloat(v);
			else if (dtype == DType.UINT16 && v == (int) v && v >= 0 && v <= 65535)
				b.putShort((short) (int) v);
			else
				throw new IllegalArgumentException("cannot store " + v + " as " + dtype);
		}
		final FrameLayout layout = FrameLayout.packed(0, meta.frameCount(), dtype, little, height, width);
		return new ArrayDataset(meta, values, b, layout, meta.frameCount(), new AtomicLong());
	}

	/** Random integer counts in {@code [0, max]}, as float32 data. */
	public static ArrayDataset counts(final long[] navShape, final int height, final int width, final int max,
			final long seed, final DType dtype) {
		long frames = 1;
		for (final long n : navShape)
			frames *= n;
		final float[] v = new float[(int) frames * height * width];
		final Random r = new Random(seed);
		for (int i = 0; i < v.length; i++)
			v[i] = r.nextInt(max + 1);
		return of(navShape, height, width, v, dtype);
	}

	/** The same data cut into partitions of at most {@code frames} frames (sharing the bytes and read counter). */
	public ArrayDataset withPartitionFrames(final long frames) {
		return new ArrayDataset(meta, values, bytes, layout, frames, tileReads);
	}

	/** Value of pixel {@code (x, y)} of frame {@code frame}. */
	public float value(final long frame, final int y, final int x) {
		return values[(int) (frame * meta.framePixels() + y * meta.sigWidth() + x)];
	}

	/** Tiles read since creation (or the last {@link #resetReads()}). */
	public long tileReads() {
		return tileReads.get();
	}

	public void resetReads() {
		tileReads.set(0);
	}

	@Override
	public DatasetMeta meta() {
		return meta;
	}

	@Override
	public List<Partition> partitions() {
		return partitions;
	}

	@Override
	public FrameSource open(final Partition partition) {
		final BufferFrameSource source = new BufferFrameSource(bytes, 0, layout, 0);
		return new FrameSource() {
			@Override
			public void read(final Tile tile, final float[] dst) {
				if (tile.firstFrame() < partition.firstFrame() || tile.firstFrame() + tile.frameCount() > partition.endFrame())
					throw new IllegalStateException("tile " + tile + " outside " + partition);
				tileReads.incrementAndGet();
				source.read(tile, dst);
			}

			@Override
			public void read(final Tile tile, final double[] dst) {
				tileReads.incrementAndGet();
				source.read(tile, dst);
			}

			@Override
			public void close() {
				source.close();
			}
		};
	}
}
