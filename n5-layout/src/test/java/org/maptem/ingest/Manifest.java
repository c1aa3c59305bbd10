package org.maptem.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.maptem.dataset.DatasetMeta;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/**
 * Reference values of the shared N5 test inputs from {@code testdata/n5/manifest.json}, computed by an independent
 * Python implementation: shape, dtype, sum and the SHA-256 of the C-order little-endian bytes.
 */
public final class Manifest {

	private Manifest() {
	}

	/** One manifest entry's values. */
	public record Entry(long[] shape, String dtype, double sum, String sha256) {
	}

	/** The first entry whose numpy shape (nav + sig) and dtype equal {@code meta}'s. */
	public static Entry entryFor(final DatasetMeta meta) throws IOException {
		final long[] nav = meta.navShape();
		final long[] shape = java.util.Arrays.copyOf(nav, nav.length + 2);
		shape[nav.length] = meta.sigHeight();
		shape[nav.length + 1] = meta.sigWidth();
		try (Reader r = Files.newBufferedReader(Samples.testdata().resolve("n5").resolve("manifest.json"))) {
			for (final JsonElement e : JsonParser.parseReader(r).getAsJsonArray()) {
				final JsonArray s = e.getAsJsonObject().getAsJsonArray("numpy_shape");
				final long[] es = new long[s.size()];
				for (int i = 0; i < es.length; i++)
					es[i] = s.get(i).getAsLong();
				final String dtype = e.getAsJsonObject().get("dtype").getAsString();
				if (java.util.Arrays.equals(es, shape) && dtype.equals(meta.dtype().n5Name()))
					return new Entry(es, dtype, e.getAsJsonObject().get("sum").getAsDouble(),
							e.getAsJsonObject().get("sha256_c_order_le").getAsString());
			}
		}
		throw new AssertionError("manifest.json has no entry for " + meta);
	}

	/** Lowercase hex SHA-256 of {@code bytes}. */
	public static String sha256(final byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		} catch (final NoSuchAlgorithmException e) {
			throw new AssertionError(e);
		}
	}
}
