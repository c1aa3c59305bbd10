package org.maptem.formats.hdf5;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Link;
import io.jhdf.api.Node;

/**
 * Small reads of HDF5 metadata through jhdf that tolerate absent or odd attributes: string and number attributes
 * (scalars or the first element of an array), link resolution, short numeric vectors, and a bounded walk over a
 * file's groups. Optional metadata that cannot be read is treated as absent; only what MapTEM needs to read frames
 * is validated strictly (by {@link Hdf5Arrays}).
 */
final class HdfNodes {

	/** Most nodes a walk visits: a file with more is searched only this far. */
	static final int MAX_NODES = 20_000;
	/** Deepest group nesting a walk descends to. */
	static final int MAX_DEPTH = 16;
	/** Longest axis vector read for calibration. */
	static final long MAX_VECTOR = 1 << 20;

	private HdfNodes() {
	}

	/** The attribute's value, or null when absent or unreadable. */
	static Object attr(final Node node, final String name) {
		try {
			final Map<String, Attribute> attrs = node.getAttributes();
			final Attribute a = attrs.get(name);
			return a == null || a.getSize() > MAX_VECTOR ? null : a.getData();
		} catch (final RuntimeException e) {
			return null;
		}
	}

	/** A string attribute (or the first string of an array), or null. */
	static String string(final Node node, final String name) {
		return asString(attr(node, name));
	}

	static String asString(final Object v) {
		if (v instanceof String s)
			return s;
		if (v != null && v.getClass().isArray() && Array.getLength(v) > 0)
			return asString(Array.get(v, 0));
		return null;
	}

	/** Every string of a string or string-array attribute, or an empty list. */
	static List<String> strings(final Node node, final String name) {
		final Object v = attr(node, name);
		final List<String> out = new ArrayList<>();
		if (v instanceof String s)
			out.add(s);
		else if (v != null && v.getClass().isArray())
			for (int i = 0; i < Array.getLength(v); i++)
				if (Array.get(v, i) instanceof String s)
					out.add(s);
		return out;
	}

	/** A number attribute (or the first number of an array, or a numeric string), or NaN. */
	static double number(final Node node, final String name) {
		return asNumber(attr(node, name));
	}

	static double asNumber(final Object v) {
		if (v instanceof Number n)
			return n.doubleValue();
		if (v instanceof Boolean b)
			return b ? 1 : 0;
		if (v instanceof String s)
			try {
				return Double.parseDouble(s.trim());
			} catch (final NumberFormatException e) {
				return Double.NaN;
			}
		if (v != null && v.getClass().isArray() && Array.getLength(v) > 0)
			return asNumber(Array.get(v, 0));
		return Double.NaN;
	}

	/** The node a link points to (following up to 8 links), or the node itself. */
	static Node resolve(final Node node) {
		Node n = node;
		for (int i = 0; i < 8 && n instanceof Link l; i++)
			n = l.getTarget();
		return n;
	}

	/** The child called {@code name} of {@code group}, links resolved, or null. */
	static Node child(final Group group, final String name) {
		try {
			final Node c = group.getChildren().get(name);
			return c == null ? null : resolve(c);
		} catch (final RuntimeException e) {
			return null;
		}
	}

	/** A 1D numeric dataset's values (at most {@link #MAX_VECTOR}), or null. */
	static double[] vector(final Node node) {
		if (!(node instanceof Dataset d))
			return null;
		try {
			final long[] dims = d.getDimensionsAsLong();
			if (dims.length != 1 || dims[0] < 1 || dims[0] > MAX_VECTOR)
				return null;
			final Object data = d.getData();
			if (data == null || !data.getClass().isArray())
				return null;
			final double[] out = new double[Array.getLength(data)];
			for (int i = 0; i < out.length; i++)
				out[i] = asNumber(Array.get(data, i));
			return out;
		} catch (final RuntimeException e) {
			return null;
		}
	}

	/**
	 * Visits {@code root} and every group and dataset below it, depth first, without following links (which may
	 * form cycles or lead into other files), at most {@link #MAX_NODES} nodes and {@link #MAX_DEPTH} levels.
	 *
	 * @return true when the walk saw everything, false when it stopped at a limit
	 */
	static boolean walk(final Group root, final Consumer<Node> visitor) {
		final int[] budget = { MAX_NODES };
		return walk(root, visitor, 0, budget);
	}

	private static boolean walk(final Group g, final Consumer<Node> visitor, final int depth, final int[] budget) {
		if (--budget[0] < 0)
			return false;
		visitor.accept(g);
		if (depth >= MAX_DEPTH)
			return false;
		boolean complete = true;
		for (final Node c : g.getChildren().values()) {
			if (c.isLink())
				continue;
			if (c instanceof Group child)
				complete &= walk(child, visitor, depth + 1, budget);
			else {
				if (--budget[0] < 0)
					return false;
				visitor.accept(c);
			}
		}
		return complete;
	}
}
