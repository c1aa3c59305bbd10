package org.maptem.formats.hdf5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;

import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.dataset.CompactDataset;
import io.jhdf.dataset.chunked.ChunkedDatasetBase;
import io.jhdf.filter.PipelineFilterWithData;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;

/**
 * Validates an HDF5 dataset found by jhdf and describes it as an {@link Hdf5Array}: element type, shape, where its
 * bytes are, filters, fill value. Everything is checked here, before any bulk read or allocation: a shape whose
 * bytes overflow, contiguous data past the end of the file, chunks outside the file or off the chunk grid, chunk
 * shapes over {@value #MAX_CHUNK_BYTES} bytes, filters MapTEM does not decode, and chunked datasets whose shape is
 * out of all proportion to the bytes stored for them (so a damaged shape cannot turn into an endless read of fill
 * values).
 */
final class Hdf5Arrays {

	/** Largest decoded chunk MapTEM reads (a chunk is decoded whole into one array). */
	static final int MAX_CHUNK_BYTES = 256 << 20;
	/**
	 * A chunked dataset may hold at most this many times its stored bytes (plus {@link #SPARSE_ALLOWANCE}): more than
	 * any codec compresses (deflate stops near 1032:1, LZ4 near 255:1), so only a damaged shape or a dataset written
	 * far less than its shape exceeds it.
	 */
	static final long MAX_RATIO = 4096;
	/** Bytes of a chunked dataset allowed beyond {@link #MAX_RATIO} times its stored bytes. */
	static final long SPARSE_ALLOWANCE = 1L << 30;

	private static final long UNDEFINED_ADDRESS = -1L;

	private Hdf5Arrays() {
	}

	/**
	 * Describes {@code ds} with the usual view: leading axes are frames, the last two are rows and columns.
	 *
	 * @throws LayoutException naming the file holding the dataset and the field that is wrong
	 */
	static Hdf5Array describe(final Dataset ds) {
		final Path file = ds.getFileAsPath().toAbsolutePath();
		return Jhdf.call(file, "dataset " + ds.getPath(), () -> describe(file, ds));
	}

	private static Hdf5Array describe(final Path file, final Dataset ds) {
		final String path = ds.getPath();
		final long[] dims = ds.getDimensionsAsLong();
		if (dims.length < 2)
			throw LayoutException.badField(file, path + " shape", "at least 2 axes (frame rows and columns)",
					Arrays.toString(dims));
		final DataType type = ds.getDataType();
		final DType dtype = dtype(file, path, type);
		final boolean little = littleEndian(type);
		long bytes = dtype.bytes();
		for (final long d : dims) {
			if (d < 1)
				throw LayoutException.badField(file, path + " shape", "positive extents", Arrays.toString(dims));
			if (bytes > Long.MAX_VALUE / d)
				throw LayoutException.badField(file, path + " shape", "fewer than 2^63 bytes of data", Arrays.toString(dims));
			bytes *= d;
		}
		final long fileLength = fileLength(file);
		final int n = dims.length;
		final int[] frames = new int[n - 2];
		for (int i = 0; i < n - 2; i++)
			frames[i] = i;
		final double fill = fill(ds.getFillValue(), dtype);
		if (ds instanceof ContiguousDataset c) {
			final long address = c.getDataAddress();
			if (address == UNDEFINED_ADDRESS)
				throw LayoutException.badField(file, path + " data address", "the data of a written dataset", "none (never written)");
			if (address < 0 || address > fileLength - bytes)
				throw LayoutException.badField(file, path + " data", bytes + " bytes inside the " + fileLength + "-byte file",
						"data at byte offset " + address);
			return new Hdf5Array(file, path, dims, dtype, little, Hdf5Array.Storage.CONTIGUOUS, address, null, null, null,
					List.of(), fill, frames, n - 2, n - 1);
		}
		if (ds instanceof CompactDataset c) {
			final ByteBuffer b = c.getDataBuffer();
			if (b.remaining() != bytes)
				throw LayoutException.badField(file, path + " compact data", bytes + " bytes", b.remaining() + " bytes");
			final byte[] data = new byte[(int) bytes];
			b.duplicate().get(data);
			return new Hdf5Array(file, path, dims, dtype, little, Hdf5Array.Storage.COMPACT, -1, data, null, null, List.of(),
					fill, frames, n - 2, n - 1);
		}
		if (ds instanceof ChunkedDataset c && ds instanceof ChunkedDatasetBase base)
			return chunked(file, path, dims, dtype, little, bytes, fileLength, c, base, fill, frames);
		throw LayoutException.badField(file, path + " storage layout", "contiguous, chunked or compact",
				ds.getDataLayout());
	}

	private static Hdf5Array chunked(final Path file, final String path, final long[] dims, final DType dtype,
			final boolean little, final long bytes, final long fileLength, final ChunkedDataset c,
			final ChunkedDatasetBase base, final double fill, final int[] frames) {
		final int n = dims.length;
		final int[] chunkDims = c.getChunkDimensions();
		if (chunkDims == null || chunkDims.length != n)
			throw LayoutException.badField(file, path + " chunk shape", n + " extents",
					chunkDims == null ? "none" : Arrays.toString(chunkDims));
		long chunkBytes = dtype.bytes();
		for (final int d : chunkDims) {
			if (d < 1)
				throw LayoutException.badField(file, path + " chunk shape", "positive extents", Arrays.toString(chunkDims));
			chunkBytes *= d;
			if (chunkBytes > MAX_CHUNK_BYTES)
				throw LayoutException.badField(file, path + " chunk shape", "chunks of at most " + MAX_CHUNK_BYTES + " bytes",
						Arrays.toString(chunkDims) + " of " + dtype.bytes() + "-byte elements");
		}
		final List<ChunkFilter> filters = new ArrayList<>();
		for (final PipelineFilterWithData f : c.getFilters()) {
			final ChunkFilter cf = new ChunkFilter(f.getId(), f.getName(), f.getFilterData());
			cf.check(file, path, dtype.bytes());
			filters.add(cf);
		}
		// no codec stores a chunk in more than twice its size (LZ4 and deflate add well under 1 %)
		final long maxStored = filters.isEmpty() ? chunkBytes : 2 * chunkBytes + 4096;
		final ChunkIndex index = ChunkIndex.of(file, path, fileLength, dims, chunkDims, maxStored, Jhdf.chunks(file, base));
		if (bytes - SPARSE_ALLOWANCE > MAX_RATIO * index.storedBytes)
			throw LayoutException.badField(file, path + " shape", "at most " + MAX_RATIO + " × the " + index.storedBytes
					+ " bytes stored in its " + index.size() + " chunks (+ 1 GiB)", Arrays.toString(dims) + " = " + bytes
							+ " bytes");
		return new Hdf5Array(file, path, dims, dtype, little, Hdf5Array.Storage.CHUNKED, -1, null, chunkDims, index, filters,
				fill, frames, n - 2, n - 1);
	}

	/** The MapTEM element type of an HDF5 integer or float type. */
	static DType dtype(final Path file, final String path, final DataType type) {
		if (type instanceof FixedPoint f) {
			switch (f.getSize()) {
			case 1: return f.isSigned() ? DType.INT8 : DType.UINT8;
			case 2: return f.isSigned() ? DType.INT16 : DType.UINT16;
			case 4: return f.isSigned() ? DType.INT32 : DType.UINT32;
			default: break;
			}
		} else if (type instanceof FloatingPoint f) {
			if (f.getSize() == 4)
				return DType.FLOAT32;
			if (f.getSize() == 8)
				return DType.FLOAT64;
		}
		throw LayoutException.badField(file, path + " data type", "8-, 16- or 32-bit integers or 32- or 64-bit floats",
				type.getClass().getSimpleName() + " of " + type.getSize() + " bytes");
	}

	private static boolean littleEndian(final DataType type) {
		if (type instanceof FixedPoint f)
			return f.getByteOrder() == ByteOrder.LITTLE_ENDIAN;
		if (type instanceof FloatingPoint f)
			return f.getByteOrder() == ByteOrder.LITTLE_ENDIAN;
		return true;
	}

	/** The fill value as a number; jhdf gives unsigned integers as the signed Java type of their width. */
	private static double fill(final Object value, final DType dtype) {
		if (!(value instanceof Number v))
			return 0;
		final double d = v.doubleValue();
		if (dtype.isSigned() || d >= 0)
			return d;
		return d + Math.pow(2, 8 * dtype.bytes());
	}

	static long fileLength(final Path file) {
		try {
			return Files.size(file);
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot read the file size: " + e, e);
		}
	}
}
