package org.maptem.udf;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * Declares one named result buffer of a UDF: what it is indexed by, its element type and an optional extra shape per
 * index (e.g. one value per mask at every scan position).
 *
 * <p>Full shapes, NumPy order (slowest axis first): {@link BufferKind#NAV} is {@code navShape + extraShape},
 * {@link BufferKind#SIG} is {@code [sigHeight, sigWidth] + extraShape}, {@link BufferKind#SINGLE} is
 * {@code extraShape} (one value when empty). Values are stored flat in that order.
 *
 * <p>A <em>derived</em> buffer exists only in the dataset-wide result: it is never processed or merged, but written
 * by {@link Udf#postprocess} from the other buffers (e.g. standard deviation from a sum of squares).
 *
 * @param name       unique within its UDF
 * @param kind       what the buffer is indexed by
 * @param type       element type
 * @param extraShape extra axes per index, each at least 1; empty for none
 * @param derived    true when only {@link Udf#postprocess} writes it
 */
public record BufferSpec(String name, BufferKind kind, BufferType type, int[] extraShape, boolean derived)
		implements Serializable {

	public BufferSpec {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(type, "type");
		if (name == null || name.isBlank())
			throw UdfException.badParameter("BufferSpec", "name", "a non-empty name", "'" + name + "'");
		extraShape = extraShape == null ? new int[0] : extraShape.clone();
		for (final int n : extraShape)
			if (n < 1)
				throw UdfException.badParameter("BufferSpec '" + name + "'", "extraShape", "extents of at least 1",
						Arrays.toString(extraShape));
	}

	/** A buffer with one value (or one {@code extraShape} block) per scan position. */
	public static BufferSpec nav(final String name, final BufferType type, final int... extraShape) {
		return new BufferSpec(name, BufferKind.NAV, type, extraShape, false);
	}

	/** A buffer with one value (or one {@code extraShape} block) per detector pixel. */
	public static BufferSpec sig(final String name, final BufferType type, final int... extraShape) {
		return new BufferSpec(name, BufferKind.SIG, type, extraShape, false);
	}

	/** A buffer of shape {@code extraShape} (one value when empty), independent of nav and sig. */
	public static BufferSpec single(final String name, final BufferType type, final int... extraShape) {
		return new BufferSpec(name, BufferKind.SINGLE, type, extraShape, false);
	}

	/** This buffer, marked as written only by {@link Udf#postprocess}. */
	public BufferSpec asDerived() {
		return new BufferSpec(name, kind, type, extraShape, true);
	}

	@Override
	public int[] extraShape() {
		return extraShape.clone();
	}

	/** Number of values per index: the product of the extra shape (1 when it is empty). */
	public int extraSize() {
		int n = 1;
		for (final int e : extraShape)
			n = Math.multiplyExact(n, e);
		return n;
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof BufferSpec b && name.equals(b.name) && kind == b.kind && type == b.type
				&& Arrays.equals(extraShape, b.extraShape) && derived == b.derived;
	}

	@Override
	public int hashCode() {
		return Objects.hash(name, kind, type, Arrays.hashCode(extraShape), derived);
	}

	@Override
	public String toString() {
		return name + " (" + kind + ", " + type + (extraShape.length > 0 ? ", extra " + Arrays.toString(extraShape) : "")
				+ (derived ? ", derived" : "") + ")";
	}
}
