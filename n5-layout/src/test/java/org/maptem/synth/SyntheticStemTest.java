package org.maptem.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.maptem.dataset.DType;
import org.maptem.frames.TileDecoder;

/**
 * The generator against the model re-implemented naively in {@link NaiveModel}, and the analytic virtual-detector
 * results against pixel counts taken by the test's own loops.
 */
class SyntheticStemTest {

	/** Frames sampled across the scan: corners, interior, both atom colours, several shift phases. */
	private static final long[] FRAMES = { 0, 1, 6, 13, 22, 31, 44 };

	/**
	 * A non-square detector with sub-pixel shifts and an oblique lattice, so axis mix-ups and rounding show. The
	 * disk detector of radius {@link #R_BF} around the detector centre holds the central disk at every shift and no
	 * other region; no disk reaches the annulus.
	 */
	static SyntheticParamsBuilder oblique() {
		return SyntheticParams.builder().navShape(5, 9).sigShape(72, 80).background(3).brightField(6.3, 50)
				.shift(1.7, -2.3, 7).bragg(2, 11, 1).lattice(new double[] { 2.5, 15.3 }, new double[] { 15.1, -3.05 })
				.ring(28, 35).ringValues(7, 1).atomCell(2);
	}

	/** Radius of a disk detector covering the central disk at every shift: radius + shift amplitude + margin. */
	static final double R_BF = 6.3 + Math.hypot(1.6875, 2.3125) + 0.5;

	/** Frame {@code f} as a reader sees it: encoded in the dtype, decoded by MapTEM's tile decoder. */
	private static void stored(final SyntheticStem stem, final long f, final float[] dst) {
		final ByteBuffer b = ByteBuffer.allocate((int) stem.frameBytes()).order(ByteOrder.BIG_ENDIAN);
		stem.encode(f, b);
		new TileDecoder().decode(b, 0, dst.length, stem.params().dtype(), dst, 0);
	}

	/** The values as longs; each must be a whole count. */
	private static long[] asLongs(final float[] v) {
		final double[] d = new double[v.length];
		for (int i = 0; i < v.length; i++)
			d[i] = v[i];
		return asLongs(d);
	}

	private static long[] asLongs(final double[] v) {
		final long[] out = new long[v.length];
		for (int i = 0; i < v.length; i++) {
			out[i] = (long) v[i];
			if (out[i] != v[i])
				throw new AssertionError("pixel " + i + " holds " + v[i] + ", not a whole count");
		}
		return out;
	}

	@ParameterizedTest
	@EnumSource(DType.class)
	void framesWithoutNoiseEqualTheNaiveModelForEveryDtype(final DType type) {
		// second-order Bragg disks: some cropped at the detector edge, some on the annulus
		final SyntheticParams p = oblique().bragg(2, 11, 2).dtype(type).build();
		final SyntheticStem stem = new SyntheticStem(p);
		final NaiveModel naive = new NaiveModel(p);
		final float[] f32 = new float[72 * 80];
		final double[] f64 = new double[72 * 80];
		final int[] counts = new int[72 * 80];
		for (final long f : FRAMES) {
			final long[] expected = naive.meanFrame(f);
			stem.frame(f, f32);
			stem.frame(f, f64);
			stem.counts(f, counts);
			assertArrayEquals(expected, asLongs(f32), "frame " + f + " as float");
			assertArrayEquals(expected, asLongs(f64), "frame " + f + " as double");
			assertArrayEquals(expected, java.util.Arrays.stream(counts).asLongStream().toArray(), "frame " + f + " as counts");
		}
	}

	@Test
	void scanPositionFollowsTheLastTwoNavAxesForOneTwoAndThreeAxes() {
		for (final long[] nav : new long[][] { { 30 }, { 6, 5 }, { 3, 4, 5 } }) {
			final SyntheticParams p = oblique().navShape(nav).build();
			final SyntheticStem stem = new SyntheticStem(p);
			final NaiveModel naive = new NaiveModel(p);
			final float[] frame = new float[72 * 80];
			for (long f = 0; f < p.frameCount(); f += 7) {
				stem.frame(f, frame);
				assertArrayEquals(naive.meanFrame(f), asLongs(frame), "nav " + java.util.Arrays.toString(nav) + " frame " + f);
				assertArrayEquals(naive.centre(f), stem.diskCentre(f), "centre of frame " + f);
				assertEquals(naive.atom(f), stem.onAtom(f), "atom at frame " + f);
			}
		}
	}

	@Test
	void shiftFieldIsTheDocumentedSineAndCosineOnASixteenthPixelGrid() {
		final SyntheticParams p = oblique().navShape(7, 7).build();
		assertEquals(1.6875, p.shiftAmplitude()[0], 0.0, "1.7 rounded to 1/16");
		assertEquals(-2.3125, p.shiftAmplitude()[1], 0.0, "-2.3 rounded to 1/16");
		final SyntheticStem stem = new SyntheticStem(p);
		final Set<Double> dxs = new HashSet<>();
		for (long f = 0; f < 49; f++) {
			final long y = f / 7;
			final long x = f % 7;
			final double dy = Math.rint(16 * 1.6875 * StrictMath.cos(2 * Math.PI * y / 7)) / 16;
			final double dx = Math.rint(16 * -2.3125 * StrictMath.sin(2 * Math.PI * x / 7)) / 16;
			assertArrayEquals(new double[] { dy, dx }, stem.shift(f), 0.0, "shift of frame " + f);
			assertEquals(dy * 16, Math.rint(dy * 16), 0.0);
			dxs.add(dx);
		}
		assertEquals(7, dxs.size(), "seven scan columns of one period have seven different shifts");
	}

	@ParameterizedTest
	@EnumSource(value = DType.class, names = { "UINT8", "INT16", "UINT12_PACKED", "FLOAT32" })
	void frameTotalIsTheClosedFormOfRegionPixelCounts(final DType type) {
		final SyntheticParams p = oblique().dtype(type).build();
		final SyntheticStem stem = new SyntheticStem(p);
		final NaiveModel naive = new NaiveModel(p);
		final float[] frame = new float[72 * 80];
		for (final long f : FRAMES) {
			long nBf = 0;
			long nBragg = 0;
			long nRing = 0;
			for (int y = 0; y < 72; y++)
				for (int x = 0; x < 80; x++) {
					nBf += naive.inCentralDisk(f, y, x) ? 1 : 0;
					nBragg += naive.braggCover(f, y, x);
					nRing += naive.inRing(y, x) ? 1 : 0;
				}
			final double expected = 3.0 * 72 * 80 + 50 * nBf + 11 * nBragg + naive.ringValue(f) * nRing;
			stored(stem, f, frame);
			double sum = 0;
			for (final float v : frame)
				sum += v;
			assertEquals(expected, sum, 0.0, "sum of frame " + f);
			assertEquals(expected, stem.expectedTotal(f), 0.0, "expected total of frame " + f);
			assertTrue(nBf > 100 && nBragg > 0 && nRing > 100, "every region is on the detector");
		}
	}

	@ParameterizedTest
	@EnumSource(value = DType.class, names = { "UINT8", "INT16", "UINT12_PACKED", "FLOAT32" })
	void brightFieldDiskDetectorSumsToValueTimesDiskPixels(final DType type) {
		final SyntheticParams p = oblique().background(0).navShape(7, 7).dtype(type).build();
		final SyntheticStem stem = new SyntheticStem(p);
		final NaiveModel naive = new NaiveModel(p);
		final double cy = 35.5;
		final double cx = 39.5;
		final double r = R_BF;
		final float[] frame = new float[72 * 80];
		final Set<Long> sizes = new HashSet<>();
		for (long f = 0; f < 49; f++) {
			long nBf = 0;
			double sum = 0;
			stored(stem, f, frame);
			for (int y = 0; y < 72; y++)
				for (int x = 0; x < 80; x++) {
					final boolean inMask = NaiveModel.inDisk(y, x, cy, cx, r);
					assertFalse(inMask && (naive.braggCover(f, y, x) > 0 || naive.inRing(y, x)), "mask holds only the disk");
					if (naive.inCentralDisk(f, y, x)) {
						assertTrue(inMask, "mask covers the shifted disk of frame " + f);
						nBf++;
					}
					if (inMask)
						sum += frame[y * 80 + x];
				}
			assertEquals(50.0 * nBf, sum, 0.0, "bright-field signal of frame " + f);
			assertEquals(50.0 * nBf, stem.expectedDiskSum(f, cy, cx, r), 0.0, "expected bright field of frame " + f);
			sizes.add(nBf);
		}
		assertTrue(sizes.size() > 1, "sub-pixel shifts change the number of disk pixels: " + sizes);
	}

	@ParameterizedTest
	@EnumSource(value = DType.class, names = { "UINT8", "INT16", "UINT12_PACKED", "FLOAT32" })
	void annularDetectorSeesTheAtomCheckerboard(final DType type) {
		final SyntheticParams p = oblique().navShape(6, 6).dtype(type).build();
		final SyntheticStem stem = new SyntheticStem(p);
		final NaiveModel naive = new NaiveModel(p);
		long nRing = 0;
		for (int y = 0; y < 72; y++)
			for (int x = 0; x < 80; x++)
				nRing += naive.inRing(y, x) ? 1 : 0;
		final float[] frame = new float[72 * 80];
		for (long f = 0; f < 36; f++) {
			stored(stem, f, frame);
			double sum = 0;
			for (int y = 0; y < 72; y++)
				for (int x = 0; x < 80; x++) {
					assertFalse(naive.inRing(y, x) && (naive.inCentralDisk(f, y, x) || naive.braggCover(f, y, x) > 0),
							"no disk reaches the annulus in this geometry");
					if (naive.inRing(y, x))
						sum += frame[y * 80 + x];
				}
			final boolean atom = ((f / 6) / 2 + (f % 6) / 2) % 2 == 0;
			final double expected = (3 + (atom ? 7 : 1)) * (double) nRing;
			assertEquals(expected, sum, 0.0, "annular signal at scan position " + f / 6 + "," + f % 6);
			assertEquals(expected, stem.expectedRingSum(f, 35.5, 39.5, 28, 35), 0.0, "expected annular signal");
		}
	}

	@ParameterizedTest
	@EnumSource(value = DType.class, names = { "UINT8", "INT16", "UINT12_PACKED", "FLOAT32" })
	void centreOfMassOfTheCentralDiskIsItsPixelCentroid(final DType type) {
		final SyntheticParams p = oblique().background(0).navShape(7, 7).dtype(type).build();
		final SyntheticStem stem = new SyntheticStem(p);
		final NaiveModel naive = new NaiveModel(p);
		final double r = R_BF;
		final float[] frame = new float[72 * 80];
		for (long f = 0; f < 49; f++) {
			stored(stem, f, frame);
			double s = 0;
			double sy = 0;
			double sx = 0;
			for (int y = 0; y < 72; y++)
				for (int x = 0; x < 80; x++)
					if (NaiveModel.inDisk(y, x, 35.5, 39.5, r)) {
						final double v = frame[y * 80 + x];
						s += v;
						sy += v * y;
						sx += v * x;
					}
			final double[] com = { sy / s, sx / s };
			assertArrayEquals(com, stem.expectedCentreOfMass(f), 1e-12, "centroid of frame " + f);
			assertArrayEquals(naive.centre(f), com, 0.2, "centroid lies at the disk centre up to pixelisation, frame " + f);
		}
	}

	@Test
	void expectedMaskSumAndCentreOfMassMatchANaiveWeightedLoop() {
		final SyntheticParams p = oblique().noise(true).seed(3).build();
		final SyntheticStem stem = new SyntheticStem(p);
		final NaiveModel naive = new NaiveModel(p);
		final Random random = new Random(11);
		final double[] mask = new double[72 * 80];
		for (int i = 0; i < mask.length; i++)
			mask[i] = random.nextDouble();
		for (final long f : FRAMES) {
			final long[] mean = naive.meanFrame(f);
			double s = 0;
			double sy = 0;
			double sx = 0;
			for (int i = 0; i < mask.length; i++) {
				s += mask[i] * mean[i];
				sy += mask[i] * mean[i] * (i / 80);
				sx += mask[i] * mean[i] * (i % 80);
			}
			assertEquals(s, stem.expectedMaskSum(f, mask), 1e-9 * s, "weighted sum of frame " + f);
			assertArrayEquals(new double[] { sy / s, sx / s }, stem.expectedCentreOfMass(f, mask), 1e-9,
					"weighted centre of mass of frame " + f);
		}
	}
}
