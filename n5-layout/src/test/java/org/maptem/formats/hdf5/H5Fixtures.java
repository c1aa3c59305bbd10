package org.maptem.formats.hdf5;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.maptem.dataset.DType;

import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableGroup;
import io.jhdf.filter.Filter;

/**
 * Writes test datasets with jhdf's HDF5 writer: flat C-order values as nested Java arrays of the element type,
 * contiguous or chunked, with deflate, shuffle, or the bitshuffle+LZ4 / LZ4 filters encoded by this test suite's own
 * encoders ({@link BitshuffleTest}).
 */
final class H5Fixtures {

	private H5Fixtures() {
	}

	/** {@code flat} (C order) as a nested Java array of {@code shape} holding {@code type}'s Java element type. */
	static Object nest(final double[] flat, final int[] shape, final DType type) {
		final Class<?> leaf = switch (type) {
		case UINT8, INT8 -> byte.class;
		case UINT16, INT16 -> short.class;
		case UINT32, INT32 -> int.class;
		case FLOAT32 -> float.class;
		case FLOAT64 -> double.class;
		default -> throw new IllegalArgumentException(type.toString());
		};
		final Object array = Array.newInstance(leaf, shape);
		final int last = shape[shape.length - 1];
		final int rows = flat.length / last;
		final int[] idx = new int[shape.length - 1];
		for (int r = 0; r < rows; r++) {
			Object row = array;
			for (final int i : idx)
				row = Array.get(row, i);
			for (int x = 0; x < last; x++) {
				final double v = flat[r * last + x];
				switch (type) {
				case UINT8, INT8 -> Array.setByte(row, x, (byte) (long) v);
				case UINT16, INT16 -> Array.setShort(row, x, (short) (long) v);
				case UINT32, INT32 -> Array.setInt(row, x, (int) (long) v);
				case FLOAT32 -> Array.setFloat(row, x, (float) v);
				default -> Array.setDouble(row, x, v);
				}
			}
			for (int a = idx.length - 1; a >= 0; a--) {
				if (++idx[a] < shape[a])
					break;
				idx[a] = 0;
			}
		}
		return array;
	}

	/** Writes {@code values} of {@code shape} as dataset {@code name} of {@code group}. */
	static void put(final WritableGroup group, final String name, final double[] values, final int[] shape,
			final DType type, final DatasetCreationOptions.Builder options) {
		if (!type.isSigned())
			options.unsigned();
		group.putDataset(name, nest(values, shape, type), options.build());
	}

	static void put(final WritableGroup group, final String name, final double[] values, final int[] shape,
			final DType type) {
		put(group, name, values, shape, type, DatasetCreationOptions.builder());
	}

	/** A 1D float64 axis vector {@code start, start + step, ...} of {@code n} values. */
	static double[] axis(final double start, final double step, final int n) {
		final double[] v = new double[n];
		for (int i = 0; i < n; i++)
			v[i] = start + i * step;
		return v;
	}

	/** The bitshuffle filter (id 32008) encoding with {@link BitshuffleTest#encodeChunk} (LZ4, literal runs or lz4-java). */
	static Filter bitshuffle(final BitshuffleTest.BlockCompressor lz4) {
		return new EncodingFilter(32008, "bitshuffle") {
			@Override
			public byte[] encode(final byte[] data, final int[] p) {
				final int block = p[3] == 0 ? Bitshuffle.defaultBlockElements(p[2]) : p[3];
				return BitshuffleTest.encodeChunk(data, p[2], block, lz4);
			}
		};
	}

	/** The HDF5 LZ4 filter (id 32004) encoding with {@link BitshuffleTest#encodeLz4Filter}. */
	static Filter lz4(final int blockBytes) {
		return new EncodingFilter(32004, "lz4") {
			@Override
			public byte[] encode(final byte[] data, final int[] p) {
				return BitshuffleTest.encodeLz4Filter(data, blockBytes);
			}
		};
	}

	/** A filter id MapTEM does not decode (LZF, 32000), storing the bytes unchanged. */
	static Filter lzf() {
		return new EncodingFilter(32000, "lzf") {
			@Override
			public byte[] encode(final byte[] data, final int[] p) {
				return data.clone();
			}
		};
	}

	/** Little-endian bytes of {@code values} as {@code type}. */
	static byte[] bytes(final double[] values, final DType type) {
		final ByteBuffer b = ByteBuffer.allocate(values.length * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
		for (final double v : values)
			switch (type) {
			case UINT8, INT8 -> b.put((byte) (long) v);
			case UINT16, INT16 -> b.putShort((short) (long) v);
			case UINT32, INT32 -> b.putInt((int) (long) v);
			case FLOAT32 -> b.putFloat((float) v);
			default -> b.putDouble(v);
			}
		return b.array();
	}

	/**
	 * A jhdf filter that only writes the tests' HDF5 files: jhdf's {@link Filter} asks for both directions, but MapTEM
	 * decodes chunks with its own code ({@code ChunkFilter}), so a decode call here would be a test bug and fails loudly.
	 */
	private abstract static class EncodingFilter implements Filter {
		private final int id;
		private final String name;

		EncodingFilter(final int id, final String name) {
			this.id = id;
			this.name = name;
		}

		@Override
		public int getId() {
			return id;
		}

		@Override
		public String getName() {
			return name;
		}

		@Override
		public byte[] decode(final byte[] encoded, final int[] p) {
			throw new UnsupportedOperationException("test filters only encode");
		}
	}
}
