package org.maptem.udf.factories;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.maptem.udf.UdfException;

/**
 * The parameters a user gave one factory, as strings, parsed on demand. Unknown names are rejected when the object
 * is made; every error is a {@link UdfException} naming the factory and the parameter, quoting the bad value and
 * listing the accepted parameters.
 */
final class Params {

	private final String factory;
	private final Map<String, String> values;
	private final List<String> accepted;

	/**
	 * @throws UdfException naming the first parameter not in {@code accepted}
	 */
	Params(final String factory, final Map<String, String> given, final List<String> accepted) {
		this.factory = factory;
		this.accepted = List.copyOf(accepted);
		this.values = new LinkedHashMap<>();
		if (given != null)
			for (final Map.Entry<String, String> e : given.entrySet()) {
				if (!accepted.contains(e.getKey()))
					throw new UdfException(factory + ": unknown parameter '" + e.getKey() + "'" + acceptedList());
				values.put(e.getKey(), e.getValue() == null ? "" : e.getValue().trim());
			}
	}

	/** True when the user gave {@code name}. */
	boolean has(final String name) {
		return values.containsKey(name);
	}

	/** A finite number, or {@code fallback} when not given. */
	double number(final String name, final double fallback) {
		return has(name) ? number(name) : fallback;
	}

	/** A finite number that must be given. */
	double number(final String name) {
		final double v = parse(name, required(name), false);
		return v;
	}

	/** A number that may be {@code inf} (infinite), or {@code fallback} when not given. */
	double numberOrInfinity(final String name, final double fallback) {
		return has(name) ? parse(name, values.get(name), true) : fallback;
	}

	/** An integer, or {@code fallback} when not given. */
	int integer(final String name, final int fallback) {
		if (!has(name))
			return fallback;
		final String v = values.get(name);
		try {
			return Integer.parseInt(v);
		} catch (final NumberFormatException e) {
			throw bad(name, "an integer", v);
		}
	}

	/** A comma-separated list of integers, or null when not given. */
	long[] integers(final String name) {
		if (!has(name))
			return null;
		final String v = values.get(name);
		final String[] parts = v.split(",", -1);
		final long[] out = new long[parts.length];
		for (int i = 0; i < parts.length; i++) {
			try {
				out[i] = Long.parseLong(parts[i].trim());
			} catch (final NumberFormatException e) {
				throw bad(name, "integers separated by commas", v);
			}
		}
		return out;
	}

	/** The value as given, or null when not given. */
	String text(final String name) {
		return values.get(name);
	}

	/** A comma-separated list of finite numbers, or null when not given. */
	double[] numbers(final String name) {
		if (!has(name))
			return null;
		final String[] parts = values.get(name).split(",", -1);
		final double[] out = new double[parts.length];
		for (int i = 0; i < parts.length; i++)
			out[i] = parse(name, parts[i].trim(), false);
		return out;
	}

	/** {@code true}/{@code false} (also {@code yes}/{@code no}, {@code 1}/{@code 0}), or {@code fallback}. */
	boolean flag(final String name, final boolean fallback) {
		if (!has(name))
			return fallback;
		final String v = values.get(name);
		switch (v.toLowerCase(Locale.ROOT)) {
		case "true", "yes", "1":
			return true;
		case "false", "no", "0":
			return false;
		default:
			throw bad(name, "true or false", v);
		}
	}

	/** One of {@code options} (case-insensitive, returned lowercase), or {@code fallback} when not given. */
	String choice(final String name, final String fallback, final String... options) {
		if (!has(name))
			return fallback;
		final String v = values.get(name).toLowerCase(Locale.ROOT);
		for (final String o : options)
			if (o.equals(v))
				return o;
		throw bad(name, "one of " + String.join(", ", options), values.get(name));
	}

	/**
	 * A list of {@code x:y} points separated by semicolons, as {@code [xs, ys]}.
	 *
	 * @throws UdfException when not given or malformed
	 */
	double[][] points(final String name) {
		final String v = required(name);
		final List<double[]> pts = new ArrayList<>();
		for (final String p : v.split(";")) {
			if (p.isBlank())
				continue;
			final String[] xy = p.split(":");
			if (xy.length != 2)
				throw bad(name, "points x:y separated by semicolons, e.g. 10:12;40:12;25:30", v);
			try {
				pts.add(new double[] { Double.parseDouble(xy[0].trim()), Double.parseDouble(xy[1].trim()) });
			} catch (final NumberFormatException e) {
				throw bad(name, "points x:y separated by semicolons, e.g. 10:12;40:12;25:30", v);
			}
		}
		final double[][] out = new double[2][pts.size()];
		for (int i = 0; i < pts.size(); i++) {
			out[0][i] = pts.get(i)[0];
			out[1][i] = pts.get(i)[1];
		}
		return out;
	}

	/** The error for a value of {@code name} that cannot be used. */
	UdfException bad(final String name, final String expected, final Object found) {
		return new UdfException(factory + ": parameter '" + name + "': expected " + expected + ", found '" + found + "'"
				+ acceptedList());
	}

	private String required(final String name) {
		if (!has(name))
			throw new UdfException(factory + ": missing parameter '" + name + "'" + acceptedList());
		return values.get(name);
	}

	private double parse(final String name, final String v, final boolean infinity) {
		final String s = v.toLowerCase(Locale.ROOT);
		if (infinity && (s.equals("inf") || s.equals("infinity")))
			return Double.POSITIVE_INFINITY;
		try {
			final double d = Double.parseDouble(v);
			if (Double.isFinite(d))
				return d;
		} catch (final NumberFormatException e) {
			// reported below, with the accepted parameters
		}
		throw bad(name, infinity ? "a number or inf" : "a finite number", v);
	}

	private String acceptedList() {
		return accepted.isEmpty() ? " (it takes no parameters)"
				: " (accepted parameters: " + String.join(", ", accepted) + ")";
	}
}
