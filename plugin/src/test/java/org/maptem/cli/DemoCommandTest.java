package org.maptem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maptem.exec.Job;
import org.maptem.exec.JobResults;
import org.maptem.exec.LocalExecutor;
import org.maptem.synth.SyntheticDataset;
import org.maptem.synth.SyntheticParams;
import org.maptem.synth.SyntheticStem;
import org.maptem.udf.com.CenterOfMassUdf;
import org.maptem.udf.masks.ApplyMasksUdf;
import org.maptem.udf.masks.Masks;

import ij.IJ;
import ij.ImagePlus;

/** {@code maptem demo} runs the whole pipeline headless, writes its images and agrees with the analytic model. */
class DemoCommandTest {

	@BeforeAll
	static void headless() {
		System.setProperty("java.awt.headless", "true");
	}

	@Test
	void demoOfEightMiBExitsZeroAndWritesCalibratedImagesMatchingTheModel(@TempDir final Path dir) {
		final StringWriter out = new StringWriter();
		final StringWriter err = new StringWriter();
		final int code = MaptemCli.run(new String[] { "demo", "--size-mib", "8", "--dir", dir.toString(), "--threads", "2" },
				new PrintWriter(out), new PrintWriter(err));
		assertEquals(0, code, err.toString());
		assertTrue(out.toString().contains("match the analytic values"), out.toString());
		assertTrue(out.toString().contains("MiB/s"), out.toString());
		assertTrue(err.toString().contains("analyse") && err.toString().contains("100%"), "live progress: " + err);
		for (final String name : List.of("bright_field", "haadf", "com_shift_x", "com_shift_y"))
			for (final String ext : List.of(".tif", ".png", ".tif.json", ".png.json"))
				assertTrue(Files.isRegularFile(dir.resolve(name + ext)), name + ext);
		assertTrue(Files.isDirectory(dir.resolve("demo.n5/data")));
		// 8 MiB of 32 KiB frames: a 16 × 16 scan, scan step 0.5 nm
		final ImagePlus haadf = IJ.openImage(dir.resolve("haadf.tif").toString());
		assertEquals(16, haadf.getWidth());
		assertEquals(16, haadf.getHeight());
		assertEquals(0.5, haadf.getCalibration().pixelWidth, 0);
		assertEquals("nm", haadf.getCalibration().getUnit());
		// HAADF is the atom checkerboard: brighter on atoms, as the model says
		final SyntheticStem stem = new SyntheticStem(SyntheticParams.builder().navShape(16, 16).build());
		final double atom = haadf.getProcessor().getf(0);
		for (int f = 0; f < 256; f++)
			assertEquals(stem.onAtom(f), haadf.getProcessor().getf(f) == atom, "scan position " + f);
	}

	@Test
	void checkFlagsTheFirstScanPositionThatDiffersFromTheModel() {
		final SyntheticParams p = SyntheticParams.builder().navShape(4, 6).sigShape(64, 64).build();
		final DemoDetectors det = DemoDetectors.of(p);
		final ApplyMasksUdf bf = ApplyMasksUdf.of(Masks.disk(det.cx(), det.cy(), det.bfRadius()));
		final ApplyMasksUdf haadf = ApplyMasksUdf.of(Masks.ring(det.cx(), det.cy(), det.ringInner(), det.ringOuter()));
		final CenterOfMassUdf com = CenterOfMassUdf.inDisk(det.cx(), det.cy(), det.bfRadius());
		final JobResults r = new LocalExecutor(2).run(Job.of(new SyntheticDataset(p), bf, haadf, com));
		final double[] b = r.get(bf).buffer(ApplyMasksUdf.INTENSITY).doubles();
		final double[] h = r.get(haadf).buffer(ApplyMasksUdf.INTENSITY).doubles();
		final double[] x = r.get(com).buffer(CenterOfMassUdf.SHIFT_X).doubles();
		final double[] y = r.get(com).buffer(CenterOfMassUdf.SHIFT_Y).doubles();
		assertTrue(DemoCheck.of(p, det, b, h, x, y).ok());
		y[13] += 1e-3;
		final DemoCheck wrong = DemoCheck.of(p, det, b, h, x, y);
		assertFalse(wrong.ok());
		assertTrue(wrong.summary().contains("scan position 13"), wrong.summary());
		y[13] -= 1e-3;
		b[5] += 1;
		assertTrue(DemoCheck.of(p, det, b, h, x, y).summary().contains("scan position 5"));
	}

	@Test
	void demoRejectsANonPositiveSize(@TempDir final Path dir) {
		final StringWriter err = new StringWriter();
		final int code = MaptemCli.run(new String[] { "demo", "--size-mib", "0", "--dir", dir.toString() },
				new PrintWriter(new StringWriter()), new PrintWriter(err));
		assertEquals(1, code);
		assertTrue(err.toString().contains("--size-mib"), err.toString());
	}
}
