package org.maptem.synth;

import java.util.Map;

import org.maptem.dataset.LayoutException;

/** Parses the text values of synthetic provenance details, naming the key in every error. */
final class DetailReader {

	private final Map<String, String> details;

	DetailReader(final Map<String, String> details) {
		if (details == null)
			throw new LayoutException("synthetic provenance: expected generator details, found none");
		this.details = details;
	}

	String text(final String key) {
		final String v = details.get(key);
		if (v == null)
			throw new LayoutException("synthetic provenance: detail '" + key + "': expected a value, found none");
		return v.trim();
	}

	long longValue(final String key) {
		final String v = text(key);
		try {
			return Long.parseLong(v);
		} catch (final NumberFormatException e) {
			throw bad(key, "an integer", v);
		}
	}

	double doubleValue(final String key) {
		final String v = text(key);
		try {
			return Double.parseDouble(v);
		} catch (final NumberFormatException e) {
			throw bad(key, "a number", v);
		}
	}

	boolean bool(final String key) {
		final String v = text(key);
		if (!v.equals("true") && !v.equals("false"))
			throw bad(key, "true or false", v);
		return v.equals("true");
	}

	long[] longs(final String key) {
		final String[] parts = split(key);
		final long[] out = new long[parts.length];
		try {
			for (int i = 0; i < parts.length; i++)
				out[i] = Long.parseLong(parts[i].trim());
		} catch (final NumberFormatException e) {
			throw bad(key, "comma-separated integers", text(key));
		}
		return out;
	}

	int[] ints(final String key, final int n) {
		final long[] v = longs(key);
		if (v.length != n)
			throw bad(key, n + " comma-separated integers", text(key));
		final int[] out = new int[n];
		for (int i = 0; i < n; i++) {
			if (v[i] != (int) v[i])
				throw bad(key, "integers below 2^31", text(key));
			out[i] = (int) v[i];
		}
		return out;
	}

	/** Comma-separated numbers; {@code n < 0} accepts any count, including none. */
	double[] doubles(final String key, final int n) {
		final String[] parts = split(key);
		if (n >= 0 && parts.length != n)
			throw bad(key, n + " comma-separated numbers", text(key));
		final double[] out = new double[parts.length];
		try {
			for (int i = 0; i < parts.length; i++)
				out[i] = Double.parseDouble(parts[i].trim());
		} catch (final NumberFormatException e) {
			throw bad(key, "comma-separated numbers", text(key));
		}
		return out;
	}

	private String[] split(final String key) {
		final String v = text(key);
		return v.isEmpty() ? new String[0] : v.split(",");
	}

	private static LayoutException bad(final String key, final String expected, final String found) {
		return new LayoutException("synthetic provenance: detail '" + key + "': expected " + expected + ", found '"
				+ found + "'");
	}
}
