package org.maptem.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.maptem.dataset.DType;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.TilePlan;
import org.maptem.synth.SyntheticDataset;
import org.maptem.synth.SyntheticParams;
import org.maptem.synth.SyntheticStem;
import org.maptem.udf.Results;
import org.maptem.udf.Roi;
import org.maptem.udf.com.CenterOfMassUdf;
import org.maptem.udf.masks.ApplyMasksUdf;
import org.maptem.udf.masks.FillRule;
import org.maptem.udf.masks.Mask;
import org.maptem.udf.masks.Masks;
import org.maptem.udf.masks.VirtualDetectors;
import org.maptem.udf.pick.PickFrameUdf;
import org.maptem.udf.radial.RadialProfileUdf;
import org.maptem.udf.stats.LogSumUdf;
import org.maptem.udf.stats.MaxUdf;

/**
 * The newer built-in UDFs on noisy synthetic 4D-STEM data, in one job, against naive loops over the generator's own
 * frames ({@link SyntheticStem#frame}): the same values for every partition size, tile plan (whole frames, odd frame
 * counts, row bands) and thread count, with a random ROI.
 */
class NewUdfsOnSyntheticDataTest {

	private static final int NY = 6;
	private static final int NX = 8;
	private static final int H = 32;
	private static final int W = 24;
	private static final SyntheticParams PARAMS = SyntheticParams.builder().navShape(NY, NX).sigShape(H, W)
			.dtype(DType.UINT16).seed(11).noise(true).build();
	private static final SyntheticStem STEM = new SyntheticStem(PARAMS);
	private static final Roi ROI = randomRoi();
	private static final long[] PICKS = { 0, 17, 17, 46 };
	private static final double CX = 11.25;
	private static final double CY = 16.5;

	/** partition frames, tile plan, threads. */
	record Config(int partitionFrames, TilePlan plan, int threads) {
	}

	static Stream<Config> configs() {
		return Stream.of(new Config(48, null, 1), new Config(1, new TilePlan(1, 7), 2), new Config(5, new TilePlan(3, H), 3),
				new Config(13, new TilePlan(2, 5), 2), new Config(7, new TilePlan(4, 1), 1));
	}

	@ParameterizedTest
	@MethodSource("configs")
	void resultsMatchNaiveLoopsOverTheGeneratorsFrames(final Config c) {
		final SyntheticDataset data = new SyntheticDataset(PARAMS, OpenOptions.DEFAULTS.withPartitionBytes((long) c
				.partitionFrames() * H * W * 2));
		final MaxUdf max = new MaxUdf();
		final LogSumUdf logsum = LogSumUdf.perFrameMinimum();
		final PickFrameUdf pick = PickFrameUdf.ofFrames(PICKS);
		final RadialProfileUdf radial = RadialProfileUdf.mean(CX, CY, 1.5, 14);
		final List<Mask> masks = masks();
		final ApplyMasksUdf detectors = new ApplyMasksUdf(masks);
		final ApplyMasksUdf haadf = VirtualDetectors.haadf(data.meta());
		final CenterOfMassUdf com = CenterOfMassUdf.inRing(CX, CY, 1, 9).withScanRotation(25).withFlipY(true);
		final JobResults r = new LocalExecutor(c.threads()).run(Job.of(data, max, logsum, pick, radial, detectors, haadf,
				com).withRoi(ROI).withTilePlan(c.plan()));

		final float[] frame = new float[H * W];
		final float[] maxima = new float[H * W];
		java.util.Arrays.fill(maxima, Float.NEGATIVE_INFINITY);
		final double[] logs = new double[H * W];
		final int bins = radial.bins();
		final double[] profile = new double[NY * NX * bins];
		final long[] pixels = new long[bins];
		final double[] intensity = new double[NY * NX * masks.size()];
		final double[] outer = new double[NY * NX];
		final double[] shiftX = new double[NY * NX];
		final double[] shiftY = new double[NY * NX];
		final double ro = VirtualDetectors.beyondCorners(data.meta(), (W - 1) / 2.0, (H - 1) / 2.0);
		final float[][] dense = new float[masks.size()][];
		for (int m = 0; m < dense.length; m++)
			dense[m] = masks.get(m).rasterize(H, W).toDense();
		for (int f = 0; f < NY * NX; f++) {
			if (!ROI.contains(f)) {
				java.util.Arrays.fill(profile, f * bins, (f + 1) * bins, Double.NaN);
				java.util.Arrays.fill(intensity, f * masks.size(), (f + 1) * masks.size(), Double.NaN);
				outer[f] = shiftX[f] = shiftY[f] = Double.NaN;
				continue;
			}
			STEM.frame(f, frame);
			float min = Float.POSITIVE_INFINITY;
			for (final float v : frame)
				min = Math.min(min, v);
			double s = 0, mx = 0, my = 0;
			java.util.Arrays.fill(pixels, 0);
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++) {
					final float v = frame[y * W + x];
					maxima[y * W + x] = Math.max(maxima[y * W + x], v);
					logs[y * W + x] += Math.log1p(v - min);
					final double d = Math.hypot(x - CX, y - CY);
					if (d < 14) {
						profile[f * bins + (int) (d / 1.5)] += v;
						pixels[(int) (d / 1.5)]++;
					}
					for (int m = 0; m < dense.length; m++)
						intensity[f * dense.length + m] += (double) v * dense[m][y * W + x];
					final double dc2 = (x - (W - 1) / 2.0) * (x - (W - 1) / 2.0) + (y - (H - 1) / 2.0) * (y - (H - 1) / 2.0);
					if (dc2 > 12 * 12 && dc2 <= ro * ro)
						outer[f] += v;
					final double d2 = (x - CX) * (x - CX) + (y - CY) * (y - CY);
					if (d2 > 1 && d2 <= 81) {
						s += v;
						mx += v * x;
						my += v * y;
					}
				}
			for (int b = 0; b < bins; b++)
				profile[f * bins + b] /= pixels[b];
			shiftX[f] = mx / s - CX;
			shiftY[f] = my / s - CY;
		}
		assertArrayEquals(maxima, r.get(max).buffer(MaxUdf.MAX).floats());
		assertArrayEquals(logs, r.get(logsum).buffer(LogSumUdf.LOGSUM).doubles(), 1e-9);
		final Results picked = r.get(pick);
		for (int k = 0; k < PICKS.length; k++) {
			final boolean in = ROI.contains(PICKS[k]);
			final float[] expected = new float[H * W];
			if (in)
				STEM.frame(PICKS[k], expected);
			assertArrayEquals(expected, PickFrameUdf.frame(picked, k), "pick " + k);
			assertEquals(in ? 1 : 0, picked.buffer(PickFrameUdf.PICKED).longs()[k]);
		}
		assertArrayEquals(pixels, r.get(radial).buffer(RadialProfileUdf.PIXELS).longs());
		assertArrayEquals(profile, r.get(radial).buffer(RadialProfileUdf.PROFILE).doubles(), 1e-9);
		assertArrayEquals(intensity, r.get(detectors).buffer(ApplyMasksUdf.INTENSITY).doubles(), 1e-6);
		assertArrayEquals(outer, r.get(haadf).buffer(ApplyMasksUdf.INTENSITY).doubles(), 0);
		assertArrayEquals(shiftX, r.get(com).buffer(CenterOfMassUdf.SHIFT_X).doubles(), 1e-9);
		assertArrayEquals(shiftY, r.get(com).buffer(CenterOfMassUdf.SHIFT_Y).doubles(), 1e-9);
		// field, divergence and curl are derived from the shifts alone: the same whatever the configuration
		final Config first = configs().findFirst().orElseThrow();
		if (!c.equals(first)) {
			final SyntheticDataset one = new SyntheticDataset(PARAMS);
			final JobResults ref = new LocalExecutor(1).run(Job.of(one, com).withRoi(ROI));
			for (final String b : new String[] { CenterOfMassUdf.FIELD_X, CenterOfMassUdf.FIELD_Y,
					CenterOfMassUdf.DIVERGENCE, CenterOfMassUdf.CURL })
				assertArrayEquals(ref.get(com).buffer(b).doubles(), r.get(com).buffer(b).doubles(), 1e-9, b);
		}
	}

	/** A polygon, a sparse pixel list, an x gradient within a disk and the whole-detector y gradient. */
	private static List<Mask> masks() {
		final List<Mask> m = new ArrayList<>();
		m.add(Masks.polygon(new double[] { 2, 21.5, 12, 4 }, new double[] { 3, 6, 29, 20.5 }, FillRule.EVEN_ODD));
		m.add(Masks.sparse(new int[] { 16, 16, 17, 31, 0 }, new int[] { 11, 12, 12, 23, 0 }, new float[] { 1, 1, 2,
				-0.5f, 0.25f }));
		m.add(Masks.gradientX(Masks.disk(CX, CY, 6)));
		m.add(Masks.gradientY());
		return m;
	}

	private static Roi randomRoi() {
		final boolean[] mask = new boolean[NY * NX];
		final Random r = new Random(99);
		for (int i = 0; i < mask.length; i++)
			mask[i] = r.nextInt(4) > 0;
		mask[17] = true;
		mask[46] = false;
		return Roi.of(new long[] { NY, NX }, mask);
	}
}
