package org.maptem.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.janelia.saalfeldlab.n5.DatasetAttributes;
import org.janelia.saalfeldlab.n5.N5FSReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maptem.dataset.DType;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.Tile;
import org.maptem.formats.npy.NpyDataset;
import org.maptem.formats.npy.NpyHeader;
import org.maptem.formats.npy.NpyWriter;
import org.maptem.frames.FrameSource;
import org.maptem.ingest.Ingest;
import org.maptem.ingest.IngestOptions;
import org.maptem.synth.SyntheticDataset;
import org.maptem.synth.SyntheticParams;
import org.maptem.synth.SyntheticStem;
import org.maptem.udf.masks.ApplyMasksUdf;
import org.maptem.udf.masks.Masks;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.IJ;
import ij.ImagePlus;
import ij.process.FloatProcessor;

/**
 * {@code maptem run} on a small ingested synthetic container: every output format holds the values of a naive loop
 * over the frames, named buffers and ROIs are honoured, and every kind of mistake exits non-zero naming the culprit.
 * The analyses are the built-in ones, found by name as users find them.
 */
class RunCommandTest {

	/** 5 × 7 scan of 32 × 32 uint16 frames, scan step 0.5 nm, detector pixel 0.25 mrad (the generator's defaults). */
	static final SyntheticParams PARAMS = SyntheticParams.builder().navShape(5, 7).sigShape(32, 32).build();
	static final int H = 32;
	static final int W = 32;
	static final int FRAMES = 35;
	static final double CX = 15.5;
	static final double CY = 15.5;
	static final double R = 6;

	@TempDir
	static Path shared;
	static Path container;
	/** The frames, exactly as stored (no noise): {@code frames[f][y * W + x]}. */
	static float[][] frames;

	record Result(int code, String out, String err) {
	}

	@BeforeAll
	static void ingest() {
		System.setProperty("java.awt.headless", "true");
		container = shared.resolve("scan.n5");
		// 8-frame partitions: 5 partitions, the last one short
		try (SyntheticDataset d = new SyntheticDataset(PARAMS, OpenOptions.DEFAULTS.withPartitionBytes(8 * H * W * 2))) {
			Ingest.run(d, container, IngestOptions.DEFAULTS.withPartitionBytes(8 * H * W * 2));
		}
		final SyntheticStem stem = new SyntheticStem(PARAMS);
		frames = new float[FRAMES][H * W];
		for (int f = 0; f < FRAMES; f++)
			stem.frame(f, frames[f]);
	}

	static Result run(final String... args) {
		final StringWriter out = new StringWriter();
		final StringWriter err = new StringWriter();
		final int code = MaptemCli.run(args, new PrintWriter(out), new PrintWriter(err));
		return new Result(code, out.toString(), err.toString());
	}

	static boolean inDisk(final int x, final int y) {
		return (x - CX) * (x - CX) + (y - CY) * (y - CY) <= R * R;
	}

	/** Naive disk sum of frame {@code f}. */
	static double diskSum(final int f) {
		double s = 0;
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				if (inDisk(x, y))
					s += frames[f][y * W + x];
		return s;
	}

	/** Naive centre of mass {@code [x, y]} of frame {@code f} in the disk, as a shift from the disk centre. */
	static double[] comShift(final int f) {
		double s = 0;
		double sx = 0;
		double sy = 0;
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				if (inDisk(x, y)) {
					s += frames[f][y * W + x];
					sx += x * frames[f][y * W + x];
					sy += y * frames[f][y * W + x];
				}
		return new double[] { sx / s - CX, sy / s - CY };
	}

	static double[] npy(final Path file) {
		final long[] shape = NpyHeader.read(file).shape();
		try (NpyDataset d = NpyDataset.open(file, OpenOptions.DEFAULTS); FrameSource s = d.open(d.partitions().get(0))) {
			final int n = (int) d.meta().frameCount();
			final double[] v = new double[n * d.meta().framePixels()];
			s.read(new Tile(0, n, 0, d.meta().sigHeight(), d.meta().sigWidth()), v);
			assertEquals(v.length, java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b));
			return v;
		}
	}

	String[] disk(final String... more) {
		final List<String> a = new java.util.ArrayList<>(List.of("run", container.toString(), "disk", "cx=" + CX, "cy=" + CY,
				"r=" + R, "--threads", "2"));
		a.addAll(List.of(more));
		return a.toArray(String[]::new);
	}

	@Test
	void runWritesEveryFormatWithTheValuesOfANaiveLoop(@TempDir final Path dir) throws Exception {
		final Result r = run(disk("-o", dir + "/bf.tif", "-o", dir + "/bf.png", "-o", dir + "/bf.npy", "-o", dir + "/bf.n5",
				"-o", dir + "/bf.csv"));
		assertEquals(0, r.code(), r.err());
		assertTrue(r.out().contains("MiB/s") && r.out().contains(dir + "/bf.tif") && r.out().contains(dir + "/bf.n5/intensity"),
				r.out());
		assertTrue(r.err().contains("5/5"), "progress bar counts the 5 partitions: " + r.err());
		// one mask: NumPy shape [5, 7] plus the extra shape ApplyMasksUdf declares for it ([1], or none)
		final int[] extra = ApplyMasksUdf.of(Masks.disk(CX, CY, R)).buffers(PARAMS.meta()).get(0).extraShape();
		final long[] shape = java.util.stream.LongStream.concat(java.util.stream.LongStream.of(5, 7),
				java.util.Arrays.stream(extra).asLongStream()).toArray();
		assertArrayEquals(shape, NpyHeader.read(dir.resolve("bf.npy")).shape());
		final double[] npy = npy(dir.resolve("bf.npy"));
		final ImagePlus tif = IJ.openImage(dir.resolve("bf.tif").toString());
		final List<String> csv = Files.readAllLines(dir.resolve("bf.csv"));
		assertEquals(extra.length == 0 ? "y,x,intensity" : "y,x,intensity[0]", csv.get(0));
		final double[] n5;
		try (N5FSReader reader = new N5FSReader(dir.resolve("bf.n5").toString())) {
			final DatasetAttributes a = reader.getDatasetAttributes("intensity");
			final long[] dims = new long[shape.length];
			for (int i = 0; i < shape.length; i++)
				dims[i] = shape[shape.length - 1 - i];
			assertArrayEquals(dims, a.getDimensions());
			n5 = (double[]) reader.readBlock("intensity", a, new long[shape.length]).getData();
			final double[] resolution = reader.getAttribute("intensity", "resolution", double[].class);
			assertArrayEquals(new double[] { 0.5, 0.5 },
					java.util.Arrays.copyOfRange(resolution, extra.length, resolution.length), 0);
		}
		assertEquals(7, tif.getWidth());
		assertEquals(5, tif.getHeight());
		assertEquals(0.5, tif.getCalibration().pixelWidth, 0);
		assertEquals("nm", tif.getCalibration().getUnit());
		for (int f = 0; f < FRAMES; f++) {
			final double expected = diskSum(f);
			assertEquals(expected, npy[f], 0, "npy frame " + f);
			assertEquals(expected, n5[f], 0, "n5 frame " + f);
			assertEquals((float) expected, tif.getProcessor().getf(f % 7, f / 7), 0, "tif frame " + f);
			final String[] row = csv.get(f + 1).split(",");
			assertEquals(List.of(Integer.toString(f / 7), Integer.toString(f % 7)), List.of(row[0], row[1]));
			assertEquals(expected, Double.parseDouble(row[2]), 0, "csv frame " + f);
		}
		final BufferedImage png = ImageIO.read(dir.resolve("bf.png").toFile());
		assertEquals(7, png.getWidth());
		assertEquals(5, png.getHeight());
		for (final String f : List.of("bf.tif", "bf.png", "bf.npy", "bf.csv")) {
			final JsonObject o = JsonParser.parseString(Files.readString(dir.resolve(f + ".json"))).getAsJsonObject();
			assertEquals("disk", o.getAsJsonObject("udf").get("name").getAsString(), f);
			assertEquals("6.0", o.getAsJsonObject("udf").getAsJsonObject("parameters").get("r").getAsString(), f);
			assertEquals(container.toAbsolutePath().toString(), o.getAsJsonObject("dataset").get("path").getAsString(), f);
		}
	}

	@Test
	void namedOutputsPickTheirBuffersAndPlainOnesTheMainBuffer(@TempDir final Path dir) {
		final Result r = run("run", container.toString(), "com", "cx=" + CX, "cy=" + CY, "r=" + R, "-o",
				"shift_x=" + dir + "/cx.npy", "-o", "shiftY=" + dir + "/cy.npy", "-o", dir + "/m.npy", "--quiet");
		assertEquals(0, r.code(), r.err());
		assertEquals("", r.err(), "--quiet draws no bar");
		final double[] cx = npy(dir.resolve("cx.npy"));
		final double[] cy = npy(dir.resolve("cy.npy"));
		final double[] m = npy(dir.resolve("m.npy"));
		for (int f = 0; f < FRAMES; f++) {
			final double[] s = comShift(f);
			assertEquals(s[0], cx[f], 1e-9, "shift x of frame " + f);
			assertEquals(s[1], cy[f], 1e-9, "shift y of frame " + f);
			assertEquals(Math.hypot(s[0], s[1]), m[f], 1e-9, "magnitude of frame " + f);
		}
	}

	@Test
	void roiRestrictsTheJobToTheMasksPositions(@TempDir final Path dir) throws Exception {
		final byte[] mask = new byte[FRAMES];
		final int[] inside = { 0, 8, 20, 34 };
		for (final int f : inside)
			mask[f] = 1;
		NpyWriter.write(dir.resolve("roi.npy"), DType.UINT8, new long[] { 5, 7 }, mask);
		final Result r = run(disk("roi=" + dir + "/roi.npy", "-o", dir + "/bf.npy"));
		assertEquals(0, r.code(), r.err());
		assertTrue(r.out().contains(" 4 frames"), r.out());
		final double[] v = npy(dir.resolve("bf.npy"));
		for (int f = 0; f < FRAMES; f++)
			if (mask[f] != 0)
				assertEquals(diskSum(f), v[f], 0, "frame " + f);
			else
				assertTrue(Double.isNaN(v[f]), "frame " + f + " outside the ROI");
		final JsonObject o = JsonParser.parseString(Files.readString(dir.resolve("bf.npy.json"))).getAsJsonObject();
		assertTrue(o.get("roi").getAsString().contains("4 of 35"), o.get("roi").toString());
	}

	@Test
	void detectorShapedResultIsSavedInDetectorUnits(@TempDir final Path dir) {
		final Result r = run("run", container.toString(), "sum", "-o", dir + "/sum.tif", "--quiet");
		assertEquals(0, r.code(), r.err());
		final ImagePlus tif = IJ.openImage(dir.resolve("sum.tif").toString());
		assertEquals(W, tif.getWidth());
		assertEquals(H, tif.getHeight());
		assertEquals(0.25, tif.getCalibration().pixelWidth, 0);
		assertEquals("mrad", tif.getCalibration().getUnit());
		for (final int i : new int[] { 0, 17 * W + 3, H * W - 1 }) {
			double s = 0;
			for (int f = 0; f < FRAMES; f++)
				s += frames[f][i];
			assertEquals((float) s, tif.getProcessor().getf(i), 0, "pixel " + i);
		}
	}

	@Test
	void darkAndGainCorrectEveryFrameBeforeTheAnalysis(@TempDir final Path dir) throws Exception {
		final float[] ones = new float[H * W];
		java.util.Arrays.fill(ones, 1);
		NpyWriter.write(dir.resolve("dark.npy"), new long[] { H, W }, ones);
		final float[] twos = new float[H * W];
		java.util.Arrays.fill(twos, 2);
		IJ.saveAsTiff(new ImagePlus("gain", new FloatProcessor(W, H, twos)), dir.resolve("gain.tif").toString());
		final Result r = run(disk("dark=" + dir + "/dark.npy", "gain=" + dir + "/gain.tif", "-o", dir + "/bf.npy", "--quiet"));
		assertEquals(0, r.code(), r.err());
		final double[] v = npy(dir.resolve("bf.npy"));
		for (int f = 0; f < FRAMES; f++) {
			double s = 0;
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++)
					if (inDisk(x, y))
						s += (frames[f][y * W + x] - 1) * 2;
			assertEquals(s, v[f], 0, "frame " + f);
		}
		final JsonObject o = JsonParser.parseString(Files.readString(dir.resolve("bf.npy.json"))).getAsJsonObject();
		assertEquals(dir.resolve("dark.npy").toAbsolutePath().toString(),
				o.getAsJsonObject("corrections").get("dark").getAsString());
		assertTrue(o.getAsJsonObject("corrections").has("gain"));
	}

	@Test
	void excludedPixelIsReplacedByTheMeanOfItsNeighbours(@TempDir final Path dir) {
		// a dark frame that makes pixel (3, 5) hot, and a mask that excludes it
		final int hot = 3 * W + 5;
		final float[] dark = new float[H * W];
		dark[hot] = -1000;
		NpyWriter.write(dir.resolve("dark.npy"), new long[] { H, W }, dark);
		final byte[] mask = new byte[H * W];
		mask[hot] = 1;
		NpyWriter.write(dir.resolve("hot.npy"), DType.UINT8, new long[] { H, W }, mask);
		final Result r = run("run", container.toString(), "sum", "dark=" + dir + "/dark.npy", "excluded=" + dir + "/hot.npy",
				"-o", dir + "/sum.npy", "--quiet");
		assertEquals(0, r.code(), r.err());
		final double[] sum = npy(dir.resolve("sum.npy"));
		final double[] naive = new double[H * W];
		for (int f = 0; f < FRAMES; f++)
			for (int i = 0; i < H * W; i++)
				naive[i] += frames[f][i];
		double neighbours = 0;
		for (int dy = -1; dy <= 1; dy++)
			for (int dx = -1; dx <= 1; dx++)
				if (dy != 0 || dx != 0)
					neighbours += naive[hot + dy * W + dx];
		assertEquals(neighbours / 8, sum[hot], 1e-3);
		assertEquals(naive[hot + 2], sum[hot + 2], 0, "other pixels keep their values");
	}

	@Test
	void correctionOfTheWrongShapeOrFormatFailsNamingIt(@TempDir final Path dir) throws Exception {
		NpyWriter.write(dir.resolve("dark.npy"), new long[] { 16, 16 }, new float[256]);
		assertFails(run(disk("dark=" + dir + "/dark.npy", "-o", dir + "/x.tif")), "dark", "32");
		final Path text = Files.writeString(dir.resolve("gain.txt"), "2");
		assertFails(run(disk("gain=" + text, "-o", dir + "/x.tif")), text.toString());
		assertFalse(Files.exists(dir.resolve("x.tif")));
	}

	@Test
	void helpListsTheInstalledAnalysesWithTheirParameters() {
		final Result r = run("run", "--help");
		assertEquals(0, r.code(), r.err());
		assertTrue(r.out().contains("  disk  [cx cy r]: virtual detector summing a disk"), r.out());
		assertTrue(r.out().contains("[main result: intensity]"), r.out());
		assertTrue(r.out().contains("  com  [cx cy r"), r.out());
	}

	static void assertFails(final Result r, final String... named) {
		assertTrue(r.code() != 0, "exit code " + r.code());
		for (final String n : named)
			assertTrue(r.err().contains(n), "error names '" + n + "': " + r.err());
	}

	@Test
	void unknownAnalysisFailsNamingItAndTheKnownOnes(@TempDir final Path dir) {
		assertFails(run("run", container.toString(), "no-such-udf", "-o", dir + "/x.tif"), "no-such-udf", "disk", "com");
	}

	@Test
	void badParametersFailNamingTheParameter(@TempDir final Path dir) {
		assertFails(run(disk("r2=3", "-o", dir + "/x.tif")), "r2");
		assertFails(run("run", container.toString(), "disk", "cx=1", "cy=2", "r=wide", "-o", dir + "/x.tif"), "'r'",
				"wide");
		assertFails(run(disk("radius", "-o", dir + "/x.tif")), "'radius'", "KEY=VALUE");
		assertFails(run("run", container.toString(), "disk", "cx=1", "cy=2", "r=3"), "-o");
		assertFalse(Files.exists(dir.resolve("x.tif")));
	}

	@Test
	void roiOfTheWrongShapeFailsNamingTheFileAndBothShapes(@TempDir final Path dir) {
		NpyWriter.write(dir.resolve("roi.npy"), DType.UINT8, new long[] { 7, 5 }, new byte[FRAMES]);
		assertFails(run(disk("roi=" + dir + "/roi.npy", "-o", dir + "/x.tif")), dir + "/roi.npy", "[5, 7]", "[7, 5]");
		assertFalse(Files.exists(dir.resolve("x.tif")));
	}

	@Test
	void unknownExtensionOrBufferFailsBeforeAnythingRuns(@TempDir final Path dir) {
		final Result bad = run(disk("-o", dir + "/bf.tif", "-o", dir + "/bf.jpg"));
		assertFails(bad, dir + "/bf.jpg", "'.jpg'", ".tif");
		assertFalse(Files.exists(dir.resolve("bf.tif")), "nothing saved when one output is wrong");
		assertFails(run(disk("-o", "nothing=" + dir + "/n.tif")), "nothing", "intensity");
		assertFalse(Files.exists(dir.resolve("n.tif")));
	}
}
