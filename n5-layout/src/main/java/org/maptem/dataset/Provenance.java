package org.maptem.dataset;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a dataset's numbers came from: the source format, its files, and format-specific facts such as the byte
 * offset of the first frame or per-frame header sizes. Kept in the sidecar so an ingested container can be traced
 * back to the acquisition.
 *
 * @param format  short format name, e.g. {@code "raw"}, {@code "npy"}, {@code "mib"}, {@code "synthetic"}
 * @param files   absolute paths of the source files, in reading order
 * @param details format-specific key/value facts (offsets, header sizes, byte order, generator parameters)
 */
public record Provenance(String format, List<String> files, Map<String, String> details) implements Serializable {

	public Provenance {
		files = List.copyOf(files);
		details = java.util.Collections.unmodifiableMap(new TreeMap<>(details));
	}

	/** Provenance of a dataset known only by its format name. */
	public static Provenance of(final String format, final String... files) {
		return new Provenance(format, List.of(files), Map.of());
	}

	/** A copy with one more detail. */
	public Provenance with(final String key, final Object value) {
		final Map<String, String> d = new TreeMap<>(details);
		d.put(key, String.valueOf(value));
		return new Provenance(format, files, d);
	}
}
