package org.maptem.formats.ser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.maptem.bench.FormatSample;
import org.maptem.bench.SampleScan;
import org.maptem.dataset.DType;
import org.maptem.synth.SyntheticParams;
import org.maptem.synth.SyntheticStem;

/**
 * A TIA series file ({@code .ser}, SeriesVersion 0x0220 with 64-bit offsets) of 2D uint16 elements (DataType 2, as
 * TIA stores camera frames) on a 2D scan, for the per-format benchmark, written as {@link org.maptem.formats.ser the
 * package documentation} describes: header, two scan dimensions in metres, the offset arrays, the elements one after
 * another (50-byte element header, rows from the bottom of the image up), then one time tag per element. No
 * {@code .emi} is written: the reader needs it only for the detector calibration.
 *
 * <p>Scan {@code NY × NX} as {@link SampleScan#of} chooses it.
 */
public final class SerSample implements FormatSample {

	private static final int TAG_BYTES = 8;

	@Override
	public String name() {
		return "ser uint16";
	}

	@Override
	public String storage() {
		return "uint16";
	}

	@Override
	public SyntheticParams params(final long frames, final int height, final int width) {
		return SyntheticParams.builder().navShape(SampleScan.of(frames, 1 << 15)).sigShape(height, width).dtype(DType.UINT16)
				.noise(true).build();
	}

	@Override
	public Path write(final Path dir, final SyntheticStem stem) throws IOException {
		final SyntheticParams p = stem.params();
		final int ny = (int) p.navShape()[0];
		final int nx = (int) p.navShape()[1];
		final int h = p.sigShape()[0];
		final int w = p.sigShape()[1];
		final int total = nx * ny;
		final ByteBuffer head = ByteBuffer.allocate(1 << 10).order(ByteOrder.LITTLE_ENDIAN);
		head.putShort((short) 0x4949).putShort((short) 0x0197).putShort((short) 0x0220).putInt(SerHeader.DATA_2D)
				.putInt(SerHeader.TAG_TIME).putInt(total).putInt(total).putLong(0).putInt(2);
		// dimension array: the first dimension varies fastest
		dimension(head, nx, p.calibration().scanStep()[1] * 1e-9, "Scan X");
		dimension(head, ny, p.calibration().scanStep()[0] * 1e-9, "Scan Y");
		final long arrayAt = head.position();
		head.putLong(22, arrayAt);
		final long dataAt = arrayAt + 16L * total;
		final long elementBytes = SerHeader.HEADER_2D + 2L * h * w;
		final long tagsAt = dataAt + elementBytes * total;
		final Path file = dir.resolve("scan_1.ser");
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			write(ch, head.flip());
			final ByteBuffer offsets = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
			for (int array = 0; array < 2; array++)
				for (int e = 0; e < total; e++) {
					offsets.putLong(array == 0 ? dataAt + e * elementBytes : tagsAt + (long) e * TAG_BYTES);
					if (!offsets.hasRemaining() || e == total - 1) {
						write(ch, offsets.flip());
						offsets.clear();
					}
				}
			final ByteBuffer frame = ByteBuffer.allocate((int) stem.frameBytes()).order(ByteOrder.LITTLE_ENDIAN);
			final ByteBuffer element = ByteBuffer.allocate((int) elementBytes).order(ByteOrder.LITTLE_ENDIAN);
			final double pixel = p.calibration().detectorPixel()[1] * 1e-3;
			for (int e = 0; e < total; e++) {
				frame.clear();
				stem.encode(e, frame);
				element.clear();
				element.putDouble(-pixel * w / 2).putDouble(pixel).putInt(0).putDouble(-pixel * h / 2).putDouble(pixel).putInt(0)
						.putShort((short) 2).putInt(w).putInt(h);
				// rows from the bottom of the image up
				for (int row = h - 1; row >= 0; row--)
					element.put(element.position(), frame, 2 * row * w, 2 * w).position(element.position() + 2 * w);
				write(ch, element.flip());
			}
			final ByteBuffer tags = ByteBuffer.allocate(TAG_BYTES << 12).order(ByteOrder.LITTLE_ENDIAN);
			for (int e = 0; e < total; e++) {
				tags.putShort((short) SerHeader.TAG_TIME).putShort((short) 0).putInt(1_700_000_000 + e / 1000);
				if (!tags.hasRemaining() || e == total - 1) {
					write(ch, tags.flip());
					tags.clear();
				}
			}
		}
		return file;
	}

	private static void dimension(final ByteBuffer b, final int size, final double delta, final String description) {
		final byte[] d = description.getBytes(StandardCharsets.ISO_8859_1);
		b.putInt(size).putDouble(0).putDouble(delta).putInt(0).putInt(d.length).put(d).putInt(1).put((byte) 'm');
	}

	private static void write(final FileChannel ch, final ByteBuffer b) throws IOException {
		while (b.hasRemaining())
			ch.write(b);
	}
}
