package org.maptem.udf;

import java.util.Arrays;

/**
 * The values of one declared result buffer, held flat in one primitive array in NumPy order (slowest axis first, the
 * extra shape fastest).
 *
 * <p>A partition's NAV buffer covers that partition's frames only: the values of frame {@code f} start at
 * {@code (f - results.firstFrame()) * spec().extraSize()}. A dataset-wide NAV buffer covers every frame, so frame
 * {@code f} starts at {@code f * extraSize}. Unfilled positions of dataset-wide floating-point NAV buffers are NaN
 * (0 for INT64); partition buffers start at 0 so UDFs may accumulate into them.
 *
 * <p>Not thread-safe; the engine gives each partition its own buffers.
 */
public final class ResultBuffer {

	/** Largest element count a Java array reliably holds. */
	static final int MAX_SIZE = Integer.MAX_VALUE - 8;

	private final BufferSpec spec;
	private final long[] shape;
	private final float[] floats;
	private final double[] doubles;
	private final long[] longs;

	/**
	 * Allocates a buffer of {@code shape} filled with {@code fill}.
	 *
	 * @throws UdfException when the shape holds more than 2^31 - 9 values
	 */
	ResultBuffer(final String owner, final BufferSpec spec, final long[] shape, final double fill) {
		this.spec = spec;
		this.shape = shape.clone();
		long n = 1;
		for (final long d : shape)
			n *= d;
		if (n > MAX_SIZE)
			throw new UdfException(owner + ": buffer '" + spec.name() + "' of shape " + Arrays.toString(shape) + " needs " + n
					+ " values, more than the " + MAX_SIZE + " one array holds");
		final int size = (int) n;
		floats = spec.type() == BufferType.FLOAT32 ? new float[size] : null;
		doubles = spec.type() == BufferType.FLOAT64 ? new double[size] : null;
		longs = spec.type() == BufferType.INT64 ? new long[size] : null;
		if (fill != 0)
			fill(fill);
	}

	public BufferSpec spec() {
		return spec;
	}

	public String name() {
		return spec.name();
	}

	/** Shape in NumPy order (slowest first); see {@link BufferSpec} for how it is made. */
	public long[] shape() {
		return shape.clone();
	}

	/** Number of values. */
	public int size() {
		return floats != null ? floats.length : doubles != null ? doubles.length : longs.length;
	}

	/** The backing array of a FLOAT32 buffer. */
	public float[] floats() {
		if (floats == null)
			throw wrongType(BufferType.FLOAT32);
		return floats;
	}

	/** The backing array of a FLOAT64 buffer. */
	public double[] doubles() {
		if (doubles == null)
			throw wrongType(BufferType.FLOAT64);
		return doubles;
	}

	/** The backing array of an INT64 buffer. */
	public long[] longs() {
		if (longs == null)
			throw wrongType(BufferType.INT64);
		return longs;
	}

	/** Value {@code i} (flat index) as a double, whatever the type. */
	public double getDouble(final int i) {
		return floats != null ? floats[i] : doubles != null ? doubles[i] : longs[i];
	}

	/** A copy of all values as doubles, whatever the type. */
	public double[] toDoubles() {
		final double[] out = new double[size()];
		for (int i = 0; i < out.length; i++)
			out[i] = getDouble(i);
		return out;
	}

	/** Sets every value to {@code value} (truncated for INT64). */
	public void fill(final double value) {
		if (floats != null)
			Arrays.fill(floats, (float) value);
		else if (doubles != null)
			Arrays.fill(doubles, value);
		else
			Arrays.fill(longs, (long) value);
	}

	/**
	 * Adds {@code src} elementwise into this buffer: the default merge of SIG and SINGLE buffers.
	 *
	 * @throws UdfException when type or size differ
	 */
	public void add(final ResultBuffer src) {
		checkSameLayout(src);
		if (floats != null) {
			final float[] s = src.floats;
			for (int i = 0; i < floats.length; i++)
				floats[i] += s[i];
		} else if (doubles != null) {
			final double[] s = src.doubles;
			for (int i = 0; i < doubles.length; i++)
				doubles[i] += s[i];
		} else {
			final long[] s = src.longs;
			for (int i = 0; i < longs.length; i++)
				longs[i] += s[i];
		}
	}

	/**
	 * Copies {@code length} values from {@code src} at {@code srcPos} to this buffer at {@code destPos}.
	 *
	 * @throws UdfException when the types differ
	 */
	public void copyFrom(final ResultBuffer src, final int srcPos, final int destPos, final int length) {
		if (src.spec.type() != spec.type())
			throw new UdfException("buffer '" + name() + "': cannot copy from " + src.spec.type() + " buffer '" + src.name()
					+ "' into " + spec.type());
		if (floats != null)
			System.arraycopy(src.floats, srcPos, floats, destPos, length);
		else if (doubles != null)
			System.arraycopy(src.doubles, srcPos, doubles, destPos, length);
		else
			System.arraycopy(src.longs, srcPos, longs, destPos, length);
	}

	private void checkSameLayout(final ResultBuffer src) {
		if (src.spec.type() != spec.type() || src.size() != size())
			throw new UdfException("buffer '" + name() + "': cannot merge " + src.spec.type() + " buffer of " + src.size()
					+ " values into " + spec.type() + " buffer of " + size() + " values");
	}

	private UdfException wrongType(final BufferType asked) {
		return new UdfException("buffer '" + name() + "': asked for its " + asked + " array, but it holds " + spec.type());
	}

	@Override
	public String toString() {
		return spec + " " + Arrays.toString(shape);
	}
}
