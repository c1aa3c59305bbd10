package org.maptem.udf.factories;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.maptem.dataset.DType;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.TilePlan;
import org.maptem.exec.Job;
import org.maptem.exec.JobResults;
import org.maptem.exec.LocalExecutor;
import org.maptem.synth.SyntheticDataset;
import org.maptem.synth.SyntheticParams;
import org.maptem.udf.Udf;
import org.maptem.udf.UdfException;
import org.maptem.udf.UdfFactory;
import org.maptem.udf.UdfRegistry;
import org.maptem.udf.com.CenterOfMassUdf;
import org.maptem.udf.masks.ApplyMasksUdf;
import org.maptem.udf.masks.FillRule;
import org.maptem.udf.masks.Masks;
import org.maptem.udf.pick.PickFrameUdf;
import org.maptem.udf.radial.RadialProfileUdf;
import org.maptem.udf.stats.LogSumUdf;
import org.maptem.udf.stats.MaxUdf;
import org.maptem.udf.stats.StdUdf;
import org.maptem.udf.stats.SumSigUdf;
import org.maptem.udf.stats.SumUdf;

/**
 * Every registered factory makes the UDF its usage line promises: with no parameters the documented defaults (the
 * detector centre (5.5, 7.5) of the 16 × 12 detector, D = 12, the scan centre (2, 2) of the 4 × 5 scan), with
 * parameters the UDF built directly from them; both run on a small noisy synthetic dataset and give the same main
 * buffer as the directly built UDF.
 */
class UdfRegistryTest {

	private static final SyntheticParams PARAMS = SyntheticParams.builder().navShape(4, 5).sigShape(16, 12)
			.dtype(DType.UINT16).seed(7).noise(true).build();
	private static final SyntheticDataset DATA = new SyntheticDataset(PARAMS, OpenOptions.DEFAULTS.withPartitionBytes(
			7L * 16 * 12 * 2));
	private static final DatasetMeta META = DATA.meta();

	/** A factory call and the UDF it must equal. */
	record Case(String name, Map<String, String> params, Udf<?> expected) {
		@Override
		public String toString() {
			return name + " " + params;
		}
	}

	static Stream<Case> cases() {
		final double corners = Math.sqrt(5.5 * 5.5 + 7.5 * 7.5) + 1;
		final List<Case> c = new ArrayList<>();
		c.add(new Case("sum", Map.of(), new SumUdf()));
		c.add(new Case("sumsig", Map.of(), new SumSigUdf()));
		c.add(new Case("std", Map.of(), new StdUdf()));
		c.add(new Case("max", Map.of(), new MaxUdf()));
		c.add(new Case("logsum", Map.of(), LogSumUdf.perFrameMinimum()));
		c.add(new Case("logsum", Map.of("minimum", "2.5"), LogSumUdf.withMinimum(2.5)));
		c.add(new Case("pick", Map.of(), PickFrameUdf.ofPositions(new long[] { 2, 2 })));
		c.add(new Case("pick", Map.of("x", "1,4", "y", "3"), PickFrameUdf.ofPositions(new long[] { 3, 1 }, new long[] { 3,
				4 })));
		c.add(new Case("pick", Map.of("index", "3, 7,19"), PickFrameUdf.ofFrames(3, 7, 19)));
		c.add(new Case("disk", Map.of(), ApplyMasksUdf.of(Masks.disk(5.5, 7.5, 3))));
		c.add(new Case("disk", Map.of("cx", "4", "cy", "6.5", "r", "2.5"), ApplyMasksUdf.of(Masks.disk(4, 6.5, 2.5))));
		c.add(new Case("ring", Map.of(), ApplyMasksUdf.of(Masks.ring(5.5, 7.5, 3, 6))));
		c.add(new Case("ring", Map.of("cx", "4", "cy", "6", "ri", "1", "ro", "4"), ApplyMasksUdf.of(Masks.ring(4, 6, 1,
				4))));
		c.add(new Case("point", Map.of(), ApplyMasksUdf.of(Masks.point(6, 8))));
		c.add(new Case("point", Map.of("cx", "3", "cy", "9"), ApplyMasksUdf.of(Masks.point(3, 9))));
		c.add(new Case("rect", Map.of(), ApplyMasksUdf.of(Masks.rect(4, 6, 3, 3))));
		c.add(new Case("rect", Map.of("x", "1", "y", "2", "w", "4", "h", "5"), ApplyMasksUdf.of(Masks.rect(1, 2, 4, 5))));
		c.add(new Case("polygon", Map.of("points", "1:1;10:2;6:14"), ApplyMasksUdf.of(Masks.polygon(new double[] { 1, 10,
				6 }, new double[] { 1, 2, 14 }))));
		c.add(new Case("polygon", Map.of("points", "1:1; 10:1;10:10;1:10;1:1;10:1;10:10;1:10", "rule", "nonzero"),
				ApplyMasksUdf.of(Masks.polygon(new double[] { 1, 10, 10, 1, 1, 10, 10, 1 }, new double[] { 1, 1, 10, 10, 1, 1,
						10, 10 }, FillRule.NONZERO))));
		c.add(new Case("gradx", Map.of(), ApplyMasksUdf.of(Masks.gradientX())));
		c.add(new Case("gradx", Map.of("cx", "5", "cy", "7", "r", "4"), ApplyMasksUdf.of(Masks.gradientX(Masks.disk(5, 7,
				4)))));
		c.add(new Case("grady", Map.of(), ApplyMasksUdf.of(Masks.gradientY())));
		c.add(new Case("grady", Map.of("r", "3"), ApplyMasksUdf.of(Masks.gradientY(Masks.disk(5.5, 7.5, 3)))));
		c.add(new Case("bf", Map.of(), ApplyMasksUdf.of(Masks.disk(5.5, 7.5, 3))));
		c.add(new Case("bf", Map.of("cx", "6", "cy", "7", "r", "2"), ApplyMasksUdf.of(Masks.disk(6, 7, 2))));
		c.add(new Case("adf", Map.of(), ApplyMasksUdf.of(Masks.ring(5.5, 7.5, 3, 6))));
		c.add(new Case("adf", Map.of("ri", "2", "ro", "5"), ApplyMasksUdf.of(Masks.ring(5.5, 7.5, 2, 5))));
		c.add(new Case("haadf", Map.of(), ApplyMasksUdf.of(Masks.ring(5.5, 7.5, 6, corners))));
		c.add(new Case("haadf", Map.of("ri", "4", "ro", "9"), ApplyMasksUdf.of(Masks.ring(5.5, 7.5, 4, 9))));
		c.add(new Case("com", Map.of(), CenterOfMassUdf.wholeFrame(5.5, 7.5)));
		c.add(new Case("com", Map.of("cx", "6", "cy", "7", "r", "5", "ri", "1", "rotation", "30", "flip_y", "true"),
				CenterOfMassUdf.inRing(6, 7, 1, 5).withScanRotation(30).withFlipY(true)));
		c.add(new Case("com", Map.of("r", "inf", "scan_rotation", "-10", "flip_y", "no"), CenterOfMassUdf.wholeFrame(5.5,
				7.5).withScanRotation(-10)));
		c.add(new Case("com", Map.of("r", "4"), CenterOfMassUdf.inDisk(5.5, 7.5, 4)));
		c.add(new Case("com", Map.of("regression", "1"), CenterOfMassUdf.wholeFrame(5.5, 7.5)
				.withRegression(CenterOfMassUdf.Regression.SUBTRACT_LINEAR)));
		c.add(new Case("com", Map.of("regression", "Mean", "r", "4"), CenterOfMassUdf.inDisk(5.5, 7.5, 4)
				.withRegression(CenterOfMassUdf.Regression.SUBTRACT_MEAN)));
		c.add(new Case("com", Map.of("regression", "0.5, -1, 0.25, 0, 0, -0.5"), CenterOfMassUdf.wholeFrame(5.5, 7.5)
				.withRegression(0.5, -1, 0.25, 0, 0, -0.5)));
		c.add(new Case("radial", Map.of(), RadialProfileUdf.mean(5.5, 7.5, 1, Math.floor(Math.sqrt(5.5 * 5.5 + 7.5 * 7.5))
				+ 1)));
		c.add(new Case("radial", Map.of("cx", "5", "cy", "8", "dr", "2", "rmax", "7", "mode", "sum"), RadialProfileUdf
				.sum(5, 8, 2, 7)));
		return c.stream();
	}

	@ParameterizedTest
	@MethodSource("cases")
	void factoryMakesTheDocumentedUdf(final Case c) {
		final UdfFactory f = UdfRegistry.factory(c.name());
		// UDFs travel to remote workers as serialized values: run the copy
		final Udf<?> made = serializedCopy(f.create(new LinkedHashMap<>(c.params()), META));
		assertEquals(c.expected().getClass(), made.getClass());
		final JobResults r = new LocalExecutor(2).run(Job.of(DATA, made, c.expected()).withTilePlan(new TilePlan(2, 5)));
		final double[] got = r.get(made).buffer(f.mainBuffer()).toDoubles();
		assertArrayEquals(r.get(c.expected()).buffer(f.mainBuffer()).toDoubles(), got, c.toString());
		assertTrue(Stream.of(made.buffers(META).toArray()).anyMatch(b -> b.toString().startsWith(f.mainBuffer() + " ")));
		boolean finite = false;
		for (final double v : got)
			finite |= Double.isFinite(v) && v != 0;
		assertTrue(finite, c + ": main buffer " + f.mainBuffer() + " holds no value");
	}

	@Test
	void everyRegisteredFactoryIsCoveredWithAndWithoutParameters() {
		final TreeSet<String> registered = new TreeSet<>();
		for (final UdfFactory f : UdfRegistry.factories()) {
			assertTrue(registered.add(f.name()), "duplicate name " + f.name());
			assertEquals(f.name().toLowerCase(java.util.Locale.ROOT), f.name());
			for (final String p : ((BuiltinFactory) f).parameters())
				assertTrue(f.usage().contains(p), f.name() + " usage '" + f.usage() + "' misses " + p);
		}
		assertEquals(new TreeSet<>(List.of("sum", "sumsig", "std", "max", "logsum", "pick", "disk", "ring", "point", "rect",
				"polygon", "gradx", "grady", "bf", "adf", "haadf", "com", "radial")), registered);
		final TreeSet<String> bare = new TreeSet<>();
		final TreeSet<String> withParams = new TreeSet<>();
		cases().forEach(c -> (c.params().isEmpty() ? bare : withParams).add(c.name()));
		final TreeSet<String> parameterless = new TreeSet<>(List.of("sum", "sumsig", "std", "max"));
		for (final String n : registered) {
			if (!n.equals("polygon"))
				assertTrue(bare.contains(n), n + " is not tried without parameters");
			if (!parameterless.contains(n))
				assertTrue(withParams.contains(n), n + " is not tried with parameters");
		}
	}

	@Test
	void unknownParameterIsNamedWithTheAcceptedOnes() {
		assertMessage(() -> UdfRegistry.create("disk", Map.of("cx", "3", "rr", "3"), META), "disk", "'rr'",
				"accepted parameters: cx, cy, r");
		assertMessage(() -> UdfRegistry.create("sum", Map.of("x", "1"), META), "sum", "'x'", "takes no parameters");
		assertMessage(() -> UdfRegistry.create("pick", Map.of("z", "1"), META), "pick", "'z'", "[4, 5]",
				"accepted parameters: x, y, z, index");
	}

	@Test
	void badNumbersAreNamedAndQuoted() {
		assertMessage(() -> UdfRegistry.create("disk", Map.of("r", "abc"), META), "disk", "'r'", "'abc'",
				"accepted parameters: cx, cy, r");
		assertMessage(() -> UdfRegistry.create("disk", Map.of("r", "inf"), META), "'r'", "a finite number", "'inf'");
		assertMessage(() -> UdfRegistry.create("rect", Map.of("w", "2.5"), META), "rect", "'w'", "an integer", "'2.5'");
		assertMessage(() -> UdfRegistry.create("pick", Map.of("index", "1,x"), META), "pick", "'index'", "'1,x'");
		assertMessage(() -> UdfRegistry.create("com", Map.of("flip_y", "maybe"), META), "com", "'flip_y'", "true or false");
		assertMessage(() -> UdfRegistry.create("radial", Map.of("mode", "median"), META), "radial", "'mode'", "mean, sum");
		assertMessage(() -> UdfRegistry.create("com", Map.of("regression", "2"), META), "com", "'regression'", "linear");
		assertMessage(() -> UdfRegistry.create("com", Map.of("regression", "1,2,3"), META), "'regression'", "6 values");
		assertMessage(() -> UdfRegistry.create("polygon", Map.of("points", "1:2;3"), META), "polygon", "'points'", "x:y");
	}

	@Test
	void missingRequiredParameterIsNamedWithTheAcceptedOnes() {
		assertMessage(() -> UdfRegistry.create("polygon", Map.of(), META), "polygon", "missing parameter 'points'",
				"accepted parameters: points, rule");
		assertMessage(() -> UdfRegistry.create("gradx", Map.of("cx", "3"), META), "gradx", "'cx'", "cx without r");
	}

	@Test
	void valuesTheUdfRejectsAreReportedUnderTheFactoryName() {
		assertMessage(() -> UdfRegistry.create("adf", Map.of("ri", "5", "ro", "5"), META), "adf:", "'ro'",
				"accepted parameters: cx, cy, ri, ro");
		assertMessage(() -> UdfRegistry.create("pick", Map.of("x", "5"), META), "pick:", "[2, 5]", "[4, 5]");
		assertMessage(() -> UdfRegistry.create("pick", Map.of("x", "1,2,3", "y", "1,2"), META), "pick:", "'y'");
		assertMessage(() -> UdfRegistry.create("radial", Map.of("dr", "0"), META), "radial:", "'dr'");
		assertMessage(() -> UdfRegistry.create("com", Map.of("rotation", "1", "scan_rotation", "2"), META), "com:",
				"'scan_rotation'");
		assertMessage(() -> UdfRegistry.factory("virtual"), "'virtual'", "disk", "haadf");
	}

	private static Udf<?> serializedCopy(final Udf<?> udf) {
		try {
			final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
			try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
				out.writeObject(udf);
			}
			try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes
					.toByteArray()))) {
				return (Udf<?>) in.readObject();
			}
		} catch (final java.io.IOException | ClassNotFoundException e) {
			throw new AssertionError(udf + " does not serialize", e);
		}
	}

	private static void assertMessage(final org.junit.jupiter.api.function.Executable call, final String... parts) {
		final UdfException e = assertThrows(UdfException.class, call);
		for (final String p : parts)
			assertTrue(e.getMessage().contains(p), "'" + e.getMessage() + "' should contain " + p);
	}
}
