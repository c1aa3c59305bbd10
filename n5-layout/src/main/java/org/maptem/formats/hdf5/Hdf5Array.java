package org.maptem.formats.hdf5;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.maptem.dataset.DType;

/**
 * One HDF5 dataset as MapTEM reads it, with everything needed to read its bytes without the HDF5 library: the file
 * holding it, its shape and element type, where its bytes are (one contiguous run, a chunk index, or bytes held in
 * the object header), its filter pipeline and fill value, and which of its axes are the frame axes and the detector
 * rows and columns. Built and validated by {@link Hdf5Arrays}; immutable.
 *
 * <p>Frames are numbered in C order over {@link #frameAxes} (in the order listed). The usual view has the leading
 * axes as frame axes and the last two as rows and columns; Velox stores frames last ({@code [rows, cols, frames]}).
 */
final class Hdf5Array {

	/** How the dataset's bytes are stored. */
	enum Storage {
		CONTIGUOUS, CHUNKED, COMPACT
	}

	final Path file;
	final String path;
	final long[] dims;
	final DType dtype;
	final boolean littleEndian;
	final Storage storage;
	/** File offset of the data (contiguous). */
	final long address;
	/** The data (compact), else null. */
	final byte[] compact;
	/** Chunk shape (chunked), else null. */
	final int[] chunkDims;
	/** Stored chunks (chunked), else null. */
	final ChunkIndex chunks;
	final List<ChunkFilter> filters;
	final double fill;
	final int[] frameAxes;
	final int yAxis;
	final int xAxis;

	Hdf5Array(final Path file, final String path, final long[] dims, final DType dtype, final boolean littleEndian,
			final Storage storage, final long address, final byte[] compact, final int[] chunkDims, final ChunkIndex chunks,
			final List<ChunkFilter> filters, final double fill, final int[] frameAxes, final int yAxis, final int xAxis) {
		this.file = file;
		this.path = path;
		this.dims = dims.clone();
		this.dtype = dtype;
		this.littleEndian = littleEndian;
		this.storage = storage;
		this.address = address;
		this.compact = compact;
		this.chunkDims = chunkDims == null ? null : chunkDims.clone();
		this.chunks = chunks;
		this.filters = List.copyOf(filters);
		this.fill = fill;
		this.frameAxes = frameAxes.clone();
		this.yAxis = yAxis;
		this.xAxis = xAxis;
	}

	/** The same array seen with frames along {@code frameAxes} and detector rows and columns along the given axes. */
	Hdf5Array view(final int[] frames, final int y, final int x) {
		return new Hdf5Array(file, path, dims, dtype, littleEndian, storage, address, compact, chunkDims, chunks, filters,
				fill, frames, y, x);
	}

	int rank() {
		return dims.length;
	}

	int elemSize() {
		return dtype.bytes();
	}

	int height() {
		return (int) dims[yAxis];
	}

	int width() {
		return (int) dims[xAxis];
	}

	/** Frames in this array: the product of the frame axes. */
	long frames() {
		long n = 1;
		for (final int a : frameAxes)
			n *= dims[a];
		return n;
	}

	/** Extents of the frame axes, in frame order. */
	long[] frameShape() {
		final long[] s = new long[frameAxes.length];
		for (int i = 0; i < s.length; i++)
			s[i] = dims[frameAxes[i]];
		return s;
	}

	/** True when frames are the leading axes and rows, columns the last two: every frame is one packed run. */
	boolean framesLeading() {
		final int n = dims.length;
		if (yAxis != n - 2 || xAxis != n - 1)
			return false;
		for (int i = 0; i < frameAxes.length; i++)
			if (frameAxes[i] != i)
				return false;
		return true;
	}

	/** Bytes of the whole dataset as stored uncompressed. */
	long dataBytes() {
		long n = dtype.bytes();
		for (final long d : dims)
			n *= d;
		return n;
	}

	/** Decoded bytes of one chunk. */
	int chunkBytes() {
		long n = dtype.bytes();
		for (final int d : chunkDims)
			n *= d;
		return (int) n;
	}

	/** A one-line description for provenance and {@code maptem info}. */
	String describe() {
		final StringBuilder s = new StringBuilder(path).append(' ').append(Arrays.toString(dims)).append(' ')
				.append(dtype.n5Name()).append(littleEndian || dtype.bytes() == 1 ? "" : " big-endian");
		switch (storage) {
		case CONTIGUOUS -> s.append(", contiguous at byte ").append(address);
		case COMPACT -> s.append(", compact");
		case CHUNKED -> {
			s.append(", chunks ").append(Arrays.toString(chunkDims)).append(" (").append(chunks.size()).append(" stored)");
			if (!filters.isEmpty())
				s.append(", filters ").append(filters);
		}
		}
		return s.toString();
	}
}
