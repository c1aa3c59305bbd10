package org.maptem.udf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

import org.maptem.dataset.DatasetMeta;

/** Finds {@link UdfFactory}s on the class path by name. */
public final class UdfRegistry {

	private UdfRegistry() {
	}

	/** Every factory found, in ServiceLoader order. */
	public static List<UdfFactory> factories() {
		final List<UdfFactory> out = new ArrayList<>();
		ServiceLoader.load(UdfFactory.class, UdfRegistry.class.getClassLoader()).forEach(out::add);
		return out;
	}

	/**
	 * The factory called {@code name} (case-insensitive).
	 *
	 * @throws UdfException listing the known names when there is none
	 */
	public static UdfFactory factory(final String name) {
		final String n = name.toLowerCase(Locale.ROOT);
		for (final UdfFactory f : factories())
			if (f.name().equals(n))
				return f;
		throw new UdfException("unknown analysis '" + name + "': known are " + factories().stream().map(UdfFactory::name).toList());
	}

	/** Creates the UDF {@code name} with {@code params} for {@code meta}'s dataset. */
	public static Udf<?> create(final String name, final Map<String, String> params, final DatasetMeta meta) {
		return factory(name).create(params, meta);
	}
}
