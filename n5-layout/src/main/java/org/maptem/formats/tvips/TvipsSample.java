package org.maptem.formats.tvips;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.maptem.bench.FormatSample;
import org.maptem.bench.SampleOutput;
import org.maptem.dataset.DType;
import org.maptem.synth.SyntheticParams;
import org.maptem.synth.SyntheticStem;

/**
 * A TVIPS recorder stream for the per-format benchmark: one file {@code frames_000.tvips} with the 256-byte version 2
 * series header, then every frame as a 64-byte frame header (ICounter at 0, rotidx at 48) and 16-bit little-endian
 * pixels (layout in the {@link org.maptem.formats.tvips package documentation}).
 */
public final class TvipsSample implements FormatSample {

	private static final int FRAME_HEADER = 64;

	@Override
	public String name() {
		return "tvips uint16";
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
		final int h = p.sigShape()[0];
		final int w = p.sigShape()[1];
		final Path file = dir.resolve("frames_000.tvips");
		try (SampleOutput out = new SampleOutput(file, ByteOrder.LITTLE_ENDIAN)) {
			final ByteBuffer head = out.room(256);
			final int at = head.position();
			head.putInt(256).putInt(2).putInt(w).putInt(h).putInt(16).putInt(0).putInt(0).putInt(1).putInt(1)
					.putInt(15500).putInt(300).putInt(1000).putInt(FRAME_HEADER);
			head.position(at + 256);
			for (long f = 0; f < stem.frameCount(); f++) {
				final ByteBuffer b = out.room(FRAME_HEADER + (int) stem.frameBytes());
				final int fa = b.position();
				b.put(fa, new byte[FRAME_HEADER]);
				b.putInt(fa, (int) f);
				b.putInt(fa + 48, (int) f + 1);
				b.position(fa + FRAME_HEADER);
				stem.encode(f, b);
			}
		}
		return file;
	}
}
