package org.maptem.formats.empad;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.maptem.dataset.Calibration;
import org.maptem.dataset.DType;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Partitions;
import org.maptem.dataset.PlannedDataset;
import org.maptem.dataset.Provenance;
import org.maptem.dataset.ReadMode;
import org.maptem.frames.FrameLayout;
import org.maptem.frames.FrameSource;
import org.maptem.frames.FrameSources;

/**
 * An EMPAD acquisition opened in place: 128 × 128 float32 frames decoded straight from the {@code .raw} file
 * (memory-mapped or direct IO, as the options' {@link ReadMode} says), skipping the two metadata rows after each.
 *
 * <p>Opened from the {@code .xml} (nav shape and calibration from it, see the package documentation) or from the
 * {@code .raw} (then the {@code .xml} next to it that names it is used; without one the options must give the nav
 * shape, and nothing is calibrated). Thread-safe; each {@link FrameSource} is for one thread.
 */
public final class EmpadDataset extends PlannedDataset {

	/** Detector width and stored rows per frame. */
	public static final int WIDTH = 128;
	public static final int STORED_ROWS = 130;
	/** Detector rows that are pixels. */
	public static final int HEIGHT = 128;
	/** Bytes per stored frame, metadata rows included. */
	public static final long FRAME_STRIDE = (long) WIDTH * STORED_ROWS * 4;

	/** Most {@code .xml} files looked at when searching for the one that names a {@code .raw} file. */
	private static final int MAX_SIBLINGS = 256;

	private final Path raw;
	private final ReadMode readMode;

	private EmpadDataset(final Path raw, final DatasetMeta meta, final List<Partition> partitions, final ReadMode readMode) {
		super(raw.toString(), meta, partitions);
		this.raw = raw;
		this.readMode = readMode;
	}

	/**
	 * Opens an EMPAD acquisition from its {@code .xml} or {@code .raw} file.
	 *
	 * @throws LayoutException naming the file and the element, field or size that is wrong
	 */
	public static EmpadDataset open(final Path file, final OpenOptions options) {
		final Path abs = file.toAbsolutePath();
		if (isXml(abs))
			return fromXml(EmpadXml.read(abs), options);
		final Path xml = xmlNaming(abs);
		if (xml != null)
			return fromXml(EmpadXml.read(xml), options);
		if (options.navShape() == null)
			throw LayoutException.badField(abs, "scan shape", "an EMPAD .xml next to the .raw file that names it, or a nav "
					+ "shape in the open options", "neither");
		final long frames = frames(abs, size(abs), null);
		DatasetMeta meta = new DatasetMeta(new long[] { frames }, new int[] { HEIGHT, WIDTH }, DType.FLOAT32, null,
				provenance(List.of(abs.toString())));
		meta = reshaped(abs, meta, options.navShape());
		return new EmpadDataset(abs, meta, Partitions.plan(meta, options.partitionBytes()), options.readMode());
	}

	private static EmpadDataset fromXml(final EmpadXml x, final OpenOptions options) {
		final Path raw = rawFor(x);
		final long size = size(raw);
		final long frames = frames(raw, size, x.file());
		EmpadXml.NavCandidate chosen = null;
		for (final EmpadXml.NavCandidate c : x.candidates())
			if (c.frames() == frames) {
				chosen = c;
				break;
			}
		if (chosen == null)
			throw LayoutException.badField(raw, "file size", "the frames of a nav shape stated by " + x.file().getFileName()
					+ " (" + x.candidates() + ") × " + FRAME_STRIDE + " bytes", size + " bytes = " + frames + " frames");
		Provenance p = provenance(List.of(x.file().toString(), raw.toString())).with("nav_shape_from", chosen.source());
		for (final var d : x.details().entrySet())
			p = p.with(d.getKey(), d.getValue());
		DatasetMeta meta = new DatasetMeta(chosen.nav(), new int[] { HEIGHT, WIDTH }, DType.FLOAT32, calibration(x, chosen), p);
		if (options.navShape() != null)
			meta = reshaped(raw, meta, options.navShape());
		return new EmpadDataset(raw, meta, Partitions.plan(meta, options.partitionBytes()), options.readMode());
	}

	/** {@code meta} with the user's nav shape, or an error naming the file when the frame counts differ. */
	private static DatasetMeta reshaped(final Path file, final DatasetMeta meta, final long[] nav) {
		try {
			return meta.withNavShape(nav);
		} catch (final LayoutException e) {
			throw new LayoutException(file + ": " + e.getMessage(), e);
		}
	}

	private static Calibration calibration(final EmpadXml x, final EmpadXml.NavCandidate nav) {
		Calibration c = Calibration.UNCALIBRATED.withOptics(x.cameraLength(), x.voltage() / 1e3);
		final double[] fov = x.fieldOfView();
		final long[] n = nav.nav();
		if (!x.series() && fov != null && n.length == 2) {
			// field of view (m) × scanned fraction / positions, in nm; NaN propagates where a value is unknown
			final double stepY = fov[1] * nav.scanSize() / n[0] * 1e9;
			final double stepX = fov[0] * nav.scanSize() / n[1] * 1e9;
			c = c.withScan(new double[] { stepY, stepX }, "nm");
		}
		if (!Double.isNaN(x.diffractionAngle()))
			c = c.withDetector(x.diffractionAngle() * 1e3, x.diffractionAngle() * 1e3, "mrad");
		return c;
	}

	private static Provenance provenance(final List<String> files) {
		return new Provenance(EmpadFormat.NAME, files, java.util.Map.of())
				.with("frame_stride", FRAME_STRIDE)
				.with("frame_footer_bytes", FRAME_STRIDE - (long) WIDTH * HEIGHT * 4)
				.with("stored_shape", "[" + STORED_ROWS + ", " + WIDTH + "] float32 little-endian");
	}

	/** The raw file: the name the XML gives, next to the XML; else the XML's own base name with {@code .raw}. */
	private static Path rawFor(final EmpadXml x) {
		final Path dir = x.file().getParent();
		final Path named = dir.resolve(x.rawName());
		if (Files.isRegularFile(named))
			return named;
		final String own = x.file().getFileName().toString();
		final int dot = own.lastIndexOf('.');
		final Path sameName = dir.resolve((dot > 0 ? own.substring(0, dot) : own) + ".raw");
		if (Files.isRegularFile(sameName))
			return sameName;
		throw LayoutException.badField(x.file(), "raw_file/@filename", "an existing file " + named + " (or " + sameName + ")",
				"neither exists");
	}

	/** The {@code .xml} in the raw file's directory whose {@code raw_file} names it, or null. */
	private static Path xmlNaming(final Path raw) {
		final Path dir = raw.getParent();
		if (dir == null)
			return null;
		final List<Path> xmls = new ArrayList<>();
		try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.{xml,XML}")) {
			for (final Path p : s) {
				xmls.add(p);
				if (xmls.size() >= MAX_SIBLINGS)
					break;
			}
		} catch (final IOException e) {
			return null;
		}
		final String name = raw.getFileName().toString();
		for (final Path p : xmls) {
			try {
				if (Files.size(p) > EmpadXml.MAX_BYTES)
					continue;
				final String text = Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1);
				if (!text.contains(name) || !EmpadXml.looksLikeEmpad(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
					continue;
				if (EmpadXml.read(p).rawName().equals(name))
					return p;
			} catch (final IOException | LayoutException e) {
				// an unreadable or foreign XML is not the one naming this file
			}
		}
		return null;
	}

	/** True for an {@code .xml} name or an EMPAD XML document under any name. */
	static boolean isXml(final Path file) {
		final Path n = file.getFileName();
		if (n != null && n.toString().toLowerCase(Locale.ROOT).endsWith(".xml"))
			return true;
		try (java.io.InputStream in = Files.newInputStream(file)) {
			return EmpadXml.looksLikeEmpad(in.readNBytes(4096));
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot read: " + e.getMessage(), e);
		}
	}

	private static long size(final Path raw) {
		try {
			return Files.size(raw);
		} catch (final IOException e) {
			throw new LayoutException(raw + ": cannot read the file size: " + e.getMessage(), e);
		}
	}

	private static long frames(final Path raw, final long size, final Path xml) {
		if (size == 0 || size % FRAME_STRIDE != 0)
			throw LayoutException.badField(raw, "file size", "a positive multiple of " + FRAME_STRIDE + " bytes (frames of "
					+ STORED_ROWS + " × " + WIDTH + " float32" + (xml == null ? "" : ", described by " + xml.getFileName()) + ")",
					size + " bytes");
		return size / FRAME_STRIDE;
	}

	/** The {@code .raw} file the frames are read from. */
	public Path rawFile() {
		return raw;
	}

	/**
	 * Opens the frames of {@code partition}, which may be any contiguous run of this dataset's frames.
	 *
	 * @throws LayoutException when the run lies outside the dataset
	 */
	@Override
	public FrameSource open(final Partition partition) {
		requireInside(partition);
		final FrameLayout layout = new FrameLayout(partition.firstFrame() * FRAME_STRIDE, FRAME_STRIDE, partition.frameCount(),
				DType.FLOAT32, true, HEIGHT, WIDTH);
		return FrameSources.open(raw, layout, partition.firstFrame(), readMode, meta().frameCount() * FRAME_STRIDE);
	}

	@Override
	public String storage() {
		return "EMPAD raw file " + raw + ": " + meta().frameCount() + " frames of " + STORED_ROWS + " × " + WIDTH
				+ " float32 (last 2 rows metadata); " + partitions().size() + " partitions";
	}
}
