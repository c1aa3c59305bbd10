package org.maptem.formats.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.maptem.bench.FormatSample;
import org.maptem.dataset.DType;
import org.maptem.synth.SyntheticParams;
import org.maptem.synth.SyntheticStem;

/**
 * A NumPy {@code .npy} file of uint16 frames, shape {@code (frames, height, width)}, for the per-format benchmark: the
 * header of {@link NpyWriter#header}, then the frames as the synthetic generator encodes them, little-endian.
 */
public final class NpySample implements FormatSample {

	@Override
	public String name() {
		return "npy uint16";
	}

	@Override
	public String storage() {
		return "uint16";
	}

	@Override
	public SyntheticParams params(final long frames, final int height, final int width) {
		return FormatSample.noisyCounts(frames, height, width, DType.UINT16);
	}

	@Override
	public Path write(final Path dir, final SyntheticStem stem) throws IOException {
		final SyntheticParams p = stem.params();
		final Path file = dir.resolve("frames.npy");
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			ch.write(ByteBuffer.wrap(NpyWriter.header(p.dtype(),
					new long[] { stem.frameCount(), p.sigShape()[0], p.sigShape()[1] })));
			final ByteBuffer frame = ByteBuffer.allocate((int) stem.frameBytes()).order(ByteOrder.LITTLE_ENDIAN);
			for (long f = 0; f < stem.frameCount(); f++) {
				frame.clear();
				stem.encode(f, frame);
				frame.flip();
				while (frame.hasRemaining())
					ch.write(frame);
			}
		}
		return file;
	}
}
