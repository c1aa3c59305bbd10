package org.maptem.formats.hdf5;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.maptem.bench.FormatSample;
import org.maptem.bench.SampleScan;
import org.maptem.dataset.DType;
import org.maptem.synth.SyntheticParams;
import org.maptem.synth.SyntheticStem;

/**
 * HDF5 files for the per-format benchmark, streamed by {@link H5Writer}: uint16 frames on a 2D scan
 * {@code NY × NX} (as {@link SampleScan#of} chooses it). Variants are the registered subclasses: a
 * generic contiguous 4D dataset, a generic one chunked frame by frame with gzip, and the Berkeley EMD layout; the
 * DECTRIS layout is {@link ArinaSample}.
 */
public abstract class Hdf5Sample implements FormatSample {

	@Override
	public String storage() {
		return "uint16";
	}

	@Override
	public SyntheticParams params(final long frames, final int height, final int width) {
		return scanOf(frames, height, width);
	}

	static SyntheticParams scanOf(final long frames, final int height, final int width) {
		return SyntheticParams.builder().navShape(SampleScan.of(frames, Integer.MAX_VALUE)).sigShape(height, width)
				.dtype(DType.UINT16).noise(true).build();
	}

	/** The dataset shape {@code [NY, NX, h, w]}. */
	static long[] shape(final SyntheticParams p) {
		return new long[] { p.navShape()[0], p.navShape()[1], p.sigShape()[0], p.sigShape()[1] };
	}

	/** A generic contiguous 4D dataset {@code /data}, as h5py writes by default. */
	public static final class Contiguous extends Hdf5Sample {
		@Override
		public String name() {
			return "hdf5 contiguous uint16";
		}

		@Override
		public Path write(final Path dir, final SyntheticStem stem) throws IOException {
			final Path file = dir.resolve("frames.h5");
			try (H5Writer w = new H5Writer(file)) {
				w.contiguous(w.root(), "data", DType.UINT16, shape(stem.params()), stem::encode);
			}
			return file;
		}
	}

	/** A generic 4D dataset {@code /data} chunked one frame per chunk, gzip level 4 (h5py's {@code compression="gzip"}). */
	public static final class Gzip extends Hdf5Sample {
		@Override
		public String name() {
			return "hdf5 chunked gzip uint16";
		}

		@Override
		public Path write(final Path dir, final SyntheticStem stem) throws IOException {
			final Path file = dir.resolve("frames.h5");
			try (ChunkEncoders enc = new ChunkEncoders(4); H5Writer w = new H5Writer(file)) {
				w.chunked(w.root(), "data", DType.UINT16, shape(stem.params()), stem::encode,
						List.of(new H5Writer.Filter(ChunkFilter.DEFLATE, "deflate", new int[] { 4 }, enc::deflate)));
			}
			return file;
		}
	}

	/**
	 * Berkeley EMD 0.2 (py4DSTEM up to 0.12): root attributes {@code version_major = 0}, {@code version_minor = 2},
	 * the group {@code /4DSTEM_experiment/data/datacubes/datacube_0} with {@code emd_group_type = 1}, its contiguous
	 * {@code data} and the axis vectors {@code dim1 ... dim4} (attributes {@code name}, {@code units}).
	 */
	public static final class Emd extends Hdf5Sample {
		@Override
		public String name() {
			return "emd berkeley uint16";
		}

		@Override
		public Path write(final Path dir, final SyntheticStem stem) throws IOException {
			final SyntheticParams p = stem.params();
			final Path file = dir.resolve("scan.emd");
			final long[] shape = shape(p);
			try (H5Writer w = new H5Writer(file)) {
				w.root().attribute("version_major", 0).attribute("version_minor", 2);
				final H5Writer.Group g = w.root().group("4DSTEM_experiment").group("data").group("datacubes").group("datacube_0")
						.attribute("emd_group_type", 1);
				w.contiguous(g, "data", DType.UINT16, shape, stem::encode);
				final double[] step = { p.calibration().scanStep()[0], p.calibration().scanStep()[1],
						p.calibration().detectorPixel()[0], p.calibration().detectorPixel()[1] };
				final String[] names = { "R_y", "R_x", "Q_y", "Q_x" };
				final String[] units = { "[n_m]", "[n_m]", "[mrad]", "[mrad]" };
				for (int a = 0; a < 4; a++) {
					final double[] v = new double[(int) shape[a]];
					for (int i = 0; i < v.length; i++)
						v[i] = i * step[a];
					w.small(g, "dim" + (a + 1), v).attribute("name", names[a]).attribute("units", units[a]);
				}
			}
			return file;
		}
	}
}
