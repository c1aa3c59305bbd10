package org.maptem.n5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Tile;
import org.maptem.formats.Formats;
import org.maptem.frames.FrameSource;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Containers written by independent N5 implementations (zarr's N5Store and a pure-Python codec) open and match the
 * sums, extrema and SHA-256 of their C-order values recorded in {@code testdata/n5/manifest.json}.
 */
class ForeignN5ContainersTest {

	static Stream<Arguments> manifest() throws IOException {
		final JsonArray a = JsonParser.parseString(Files.readString(TestData.root().resolve("n5/manifest.json"))).getAsJsonArray();
		return a.asList().stream().map(JsonElement::getAsJsonObject)
				.map(o -> Arguments.of(o.get("container").getAsString() + "/" + o.get("dataset").getAsString(), o));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifest")
	void valuesMatchTheIndependentWriter(final String name, final JsonObject entry) throws Exception {
		final String container = entry.get("container").getAsString().replaceFirst("^n5_reference/", "");
		final Path dir = TestData.root().resolve("n5").resolve(container).resolve(entry.get("dataset").getAsString());
		// several partition sizes: the assembled result must not depend on how partitions cut the chunk grid
		for (final long partitionBytes : new long[] { 1, 100_000, 1L << 30 }) {
			try (Dataset d = Formats.open(dir, OpenOptions.DEFAULTS.withPartitionBytes(partitionBytes))) {
				final long[] shape = new long[entry.getAsJsonArray("numpy_shape").size()];
				for (int i = 0; i < shape.length; i++)
					shape[i] = entry.getAsJsonArray("numpy_shape").get(i).getAsLong();
				assertArrayEquals(new int[] { (int) shape[shape.length - 2], (int) shape[shape.length - 1] }, d.meta().sigShape());
				assertEquals(entry.get("dtype").getAsString(), d.meta().dtype().n5Name());
				final int fp = d.meta().framePixels();
				final double[] frame = new double[fp];
				double sum = 0;
				double min = Double.MAX_VALUE;
				double max = -Double.MAX_VALUE;
				final MessageDigest sha = MessageDigest.getInstance("SHA-256");
				final java.nio.ByteBuffer le = java.nio.ByteBuffer.allocate(fp * d.meta().dtype().bytes())
						.order(java.nio.ByteOrder.LITTLE_ENDIAN);
				long frames = 0;
				for (final Partition p : d.partitions()) {
					try (FrameSource s = d.open(p)) {
						for (long f = p.firstFrame(); f < p.endFrame(); f++) {
							s.read(new Tile(f, 1, 0, d.meta().sigHeight(), d.meta().sigWidth()), frame);
							le.clear();
							for (final double v : frame) {
								sum += v;
								min = Math.min(min, v);
								max = Math.max(max, v);
								putLe(le, d.meta().dtype().bytes(), v);
							}
							sha.update(le.array());
							frames++;
						}
					}
				}
				assertEquals(d.meta().frameCount(), frames);
				assertEquals(entry.get("sum").getAsDouble(), sum, 0.0);
				assertEquals(entry.get("min").getAsDouble(), min, 0.0);
				assertEquals(entry.get("max").getAsDouble(), max, 0.0);
				assertEquals(entry.get("sha256_c_order_le").getAsString(), HexFormat.of().formatHex(sha.digest()));
			}
		}
	}

	private static void putLe(final java.nio.ByteBuffer b, final int bytes, final double v) {
		switch (bytes) {
		case 1 -> b.put((byte) (long) v);
		case 2 -> b.putShort((short) (long) v);
		case 4 -> b.putInt((int) (long) v);
		default -> throw new IllegalArgumentException("test handles integer data of 1, 2 or 4 bytes");
		}
	}
}
