package org.maptem.n5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Predicate;

import org.janelia.saalfeldlab.n5.ByteArrayDataBlock;
import org.janelia.saalfeldlab.n5.Compression;
import org.janelia.saalfeldlab.n5.DataBlock;
import org.janelia.saalfeldlab.n5.DataType;
import org.janelia.saalfeldlab.n5.DatasetAttributes;
import org.janelia.saalfeldlab.n5.DoubleArrayDataBlock;
import org.janelia.saalfeldlab.n5.FloatArrayDataBlock;
import org.janelia.saalfeldlab.n5.IntArrayDataBlock;
import org.janelia.saalfeldlab.n5.N5FSWriter;
import org.janelia.saalfeldlab.n5.ShortArrayDataBlock;
import org.maptem.dataset.DType;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Tile;
import org.maptem.dataset.TilePlan;
import org.maptem.frames.FrameSource;

/**
 * Writes 4D-STEM test datasets with the n5 library itself (any chunking, compression and dtype, truncated or
 * zero-padded edge blocks) and checks what MapTEM reads against the values the test wrote.
 *
 * <p>Every value is a hash of its frame, row and column, so a value read from the wrong place is caught.
 */
final class N5Fixtures {

	private N5Fixtures() {
	}

	/** The value the fixtures store at {@code (frame, y, x)} for {@code type}, as the exact double it represents. */
	static double value(final DType type, final long frame, final int y, final int x) {
		long h = frame * 0x9E3779B97F4A7C15L + y * 0xC2B2AE3D27D4EB4FL + x * 0x165667B19E3779F9L + type.ordinal();
		h ^= h >>> 31;
		h *= 0xBF58476D1CE4E5B9L;
		h ^= h >>> 29;
		switch (type) {
		case UINT8: return h & 0xFF;
		case INT8: return (byte) h;
		case UINT16: return h & 0xFFFF;
		case INT16: return (short) h;
		case UINT32: return h & 0xFFFFFFFFL;
		case INT32: return (int) h;
		case FLOAT32: return (float) ((int) h / 1024.0);
		case FLOAT64: return (h >> 11) / 4096.0;
		default: throw new IllegalArgumentException("no N5 type for " + type);
		}
	}

	/**
	 * Writes dataset {@code dataset} of container {@code container} with the n5 library: NumPy-order scan
	 * {@code nav} (empty for a single 2D frame), frames of {@code h × w}, N5 {@code blockSize}. Edge blocks are
	 * truncated as the Java n5 library writes them, or full-size with zero padding as zarr writes them; blocks for
	 * which {@code skip} holds (N5 grid position) are not written.
	 *
	 * @return the dataset directory
	 */
	static Path write(final Path container, final String dataset, final DType type, final long[] nav, final int h, final int w,
			final int[] blockSize, final Compression compression, final boolean padEdges, final Predicate<long[]> skip) {
		final long[] dims = n5Dimensions(nav, h, w);
		final int n = dims.length;
		final DatasetAttributes attributes = new DatasetAttributes(dims, blockSize, DataType.fromString(type.n5Name()), compression);
		try (N5FSWriter writer = new N5FSWriter(container.toString())) {
			writer.createDataset(dataset, attributes);
			final long[] grid = new long[n];
			for (int i = 0; i < n; i++)
				grid[i] = (dims[i] + blockSize[i] - 1) / blockSize[i];
			final long[] g = new long[n];
			do {
				if (!skip.test(g.clone()))
					writer.writeBlock(dataset, attributes, block(type, dims, blockSize, g, padEdges));
			} while (next(g, grid));
		}
		return container.resolve(dataset);
	}

	/** As {@link #write} with every block written, edges truncated. */
	static Path write(final Path container, final String dataset, final DType type, final long[] nav, final int h, final int w,
			final int[] blockSize, final Compression compression) {
		return write(container, dataset, type, nav, h, w, blockSize, compression, false, g -> false);
	}

	/** N5 dimensions {@code [w, h, nav reversed]} of a NumPy-order scan and frame size. */
	static long[] n5Dimensions(final long[] nav, final int h, final int w) {
		final long[] d = new long[2 + nav.length];
		d[0] = w;
		d[1] = h;
		for (int i = 0; i < nav.length; i++)
			d[2 + i] = nav[nav.length - 1 - i];
		return d;
	}

	/** Flat C-order frame index of N5 coordinates {@code c} (entries 2.. are nav, fastest first). */
	static long frameOf(final long[] c, final long[] dims) {
		long f = 0;
		for (int i = dims.length - 1; i >= 2; i--)
			f = f * dims[i] + c[i];
		return f;
	}

	private static DataBlock<?> block(final DType type, final long[] dims, final int[] bs, final long[] g, final boolean pad) {
		final int n = dims.length;
		final int[] size = new int[n];
		int count = 1;
		for (int i = 0; i < n; i++) {
			size[i] = pad ? bs[i] : (int) Math.min(bs[i], dims[i] - g[i] * bs[i]);
			count *= size[i];
		}
		final double[] v = new double[count];
		final long[] local = new long[n];
		final long[] c = new long[n];
		for (int k = 0; k < count; k++) {
			boolean inside = true;
			for (int i = 0; i < n; i++) {
				c[i] = g[i] * bs[i] + local[i];
				inside &= c[i] < dims[i];
			}
			v[k] = inside ? value(type, frameOf(c, dims), (int) c[1], (int) c[0]) : 0;
			next(local, size);
		}
		final long[] pos = g.clone();
		switch (type) {
		case UINT8, INT8: {
			final byte[] a = new byte[count];
			for (int k = 0; k < count; k++)
				a[k] = (byte) (long) v[k];
			return new ByteArrayDataBlock(size, pos, a);
		}
		case UINT16, INT16: {
			final short[] a = new short[count];
			for (int k = 0; k < count; k++)
				a[k] = (short) (long) v[k];
			return new ShortArrayDataBlock(size, pos, a);
		}
		case UINT32, INT32: {
			final int[] a = new int[count];
			for (int k = 0; k < count; k++)
				a[k] = (int) (long) v[k];
			return new IntArrayDataBlock(size, pos, a);
		}
		case FLOAT32: {
			final float[] a = new float[count];
			for (int k = 0; k < count; k++)
				a[k] = (float) v[k];
			return new FloatArrayDataBlock(size, pos, a);
		}
		case FLOAT64:
			return new DoubleArrayDataBlock(size, pos, v);
		default:
			throw new IllegalArgumentException("no N5 type for " + type);
		}
	}

	/** Advances {@code pos} in N5 order (first index fastest) within {@code extent}; false after the last. */
	static boolean next(final long[] pos, final long[] extent) {
		for (int i = 0; i < pos.length; i++) {
			if (++pos[i] < extent[i])
				return true;
			pos[i] = 0;
		}
		return false;
	}

	private static boolean next(final long[] pos, final int[] extent) {
		for (int i = 0; i < pos.length; i++) {
			if (++pos[i] < extent[i])
				return true;
			pos[i] = 0;
		}
		return false;
	}

	/**
	 * Reads every partition of {@code d} in tiles of about {@code tileBytes} (as float64 and as float32) and asserts
	 * every value equals what {@link #write} stored, or 0 in blocks that {@code missing} says were not written.
	 *
	 * @return the number of values compared
	 */
	static long assertValues(final Dataset d, final DType type, final long tileBytes, final Predicate<long[]> missing,
			final int[] blockSize) {
		final int[] sig = d.meta().sigShape();
		final long[] dims = d.meta().n5Dimensions();
		final TilePlan plan = TilePlan.forBudget(sig, 8, tileBytes);
		final double[] dbuf = new double[plan.maxTileSize(sig)];
		final float[] fbuf = new float[plan.maxTileSize(sig)];
		long compared = 0;
		long next = 0;
		for (final Partition p : d.partitions()) {
			assertEquals(next, p.firstFrame(), "partitions in frame order");
			next = p.endFrame();
			try (FrameSource s = d.open(p)) {
				for (final Tile t : plan.tiles(p, sig)) {
					s.read(t, dbuf);
					s.read(t, fbuf);
					int k = 0;
					for (int f = 0; f < t.frameCount(); f++)
						for (int y = t.sigRowStart(); y < t.sigRowStart() + t.sigRows(); y++)
							for (int x = 0; x < sig[1]; x++, k++) {
								final long frame = t.firstFrame() + f;
								final double expected = isMissing(frame, y, x, dims, blockSize, missing) ? 0 : value(type, frame, y, x);
								if (dbuf[k] != expected || fbuf[k] != (float) expected)
									assertEquals(expected, dbuf[k], 0.0, d.storage() + ": frame " + frame + " y " + y + " x " + x
											+ " read as " + dbuf[k] + " / " + fbuf[k] + " in " + p + ", " + t);
								compared++;
							}
				}
			}
		}
		assertEquals(d.meta().frameCount(), next, "every frame in a partition");
		assertEquals(d.meta().frameCount() * d.meta().framePixels(), compared, "every value compared");
		return compared;
	}

	private static boolean isMissing(final long frame, final int y, final int x, final long[] dims, final int[] bs,
			final Predicate<long[]> missing) {
		// a 2D dataset has no nav entries in its block size (its meta has one nav axis of 1)
		final long[] g = new long[bs.length];
		g[0] = x / bs[0];
		g[1] = y / bs[1];
		long f = frame;
		for (int i = 2; i < bs.length; i++) {
			g[i] = (f % dims[i]) / bs[i];
			f /= dims[i];
		}
		return missing.test(g);
	}

	/** Asserts a dataset's shape and type. */
	static void assertMeta(final Dataset d, final long[] nav, final int h, final int w, final DType type) {
		assertArrayEquals(nav.length == 0 ? new long[] { 1 } : nav, d.meta().navShape(), "nav shape of " + d.storage());
		assertArrayEquals(new int[] { h, w }, d.meta().sigShape(), "sig shape of " + d.storage());
		assertEquals(type, d.meta().dtype(), "dtype of " + d.storage());
	}

	static String describe(final long[] nav, final int h, final int w, final int[] blockSize) {
		return "nav " + Arrays.toString(nav) + " sig " + h + "×" + w + " blockSize " + Arrays.toString(blockSize);
	}
}
