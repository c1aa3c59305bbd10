package org.maptem.formats.hdf5;

import java.nio.ByteBuffer;

import org.maptem.dataset.DType;
import org.maptem.frames.TileDecoder;

/**
 * Where decoded values go: a float or a double tile array, so that one read path serves both
 * {@link org.maptem.frames.FrameSource} methods. A source keeps one sink of each kind and points it at the caller's
 * array per read.
 */
abstract class Sink {

	/** Decodes {@code count} stored elements at byte {@code pos} of {@code src} into the array from {@code off}. */
	abstract void decode(TileDecoder decoder, ByteBuffer src, int pos, int count, DType type, int off);

	/** Sets {@code count} values from {@code off} to {@code value}. */
	abstract void fill(int off, int count, double value);

	/** Sets one value. */
	abstract void set(int off, double value);

	/** A sink writing into float arrays. */
	static final class Floats extends Sink {
		float[] dst;

		@Override
		void decode(final TileDecoder decoder, final ByteBuffer src, final int pos, final int count, final DType type,
				final int off) {
			decoder.decode(src, pos, count, type, dst, off);
		}

		@Override
		void fill(final int off, final int count, final double value) {
			java.util.Arrays.fill(dst, off, off + count, (float) value);
		}

		@Override
		void set(final int off, final double value) {
			dst[off] = (float) value;
		}
	}

	/** A sink writing into double arrays. */
	static final class Doubles extends Sink {
		double[] dst;

		@Override
		void decode(final TileDecoder decoder, final ByteBuffer src, final int pos, final int count, final DType type,
				final int off) {
			decoder.decode(src, pos, count, type, dst, off);
		}

		@Override
		void fill(final int off, final int count, final double value) {
			java.util.Arrays.fill(dst, off, off + count, value);
		}

		@Override
		void set(final int off, final double value) {
			dst[off] = value;
		}
	}

	/** The element of {@code type} at byte {@code pos} of {@code b} (in the buffer's byte order), as a number. */
	static double element(final ByteBuffer b, final int pos, final DType type) {
		return switch (type) {
		case UINT8 -> b.get(pos) & 0xFF;
		case INT8 -> b.get(pos);
		case UINT16 -> b.getShort(pos) & 0xFFFF;
		case INT16 -> b.getShort(pos);
		case UINT32 -> b.getInt(pos) & 0xFFFFFFFFL;
		case INT32 -> b.getInt(pos);
		case FLOAT32 -> b.getFloat(pos);
		case FLOAT64 -> b.getDouble(pos);
		default -> throw new IllegalStateException("HDF5 arrays have no " + type.n5Name() + " elements");
		};
	}
}
