package org.maptem.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.maptem.dataset.DatasetMeta;
import org.maptem.udf.Udf;
import org.maptem.udf.UdfException;
import org.maptem.udf.UdfFactory;
import org.maptem.udf.com.CenterOfMassUdf;
import org.maptem.udf.masks.ApplyMasksUdf;
import org.maptem.udf.masks.Masks;
import org.maptem.udf.stats.SumUdf;

/**
 * UDF factories registered for the plugin's tests only (src/test/resources/META-INF/services), named {@code test-*}
 * so they never shadow the built-in ones: the CLI is tested through the same {@link org.maptem.udf.UdfRegistry}
 * lookup users go through.
 */
public final class TestUdfFactories {

	private TestUdfFactories() {
	}

	static Map<String, Double> numbers(final String udf, final Map<String, String> params, final Set<String> required) {
		final Map<String, Double> out = new LinkedHashMap<>();
		for (final Map.Entry<String, String> e : params.entrySet()) {
			if (!required.contains(e.getKey()))
				throw UdfException.badParameter(udf, e.getKey(), "one of " + required, "an unknown parameter");
			try {
				out.put(e.getKey(), Double.parseDouble(e.getValue()));
			} catch (final NumberFormatException x) {
				throw UdfException.badParameter(udf, e.getKey(), "a number", "'" + e.getValue() + "'");
			}
		}
		for (final String k : required)
			if (!out.containsKey(k))
				throw UdfException.badParameter(udf, k, "a value", "none");
		return out;
	}

	/** {@code test-disk cx cy r}: a virtual disk detector, main buffer {@code intensity}. */
	public static final class Disk implements UdfFactory {
		@Override
		public String name() {
			return "test-disk";
		}

		@Override
		public String usage() {
			return "cx cy r: sum inside a disk";
		}

		@Override
		public String mainBuffer() {
			return ApplyMasksUdf.INTENSITY;
		}

		@Override
		public Udf<?> create(final Map<String, String> params, final DatasetMeta meta) {
			final Map<String, Double> v = numbers(name(), params, Set.of("cx", "cy", "r"));
			return ApplyMasksUdf.of(Masks.disk(v.get("cx"), v.get("cy"), v.get("r")));
		}
	}

	/** {@code test-com cx cy r}: centre of mass in a disk, main buffer {@code magnitude}. */
	public static final class Com implements UdfFactory {
		@Override
		public String name() {
			return "test-com";
		}

		@Override
		public String usage() {
			return "cx cy r: centre of mass in a disk";
		}

		@Override
		public String mainBuffer() {
			return CenterOfMassUdf.MAGNITUDE;
		}

		@Override
		public Udf<?> create(final Map<String, String> params, final DatasetMeta meta) {
			final Map<String, Double> v = numbers(name(), params, Set.of("cx", "cy", "r"));
			return CenterOfMassUdf.inDisk(v.get("cx"), v.get("cy"), v.get("r"));
		}
	}

	/** {@code test-sum}: the sum of all frames (a detector-shaped result), main buffer {@code intensity}. */
	public static final class Sum implements UdfFactory {
		@Override
		public String name() {
			return "test-sum";
		}

		@Override
		public String usage() {
			return "(no parameters): sum of all frames";
		}

		@Override
		public String mainBuffer() {
			return SumUdf.INTENSITY;
		}

		@Override
		public Udf<?> create(final Map<String, String> params, final DatasetMeta meta) {
			numbers(name(), params, Set.of());
			return new SumUdf();
		}
	}
}
