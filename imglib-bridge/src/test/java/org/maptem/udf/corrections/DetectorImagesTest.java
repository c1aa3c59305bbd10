package org.maptem.udf.corrections;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.maptem.udf.corrections.CorrectionFixtures.H;
import static org.maptem.udf.corrections.CorrectionFixtures.W;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.janelia.saalfeldlab.n5.DataType;
import org.janelia.saalfeldlab.n5.DatasetAttributes;
import org.janelia.saalfeldlab.n5.FloatArrayDataBlock;
import org.janelia.saalfeldlab.n5.GzipCompression;
import org.janelia.saalfeldlab.n5.N5FSWriter;
import org.janelia.saalfeldlab.n5.RawCompression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;
import org.maptem.exec.Job;
import org.maptem.exec.LocalExecutor;
import org.maptem.formats.npy.NpyWriter;
import org.maptem.udf.ArrayDataset;
import org.maptem.udf.stats.SumUdf;

/**
 * Dark frames, gain maps and masks load from {@code .npy} (written by {@link NpyWriter}), N5 (written by the n5
 * library) and TIFF (bytes written per the TIFF 6.0 spec by {@link TiffBytes}); bad files fail naming file and
 * offset or field; a job corrected from files equals one corrected from the same arrays.
 */
class DetectorImagesTest {

	@TempDir
	Path dir;

	private static float[] ramp(final int n, final float scale) {
		final float[] v = new float[n];
		for (int i = 0; i < n; i++)
			v[i] = (i % 17) * scale;
		return v;
	}

	@Test
	void npyFloatUint8AndUint16ImagesLoad() {
		final float[] dark = ramp(H * W, 0.5f);
		final Path f = dir.resolve("dark.npy");
		NpyWriter.write(f, new long[] { H, W }, dark);
		final DetectorImage d = DetectorImages.read(f);
		assertEquals(H, d.height());
		assertEquals(W, d.width());
		assertArrayEquals(dark, d.values());

		final byte[] mask = new byte[H * W];
		mask[5] = 1;
		mask[H * W - 1] = 1;
		final Path m = dir.resolve("mask.npy");
		NpyWriter.write(m, DType.UINT8, new long[] { H, W }, mask);
		final Corrections c = Corrections.none().withExcludedMask(DetectorImages.readNpy(m));
		assertArrayEquals(new int[][] { { 0, H - 1 }, { 5, W - 1 } }, c.excludedPixels());

		final short[] counts = new short[H * W];
		for (int i = 0; i < counts.length; i++)
			counts[i] = (short) (60000 + i);
		final Path u = dir.resolve("u16.npy");
		NpyWriter.write(u, DType.UINT16, new long[] { 1, H, W }, counts);
		final DetectorImage g = DetectorImages.read(u);
		assertEquals(60000f, g.get(0, 0));
		assertEquals(60000f + H * W - 1, g.get(H - 1, W - 1));
	}

	@Test
	void npyWithSeveralImagesIsRejectedNamingTheShape() {
		final Path f = dir.resolve("stack.npy");
		NpyWriter.write(f, new long[] { 2, H, W }, new float[2 * H * W]);
		final LayoutException e = assertThrows(LayoutException.class, () -> DetectorImages.read(f));
		assertMessage(e, f.toString(), "shape", "[2, 13, 11]", "2 images");
	}

	@Test
	void n5DatasetsLoadWithAnyChunkingAndCompression() throws IOException {
		final float[] gain = ramp(H * W, 0.25f);
		final Path container = dir.resolve("gain.n5");
		writeN5(container, "gain", new int[] { 4, 5 }, gain, true);
		writeN5(container, "raw", new int[] { W, H }, gain, false);
		assertArrayEquals(gain, DetectorImages.read(container.resolve("gain")).values());
		assertArrayEquals(gain, DetectorImages.readN5(container.resolve("raw")).values());
		final Path single = dir.resolve("single.n5");
		writeN5(single, "mask", new int[] { 3, 3 }, gain, true);
		assertArrayEquals(gain, DetectorImages.read(single).values(), "a container holding one dataset");
	}

	@Test
	void n5DatasetOfSeveralImagesIsRejected() throws IOException {
		final Path container = dir.resolve("stack.n5");
		try (N5FSWriter n5 = new N5FSWriter(container.toString())) {
			n5.createDataset("s", new DatasetAttributes(new long[] { W, H, 3 }, new int[] { W, H, 1 }, DataType.FLOAT32,
					new RawCompression()));
		}
		final LayoutException e = assertThrows(LayoutException.class, () -> DetectorImages.read(container.resolve("s")));
		assertMessage(e, "attributes.json", "dimensions", "[11, 13, 3]", "3 images");
	}

	static Stream<Arguments> tiffKinds() {
		final Stream.Builder<Arguments> b = Stream.builder();
		for (final ByteOrder o : new ByteOrder[] { ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN }) {
			b.add(Arguments.of(o, 8, 1, 0, 255));
			b.add(Arguments.of(o, 8, 2, -128, 127));
			b.add(Arguments.of(o, 16, 1, 0, 65535));
			b.add(Arguments.of(o, 16, 2, -32768, 32767));
			b.add(Arguments.of(o, 32, 1, 0, 4294967295.0));
			b.add(Arguments.of(o, 32, 2, -2147483648.0, 2147483647.0));
			b.add(Arguments.of(o, 32, 3, -1.5e30, 2.25e30));
			b.add(Arguments.of(o, 64, 3, -1e300, 1e300));
		}
		return b.build();
	}

	@ParameterizedTest
	@MethodSource("tiffKinds")
	void tiffOfEverySampleTypeAndByteOrderLoadsFromSeveralStrips(final ByteOrder order, final int bits,
			final int format, final double min, final double max) throws IOException {
		final double[] v = new double[H * W];
		for (int i = 0; i < v.length; i++)
			v[i] = i % 3 == 0 ? min : i % 3 == 1 ? max : Math.max(min, Math.min(max, i - 70));
		final Path f = dir.resolve("img.tif");
		Files.write(f, new TiffBytes(order, W, H, bits, format, v).rowsPerStrip(4).build());
		final DetectorImage img = DetectorImages.read(f);
		assertEquals(H, img.height());
		assertEquals(W, img.width());
		for (int i = 0; i < v.length; i++)
			assertEquals((float) v[i], img.values()[i], "pixel " + i);
		Files.write(f, new TiffBytes(order, W, H, bits, format, v).rowsPerStrip(5).shortOffsets().build());
		assertEquals((float) v[7], DetectorImages.readTiff(f).values()[7], "SHORT strip offsets");
	}

	@Test
	void badTiffsAreRejectedNamingFileAndOffset() throws IOException {
		final double[] v = new double[H * W];
		final Path f = dir.resolve("bad.tif");
		final TiffBytes lzw = new TiffBytes(ByteOrder.LITTLE_ENDIAN, W, H, 16, 1, v).tag(259, TiffBytes.SHORT, 5);
		Files.write(f, lzw.build());
		assertMessage(assertThrows(LayoutException.class, () -> DetectorImages.read(f)), f.toString(),
				"offset " + lzw.entryOffset(259), "tag 259", "uncompressed", "found 5");

		final byte[] whole = new TiffBytes(ByteOrder.BIG_ENDIAN, W, H, 16, 1, v).rowsPerStrip(4).build();
		// keep the header and a little data, drop the rest: the IFD offset points past the end
		Files.write(f, Arrays.copyOf(whole, 100));
		assertMessage(assertThrows(LayoutException.class, () -> DetectorImages.read(f)), "offset " + (8 + H * W * 2),
				"IFD entry count", "file of 100 bytes");

		// a strip offset past the end of the file
		final TiffBytes far = new TiffBytes(ByteOrder.LITTLE_ENDIAN, W, H, 8, 1, v).tag(273, TiffBytes.LONG, 1 << 20);
		Files.write(f, far.build());
		assertMessage(assertThrows(LayoutException.class, () -> DetectorImages.read(f)), "offset " + (1 << 20),
				"strip 0 of 1");

		Files.write(f, new TiffBytes(ByteOrder.LITTLE_ENDIAN, W, H, 8, 1, v).tag(279, TiffBytes.LONG, 3).build());
		assertMessage(assertThrows(LayoutException.class, () -> DetectorImages.read(f)), "StripByteCounts[0]",
				"143 bytes", "found 3");

		final TiffBytes rgb = new TiffBytes(ByteOrder.LITTLE_ENDIAN, W, H, 8, 1, v).tag(277, TiffBytes.SHORT, 3);
		Files.write(f, rgb.build());
		assertMessage(assertThrows(LayoutException.class, () -> DetectorImages.read(f)), "tag 277", "1 sample");

		Files.write(f, new TiffBytes(ByteOrder.LITTLE_ENDIAN, W, H, 8, 1, v).tag(322, TiffBytes.SHORT, 16).build());
		assertMessage(assertThrows(LayoutException.class, () -> DetectorImages.read(f)), "strips", "tiled");

		Files.write(f, new TiffBytes(ByteOrder.LITTLE_ENDIAN, W, H, 8, 1, v).tag(258, TiffBytes.SHORT, 12).build());
		assertMessage(assertThrows(LayoutException.class, () -> DetectorImages.read(f)), "tag 258", "12-bit");

		Files.write(f, new TiffBytes(ByteOrder.LITTLE_ENDIAN, W, H, 8, 1, v).tag(273, TiffBytes.LONG, (long[]) null)
				.build());
		assertMessage(assertThrows(LayoutException.class, () -> DetectorImages.read(f)), "tag 273", "absent");

		Files.write(f, new TiffBytes(ByteOrder.LITTLE_ENDIAN, W, H, 8, 1, v).nextIfd(8).build());
		assertMessage(assertThrows(LayoutException.class, () -> DetectorImages.read(f)), "single image");

		final byte[] big = new TiffBytes(ByteOrder.LITTLE_ENDIAN, W, H, 8, 1, v).build();
		big[2] = 43;
		Files.write(f, big);
		assertMessage(assertThrows(LayoutException.class, () -> DetectorImages.read(f)), "offset 2", "BigTIFF");
	}

	@Test
	void unknownAndEmptyFilesAreRejectedAtOffsetZero() throws IOException {
		final Path f = dir.resolve("dark.raw");
		Files.write(f, new byte[] { 1, 2, 3, (byte) 0xff });
		assertMessage(assertThrows(LayoutException.class, () -> DetectorImages.read(f)), f.toString(), "offset 0",
				"0x010203ff");
		Files.write(f, new byte[0]);
		assertMessage(assertThrows(LayoutException.class, () -> DetectorImages.read(f)), "empty file");
		assertMessage(assertThrows(LayoutException.class, () -> DetectorImages.read(dir.resolve("missing.npy"))),
				"missing.npy");
	}

	@Test
	void jobCorrectedFromFilesEqualsJobCorrectedFromArrays() throws IOException {
		final float[] dark = CorrectionFixtures.dark(1);
		final float[] gain = CorrectionFixtures.gain(2);
		final boolean[] mask = CorrectionFixtures.excludedMask();
		final Path darkFile = dir.resolve("dark.npy");
		NpyWriter.write(darkFile, new long[] { H, W }, dark);
		final double[] g = new double[H * W];
		for (int i = 0; i < g.length; i++)
			g[i] = gain[i];
		final Path gainFile = dir.resolve("gain.tif");
		Files.write(gainFile, new TiffBytes(ByteOrder.BIG_ENDIAN, W, H, 32, 3, g).rowsPerStrip(2).build());
		final float[] m = new float[H * W];
		for (int i = 0; i < m.length; i++)
			m[i] = mask[i] ? 1 : 0;
		final Path maskFile = dir.resolve("mask.n5");
		writeN5(maskFile, "excluded", new int[] { 5, 5 }, m, true);
		final Corrections fromFiles = Corrections.none().withDark(DetectorImages.read(darkFile))
				.withGain(DetectorImages.read(gainFile)).withExcludedMask(DetectorImages.read(maskFile));
		assertEquals(CorrectionFixtures.all(8), fromFiles);
		final ArrayDataset data = ArrayDataset.counts(new long[] { 3, 4 }, H, W, 90, 4, DType.UINT16);
		final SumUdf sum = new SumUdf();
		final double[] got = new LocalExecutor(2).run(Job.of(data, sum).withCorrections(fromFiles)).get(sum)
				.buffer(SumUdf.INTENSITY).doubles();
		final NaiveCorrection naive = CorrectionFixtures.naiveAll(8);
		final double[] want = new double[H * W];
		for (int f = 0; f < 12; f++) {
			final float[] v = naive.frame(data, f);
			for (int i = 0; i < want.length; i++)
				want[i] += v[i];
		}
		for (int i = 0; i < want.length; i++)
			assertEquals(want[i], got[i], 1e-9 * Math.abs(want[i]));
	}

	/** Writes a float32 {@code [W, H]} N5 dataset in blocks of {@code block} (x, y), gzip or raw. */
	private static void writeN5(final Path container, final String name, final int[] block, final float[] values,
			final boolean gzip) throws IOException {
		final DatasetAttributes a = new DatasetAttributes(new long[] { W, H }, block, DataType.FLOAT32,
				gzip ? new GzipCompression() : new RawCompression());
		try (N5FSWriter n5 = new N5FSWriter(container.toString())) {
			n5.createDataset(name, a);
			for (int by = 0; by * block[1] < H; by++)
				for (int bx = 0; bx * block[0] < W; bx++) {
					// edge blocks truncated to the dataset, as the N5 spec allows
					final int bw = Math.min(block[0], W - bx * block[0]);
					final int bh = Math.min(block[1], H - by * block[1]);
					final float[] d = new float[bw * bh];
					for (int y = 0; y < bh; y++)
						for (int x = 0; x < bw; x++)
							d[y * bw + x] = values[(by * block[1] + y) * W + bx * block[0] + x];
					n5.writeBlock(name, a, new FloatArrayDataBlock(new int[] { bw, bh }, new long[] { bx, by }, d));
				}
		}
	}

	private static void assertMessage(final Exception e, final String... parts) {
		for (final String p : parts)
			assertTrue(e.getMessage().contains(p), "'" + p + "' in: " + e.getMessage());
	}
}
