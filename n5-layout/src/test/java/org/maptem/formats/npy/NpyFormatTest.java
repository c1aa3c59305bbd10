package org.maptem.formats.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.TilePlan;
import org.maptem.ingest.Manifest;
import org.maptem.ingest.Samples;

class NpyFormatTest {

	@TempDir
	Path dir;

	/**
	 * An independent little .npy writer: preamble for {@code major}, the dict literal as given, space padding to 64,
	 * then {@code data}.
	 */
	static byte[] npy(final int major, final String dict, final byte[] data) {
		final byte[] text = dict.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
		final int pre = major == 1 ? 10 : 12;
		int len = text.length + 1;
		while ((pre + len) % 64 != 0)
			len++;
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0x93);
		out.writeBytes("NUMPY".getBytes(StandardCharsets.US_ASCII));
		out.write(major);
		out.write(0);
		out.write(len & 0xFF);
		out.write(len >> 8 & 0xFF);
		if (major != 1) {
			out.write(len >> 16 & 0xFF);
			out.write(len >> 24 & 0xFF);
		}
		out.writeBytes(text);
		for (int i = text.length; i < len - 1; i++)
			out.write(' ');
		out.write('\n');
		out.writeBytes(data);
		return out.toByteArray();
	}

	static String dict(final String descr, final boolean fortran, final long... shape) {
		final StringBuilder s = new StringBuilder();
		for (final long d : shape)
			s.append(s.length() == 0 ? "" : ", ").append(d);
		return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': (" + s
				+ (shape.length == 1 ? ",)" : ")") + ", }";
	}

	/** C-order values laid out in Fortran order (first axis fastest), each element encoded independently. */
	static byte[] fortranBytes(final DType t, final boolean little, final double[] values, final long[] shape) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final int n = values.length;
		final int[] idx = new int[shape.length];
		for (int k = 0; k < n; k++) {
			int c = 0;
			for (int a = 0; a < shape.length; a++)
				c = c * (int) shape[a] + idx[a];
			out.writeBytes(Samples.encode(t, values, c, 1, little));
			for (int a = 0; a < shape.length; a++) {
				if (++idx[a] < shape[a])
					break;
				idx[a] = 0;
			}
		}
		return out.toByteArray();
	}

	static Stream<Arguments> descrs() {
		final List<Arguments> a = new ArrayList<>();
		final String[][] table = { { "|u1", "UINT8" }, { "|b1", "UINT8" }, { "|i1", "INT8" }, { "<u2", "UINT16" },
				{ ">u2", "UINT16" },
				{ "<i2", "INT16" }, { ">i2", "INT16" }, { "<u4", "UINT32" }, { ">u4", "UINT32" }, { "<i4", "INT32" },
				{ ">i4", "INT32" }, { "<f4", "FLOAT32" }, { ">f4", "FLOAT32" }, { "<f8", "FLOAT64" }, { ">f8", "FLOAT64" } };
		for (final String[] row : table)
			for (final int major : new int[] { 1, 2, 3 })
				a.add(Arguments.of(row[0], DType.valueOf(row[1]), major));
		return a.stream();
	}

	@ParameterizedTest(name = "{0} v{2}.0")
	@MethodSource("descrs")
	void readsCOrderOfEveryDtypeAndVersionInPlace(final String descr, final DType t, final int major) throws IOException {
		final long[] shape = { 2, 3, 4, 5 };
		final double[] v = Samples.values(t, 120, descr.hashCode());
		final boolean little = descr.charAt(0) != '>';
		final Path f = dir.resolve("c.npy");
		Files.write(f, npy(major, dict(descr, false, shape), Samples.encode(t, v, 0, v.length, little)));
		try (NpyDataset d = NpyDataset.open(f, OpenOptions.DEFAULTS.withPartitionBytes(2 * 20 * t.bytes()))) {
			assertArrayEquals(new long[] { 2, 3 }, d.meta().navShape());
			assertArrayEquals(new int[] { 4, 5 }, d.meta().sigShape());
			assertEquals(t, d.meta().dtype());
			// 2-frame partitions of a 2 × 3 scan: [1, 2] nav blocks, two per scan row, the second ragged
			assertEquals(4, d.partitions().size());
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(4, 3)));
			assertEquals(major, d.header().major());
		}
	}

	@ParameterizedTest(name = "{0} v{2}.0")
	@MethodSource("descrs")
	void readsFortranOrderOfEveryDtypeByGathering(final String descr, final DType t, final int major) throws IOException {
		final long[] shape = { 2, 3, 4, 5 };
		final double[] v = Samples.values(t, 120, descr.hashCode() + 1);
		final boolean little = descr.charAt(0) != '>';
		final Path f = dir.resolve("f.npy");
		Files.write(f, npy(major, dict(descr, true, shape), fortranBytes(t, little, v, shape)));
		try (NpyDataset d = NpyDataset.open(f, OpenOptions.DEFAULTS.withPartitionBytes(2 * 20 * t.bytes()))) {
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(4, 3)));
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(1, 4)));
		}
	}

	@ParameterizedTest(name = "{0} axes")
	@ValueSource(ints = { 2, 3, 5 })
	void readsFortranAndCOrderOfTwoThreeAndFiveAxes(final int ndim) throws IOException {
		final long[] shape = switch (ndim) {
		case 2 -> new long[] { 3, 7 };
		case 3 -> new long[] { 5, 3, 2 };
		default -> new long[] { 2, 3, 2, 3, 4 };
		};
		int n = 1;
		for (final long d : shape)
			n *= (int) d;
		final double[] v = Samples.values(DType.INT16, n, ndim);
		final Path fc = dir.resolve("c" + ndim + ".npy");
		final Path ff = dir.resolve("f" + ndim + ".npy");
		Files.write(fc, npy(1, dict("<i2", false, shape), Samples.encode(DType.INT16, v, 0, n, true)));
		Files.write(ff, npy(1, dict("<i2", true, shape), fortranBytes(DType.INT16, true, v, shape)));
		for (final Path f : List.of(fc, ff))
			try (NpyDataset d = NpyDataset.open(f, OpenOptions.DEFAULTS.withPartitionBytes(20))) {
				final long[] nav = ndim == 2 ? new long[] { 1 } : java.util.Arrays.copyOf(shape, ndim - 2);
				assertArrayEquals(nav, d.meta().navShape());
				assertArrayEquals(v, Samples.readAll(d, new TilePlan(2, 1)));
			}
	}

	@Test
	void navShapeOptionReshapesFortranOrderFilesByTheirOwnScanShape() throws IOException {
		final long[] shape = { 2, 3, 2, 2 };
		final double[] v = Samples.values(DType.UINT8, 24, 9);
		final Path f = dir.resolve("r.npy");
		Files.write(f, npy(1, dict("|u1", true, shape), fortranBytes(DType.UINT8, true, v, shape)));
		try (NpyDataset d = NpyDataset.open(f, OpenOptions.DEFAULTS.withNavShape(6))) {
			assertArrayEquals(new long[] { 6 }, d.meta().navShape());
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(4, 2)));
		}
	}

	@Test
	void acceptsPython2LongSuffixesDoubleQuotesAndAnyKeyOrder() throws IOException {
		final double[] v = Samples.values(DType.FLOAT32, 12, 4);
		final Path f = dir.resolve("p.npy");
		Files.write(f, npy(1, "{\"shape\": (3L, 2L, 2L), 'fortran_order': False, 'descr': '<f4'}",
				Samples.encode(DType.FLOAT32, v, 0, 12, true)));
		try (NpyDataset d = NpyDataset.open(f, OpenOptions.DEFAULTS)) {
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(2, 2)));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "n5_reference_input_001_4x2_6bit.npy", "n5_reference_input_single9_12bit_3x3.npy" })
	void referenceFilesMatchTheManifestsSumAndHash(final String name) throws Exception {
		final Path f = Samples.testdata().resolve("n5").resolve(name);
		try (NpyDataset d = NpyDataset.open(f, OpenOptions.DEFAULTS)) {
			final Manifest.Entry m = Manifest.entryFor(d.meta());
			final double[] all = Samples.readAll(d, TilePlan.defaultFor(d.meta()));
			double sum = 0;
			for (final double x : all)
				sum += x;
			assertEquals(m.sum(), sum);
			assertEquals(m.sha256(), Manifest.sha256(Samples.encode(d.meta().dtype(), all, 0, all.length, true)));
		}
	}

	@Test
	void writerHeaderEqualsNumpysHeaderBytes() throws IOException {
		final Path ref = Samples.testdata().resolve("n5").resolve("n5_reference_input_single9_12bit_3x3.npy");
		final byte[] numpy = java.util.Arrays.copyOf(Files.readAllBytes(ref), 128);
		assertArrayEquals(numpy, NpyWriter.header(DType.UINT16, new long[] { 3, 3, 256, 256 }));
		final Path ref8 = Samples.testdata().resolve("n5").resolve("n5_reference_input_001_4x2_6bit.npy");
		assertArrayEquals(java.util.Arrays.copyOf(Files.readAllBytes(ref8), 128),
				NpyWriter.header(DType.UINT8, new long[] { 2, 4, 256, 256 }));
	}

	@Test
	void writerWritesLittleEndianCOrderDataAfterThePaddedHeader() throws IOException {
		final double[] v = Samples.values(DType.INT32, 30, 8);
		final int[] ints = new int[30];
		for (int i = 0; i < 30; i++)
			ints[i] = (int) v[i];
		final Path f = dir.resolve("w.npy");
		NpyWriter.write(f, DType.INT32, new long[] { 5, 6 }, ints);
		final byte[] bytes = Files.readAllBytes(f);
		// the 59-character dict needs a 128-byte preamble + header: 10 + 59 + padding + '\n'
		assertEquals(128 - 10, (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8);
		assertEquals(dict("<i4", false, 5, 6), new String(bytes, 10, 118, StandardCharsets.ISO_8859_1).strip());
		assertEquals('\n', bytes[127]);
		assertArrayEquals(Samples.encode(DType.INT32, v, 0, 30, true), java.util.Arrays.copyOfRange(bytes, 128, bytes.length));
		final float[] floats = { 1.5f, -2f, 3.25f };
		NpyWriter.write(f, new long[] { 3 }, floats);
		final byte[] fb = Files.readAllBytes(f);
		final int len = (fb[8] & 0xFF) | (fb[9] & 0xFF) << 8;
		assertEquals(0, (10 + len) % 64);
		assertEquals(dict("<f4", false, 3), new String(fb, 10, len, StandardCharsets.ISO_8859_1).strip());
		assertArrayEquals(Samples.encode(DType.FLOAT32, new double[] { 1.5, -2, 3.25 }, 0, 3, true),
				java.util.Arrays.copyOfRange(fb, 10 + len, fb.length));
	}

	@Test
	void writerRoundsAndClampsStreamedValuesToIntegerTypes() throws IOException {
		final Path f = dir.resolve("u.npy");
		try (NpyWriter w = NpyWriter.create(f, DType.UINT8, 2, 3)) {
			w.append(new double[] { -3, 2.4 }, 0, 2);
			w.append(new float[] { 2.6f, 300, Float.NaN, 255 }, 0, 4);
		}
		final byte[] bytes = Files.readAllBytes(f);
		assertArrayEquals(new byte[] { 0, 2, 3, (byte) 255, 0, (byte) 255 }, java.util.Arrays.copyOfRange(bytes, 128, 134));
		assertEquals(134, bytes.length);
	}

	@Test
	void writerDeletesAFileWithTooFewValuesAndSaysSo() {
		final Path f = dir.resolve("short.npy");
		final LayoutException e = assertThrows(LayoutException.class, () -> {
			try (NpyWriter w = NpyWriter.create(f, DType.FLOAT64, 4)) {
				w.append(new double[] { 1, 2, 3 }, 0, 3);
			}
		});
		assertTrue(e.getMessage().contains("3 values written, the shape needs 4"), e.getMessage());
		assertFalse(Files.exists(f));
	}

	@Test
	void writerUsesVersionTwoWhenTheHeaderOutgrowsSixteenBits() {
		final long[] shape = new long[23000];
		java.util.Arrays.fill(shape, 1);
		final byte[] h = NpyWriter.header(DType.UINT8, shape);
		assertEquals(2, h[6]);
		final long len = (h[8] & 0xFF) | (h[9] & 0xFF) << 8 | (h[10] & 0xFF) << 16 | (long) (h[11] & 0xFF) << 24;
		assertEquals(h.length - 12, len);
		assertEquals(0, h.length % 64);
		assertEquals('\n', h[h.length - 1]);
	}

	@Test
	void probeRecognisesMagicThenExtension() {
		final NpyFormat npy = new NpyFormat();
		assertEquals(100, npy.probe(Path.of("x.bin"), NpyWriter.header(DType.UINT8, new long[] { 1, 1 })));
		assertEquals(50, npy.probe(Path.of("x.NPY"), new byte[] { 1, 2, 3 }));
		assertEquals(0, npy.probe(Path.of("x.raw"), new byte[] { 1, 2, 3 }));
	}

	// ------------------------------------------------------------------ bad input

	private LayoutException openFails(final byte[] bytes) throws IOException {
		final Path f = dir.resolve("bad.npy");
		Files.write(f, bytes);
		final LayoutException e = assertThrows(LayoutException.class, () -> NpyDataset.open(f, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().startsWith(f.toAbsolutePath().toString()), e.getMessage());
		return e;
	}

	@Test
	void badMagicIsReportedAtOffsetZero() throws IOException {
		final byte[] b = npy(1, dict("<u2", false, 2, 2), new byte[8]);
		b[0] = 'X';
		final LayoutException e = openFails(b);
		assertTrue(e.getMessage().contains("at byte offset 0: expected the .npy magic 93 4E 55 4D 50 59"), e.getMessage());
		assertTrue(e.getMessage().endsWith("found 58 4E 55 4D 50 59"), e.getMessage());
	}

	@Test
	void unsupportedVersionIsReportedAtOffsetSix() throws IOException {
		final byte[] b = npy(1, dict("<u2", false, 2, 2), new byte[8]);
		b[6] = 4;
		final LayoutException e = openFails(b);
		assertTrue(e.getMessage().contains("at byte offset 6: expected .npy format version 1.0, 2.0 or 3.0, found 4.0"),
				e.getMessage());
	}

	@Test
	void unparseableDictIsReportedAtTheOffendingByte() throws IOException {
		final String d = "{'descr': '<u2', 'fortran_order': Flase, 'shape': (2, 2), }";
		final LayoutException e = openFails(npy(1, d, new byte[8]));
		assertTrue(e.getMessage().contains("at byte offset " + (10 + d.indexOf("Flase")) + ": "), e.getMessage());
		assertTrue(e.getMessage().contains("True, False or None"), e.getMessage());
		assertTrue(e.getMessage().contains("found 'Flase"), e.getMessage());
	}

	@Test
	void unterminatedTupleIsReportedAtTheEndOfTheHeader() throws IOException {
		final String d = "{'descr': '<u2', 'fortran_order': False, 'shape': (2, 2";
		final LayoutException e = openFails(npy(1, d, new byte[8]));
		assertTrue(e.getMessage().contains("expected") && e.getMessage().contains("',' or ')'"), e.getMessage());
	}

	@Test
	void unknownDescrIsReportedAsTheDescrField() throws IOException {
		final LayoutException e = openFails(npy(1, dict("<c8", false, 2, 2), new byte[32]));
		assertTrue(e.getMessage().contains("field 'descr': expected one of |u1"), e.getMessage());
		assertTrue(e.getMessage().endsWith("found '<c8'"), e.getMessage());
		final LayoutException wide = openFails(npy(1, dict("|u2", false, 2, 2), new byte[8]));
		assertTrue(wide.getMessage().endsWith("found '|u2'"), wide.getMessage());
	}

	@Test
	void structuredDescrIsRejected() throws IOException {
		final LayoutException e = openFails(npy(1, "{'descr': [('a', '<u2')], 'fortran_order': False, 'shape': (2, 2), }",
				new byte[8]));
		assertTrue(e.getMessage().contains("field 'descr': expected a simple dtype string"), e.getMessage());
	}

	@Test
	void fileShorterThanTheShapeNeedsIsReportedWithExpectedAndFoundBytes() throws IOException {
		final byte[] b = npy(1, dict("<u2", false, 3, 4, 4), new byte[90]);
		final int header = b.length - 90;
		final LayoutException e = openFails(b);
		assertTrue(e.getMessage().contains("field 'file size': expected " + (header + 96) + " bytes (" + header
				+ " header + shape [3, 4, 4] × 2 bytes"), e.getMessage());
		assertTrue(e.getMessage().endsWith("found " + (header + 90) + " bytes"), e.getMessage());
	}

	@Test
	void missingOrExtraKeysAreRejected() throws IOException {
		final LayoutException e = openFails(npy(1, "{'descr': '<u2', 'shape': (2, 2), }", new byte[8]));
		assertTrue(e.getMessage().contains("field 'header keys'"), e.getMessage());
	}

	@Test
	void oneDimensionalOrEmptyShapesAreRejected() throws IOException {
		final LayoutException e = openFails(npy(1, dict("<u2", false, 8), new byte[16]));
		assertTrue(e.getMessage().contains("field 'shape': expected 2 to 5 axes"), e.getMessage());
		final LayoutException z = openFails(npy(1, dict("<u2", false, 2, 0), new byte[0]));
		assertTrue(z.getMessage().contains("field 'shape[1]': expected a positive integer, found 0"), z.getMessage());
	}

	@Test
	void headerLengthBeyondTheFileIsReportedAtOffsetEight() throws IOException {
		final byte[] b = npy(1, dict("<u2", false, 2, 2), new byte[8]);
		b[8] = (byte) 0xFF;
		b[9] = (byte) 0x7F;
		final LayoutException e = openFails(b);
		assertTrue(e.getMessage().contains("at byte offset 8: expected a header length of at most " + (b.length - 10)
				+ " bytes"), e.getMessage());
		assertTrue(e.getMessage().endsWith("found 32767 bytes"), e.getMessage());
	}

	@Test
	void truncatedPreambleIsRejected() throws IOException {
		final LayoutException e = openFails(new byte[] { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0 });
		assertTrue(e.getMessage().contains("expected a 10-byte .npy preamble"), e.getMessage());
	}

	@Test
	void randomlyCorruptedHeadersEitherOpenOrFailWithLayoutException() throws IOException {
		final double[] v = Samples.values(DType.UINT16, 2 * 3 * 4, 1);
		final byte[] good = npy(1, dict("<u2", false, 2, 3, 4), Samples.encode(DType.UINT16, v, 0, v.length, true));
		final Random r = new Random(42);
		final Path f = dir.resolve("fuzz.npy");
		int opened = 0;
		int rejected = 0;
		for (int i = 0; i < 400; i++) {
			final byte[] b = good.clone();
			final int flips = 1 + r.nextInt(3);
			for (int k = 0; k < flips; k++)
				b[r.nextInt(64)] = (byte) r.nextInt(256);
			final int len = r.nextInt(8) == 0 ? r.nextInt(b.length) : b.length;
			Files.write(f, java.util.Arrays.copyOf(b, len));
			try (NpyDataset d = NpyDataset.open(f, OpenOptions.DEFAULTS)) {
				Samples.readAll(d, new TilePlan(1, 1));
				opened++;
			} catch (final LayoutException expected) {
				assertTrue(expected.getMessage().startsWith(f.toAbsolutePath().toString()), expected.getMessage());
				rejected++;
			}
		}
		assertEquals(400, opened + rejected);
		assertTrue(rejected > 300, "nearly every header mutation is fatal, found " + rejected + " rejections");
	}
}
