package org.maptem.frames;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Tile;

/**
 * A {@link FrameSource} that decodes one value at a time, each as an exact double, and stores it in a float or a
 * double tile: for sources that gather scattered elements (transposed or Fortran-order arrays) or generate values,
 * where there is no bulk decode to specialise per tile type.
 *
 * <p>Subclasses write a single decoder, {@link #read(Tile, int, Values)}; both tile types go through it, so float
 * and double tiles can never disagree. A double tile gets the decoded value as is, so float64 and 32-bit integer
 * data stay exact (which {@link FloatExactFrameSource} could not promise); a float tile gets it rounded once to
 * nearest, exactly as a cast of the element to float would. One source per thread, like any frame source.
 */
public abstract class ElementwiseFrameSource implements FrameSource {

	/** Where decoded values go: index {@code i} of the caller's float or double tile. */
	@FunctionalInterface
	protected interface Values {

		/** Stores {@code value} at index {@code i} of the tile (rounded to float for a float tile). */
		void set(int i, double value);
	}

	/**
	 * Decodes {@code tile} into {@code out} at indices {@code [0, tile.size())}, frame after frame, rows in order.
	 *
	 * @param capacity length of the caller's tile array: the implementation checks it against {@code tile.size()}
	 *                 and throws its own message before storing anything
	 */
	protected abstract void read(Tile tile, int capacity, Values out);

	/** Decodes {@code tile} into {@code dst}, each value rounded once from its exact double. */
	@Override
	public final void read(final Tile tile, final float[] dst) {
		read(tile, dst.length, (i, v) -> dst[i] = (float) v);
	}

	/** Decodes {@code tile} into {@code dst}, each value exact. */
	@Override
	public final void read(final Tile tile, final double[] dst) {
		read(tile, dst.length, (i, v) -> dst[i] = v);
	}

	/**
	 * The element of {@code type} at byte {@code p} of {@code b} (in {@code b}'s byte order) as an exact double: the
	 * one decoding step of the subclasses that gather elements of a raw array.
	 *
	 * @throws LayoutException naming {@code file} when {@code type} has no element decoder (packed 12-bit)
	 */
	protected static double element(final ByteBuffer b, final int p, final DType type, final Path file,
			final String format) {
		return switch (type) {
		case UINT8 -> b.get(p) & 0xFF;
		case INT8 -> b.get(p);
		case UINT16 -> b.getShort(p) & 0xFFFF;
		case INT16 -> b.getShort(p);
		case UINT32 -> b.getInt(p) & 0xFFFFFFFFL;
		case INT32 -> b.getInt(p);
		case FLOAT32 -> b.getFloat(p);
		case FLOAT64 -> b.getDouble(p);
		default -> throw new LayoutException(file + ": no " + format + " decoder for " + type.n5Name());
		};
	}
}
