package org.maptem.udf.masks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.maptem.dataset.DType;
import org.maptem.exec.JobResults;
import org.maptem.udf.ArrayDataset;
import org.maptem.udf.EngineRuns;
import org.maptem.udf.UdfException;

class VirtualDetectorsTest {

	private static final int H = 16;
	private static final int W = 12;
	private static final ArrayDataset COUNTS = ArrayDataset.counts(new long[] { 4, 5 }, H, W, 200, 9, DType.UINT16);

	@Test
	void defaultDetectorsAreDisjointZonesAroundTheCentreCoveringTheFrame() {
		final ApplyMasksUdf bf = VirtualDetectors.brightField(COUNTS.meta());
		final ApplyMasksUdf adf = VirtualDetectors.annularDarkField(COUNTS.meta());
		final ApplyMasksUdf haadf = VirtualDetectors.haadf(COUNTS.meta());
		final JobResults r = new EngineRuns(3, null, 2).run(COUNTS, null, bf, adf, haadf);
		// centre (5.5, 7.5), D = 12: BF d <= 3, ADF 3 < d <= 6, HAADF d > 6
		final double cx = 5.5;
		final double cy = 7.5;
		for (int f = 0; f < 20; f++) {
			double b = 0, a = 0, h = 0;
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++) {
					final double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
					final double v = COUNTS.value(f, y, x);
					if (d2 <= 9)
						b += v;
					else if (d2 <= 36)
						a += v;
					else
						h += v;
				}
			assertEquals(b, r.get(bf).buffer(ApplyMasksUdf.INTENSITY).doubles()[f], 0, "BF of frame " + f);
			assertEquals(a, r.get(adf).buffer(ApplyMasksUdf.INTENSITY).doubles()[f], 0, "ADF of frame " + f);
			assertEquals(h, r.get(haadf).buffer(ApplyMasksUdf.INTENSITY).doubles()[f], 0, "HAADF of frame " + f);
		}
		assertArrayEquals(new long[] { 4, 5 }, r.get(bf).buffer(ApplyMasksUdf.INTENSITY).shape());
	}

	@Test
	void explicitGeometryGivesTheSameMasksAsMasks() {
		assertEquals(Masks.disk(3, 4, 2.5), VirtualDetectors.brightField(3, 4, 2.5).masks().get(0));
		assertEquals(Masks.ring(3, 4, 2.5, 7), VirtualDetectors.annularDarkField(3, 4, 2.5, 7).masks().get(0));
		assertEquals(Masks.ring(3, 4, 7, 30), VirtualDetectors.haadf(3, 4, 7, 30).masks().get(0));
		assertThrows(UdfException.class, () -> VirtualDetectors.haadf(3, 4, 7, 7));
	}

	@Test
	void beyondCornersReachesEveryPixel() {
		for (final double[] c : new double[][] { { 5.5, 7.5 }, { 0, 0 }, { -3, 20 }, { 11, 15 } }) {
			final double ro = VirtualDetectors.beyondCorners(COUNTS.meta(), c[0], c[1]);
			assertEquals(H * W, Masks.disk(c[0], c[1], ro).rasterize(H, W).pixelCount(), java.util.Arrays.toString(c));
		}
	}
}
