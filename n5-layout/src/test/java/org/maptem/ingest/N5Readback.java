package org.maptem.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;

import org.janelia.saalfeldlab.n5.DataBlock;
import org.janelia.saalfeldlab.n5.DatasetAttributes;
import org.janelia.saalfeldlab.n5.N5FSReader;

/**
 * Reads a whole N5 dataset back through the n5 library (an independent reader) into a C-order (NumPy order) array
 * of doubles, placing every element by the N5 rules: block grid position × blockSize + local index, N5 dimension 0
 * fastest, edge blocks cropped to the dataset.
 */
final class N5Readback {

	private N5Readback() {
	}

	/** The dataset's values in NumPy C order; asserts every block exists and has its truncated edge size. */
	static double[] read(final Path root, final String dataset) {
		try (N5FSReader n5 = new N5FSReader(root.toString())) {
			final DatasetAttributes a = n5.getDatasetAttributes(dataset);
			assertNotNull(a, "dataset attributes of " + root + "/" + dataset);
			final long[] dims = a.getDimensions();
			final int[] bs = a.getBlockSize();
			final int n = dims.length;
			long total = 1;
			for (final long d : dims)
				total *= d;
			final double[] out = new double[Math.toIntExact(total)];
			final long[] grid = new long[n];
			final long[] gridSize = new long[n];
			for (int i = 0; i < n; i++)
				gridSize[i] = (dims[i] + bs[i] - 1) / bs[i];
			while (true) {
				final DataBlock<?> b = n5.readBlock(dataset, a, grid.clone());
				assertNotNull(b, "block " + java.util.Arrays.toString(grid));
				final int[] size = b.getSize();
				final int[] expectSize = new int[n];
				for (int i = 0; i < n; i++)
					expectSize[i] = (int) Math.min(bs[i], dims[i] - grid[i] * bs[i]);
				assertArrayEquals(expectSize, size, "edge-truncated size of block " + java.util.Arrays.toString(grid));
				final double[] v = values(b, a.getDataType().toString());
				final int[] local = new int[n];
				for (int k = 0; k < v.length; k++) {
					// N5 index [i0 (fastest) ... in-1]; NumPy C flat index uses the reversed order
					long flat = 0;
					for (int i = n - 1; i >= 0; i--)
						flat = flat * dims[i] + grid[i] * bs[i] + local[i];
					out[(int) flat] = v[k];
					for (int i = 0; i < n; i++) {
						if (++local[i] < size[i])
							break;
						local[i] = 0;
					}
				}
				int i = 0;
				while (i < n && ++grid[i] >= gridSize[i])
					grid[i++] = 0;
				if (i == n)
					break;
			}
			return out;
		}
	}

	/** A block's elements as doubles, unsigned types widened without sign. */
	static double[] values(final DataBlock<?> b, final String type) {
		final Object data = b.getData();
		final int n = b.getNumElements();
		final double[] v = new double[n];
		for (int i = 0; i < n; i++)
			v[i] = switch (type) {
			case "uint8" -> ((byte[]) data)[i] & 0xFF;
			case "int8" -> ((byte[]) data)[i];
			case "uint16" -> ((short[]) data)[i] & 0xFFFF;
			case "int16" -> ((short[]) data)[i];
			case "uint32" -> ((int[]) data)[i] & 0xFFFFFFFFL;
			case "int32" -> ((int[]) data)[i];
			case "float32" -> ((float[]) data)[i];
			case "float64" -> ((double[]) data)[i];
			default -> throw new AssertionError("unexpected N5 type " + type);
			};
		assertEquals(n, v.length);
		return v;
	}
}
