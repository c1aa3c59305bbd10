package org.maptem.formats.mib;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.maptem.n5.TestData;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * One dataset of the shared {@code reference.json}, whose values an independent reader computed, and the same
 * statistics computed here from decoded values, so a test compares the two.
 */
record ReferenceEntry(String id, JsonObject json) {

	/** The entries whose id starts with {@code prefix}. */
	static List<ReferenceEntry> all(final String prefix) throws IOException {
		final List<ReferenceEntry> out = new ArrayList<>();
		try (Reader r = Files.newBufferedReader(TestData.root().resolve("reference.json"))) {
			for (final JsonElement e : JsonParser.parseReader(r).getAsJsonObject().getAsJsonArray("datasets")) {
				final JsonObject o = e.getAsJsonObject();
				if (o.get("id").getAsString().startsWith(prefix))
					out.add(new ReferenceEntry(o.get("id").getAsString(), o));
			}
		}
		return out;
	}

	/** The entry with this id. */
	static ReferenceEntry byId(final String id) {
		try {
			for (final ReferenceEntry e : all(id))
				if (e.id().equals(id))
					return e;
		} catch (final IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		throw new AssertionError("reference.json has no dataset " + id);
	}

	/** The first listed file under {@code data/}. */
	Path file() {
		return TestData.root().resolve("data").resolve(json.getAsJsonArray("files").get(0).getAsString());
	}

	long[] longs(final String key) {
		final JsonArray a = json.getAsJsonArray(key);
		final long[] v = new long[a.size()];
		for (int i = 0; i < v.length; i++)
			v[i] = a.get(i).getAsLong();
		return v;
	}

	double number(final String key) {
		return json.get(key).getAsDouble();
	}

	String string(final String key) {
		return json.get(key).getAsString();
	}

	@Override
	public String toString() {
		return id;
	}

	/** Statistics of decoded values in the reference's conventions (C order, nav then sig). */
	record Stats(double total, double[] frameSums, double min, double max, long argmax, double[] sumImage) {

		static Stats of(final double[] all, final int framePixels) {
			final int frames = all.length / framePixels;
			final double[] frameSums = new double[frames];
			final double[] sum = new double[framePixels];
			double total = 0;
			double min = Double.POSITIVE_INFINITY;
			double max = Double.NEGATIVE_INFINITY;
			long argmax = -1;
			for (int f = 0; f < frames; f++) {
				double s = 0;
				for (int p = 0; p < framePixels; p++) {
					final double v = all[f * framePixels + p];
					s += v;
					sum[p] += v;
					if (v < min)
						min = v;
					if (v > max) {
						max = v;
						argmax = (long) f * framePixels + p;
					}
				}
				frameSums[f] = s;
				total += s;
			}
			return new Stats(total, frameSums, min, max, argmax, sum);
		}
	}

	/** Lowercase hex SHA-256 of {@code values} as float64 little-endian. */
	static String sha256Float64(final double[] values) {
		final ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
		for (final double v : values)
			b.putDouble(v);
		return sha256(b.array());
	}

	/** Lowercase hex SHA-256 of {@code values} as unsigned integers of {@code bytes} bytes, little-endian. */
	static String sha256Unsigned(final double[] values, final int bytes) {
		final ByteBuffer b = ByteBuffer.allocate(values.length * bytes).order(ByteOrder.LITTLE_ENDIAN);
		for (final double v : values) {
			final long x = (long) v;
			switch (bytes) {
			case 1 -> b.put((byte) x);
			case 2 -> b.putShort((short) x);
			case 4 -> b.putInt((int) x);
			default -> throw new IllegalArgumentException("bytes " + bytes);
			}
		}
		return sha256(b.array());
	}

	static String sha256(final byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		} catch (final NoSuchAlgorithmException e) {
			throw new AssertionError(e);
		}
	}
}
