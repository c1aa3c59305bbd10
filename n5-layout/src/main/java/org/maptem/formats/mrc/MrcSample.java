package org.maptem.formats.mrc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.maptem.bench.FormatSample;
import org.maptem.dataset.DType;
import org.maptem.synth.SyntheticParams;
import org.maptem.synth.SyntheticStem;

/**
 * An MRC2014 image stack ({@code .mrc}, ISPG 0, little-endian) of one MODE, for the per-format benchmark: the
 * 1024-byte header of {@link org.maptem.formats.mrc the package documentation}, no extended header, then the frames
 * as sections. The variants are the registered subclasses, one per MODE the reader reads as integers or float32.
 */
public abstract class MrcSample implements FormatSample {

	private final int mode;
	private final DType dtype;

	MrcSample(final int mode, final DType dtype) {
		this.mode = mode;
		this.dtype = dtype;
	}

	@Override
	public String name() {
		return "mrc " + dtype.n5Name();
	}

	@Override
	public String storage() {
		return dtype.n5Name();
	}

	@Override
	public SyntheticParams params(final long frames, final int height, final int width) {
		return SyntheticParams.builder().navShape(Math.min(frames, Integer.MAX_VALUE)).sigShape(height, width).dtype(dtype)
				.noise(true).build();
	}

	@Override
	public Path write(final Path dir, final SyntheticStem stem) throws IOException {
		final SyntheticParams p = stem.params();
		final int ny = p.sigShape()[0];
		final int nx = p.sigShape()[1];
		final int nz = (int) stem.frameCount();
		final Path file = dir.resolve("stack.mrc");
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			final ByteBuffer b = ByteBuffer.allocate(MrcHeader.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
			b.putInt(0, nx).putInt(4, ny).putInt(8, nz).putInt(12, mode);
			b.putInt(28, nx).putInt(32, ny).putInt(36, 1);
			b.putFloat(40, nx).putFloat(44, ny).putFloat(48, 1);
			b.putFloat(52, 90).putFloat(56, 90).putFloat(60, 90);
			b.putInt(64, 1).putInt(68, 2).putInt(72, 3);
			b.putInt(108, 20140);
			b.put(208, "MAP ".getBytes(StandardCharsets.US_ASCII));
			b.put(212, new byte[] { 0x44, 0x44, 0, 0 });
			b.putInt(220, 1).put(224, "MapTEM synthetic 4D-STEM stack".getBytes(StandardCharsets.US_ASCII));
			write(ch, b);
			final ByteBuffer frame = ByteBuffer.allocate((int) stem.frameBytes()).order(ByteOrder.LITTLE_ENDIAN);
			for (long f = 0; f < nz; f++) {
				frame.clear();
				stem.encode(f, frame);
				write(ch, frame.flip());
			}
		}
		return file;
	}

	private static void write(final FileChannel ch, final ByteBuffer b) throws IOException {
		while (b.hasRemaining())
			ch.write(b);
	}
}
