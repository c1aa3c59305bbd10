package org.maptem.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.OpenOptions;
import org.maptem.formats.Formats;
import org.maptem.udf.masks.ApplyMasksUdf;
import org.maptem.udf.masks.Masks;
import org.maptem.udf.stats.StdUdf;
import org.maptem.udf.stats.SumSigUdf;
import org.maptem.udf.stats.SumUdf;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * UDFs over real N5 containers written by independent implementations (zarr's N5Store, a pure-Python codec): the
 * totals of three different reductions, read once in one job, equal the sum recorded in
 * {@code testdata/n5/manifest.json}, whatever the partition size.
 */
class ForeignN5UdfTest {

	private static Path root() {
		return Path.of(System.getProperty("maptem.testdata", "../../shared/testdata")).toAbsolutePath().normalize();
	}

	static Stream<Arguments> manifest() throws IOException {
		return JsonParser.parseString(Files.readString(root().resolve("n5/manifest.json"))).getAsJsonArray().asList()
				.stream().map(JsonElement::getAsJsonObject)
				.map(o -> Arguments.of(o.get("container").getAsString() + "/" + o.get("dataset").getAsString(), o));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifest")
	void reductionTotalsMatchTheIndependentWriter(final String name, final JsonObject entry) {
		final String container = entry.get("container").getAsString().replaceFirst("^n5_reference/", "");
		final Path dir = root().resolve("n5").resolve(container).resolve(entry.get("dataset").getAsString());
		final double expected = entry.get("sum").getAsDouble();
		for (final long partitionBytes : new long[] { 1, 150_000, 1L << 30 }) {
			try (Dataset d = Formats.open(dir, OpenOptions.DEFAULTS.withPartitionBytes(partitionBytes))) {
				final int h = d.meta().sigHeight();
				final int w = d.meta().sigWidth();
				final SumUdf sum = new SumUdf();
				final SumSigUdf frameSums = new SumSigUdf();
				final ApplyMasksUdf halves = ApplyMasksUdf.of(Masks.rect(0, 0, w, h / 2), Masks.rect(0, h / 2, w, h - h / 2));
				final StdUdf std = new StdUdf();
				final JobResults r = new LocalExecutor(2).run(Job.of(d, sum, frameSums, halves, std));
				final String where = name + " at " + partitionBytes + " bytes/partition";
				assertEquals(expected, total(r.get(sum).buffer(SumUdf.INTENSITY).doubles()), 0, where);
				assertEquals(expected, total(r.get(frameSums).buffer(SumSigUdf.INTENSITY).doubles()), 0, where);
				assertEquals(expected, total(r.get(halves).buffer(ApplyMasksUdf.INTENSITY).doubles()), 0, where);
				final double[] mean = r.get(std).buffer(StdUdf.MEAN).doubles();
				assertEquals(expected, total(mean) * d.meta().frameCount(), expected * 1e-12, where);
			}
		}
	}

	private static double total(final double[] v) {
		double s = 0;
		for (final double x : v)
			s += x;
		return s;
	}
}
