package org.maptem.formats.seq;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.maptem.bench.FormatSample;
import org.maptem.bench.SampleOutput;
import org.maptem.dataset.DType;
import org.maptem.synth.SyntheticParams;
import org.maptem.synth.SyntheticStem;

/**
 * A Norpix/DE {@code .seq} file for the per-format benchmark: the version 5 header (fields at their documented
 * offsets, little-endian), frames from byte 8192, each 16-bit pixels followed by an 8-byte timestamp footer (layout
 * in the {@link org.maptem.formats.seq package documentation}).
 */
public final class SeqSample implements FormatSample {

	private static final int START = 8192;
	private static final int FOOTER = 8;

	@Override
	public String name() {
		return "de seq uint16";
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
		final int frameBytes = (int) stem.frameBytes();
		final Path file = dir.resolve("frames.seq");
		try (SampleOutput out = new SampleOutput(file, ByteOrder.LITTLE_ENDIAN)) {
			final ByteBuffer b = out.room(START);
			final int at = b.position();
			b.put(at, new byte[START]);
			b.putInt(at, 0xFEED);
			b.put(at + 4, "Norpix seq".getBytes(StandardCharsets.UTF_16LE));
			b.putInt(at + 28, 5);
			b.putInt(at + 32, 1024);
			b.put(at + 36, "MapTEM benchmark".getBytes(StandardCharsets.UTF_16LE));
			b.putInt(at + 548, p.sigShape()[1]);
			b.putInt(at + 552, p.sigShape()[0]);
			b.putInt(at + 556, 16);
			b.putInt(at + 560, 16);
			b.putInt(at + 564, frameBytes);
			b.putInt(at + 568, 100);
			b.putInt(at + 572, (int) Math.min(Integer.MAX_VALUE, stem.frameCount()));
			b.putInt(at + 580, frameBytes + FOOTER);
			b.putDouble(at + 584, 400.0);
			b.putInt(at + 620, 0);
			b.position(at + START);
			for (long f = 0; f < stem.frameCount(); f++) {
				final ByteBuffer fb = out.room(frameBytes + FOOTER);
				stem.encode(f, fb);
				fb.putLong(f * 2500);
			}
		}
		return file;
	}
}
