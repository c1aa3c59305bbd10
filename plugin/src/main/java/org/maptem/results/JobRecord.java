package org.maptem.results;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.maptem.dataset.DatasetMeta;
import org.maptem.n5.Sidecar;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * How a result was made, saved beside it: the dataset (path, format, shapes, calibration), the analysis and its
 * parameters as the user gave them, the ROI, the corrections, the MapTEM version and the time. Immutable.
 *
 * @param dataset     the dataset's path as opened
 * @param format      the reader's name, e.g. {@code "n5"}
 * @param meta        the dataset's shapes, dtype and calibration (as used, overrides applied)
 * @param udf         the analysis' name, e.g. {@code "disk"}
 * @param parameters  the analysis' parameters as given, in order
 * @param roi         where the ROI came from and how many positions it selects, {@code null} for none
 * @param corrections correction name to file (dark, gain, excluded), empty for none
 * @param version     the MapTEM version that made the result
 * @param created     when the job ran
 */
public record JobRecord(String dataset, String format, DatasetMeta meta, String udf, Map<String, String> parameters,
		String roi, Map<String, String> corrections, String version, Instant created) {

	public JobRecord {
		parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
		corrections = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(corrections));
	}

	/** A record of running {@code udf} with {@code parameters} on a whole dataset, now, without corrections. */
	public static JobRecord of(final String dataset, final String format, final DatasetMeta meta, final String udf,
			final Map<String, String> parameters) {
		return new JobRecord(dataset, format, meta, udf, parameters, null, Map.of(), currentVersion(),
				Instant.now().truncatedTo(ChronoUnit.MILLIS));
	}

	/** This record with a ROI description, e.g. {@code "roi.npy: 120 of 4096 scan positions"}. */
	public JobRecord withRoi(final String description) {
		return new JobRecord(dataset, format, meta, udf, parameters, description, corrections, version, created);
	}

	/** This record with corrections (name to file). */
	public JobRecord withCorrections(final Map<String, String> c) {
		return new JobRecord(dataset, format, meta, udf, parameters, roi, c, version, created);
	}

	/** The version in the jar's manifest, or {@code "development build"} when run from classes. */
	public static String currentVersion() {
		final String v = JobRecord.class.getPackage().getImplementationVersion();
		return v == null ? "development build" : v;
	}

	/**
	 * The record as the JSON object saved beside {@code result} in {@code file} (sidecar or N5 attribute
	 * {@code maptem_job}). Shapes and axes are in NumPy order; unknown numbers are {@code null}.
	 */
	public JsonObject toJson(final ResultImage result, final String file, final String fileFormat) {
		final JsonObject o = new JsonObject();
		o.addProperty("maptem_version", version);
		o.addProperty("created", created.toString());
		final JsonObject d = new JsonObject();
		d.addProperty("path", dataset);
		d.addProperty("format", format);
		d.add("nav_shape", longs(meta.navShape()));
		d.add("sig_shape", longs(new long[] { meta.sigHeight(), meta.sigWidth() }));
		d.addProperty("dtype", meta.dtype().n5Name());
		d.add("calibration", Sidecar.calibrationJson(meta.calibration()));
		o.add("dataset", d);
		final JsonObject u = new JsonObject();
		u.addProperty("name", udf);
		final JsonObject p = new JsonObject();
		parameters.forEach(p::addProperty);
		u.add("parameters", p);
		o.add("udf", u);
		o.add("roi", roi == null ? JsonNull.INSTANCE : new com.google.gson.JsonPrimitive(roi));
		final JsonObject corr = new JsonObject();
		corrections.forEach(corr::addProperty);
		o.add("corrections", corr);
		final JsonObject r = new JsonObject();
		r.addProperty("buffer", result.name());
		r.addProperty("kind", result.kind().name().toLowerCase(java.util.Locale.ROOT));
		r.addProperty("dtype", result.dtype());
		r.add("shape", longs(result.shape()));
		final JsonArray axes = new JsonArray();
		for (int i = result.axes().size() - 1; i >= 0; i--) {
			final Axis a = result.axes().get(i);
			final JsonObject ao = new JsonObject();
			ao.addProperty("name", a.name());
			ao.addProperty("step", finite(a.step()));
			ao.addProperty("unit", a.unit());
			axes.add(ao);
		}
		r.add("axes", axes);
		r.addProperty("file", file);
		r.addProperty("format", fileFormat);
		o.add("result", r);
		return o;
	}

	private static Double finite(final double v) {
		return Double.isFinite(v) ? v : null;
	}

	private static JsonArray longs(final long[] v) {
		final JsonArray a = new JsonArray();
		for (final long x : v)
			a.add(x);
		return a;
	}
}
