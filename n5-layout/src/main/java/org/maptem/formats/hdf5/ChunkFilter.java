package org.maptem.formats.hdf5;

import java.nio.file.Path;
import java.util.Arrays;

import org.maptem.dataset.LayoutException;

/**
 * One stage of an HDF5 chunk filter pipeline that MapTEM decodes itself, with its client parameters as stored in
 * the file's filter pipeline message.
 *
 * <p>Supported: deflate (id 1, zlib stream), shuffle (2, bytes grouped by position in the element), fletcher32 (3,
 * a 4-byte checksum after the data: stripped, not verified), LZ4 (32004) and bitshuffle (32008, with LZ4 or
 * without compression). Parameters are checked against the dataset's element size when the dataset is opened.
 *
 * @param id     registered HDF5 filter id
 * @param name   the name the file or jhdf gives it, for messages
 * @param params client data values
 */
record ChunkFilter(int id, String name, int[] params) {

	static final int DEFLATE = 1;
	static final int SHUFFLE = 2;
	static final int FLETCHER32 = 3;
	static final int LZ4 = 32004;
	static final int BITSHUFFLE = 32008;

	/** Bitshuffle compression parameter (client value 4): none or LZ4. */
	static final int BITSHUFFLE_NONE = 0;
	static final int BITSHUFFLE_LZ4 = 2;

	ChunkFilter {
		params = params.clone();
	}

	@Override
	public int[] params() {
		return params.clone();
	}

	/**
	 * Checks that MapTEM decodes this filter with these parameters for {@code elemSize}-byte elements.
	 *
	 * @throws LayoutException naming the file, the dataset and the filter
	 */
	void check(final Path file, final String dataset, final int elemSize) {
		final String field = dataset + " filter " + name + " (id " + id + ")";
		switch (id) {
		case DEFLATE, FLETCHER32, LZ4 -> {
			// parameters (level, block size) matter only when writing
		}
		case SHUFFLE -> {
			if (params.length > 0 && params[0] != elemSize)
				throw LayoutException.badField(file, field, "element size " + elemSize, Arrays.toString(params));
		}
		case BITSHUFFLE -> {
			if (params.length > 2 && params[2] != elemSize)
				throw LayoutException.badField(file, field, "element size " + elemSize + " as parameter 2",
						Arrays.toString(params));
			if (params.length > 3 && (params[3] < 0 || params[3] % Bitshuffle.MULT != 0))
				throw LayoutException.badField(file, field, "a block size of a multiple of 8 elements as parameter 3",
						Arrays.toString(params));
			final int c = compression();
			if (c != BITSHUFFLE_NONE && c != BITSHUFFLE_LZ4)
				throw LayoutException.badField(file, field, "compression 0 (none) or 2 (LZ4) as parameter 4"
						+ (c == 3 ? "; zstd (3) is not supported" : ""), Arrays.toString(params));
		}
		default -> throw LayoutException.badField(file, dataset + " filter pipeline",
				"filters MapTEM decodes: deflate (1), shuffle (2), fletcher32 (3), lz4 (32004), bitshuffle (32008)",
				name + " (id " + id + ")");
		}
	}

	/** Bitshuffle's compression parameter (client value 4), 0 when absent. */
	int compression() {
		return params.length > 4 ? params[4] : BITSHUFFLE_NONE;
	}

	/** Bitshuffle's block size in elements (client value 3), 0 for the default. */
	int blockElements() {
		return params.length > 3 ? params[3] : 0;
	}

	@Override
	public String toString() {
		return name + " (id " + id + ") " + Arrays.toString(params);
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof ChunkFilter f && f.id == id && f.name.equals(name) && Arrays.equals(f.params, params);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * id + name.hashCode()) + Arrays.hashCode(params);
	}
}
