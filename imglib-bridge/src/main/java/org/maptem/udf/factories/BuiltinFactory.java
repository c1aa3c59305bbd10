package org.maptem.udf.factories;

import java.util.List;
import java.util.Map;

import org.maptem.dataset.DatasetMeta;
import org.maptem.udf.Udf;
import org.maptem.udf.UdfException;
import org.maptem.udf.UdfFactory;

/**
 * Base of the built-in factories: a name, a usage line, the main buffer and the accepted parameter names; a subclass
 * only turns parsed {@link Params} into a UDF. Errors from the UDF's own checks are prefixed with the factory's name
 * and the accepted parameters. Stateless and thread-safe.
 */
abstract class BuiltinFactory implements UdfFactory {

	private final String name;
	private final String usage;
	private final String mainBuffer;
	private final List<String> parameters;

	BuiltinFactory(final String name, final String usage, final String mainBuffer, final String... parameters) {
		this.name = name;
		this.usage = usage;
		this.mainBuffer = mainBuffer;
		this.parameters = List.of(parameters);
	}

	@Override
	public final String name() {
		return name;
	}

	@Override
	public final String usage() {
		return usage;
	}

	@Override
	public final String mainBuffer() {
		return mainBuffer;
	}

	/** The parameter names this factory accepts, in usage order. */
	final List<String> parameters() {
		return parameters;
	}

	@Override
	public final Udf<?> create(final Map<String, String> params, final DatasetMeta meta) {
		final Params p = new Params(name, params, parameters);
		try {
			return make(p, meta);
		} catch (final UdfException e) {
			if (e.getMessage().startsWith(name + ":"))
				throw e;
			throw new UdfException(name + ": " + e.getMessage() + (parameters.isEmpty() ? ""
					: " (accepted parameters: " + String.join(", ", parameters) + ")"), e);
		}
	}

	/** The UDF for parsed parameters {@code p} on {@code meta}'s dataset. */
	abstract Udf<?> make(Params p, DatasetMeta meta);

	@Override
	public String toString() {
		return name + " " + usage;
	}
}
