package org.maptem.n5;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.maptem.dataset.Calibration;
import org.maptem.dataset.DType;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Provenance;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * The versioned {@code maptem} object MapTEM keeps in a dataset's N5 {@code attributes.json}: the dataset model,
 * how it is chunked into partitions, per-chunk checksums and whether the container is complete. The schema is
 * documented in {@code docs/format.md}; this class is its only reader and writer.
 *
 * <p>Parsing validates every field and names the file and the field when one is missing or of the wrong kind.
 *
 * @param meta           the dataset model
 * @param navBlock       NumPy-order nav extent of one chunk (= one partition)
 * @param checksums      CRC32C (hex) of each chunk file, keyed by N5 grid path such as {@code "0/0/3/1"}
 * @param complete       true once every chunk was written
 */
public record Sidecar(DatasetMeta meta, long[] navBlock, Map<String, String> checksums, boolean complete) {

	/** The attribute key holding the sidecar. */
	public static final String KEY = "maptem";
	/** The schema version this code writes; it reads versions 1 to this. */
	public static final int VERSION = 1;
	/** The checksum algorithm name stored with the checksums. */
	public static final String CHECKSUM_ALGORITHM = "crc32c";

	public Sidecar {
		navBlock = navBlock.clone();
		checksums = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checksums));
	}

	@Override
	public long[] navBlock() {
		return navBlock.clone();
	}

	/** This sidecar as JSON. */
	public JsonObject toJson() {
		final JsonObject o = new JsonObject();
		o.addProperty("version", VERSION);
		o.add("nav_shape", longs(meta.navShape()));
		o.add("sig_shape", longs(new long[] { meta.sigHeight(), meta.sigWidth() }));
		o.addProperty("dtype", meta.dtype().n5Name());
		final Calibration c = meta.calibration();
		final JsonObject cal = new JsonObject();
		cal.add("scan_step", doubles(c.scanStep()));
		cal.addProperty("scan_unit", c.scanUnit());
		cal.add("detector_pixel", doubles(c.detectorPixel()));
		cal.addProperty("detector_unit", c.detectorUnit());
		cal.add("camera_length_m", number(c.cameraLength()));
		cal.add("beam_energy_kev", number(c.beamEnergy()));
		o.add("calibration", cal);
		final Provenance p = meta.provenance();
		final JsonObject prov = new JsonObject();
		prov.addProperty("format", p.format());
		final JsonArray files = new JsonArray();
		p.files().forEach(files::add);
		prov.add("files", files);
		final JsonObject details = new JsonObject();
		p.details().forEach(details::addProperty);
		prov.add("details", details);
		o.add("provenance", prov);
		final JsonObject part = new JsonObject();
		part.add("nav_block", longs(navBlock));
		o.add("partitioning", part);
		final JsonObject sums = new JsonObject();
		sums.addProperty("algorithm", CHECKSUM_ALGORITHM);
		final JsonObject chunks = new JsonObject();
		checksums.forEach(chunks::addProperty);
		sums.add("chunks", chunks);
		o.add("checksums", sums);
		o.addProperty("complete", complete);
		return o;
	}

	/**
	 * Parses a {@code maptem} object read from {@code file}.
	 *
	 * @throws LayoutException naming {@code file} and the field that is missing, of the wrong kind or unsupported
	 */
	public static Sidecar fromJson(final JsonElement json, final Path file) {
		final Fields f = new Fields(file);
		final JsonObject o = f.object(json, KEY);
		final int version = (int) f.integer(o, "version");
		if (version < 1 || version > VERSION)
			throw LayoutException.badField(file, KEY + ".version", "1 to " + VERSION, version);
		final long[] nav = f.longs(o, "nav_shape");
		final long[] sig = f.longs(o, "sig_shape");
		if (sig.length != 2 || sig[0] > Integer.MAX_VALUE || sig[1] > Integer.MAX_VALUE)
			throw LayoutException.badField(file, KEY + ".sig_shape", "[height, width]", java.util.Arrays.toString(sig));
		final DType dtype;
		try {
			dtype = DType.parse(f.string(o, "dtype"));
		} catch (final LayoutException e) {
			throw new LayoutException(file + ": field '" + KEY + ".dtype': " + e.getMessage(), e);
		}
		final JsonObject cal = f.object(o.get("calibration"), "calibration");
		final Calibration calibration = new Calibration(f.doubles(cal, "scan_step"), f.string(cal, "scan_unit"),
				f.doubles(cal, "detector_pixel"), f.string(cal, "detector_unit"), f.optionalNumber(cal, "camera_length_m"),
				f.optionalNumber(cal, "beam_energy_kev"));
		final JsonObject prov = f.object(o.get("provenance"), "provenance");
		final List<String> files = new ArrayList<>();
		for (final JsonElement e : f.array(prov, "files"))
			files.add(e.getAsString());
		final Map<String, String> details = new LinkedHashMap<>();
		if (prov.has("details"))
			f.object(prov.get("details"), "provenance.details").entrySet()
					.forEach(e -> details.put(e.getKey(), e.getValue().isJsonNull() ? "" : e.getValue().getAsString()));
		final DatasetMeta meta;
		try {
			meta = new DatasetMeta(nav, new int[] { (int) sig[0], (int) sig[1] }, dtype, calibration,
					new Provenance(f.string(prov, "format"), files, details));
		} catch (final LayoutException e) {
			throw new LayoutException(file + ": " + KEY + ": " + e.getMessage(), e);
		}
		final JsonObject part = f.object(o.get("partitioning"), "partitioning");
		final long[] block = f.longs(part, "nav_block");
		if (block.length != nav.length)
			throw LayoutException.badField(file, KEY + ".partitioning.nav_block", nav.length + " values",
					java.util.Arrays.toString(block));
		final Map<String, String> sums = new LinkedHashMap<>();
		if (o.has("checksums")) {
			final JsonObject s = f.object(o.get("checksums"), "checksums");
			final String alg = f.string(s, "algorithm");
			if (!CHECKSUM_ALGORITHM.equals(alg))
				throw LayoutException.badField(file, KEY + ".checksums.algorithm", CHECKSUM_ALGORITHM, alg);
			f.object(s.get("chunks"), "checksums.chunks").entrySet().forEach(e -> sums.put(e.getKey(), e.getValue().getAsString()));
		}
		final boolean complete = o.has("complete") && o.get("complete").isJsonPrimitive() && o.get("complete").getAsBoolean();
		return new Sidecar(meta, block, sums, complete);
	}

	private static JsonArray longs(final long[] v) {
		final JsonArray a = new JsonArray();
		for (final long x : v)
			a.add(x);
		return a;
	}

	private static JsonArray doubles(final double[] v) {
		final JsonArray a = new JsonArray();
		for (final double x : v)
			a.add(number(x));
		return a;
	}

	private static JsonElement number(final double v) {
		return Double.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE;
	}

	/** Typed field access that names the file and field on every failure. */
	private record Fields(Path file) {

		JsonObject object(final JsonElement e, final String field) {
			if (e == null || !e.isJsonObject())
				throw LayoutException.badField(file, prefixed(field), "a JSON object", kind(e));
			return e.getAsJsonObject();
		}

		JsonArray array(final JsonObject o, final String field) {
			final JsonElement e = o.get(field);
			if (e == null || !e.isJsonArray())
				throw LayoutException.badField(file, prefixed(field), "a JSON array", kind(e));
			return e.getAsJsonArray();
		}

		String string(final JsonObject o, final String field) {
			final JsonElement e = o.get(field);
			if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString())
				throw LayoutException.badField(file, prefixed(field), "a string", kind(e));
			return e.getAsString();
		}

		long integer(final JsonObject o, final String field) {
			final JsonElement e = o.get(field);
			if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber())
				throw LayoutException.badField(file, prefixed(field), "an integer", kind(e));
			final double d = e.getAsDouble();
			if (d != Math.rint(d))
				throw LayoutException.badField(file, prefixed(field), "an integer", e);
			return e.getAsLong();
		}

		double optionalNumber(final JsonObject o, final String field) {
			final JsonElement e = o.get(field);
			if (e == null || e.isJsonNull())
				return Double.NaN;
			if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber())
				throw LayoutException.badField(file, prefixed(field), "a number or null", kind(e));
			return e.getAsDouble();
		}

		long[] longs(final JsonObject o, final String field) {
			final JsonArray a = array(o, field);
			final long[] v = new long[a.size()];
			for (int i = 0; i < v.length; i++) {
				final JsonElement e = a.get(i);
				if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber() || e.getAsDouble() != Math.rint(e.getAsDouble()))
					throw LayoutException.badField(file, prefixed(field) + "[" + i + "]", "an integer", kind(e));
				v[i] = e.getAsLong();
			}
			return v;
		}

		double[] doubles(final JsonObject o, final String field) {
			final JsonArray a = array(o, field);
			final double[] v = new double[a.size()];
			for (int i = 0; i < v.length; i++) {
				final JsonElement e = a.get(i);
				if (e.isJsonNull()) {
					v[i] = Double.NaN;
					continue;
				}
				if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber())
					throw LayoutException.badField(file, prefixed(field) + "[" + i + "]", "a number", kind(e));
				v[i] = e.getAsDouble();
			}
			return v;
		}

		private static String prefixed(final String field) {
			return field.startsWith(KEY) ? field : KEY + "." + field;
		}

		private static String kind(final JsonElement e) {
			return e == null ? "nothing (field missing)" : e.toString();
		}
	}
}
