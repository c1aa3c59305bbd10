package org.maptem.formats.raw;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.maptem.dataset.PlannedDataset;
import org.maptem.dataset.DType;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Partitions;
import org.maptem.dataset.Provenance;
import org.maptem.frames.FrameLayout;
import org.maptem.frames.FrameSource;
import org.maptem.frames.MappedFrameSource;

/**
 * A raw binary file of frames opened in place: tiles are decoded straight from memory-mapped file bytes, skipping
 * per-frame headers and footers.
 *
 * <p>Opening checks the file size against the parameters and reads nothing else. Partitions follow
 * {@link Partitions#plan} at the options' byte budget; {@link #open} accepts any contiguous frame run, not only those.
 * Reads always memory-map ({@link org.maptem.dataset.ReadMode} is not consulted). Thread-safe; each
 * {@link FrameSource} is for one thread.
 */
public final class RawDataset extends PlannedDataset {

	private final Path file;
	private final RawParams params;

	private RawDataset(final Path file, final RawParams params, final DatasetMeta meta, final List<Partition> partitions) {
		super(file.toString(), meta, partitions);
		this.file = file;
		this.params = params;
	}

	/**
	 * Opens {@code file} as raw frames described by {@code params}.
	 *
	 * @throws LayoutException naming the file when it cannot be read, when the parameters describe no valid dataset,
	 *                         or when its size differs from what the parameters need (expected and found bytes)
	 */
	public static RawDataset open(final Path file, final RawParams params, final OpenOptions options) {
		final Path abs = file.toAbsolutePath();
		final DatasetMeta declared;
		try {
			declared = new DatasetMeta(params.navShape(), params.sigShape(), params.dtype(), params.calibration(),
					provenance(abs, params));
		} catch (final LayoutException e) {
			throw new LayoutException(abs + ": raw parameters: " + e.getMessage(), e);
		}
		if (params.dtype() == DType.UINT12_PACKED && params.sigShape()[1] % 2 != 0)
			// two values share three bytes, so an odd width would start every other row mid-byte
			throw LayoutException.badField(abs, "sig width", "an even width for packed 12-bit data", params.sigShape()[1]);
		final long size;
		try {
			size = Files.size(abs);
		} catch (final IOException e) {
			throw new LayoutException(abs + ": cannot read the file size: " + e, e);
		}
		final long expected;
		try {
			expected = params.expectedFileBytes();
		} catch (final ArithmeticException e) {
			throw LayoutException.badField(abs, "raw parameters", "a file size below 2^63 bytes", params);
		}
		if (size != expected)
			throw LayoutException.badField(abs, "file size", expected + " bytes (offset " + params.offset() + " + "
					+ params.frameCount() + " frames × " + params.frameStride() + " bytes: " + params.frameHeaderBytes()
					+ " header + " + params.frameDataBytes() + " pixels of " + params.dtype().n5Name() + " + "
					+ params.frameFooterBytes() + " footer)", size + " bytes");
		final DatasetMeta meta = options.navShape() == null ? declared : declared.withNavShape(options.navShape());
		return new RawDataset(abs, params, meta, Partitions.plan(meta, options.partitionBytes()));
	}

	private static Provenance provenance(final Path file, final RawParams p) {
		return Provenance.of(RawFormat.NAME, file.toString())
				.with("offset", p.offset())
				.with("byte_order", p.littleEndian() ? "little" : "big")
				.with("frame_header_bytes", p.frameHeaderBytes())
				.with("frame_footer_bytes", p.frameFooterBytes())
				.with("dtype", p.dtype().n5Name());
	}

	/** The parameters this file was opened with. */
	public RawParams params() {
		return params;
	}

	/**
	 * Maps the frames of {@code partition}, which may be any contiguous run of this dataset's frames.
	 *
	 * @throws LayoutException when the run lies outside the dataset
	 */
	@Override
	public FrameSource open(final Partition partition) {
		requireInside(partition);
		final DatasetMeta meta = meta();
		final FrameLayout layout = new FrameLayout(
				params.offset() + params.frameHeaderBytes() + partition.firstFrame() * params.frameStride(),
				params.frameStride(), partition.frameCount(), params.dtype(), params.littleEndian(), meta.sigHeight(),
				meta.sigWidth());
		return new MappedFrameSource(file, layout, partition.firstFrame());
	}

	@Override
	public String storage() {
		return "raw file " + file + ": " + params + "; " + partitions().size() + " partitions";
	}
}
