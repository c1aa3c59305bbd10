package org.maptem.n5;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The N5 dataset attributes of one dataset directory, validated field by field.
 *
 * <p>The n5 library answers a malformed {@code attributes.json} with {@code null}; MapTEM reads the file itself
 * first so a user learns which field of which file is wrong. Block reading itself stays with the n5 library.
 *
 * @param file        the {@code attributes.json} read
 * @param dimensions  N5-order dimensions (fastest first)
 * @param blockSize   N5-order block size
 * @param dtype       element type
 * @param compression compression type name ({@code raw}, {@code gzip}, {@code bzip2}, {@code lz4}, {@code xz})
 * @param json        the whole attribute object, for further keys such as {@code maptem}
 */
public record N5Attributes(Path file, long[] dimensions, int[] blockSize, DType dtype, String compression, JsonObject json) {

	/** Compressions the n5 library decodes. */
	public static final Set<String> COMPRESSIONS = Set.of("raw", "gzip", "bzip2", "lz4", "xz");

	/** Largest {@code attributes.json} read: far above any real one (a sidecar with checksums of 10^6 chunks). */
	static final long MAX_ATTRIBUTES_BYTES = 256L << 20;

	/**
	 * True if {@code dir} holds an {@code attributes.json} meant for a dataset: one with any of the N5 dataset keys
	 * ({@code dimensions}, {@code blockSize}, {@code dataType}, {@code compression}), or one that is not a readable
	 * JSON object at all, so that opening it reports what is wrong instead of skipping it.
	 */
	public static boolean isDataset(final Path dir) {
		final Path f = dir.resolve("attributes.json");
		if (!Files.isRegularFile(f))
			return false;
		try {
			if (Files.size(f) > MAX_ATTRIBUTES_BYTES)
				return true;
			final JsonElement e = JsonParser.parseString(Files.readString(f, StandardCharsets.UTF_8));
			if (!e.isJsonObject())
				return true;
			final JsonObject o = e.getAsJsonObject();
			return o.has("dimensions") || o.has("blockSize") || o.has("dataType") || o.has("compression");
		} catch (final IOException | JsonParseException e) {
			// a broken file is reported when the dataset is actually opened
			return true;
		}
	}

	/**
	 * Reads and validates {@code dir/attributes.json}.
	 *
	 * @throws LayoutException naming the file and the field that is missing, malformed or unsupported
	 */
	public static N5Attributes read(final Path dir) {
		final Path file = dir.resolve("attributes.json");
		final String text;
		try {
			final long size = Files.size(file);
			if (size > MAX_ATTRIBUTES_BYTES)
				throw LayoutException.badBytes(file, MAX_ATTRIBUTES_BYTES, "an attributes file of at most " + MAX_ATTRIBUTES_BYTES
						+ " bytes", size + " bytes");
			text = Files.readString(file, StandardCharsets.UTF_8);
		} catch (final NoSuchFileException e) {
			throw new LayoutException(file + ": missing: an N5 dataset directory needs attributes.json", e);
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot read: " + e.getMessage(), e);
		}
		final JsonObject o;
		try {
			final JsonElement e = JsonParser.parseString(text);
			if (!e.isJsonObject())
				throw LayoutException.badBytes(file, 0, "a JSON object", e.isJsonNull() ? "an empty file" : e.toString());
			o = e.getAsJsonObject();
		} catch (final JsonParseException e) {
			throw new LayoutException(file + ": expected a JSON object, found invalid JSON (" + e.getMessage() + ")", e);
		}
		final long[] dims = positiveLongs(o, "dimensions", file);
		final long[] bs = positiveLongs(o, "blockSize", file);
		if (bs.length != dims.length)
			throw LayoutException.badField(file, "blockSize", dims.length + " values (one per dimension)", Arrays.toString(bs));
		final int[] blockSize = new int[bs.length];
		for (int i = 0; i < bs.length; i++) {
			if (bs[i] > Integer.MAX_VALUE)
				throw LayoutException.badField(file, "blockSize[" + i + "]", "at most " + Integer.MAX_VALUE, bs[i]);
			blockSize[i] = (int) bs[i];
		}
		final JsonElement dt = o.get("dataType");
		if (dt == null || !dt.isJsonPrimitive())
			throw LayoutException.badField(file, "dataType", "a type name such as \"uint16\"", dt == null ? "nothing (field missing)" : dt);
		final DType dtype;
		try {
			dtype = DType.parse(dt.getAsString());
		} catch (final LayoutException e) {
			throw LayoutException.badField(file, "dataType", "uint8, uint16, uint32, int8, int16, int32, float32 or float64",
					dt.getAsString());
		}
		if (dtype == DType.UINT12_PACKED)
			throw LayoutException.badField(file, "dataType", "an N5 data type", dt.getAsString());
		return new N5Attributes(file, dims, blockSize, dtype, compressionOf(o, file), o);
	}

	private static String compressionOf(final JsonObject o, final Path file) {
		final JsonElement c = o.get("compression");
		final String type;
		if (c == null)
			type = "raw";
		else if (c.isJsonObject() && c.getAsJsonObject().has("type")) {
			final JsonElement t = c.getAsJsonObject().get("type");
			if (!t.isJsonPrimitive() || !t.getAsJsonPrimitive().isString())
				throw LayoutException.badField(file, "compression.type", "a string naming one of " + COMPRESSIONS, t);
			type = t.getAsString();
		} else if (c.isJsonPrimitive()) // N5 version 0 wrote the type name as a string
			type = c.getAsString();
		else
			throw LayoutException.badField(file, "compression", "an object with a \"type\"", c);
		if (!COMPRESSIONS.contains(type))
			throw LayoutException.badField(file, "compression.type", "one of " + COMPRESSIONS, type);
		return type;
	}

	private static long[] positiveLongs(final JsonObject o, final String field, final Path file) {
		final JsonElement e = o.get(field);
		if (e == null || !e.isJsonArray() || e.getAsJsonArray().size() == 0)
			throw LayoutException.badField(file, field, "a non-empty array of positive integers", e == null ? "nothing (field missing)" : e);
		final long[] v = new long[e.getAsJsonArray().size()];
		for (int i = 0; i < v.length; i++) {
			final JsonElement x = e.getAsJsonArray().get(i);
			if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isNumber() || x.getAsDouble() != Math.rint(x.getAsDouble())
					|| x.getAsDouble() < 1)
				throw LayoutException.badField(file, field + "[" + i + "]", "a positive integer", x);
			v[i] = x.getAsLong();
		}
		return v;
	}

	@Override
	public long[] dimensions() {
		return dimensions.clone();
	}

	@Override
	public int[] blockSize() {
		return blockSize.clone();
	}

	/** The {@code maptem} sidecar, or {@code null} if this dataset was not written by MapTEM. */
	public Sidecar sidecar() {
		return json.has(Sidecar.KEY) ? Sidecar.fromJson(json.get(Sidecar.KEY), file) : null;
	}
}
