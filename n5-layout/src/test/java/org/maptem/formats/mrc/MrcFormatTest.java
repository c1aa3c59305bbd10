package org.maptem.formats.mrc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.maptem.dataset.DType;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.ReadMode;
import org.maptem.dataset.TilePlan;
import org.maptem.formats.Formats;
import org.maptem.formats.HeaderFuzzer;
import org.maptem.ingest.Ingest;
import org.maptem.ingest.IngestOptions;
import org.maptem.ingest.Samples;

/**
 * MRC has no real sample in the shared test data: every file here is written by the test following the MRC2014
 * specification's header layout.
 */
class MrcFormatTest {

	@TempDir
	Path dir;

	/** Header options of the test writer. */
	record Spec(int mode, int nx, int ny, int nz, boolean little, boolean stamp, boolean imod, int imodFlags, int ispg,
			int mz, int nsymbt) {

		static Spec of(final int mode, final int nx, final int ny, final int nz) {
			return new Spec(mode, nx, ny, nz, true, true, false, 0, 0, 1, 0);
		}

		Spec bigEndian(final boolean stamped) {
			return new Spec(mode, nx, ny, nz, false, stamped, imod, imodFlags, ispg, mz, nsymbt);
		}

		Spec imod(final int flags) {
			return new Spec(mode, nx, ny, nz, little, stamp, true, flags, ispg, mz, nsymbt);
		}

		Spec volumes(final int sectionsPerVolume) {
			return new Spec(mode, nx, ny, nz, little, stamp, imod, imodFlags, 401, sectionsPerVolume, nsymbt);
		}

		Spec extended(final int bytes) {
			return new Spec(mode, nx, ny, nz, little, stamp, imod, imodFlags, ispg, mz, bytes);
		}
	}

	/** An MRC2014 file: 1024-byte header, {@code nsymbt} bytes of extended header, then {@code data} as given. */
	static byte[] mrc(final Spec s, final byte[] data) {
		final ByteBuffer b = ByteBuffer.allocate(1024 + s.nsymbt() + data.length)
				.order(s.little() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
		b.putInt(0, s.nx()).putInt(4, s.ny()).putInt(8, s.nz()).putInt(12, s.mode());
		b.putInt(28, s.nx()).putInt(32, s.ny()).putInt(36, s.mz());
		b.putFloat(40, 1.5f * s.nx()).putFloat(44, 1.5f * s.ny()).putFloat(48, 1.5f * s.mz());
		b.putFloat(52, 90).putFloat(56, 90).putFloat(60, 90);
		b.putInt(64, 1).putInt(68, 2).putInt(72, 3);
		b.putInt(88, s.ispg()).putInt(92, s.nsymbt());
		b.put(104, "FEI1".getBytes(StandardCharsets.US_ASCII)).putInt(108, 20140);
		if (s.imod())
			b.putInt(152, 1146047817).putInt(156, s.imodFlags());
		b.put(208, "MAP ".getBytes(StandardCharsets.US_ASCII));
		if (s.stamp()) {
			final byte[] st = s.little() ? new byte[] { 0x44, 0x44, 0, 0 } : new byte[] { 0x11, 0x11, 0, 0 };
			b.put(212, st);
		}
		b.putInt(220, 1).put(224, "written by MrcFormatTest".getBytes(StandardCharsets.US_ASCII));
		for (int i = 0; i < s.nsymbt(); i++)
			b.put(1024 + i, (byte) 0x5A);
		b.put(1024 + s.nsymbt(), data);
		return b.array();
	}

	private Path write(final String name, final byte[] bytes) throws IOException {
		final Path f = dir.resolve(name);
		Files.write(f, bytes);
		return f;
	}

	@ParameterizedTest(name = "mode {0} {1} little-endian={2}")
	@CsvSource({ "0, INT8, true", "1, INT16, true", "1, INT16, false", "2, FLOAT32, true", "2, FLOAT32, false",
			"6, UINT16, true", "6, UINT16, false" })
	void everyModeReadsBackInEitherByteOrder(final int mode, final DType t, final boolean little) throws IOException {
		final double[] v = Samples.values(t, 6 * 5 * 4, mode * 7 + (little ? 1 : 0));
		Spec s = Spec.of(mode, 4, 5, 6);
		if (!little)
			s = s.bigEndian(true);
		final Path f = write("m.mrc", mrc(s, Samples.encode(t, v, 0, v.length, little)));
		for (final ReadMode rm : new ReadMode[] { ReadMode.MMAP, ReadMode.DIRECT })
			try (MrcDataset d = MrcDataset.open(f, OpenOptions.DEFAULTS.withPartitionBytes(2L * 20 * t.bytes()).withReadMode(rm))) {
				assertEquals(t, d.meta().dtype());
				assertArrayEquals(new long[] { 6 }, d.meta().navShape());
				assertArrayEquals(new int[] { 5, 4 }, d.meta().sigShape());
				assertEquals(3, d.partitions().size());
				assertArrayEquals(v, Samples.readAll(d, new TilePlan(2, 5)));
				assertArrayEquals(v, Samples.readAll(d, new TilePlan(1, 2)));
			}
	}

	@Test
	void modeZeroIsUnsignedInImodFilesUnlessFlaggedSigned() throws IOException {
		final double[] v = Samples.values(DType.UINT8, 2 * 9, 3);
		final byte[] data = Samples.encode(DType.UINT8, v, 0, v.length, true);
		try (MrcDataset d = MrcDataset.open(write("u.mrc", mrc(Spec.of(0, 3, 3, 2).imod(0), data)), OpenOptions.DEFAULTS)) {
			assertEquals(DType.UINT8, d.meta().dtype());
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(2, 3)));
		}
		try (MrcDataset d = MrcDataset.open(write("s.mrc", mrc(Spec.of(0, 3, 3, 2).imod(1), data)), OpenOptions.DEFAULTS)) {
			assertEquals(DType.INT8, d.meta().dtype());
			assertEquals((byte) v[0], (int) Samples.readAll(d, new TilePlan(2, 3))[0]);
		}
	}

	/** The value of half-precision bits, by the binary16 definition. */
	private static double half(final int bits) {
		final int sign = bits >>> 15 == 1 ? -1 : 1;
		final int exp = bits >>> 10 & 0x1F;
		final int frac = bits & 0x3FF;
		if (exp == 31)
			return frac == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
		if (exp == 0)
			return sign * Math.scalb((double) frac, -24);
		return sign * Math.scalb(1 + frac / 1024.0, exp - 15);
	}

	@Test
	void everyHalfPrecisionValueWidensExactly() {
		for (int bits = 0; bits < 1 << 16; bits++) {
			final double want = half(bits);
			final float got = Float16.toFloat((short) bits);
			if (Double.isNaN(want))
				assertTrue(Float.isNaN(got), "bits " + bits);
			else
				assertEquals(want, got, 0, "bits " + Integer.toHexString(bits));
		}
		assertEquals(1.0f, Float16.toFloat((short) 0x3C00));
		assertEquals(65504f, Float16.toFloat((short) 0x7BFF));
		assertEquals(-0.0f, Float16.toFloat((short) 0x8000));
	}

	@ParameterizedTest(name = "little-endian={0}")
	@CsvSource({ "true", "false" })
	void halfPrecisionFramesAreWidenedToFloat32(final boolean little) throws IOException {
		final Random r = new Random(12);
		final int n = 7 * 6 * 5;
		final ByteBuffer data = ByteBuffer.allocate(2 * n).order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
		final double[] want = new double[n];
		for (int i = 0; i < n; i++) {
			final int bits = r.nextInt(1 << 16);
			data.putShort((short) bits);
			want[i] = half(bits);
		}
		Spec s = Spec.of(12, 5, 6, 7);
		if (!little)
			s = s.bigEndian(true);
		final Path f = write("h.mrc", mrc(s, data.array()));
		try (MrcDataset d = MrcDataset.open(f, OpenOptions.DEFAULTS.withPartitionBytes(3 * 30 * 4))) {
			assertEquals(DType.FLOAT32, d.meta().dtype());
			assertEquals("float16", d.meta().provenance().details().get("stored_dtype"));
			assertArrayEquals(want, Samples.readAll(d, new TilePlan(2, 4)));
			final float[] fl = Samples.readAllFloat(d, new TilePlan(3, 6));
			for (int i = 0; i < n; i++)
				assertEquals((float) want[i], fl[i], 0);
		}
	}

	@Test
	void bigEndianFileWithoutMachineStampIsRecognisedByItsSizes() throws IOException {
		final double[] v = Samples.values(DType.INT16, 2 * 6, 4);
		final Path f = write("old.mrc", mrc(Spec.of(1, 3, 2, 2).bigEndian(false), Samples.encode(DType.INT16, v, 0, 12, false)));
		try (MrcDataset d = MrcDataset.open(f, OpenOptions.DEFAULTS)) {
			assertEquals("big", d.meta().provenance().details().get("byte_order"));
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(2, 2)));
		}
	}

	@Test
	void extendedHeaderIsSkippedAndVolumeStacksBecomeTwoNavAxes() throws IOException {
		final double[] v = Samples.values(DType.FLOAT32, 6 * 8, 5);
		final Path f = write("vol.mrcs", mrc(Spec.of(2, 4, 2, 6).volumes(3).extended(128 * 3),
				Samples.encode(DType.FLOAT32, v, 0, v.length, true)));
		assertInstanceOf(MrcFormat.class, Formats.detect(f));
		try (Dataset d = Formats.open(f, OpenOptions.DEFAULTS)) {
			assertArrayEquals(new long[] { 2, 3 }, d.meta().navShape());
			assertEquals("FEI1", d.meta().provenance().details().get("extended_header_type"));
			assertEquals(String.valueOf(1024 + 384), d.meta().provenance().details().get("data_offset"));
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(4, 1)));
		}
	}

	@Test
	void navShapeOptionMakesAStackAScan() throws IOException {
		final double[] v = Samples.values(DType.UINT16, 6 * 4, 6);
		final Path f = write("scan.mrc", mrc(Spec.of(6, 2, 2, 6), Samples.encode(DType.UINT16, v, 0, v.length, true)));
		try (MrcDataset d = MrcDataset.open(f, OpenOptions.DEFAULTS.withNavShape(2, 3))) {
			assertArrayEquals(new long[] { 2, 3 }, d.meta().navShape());
			assertArrayEquals(v, Samples.readAll(d, new TilePlan(5, 2)));
		}
		final LayoutException e = assertThrows(LayoutException.class,
				() -> MrcDataset.open(f, OpenOptions.DEFAULTS.withNavShape(4, 2)));
		assertTrue(e.getMessage().startsWith(f.toAbsolutePath().toString()), e.getMessage());
	}

	@Test
	void ingestedFileHasTheSameValues(@TempDir final Path out) throws IOException {
		final double[] v = Samples.values(DType.INT16, 4 * 12, 7);
		final Path f = write("i.mrc", mrc(Spec.of(1, 4, 3, 4), Samples.encode(DType.INT16, v, 0, v.length, true)));
		try (MrcDataset d = MrcDataset.open(f, OpenOptions.DEFAULTS)) {
			Ingest.run(d, out.resolve("x.n5"), IngestOptions.DEFAULTS);
		}
		try (Dataset n5 = Formats.open(out.resolve("x.n5"), OpenOptions.DEFAULTS)) {
			assertEquals(DType.INT16, n5.meta().dtype());
			assertArrayEquals(v, Samples.readAll(n5, new TilePlan(3, 3)));
		}
	}

	@Test
	void probeRecognisesMapFieldAndStampThenExtension() {
		final MrcFormat m = new MrcFormat();
		assertEquals(100, m.probe(Path.of("x.bin"), mrc(Spec.of(2, 1, 1, 1), new byte[4])));
		assertEquals(50, m.probe(Path.of("x.MRCS"), new byte[16]));
		assertEquals(0, m.probe(Path.of("x.bin"), new byte[1024]));
	}

	// ------------------------------------------------------------------ bad input

	private LayoutException openFails(final byte[] bytes) throws IOException {
		final Path f = write("bad.mrc", bytes);
		final LayoutException e = assertThrows(LayoutException.class, () -> MrcDataset.open(f, OpenOptions.DEFAULTS));
		assertTrue(e.getMessage().startsWith(f.toAbsolutePath().toString()), e.getMessage());
		return e;
	}

	@Test
	void headerFieldsAreCheckedBeforeAnyDataIsRead() throws IOException {
		final byte[] good = mrc(Spec.of(1, 4, 3, 2), new byte[48]);
		final Object[][] cases = { { 12, 4, "field 'MODE (byte offset 12)': expected 0, 1, 2, 6 or 12" },
				{ 0, 0, "field 'NX, NY (byte offsets 0, 4)'" }, { 8, 0, "field 'NZ (byte offset 8)': expected at least 1" },
				{ 64, 2, "field 'MAPC, MAPR, MAPS (byte offsets 64, 68, 72)'" },
				{ 92, 100, "field 'NSYMBT (byte offset 92)': expected an extended header of 0 to 48 bytes, found 100" },
				{ 8, 3, "field 'file size': expected 1096 bytes (1024 + NSYMBT 0 + NX 4 × NY 3 × NZ 3 × 2 bytes for MODE 1), "
						+ "found 1072 bytes" } };
		for (final Object[] c : cases) {
			final byte[] b = good.clone();
			ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt((int) c[0], (int) c[1]);
			final LayoutException e = openFails(b);
			assertTrue(e.getMessage().contains((String) c[2]), e.getMessage());
		}
		final byte[] huge = good.clone();
		ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(8, Integer.MAX_VALUE);
		assertTrue(openFails(huge).getMessage().contains("field 'file size'"));
		assertTrue(openFails(java.util.Arrays.copyOf(good, 1000)).getMessage()
				.contains("expected at least the 1024-byte MRC header, found 1000 bytes"));
	}

	@Test
	void fuzzedHeadersFailWithLayoutExceptionsNamingTheFile() throws IOException {
		final Path src = Files.createDirectories(dir.resolve("src")).resolve("f.mrc");
		Files.write(src, mrc(Spec.of(1, 6, 5, 4).extended(64), Samples.encode(DType.INT16, Samples.values(DType.INT16, 120, 8),
				0, 120, true)));
		final Path work = Files.createDirectories(dir.resolve("work"));
		final int n = HeaderFuzzer.of(src, 1024 + 64, 0x3C1).counts(40, 200, 60).run(work, HeaderFuzzer.detecting());
		assertEquals(300, n);
	}

	@Test
	void fuzzedHalfPrecisionHeadersFailWithLayoutExceptions() throws IOException {
		final Path src = Files.createDirectories(dir.resolve("src")).resolve("h.mrc");
		Files.write(src, mrc(Spec.of(12, 4, 4, 3), new byte[96]));
		final Path work = Files.createDirectories(dir.resolve("work"));
		final int n = HeaderFuzzer.of(src, 256, 0x3C2).counts(30, 150, 60).run(work, HeaderFuzzer.detecting());
		assertEquals(240, n);
	}
}
