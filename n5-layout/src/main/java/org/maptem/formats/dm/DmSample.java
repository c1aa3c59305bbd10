package org.maptem.formats.dm;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.maptem.bench.FormatSample;
import org.maptem.bench.SampleScan;
import org.maptem.dataset.DType;
import org.maptem.formats.dm.DmBytes.Num;
import org.maptem.formats.dm.DmBytes.Streamed;
import org.maptem.synth.SyntheticParams;
import org.maptem.synth.SyntheticStem;

/**
 * A Gatan DM3 or DM4 file holding a 4D-STEM scan of uint16 frames, for the per-format benchmark: an RGB thumbnail
 * image, then the data image, scan-major ({@code ImageTags/Meta Data/Data Order Swapped = 1}, the order the reader
 * maps straight from the file), DM dimensions {@code [det x, det y, scan x, scan y]} with their calibrations, and
 * microscope tags. Little-endian values; the frames are streamed into the data array by {@link DmBytes}.
 *
 * <p>Scan {@code NY × NX} as {@link SampleScan#of} chooses it. The variants are the
 * registered subclasses, one per DM version.
 */
public abstract class DmSample implements FormatSample {

	private static final int FRAMES_PER_WRITE = 16;
	private final int version;

	DmSample(final int version) {
		this.version = version;
	}

	@Override
	public String name() {
		return "dm" + version + " uint16";
	}

	@Override
	public String storage() {
		return "uint16";
	}

	@Override
	public SyntheticParams params(final long frames, final int height, final int width) {
		return SyntheticParams.builder().navShape(SampleScan.of(frames, Integer.MAX_VALUE)).sigShape(height, width)
				.dtype(DType.UINT16).noise(true).build();
	}

	@Override
	public Path write(final Path dir, final SyntheticStem stem) throws IOException {
		final SyntheticParams p = stem.params();
		final long ny = p.navShape()[0];
		final long nx = p.navShape()[1];
		final int h = p.sigShape()[0];
		final int w = p.sigShape()[1];
		final DmBytes dm = new DmBytes(version, true);
		final long[] dims = { w, h, nx, ny };
		final double[] scales = { p.calibration().detectorPixel()[1], p.calibration().detectorPixel()[0],
				p.calibration().scanStep()[1], p.calibration().scanStep()[0] };
		final String[] units = { p.calibration().detectorUnit(), p.calibration().detectorUnit(), p.calibration().scanUnit(),
				p.calibration().scanUnit() };
		final Object[] dimNodes = new Object[8];
		final Object[] calNodes = new Object[8];
		for (int k = 0; k < 4; k++) {
			dimNodes[2 * k] = "";
			dimNodes[2 * k + 1] = new Num(5, dims[k]);
			calNodes[2 * k] = "";
			calNodes[2 * k + 1] = DmBytes.group("Origin", new Num(6, 0), "Scale", new Num(6, scales[k]), "Units",
					dm.text(units[k]));
		}
		final long count = stem.frameCount() * h * w;
		final Streamed data = new Streamed(4, count, 2 * count, out -> frames(stem, out));
		final DmBytes.Group thumbnail = DmBytes.group("ImageData", DmBytes.group(
				"Calibrations", DmBytes.group("Dimension", DmBytes.group("", DmBytes.group("Scale", new Num(6, 1)),
						"", DmBytes.group("Scale", new Num(6, 1)))),
				"Data", new DmBytes.Arr(5, 16, new byte[64]),
				"DataType", new Num(3, 23),
				"Dimensions", DmBytes.group("", new Num(5, 4), "", new Num(5, 4)),
				"PixelDepth", new Num(3, 4)),
				"ImageTags", DmBytes.group(),
				"Name", dm.text("thumbnail"));
		final DmBytes.Group image = DmBytes.group("ImageData", DmBytes.group(
				"Calibrations", DmBytes.group("Brightness", DmBytes.group("Origin", new Num(6, 0), "Scale", new Num(6, 1),
						"Units", dm.text("counts")), "Dimension", DmBytes.group(calNodes)),
				"Data", data,
				"DataType", new Num(3, 10),
				"Dimensions", DmBytes.group(dimNodes),
				"PixelDepth", new Num(3, 2)),
				"ImageTags", DmBytes.group("Meta Data", DmBytes.group("Format", dm.text("Diffraction image"),
						"Data Order Swapped", new Num(8, 1)),
						"Microscope Info", DmBytes.group("Voltage", new Num(7, p.calibration().beamEnergy() * 1000),
								"STEM Camera Length", new Num(6, p.calibration().cameraLength() * 1000))),
				"Name", dm.text("4D-STEM"));
		final DmBytes.Group root = DmBytes.group(
				"ApplicationBounds", new DmBytes.Struct(new int[] { 3, 3, 3, 3 }, new double[] { 0, 0, 800, 600 }),
				"ImageList", DmBytes.group("", thumbnail, "", image),
				"InImageMode", new Num(8, 1));
		final Path file = dir.resolve("scan.dm" + version);
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), 1 << 16)) {
			dm.write(out, root);
		}
		return file;
	}

	/** The frames, little-endian, a few at a time. */
	private static void frames(final SyntheticStem stem, final OutputStream out) throws IOException {
		final int frameBytes = (int) stem.frameBytes();
		final ByteBuffer b = ByteBuffer.allocate(frameBytes * FRAMES_PER_WRITE).order(ByteOrder.LITTLE_ENDIAN);
		for (long f = 0; f < stem.frameCount(); f++) {
			stem.encode(f, b);
			if (!b.hasRemaining() || f == stem.frameCount() - 1) {
				out.write(b.array(), 0, b.position());
				b.clear();
			}
		}
	}
}
