package org.maptem.img;

import org.maptem.udf.ResultBuffer;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.DoubleArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.LongArray;
import net.imglib2.type.numeric.integer.LongType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Wraps result buffers as ImgLib2 images without copying.
 *
 * <p>ImgLib2 puts the fastest axis first, so dimensions are the buffer's NumPy shape reversed: a NAV buffer of a
 * {@code [ny, nx]} scan becomes an {@code nx × ny} image; one with extra shape {@code [k]} an {@code k × nx × ny}
 * image (mask index first). The images share the buffer's array: changes show in both.
 */
public final class ResultImgs {

	private ResultImgs() {
	}

	/** The buffer as an image of its own type: {@link FloatType}, {@link DoubleType} or {@link LongType}. */
	public static ArrayImg<?, ?> wrap(final ResultBuffer buffer) {
		return switch (buffer.spec().type()) {
		case FLOAT32 -> floats(buffer);
		case FLOAT64 -> doubles(buffer);
		case INT64 -> longs(buffer);
		};
	}

	/** A FLOAT32 buffer as a float image. */
	public static ArrayImg<FloatType, FloatArray> floats(final ResultBuffer buffer) {
		return ArrayImgs.floats(buffer.floats(), dimensions(buffer));
	}

	/** A FLOAT64 buffer as a double image. */
	public static ArrayImg<DoubleType, DoubleArray> doubles(final ResultBuffer buffer) {
		return ArrayImgs.doubles(buffer.doubles(), dimensions(buffer));
	}

	/** An INT64 buffer as a long image. */
	public static ArrayImg<LongType, LongArray> longs(final ResultBuffer buffer) {
		return ArrayImgs.longs(buffer.longs(), dimensions(buffer));
	}

	/** ImgLib2 dimensions of a buffer: its NumPy shape reversed. */
	public static long[] dimensions(final ResultBuffer buffer) {
		final long[] shape = buffer.shape();
		final long[] d = new long[shape.length];
		for (int i = 0; i < shape.length; i++)
			d[i] = shape[shape.length - 1 - i];
		return d;
	}
}
