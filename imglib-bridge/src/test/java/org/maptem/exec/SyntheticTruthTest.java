package org.maptem.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.TilePlan;
import org.maptem.synth.SyntheticDataset;
import org.maptem.synth.SyntheticParams;
import org.maptem.synth.SyntheticStem;
import org.maptem.udf.Results;
import org.maptem.udf.com.CenterOfMassUdf;
import org.maptem.udf.masks.ApplyMasksUdf;
import org.maptem.udf.masks.Masks;
import org.maptem.udf.stats.SumSigUdf;

/**
 * Built-in UDFs on the synthetic 4D-STEM model (shifted bright-field disk, Bragg disks, annulus over a checkerboard of
 * atoms, no noise) give the model's analytic values, evaluated by the generator from its definition.
 */
class SyntheticTruthTest {

	@Test
	void virtualDetectorsAndCentreOfMassMatchTheModel() {
		final SyntheticParams p = SyntheticParams.builder().navShape(6, 10).sigShape(64, 64).seed(3).build();
		final SyntheticStem stem = new SyntheticStem(p);
		final double[] c0 = stem.detectorCentre();
		final double cy = c0[0];
		final double cx = c0[1];
		final double ri = p.ringInner();
		final double ro = p.ringOuter();
		final double rDisk = p.bfRadius() + 3;
		final SumSigUdf total = new SumSigUdf();
		final ApplyMasksUdf detectors = ApplyMasksUdf.of(Masks.disk(cx, cy, rDisk), Masks.ring(cx, cy, ri, ro));
		final CenterOfMassUdf com = CenterOfMassUdf.inDisk(cx, cy, rDisk);
		final SyntheticDataset data = new SyntheticDataset(p, OpenOptions.DEFAULTS.withPartitionBytes(7 * 64 * 64 * 2));
		final JobResults r = new LocalExecutor(2).run(Job.of(data, total, detectors, com).withTilePlan(new TilePlan(3, 64)));
		final double[] comMask = new double[64 * 64];
		for (int y = 0; y < 64; y++)
			for (int x = 0; x < 64; x++)
				comMask[y * 64 + x] = (y - cy) * (y - cy) + (x - cx) * (x - cx) <= rDisk * rDisk ? 1 : 0;
		final Results m = r.get(detectors);
		final Results c = r.get(com);
		for (int f = 0; f < stem.frameCount(); f++) {
			assertEquals(stem.expectedTotal(f), r.get(total).buffer(SumSigUdf.INTENSITY).doubles()[f], 0, "frame " + f);
			assertEquals(stem.expectedDiskSum(f, cy, cx, rDisk), m.buffer(ApplyMasksUdf.INTENSITY).doubles()[2 * f], 0);
			assertEquals(stem.expectedRingSum(f, cy, cx, ri, ro), m.buffer(ApplyMasksUdf.INTENSITY).doubles()[2 * f + 1], 0);
			final double[] centre = stem.expectedCentreOfMass(f, comMask);
			assertEquals(centre[1] - cx, c.buffer(CenterOfMassUdf.SHIFT_X).doubles()[f], 1e-9, "frame " + f);
			assertEquals(centre[0] - cy, c.buffer(CenterOfMassUdf.SHIFT_Y).doubles()[f], 1e-9, "frame " + f);
		}
	}
}
