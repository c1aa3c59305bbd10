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
		o.add("calibration", calibrationJson(meta.calibration()));
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
	 * {@code c} as the sidecar's {@code calibration} object (also what result files record): scan step and detector
	 * pixel in NumPy axis order with their units, camera length in metres, beam energy in keV; unknown numbers are
	 * {@code null}.
	 */
	public static JsonObject calibrationJson(final Calibration c) {
		final JsonObject cal = new JsonObject();
		cal.add("scan_step", doubles(c.scanStep()));
		cal.addProperty("scan_unit", c.scanUnit());
		cal.add("detector_pixel", doubles(c.detectorPixel()));
		cal.addProperty("detector_unit", c.detectorUnit());
		cal.add("camera_length_m", number(c.cameraLength()));
		cal.add("beam_energy_kev", number(c.beamEnergy()));
		return cal;
	}

	/**
	 * Parses a {@code maptem} object read from {@code file}.
	 *
	 * @throws LayoutException naming {@code file} and the field (full path, e.g. {@code maptem.calibration.scan_unit})
	 *                         that is missing, of the wrong kind or unsupported
	 */
	public static Sidecar fromJson(final JsonElement json, final Path file) {
		final Fields f = new Fields(file, KEY);
		final JsonObject o = f.object(json);
		final long version = f.integer(o, "version");
		if (version < 1 || version > VERSION)
			throw LayoutException.badField(file, KEY + ".version", "1 to " + VERSION, version);
		final long[] nav = f.positives(o, "nav_shape");
		final long[] sig = f.positives(o, "sig_shape");
		if (nav.length < 1 || nav.length > 3)
			throw LayoutException.badField(file, KEY + ".nav_shape", "1 to 3 scan axes", java.util.Arrays.toString(nav));
		if (sig.length != 2 || sig[0] > Integer.MAX_VALUE || sig[1] > Integer.MAX_VALUE)
			throw LayoutException.badField(file, KEY + ".sig_shape", "[height, width] below 2^31", java.util.Arrays.toString(sig));
		final DType dtype;
		try {
			dtype = DType.parse(f.string(o, "dtype"));
		} catch (final LayoutException e) {
			throw LayoutException.badField(file, KEY + ".dtype", "a data type name", e.getMessage());
		}
		final Fields c = f.in("calibration");
		final JsonObject cal = c.object(o.get("calibration"));
		final double[] detectorPixel = c.doubles(cal, "detector_pixel");
		if (detectorPixel.length != 2)
			throw LayoutException.badField(file, KEY + ".calibration.detector_pixel", "2 values [y, x]",
					java.util.Arrays.toString(detectorPixel));
		final Calibration calibration = new Calibration(c.doubles(cal, "scan_step"), c.string(cal, "scan_unit"), detectorPixel,
				c.string(cal, "detector_unit"), c.optionalNumber(cal, "camera_length_m"), c.optionalNumber(cal, "beam_energy_kev"));
		final Fields pf = f.in("provenance");
		final JsonObject prov = pf.object(o.get("provenance"));
		final String format = pf.string(prov, "format");
		final List<String> files = new ArrayList<>();
		final JsonArray fileArray = pf.array(prov, "files");
		for (int i = 0; i < fileArray.size(); i++)
			files.add(pf.string(fileArray.get(i), "files[" + i + "]"));
		final Map<String, String> details = new LinkedHashMap<>();
		if (prov.has("details")) {
			final Fields df = pf.in("details");
			df.object(prov.get("details")).entrySet().forEach(e -> details.put(e.getKey(), df.string(e.getValue(), e.getKey())));
		}
		final DatasetMeta meta;
		try {
			meta = new DatasetMeta(nav, new int[] { (int) sig[0], (int) sig[1] }, dtype, calibration,
					new Provenance(format, files, details));
		} catch (final LayoutException e) {
			throw new LayoutException(file + ": field '" + KEY + "': " + e.getMessage(), e);
		}
		final Fields partf = f.in("partitioning");
		final long[] block = partf.positives(partf.object(o.get("partitioning")), "nav_block");
		if (block.length != nav.length)
			throw LayoutException.badField(file, KEY + ".partitioning.nav_block", nav.length + " values (one per nav axis)",
					java.util.Arrays.toString(block));
		final Map<String, String> sums = new LinkedHashMap<>();
		if (o.has("checksums")) {
			final Fields sf = f.in("checksums");
			final JsonObject s = sf.object(o.get("checksums"));
			final String alg = sf.string(s, "algorithm");
			if (!CHECKSUM_ALGORITHM.equals(alg))
				throw LayoutException.badField(file, KEY + ".checksums.algorithm", CHECKSUM_ALGORITHM, alg);
			final Fields cf = sf.in("chunks");
			cf.object(s.get("chunks")).entrySet().forEach(e -> sums.put(e.getKey(), cf.string(e.getValue(), e.getKey())));
		}
		final JsonElement complete = o.get("complete");
		if (complete == null || !complete.isJsonPrimitive() || !complete.getAsJsonPrimitive().isBoolean())
			throw LayoutException.badField(file, KEY + ".complete", "true or false", Fields.kind(complete));
		return new Sidecar(meta, block, sums, complete.getAsBoolean());
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

	/**
	 * Typed field access that names the file and the full field path on every failure.
	 *
	 * @param file   the file being parsed
	 * @param prefix the path of the object whose fields are read, e.g. {@code maptem.calibration}
	 */
	private record Fields(Path file, String prefix) {

		/** Fields of the child object {@code name}. */
		Fields in(final String name) {
			return new Fields(file, prefix + "." + name);
		}

		/** {@code e} as the object this instance reads. */
		JsonObject object(final JsonElement e) {
			if (e == null || !e.isJsonObject())
				throw LayoutException.badField(file, prefix, "a JSON object", kind(e));
			return e.getAsJsonObject();
		}

		JsonArray array(final JsonObject o, final String field) {
			final JsonElement e = o.get(field);
			if (e == null || !e.isJsonArray())
				throw LayoutException.badField(file, name(field), "a JSON array", kind(e));
			return e.getAsJsonArray();
		}

		String string(final JsonObject o, final String field) {
			return string(o.get(field), field);
		}

		/** Element {@code e}, found at {@code field}, as a string. */
		String string(final JsonElement e, final String field) {
			if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString())
				throw LayoutException.badField(file, name(field), "a string", kind(e));
			return e.getAsString();
		}

		long integer(final JsonObject o, final String field) {
			final JsonElement e = o.get(field);
			if (!isInteger(e))
				throw LayoutException.badField(file, name(field), "an integer", kind(e));
			return e.getAsLong();
		}

		double optionalNumber(final JsonObject o, final String field) {
			final JsonElement e = o.get(field);
			if (e == null || e.isJsonNull())
				return Double.NaN;
			if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber())
				throw LayoutException.badField(file, name(field), "a number or null", kind(e));
			return e.getAsDouble();
		}

		/** An array of integers from 1 to 2^63-1. */
		long[] positives(final JsonObject o, final String field) {
			final JsonArray a = array(o, field);
			final long[] v = new long[a.size()];
			for (int i = 0; i < v.length; i++) {
				final JsonElement e = a.get(i);
				if (!isInteger(e) || e.getAsLong() < 1)
					throw LayoutException.badField(file, name(field) + "[" + i + "]", "a positive integer", kind(e));
				v[i] = e.getAsLong();
			}
			return v;
		}

		/** An array of numbers, {@code null} standing for an unknown value (NaN). */
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
					throw LayoutException.badField(file, name(field) + "[" + i + "]", "a number or null", kind(e));
				v[i] = e.getAsDouble();
			}
			return v;
		}

		private String name(final String field) {
			return prefix + "." + field;
		}

		/** Whether {@code e} is a JSON number with an integral value that fits a long. */
		private static boolean isInteger(final JsonElement e) {
			if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber())
				return false;
			try {
				new java.math.BigDecimal(e.getAsString()).longValueExact();
				return true;
			} catch (final ArithmeticException | NumberFormatException x) {
				return false;
			}
		}

		static String kind(final JsonElement e) {
			return e == null ? "nothing (field missing)" : e.toString();
		}
	}
}
