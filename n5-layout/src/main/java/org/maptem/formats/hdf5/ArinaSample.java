package org.maptem.formats.hdf5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.maptem.bench.FormatSample;
import org.maptem.dataset.DType;
import org.maptem.synth.SyntheticParams;
import org.maptem.synth.SyntheticStem;

/**
 * A DECTRIS ARINA acquisition of uint16 frames, for the per-format benchmark, in the layout {@link DectrisMaster}
 * reads: {@code scan_master.h5} (NeXus NXmx: {@code /entry/data} ({@code NX_class = NXdata}) with external links
 * {@code data_000001, ...} to {@code scan_data_000001.h5:/entry/data/data, ...}, the detector's pixel size and beam
 * energy), data files of {@code [frames, rows, cols]} chunked one frame per chunk with bitshuffle+LZ4 (filter 32008,
 * parameters {@code [0, 3, 2, 0, 2]}: default block size, LZ4), a given number of frames per file, and the ARINA
 * metadata file {@code scan.h5} whose {@code /STEM Metadata} gives the scan shape.
 *
 * <p>Scan {@code NY × NX} as {@link org.maptem.bench.SampleScan#of} chooses it; 100000 frames per data file
 * (the ARINA default of one file per 100000 images).
 */
public final class ArinaSample implements FormatSample {

	private final int framesPerFile;

	public ArinaSample() {
		this(100_000);
	}

	/** A sample writing {@code framesPerFile} frames to each data file. */
	ArinaSample(final int framesPerFile) {
		this.framesPerFile = framesPerFile;
	}

	@Override
	public String name() {
		return "arina bitshuffle-lz4 uint16";
	}

	@Override
	public String storage() {
		return "uint16 bitshuffle+lz4";
	}

	@Override
	public SyntheticParams params(final long frames, final int height, final int width) {
		return Hdf5Sample.scanOf(frames, height, width);
	}

	@Override
	public Path write(final Path dir, final SyntheticStem stem) throws IOException {
		final SyntheticParams p = stem.params();
		final long frames = stem.frameCount();
		final int h = p.sigShape()[0];
		final int w = p.sigShape()[1];
		final Path master = dir.resolve("scan_master.h5");
		final ChunkEncoders enc = new ChunkEncoders(0); // LZ4 only: no deflater is made
		final List<H5Writer.Filter> filters = List.of(new H5Writer.Filter(ChunkFilter.BITSHUFFLE, "bitshuffle",
				new int[] { 0, 3, 2, 0, ChunkFilter.BITSHUFFLE_LZ4 }, chunk -> enc.bitshuffleLz4(chunk, 2)));
		try (H5Writer m = new H5Writer(master)) {
			final H5Writer.Group entry = m.root().group("entry").attribute("NX_class", "NXentry");
			final H5Writer.Group data = entry.group("data").attribute("NX_class", "NXdata");
			int file = 0;
			for (long first = 0; first < frames; first += framesPerFile) {
				file++;
				final String name = String.format(Locale.ROOT, "scan_data_%06d.h5", file);
				final long base = first;
				final long n = Math.min(framesPerFile, frames - first);
				try (H5Writer d = new H5Writer(dir.resolve(name))) {
					final H5Writer.Group g = d.root().group("entry").attribute("NX_class", "NXentry").group("data")
							.attribute("NX_class", "NXdata");
					d.chunked(g, "data", DType.UINT16, new long[] { n, h, w },
							(final long index, final ByteBuffer dst) -> stem.encode(base + index, dst), filters)
							.attribute("image_nr_low", (int) (base + 1)).attribute("image_nr_high", (int) (base + n));
				}
				data.externalLink(String.format(Locale.ROOT, "data_%06d", file), name, "/entry/data/data");
			}
			final H5Writer.Group detector = entry.group("instrument").attribute("NX_class", "NXinstrument").group("detector")
					.attribute("NX_class", "NXdetector");
			m.small(detector, "x_pixel_size", 100e-6);
			m.small(detector, "y_pixel_size", 100e-6);
			m.small(detector, "detector_distance", 0.0);
			m.small(detector.group("detectorSpecific"), "photon_energy", p.calibration().beamEnergy() * 1000);
		}
		try (H5Writer meta = new H5Writer(dir.resolve("scan.h5"))) {
			meta.root().group("STEM Metadata").attribute("NumPixelsX", (int) p.navShape()[1])
					.attribute("NumPixelsY", (int) p.navShape()[0]).attribute("Pixel Size", p.calibration().scanStep()[0])
					.attribute("Camera Length", p.calibration().cameraLength())
					.attribute("High Tension", p.calibration().beamEnergy() * 1000);
		}
		return master;
	}
}
