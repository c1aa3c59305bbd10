package org.maptem.formats.frms6;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.maptem.bench.FormatSample;
import org.maptem.bench.SampleOutput;
import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;
import org.maptem.synth.SyntheticParams;
import org.maptem.synth.SyntheticStem;

/**
 * A pnCCD FRMS6 data set for the per-format benchmark: {@code frames.hdr} (row binning 1, no scan shape),
 * {@code frames_000.frms6} with one dark frame and {@code frames_001.frms6} with every signal frame, each frame the
 * raw {@code H × W} little-endian u16 readout of both detector halves side by side (layout in the
 * {@link org.maptem.formats.frms6 package documentation}): frame row {@code y < H} is raw row {@code y}, columns
 * {@code 0 … W/2−1}; frame row {@code y ≥ H} is raw row {@code 2H−1−y}, columns {@code W−1} down to {@code W/2}.
 * Frame heights are even (rounded up).
 */
public final class Frms6Sample implements FormatSample {

	@Override
	public String name() {
		return "frms6";
	}

	@Override
	public String storage() {
		return "uint16, folded halves";
	}

	@Override
	public SyntheticParams params(final long frames, final int height, final int width) {
		return SyntheticParams.builder().navShape(frames).sigShape(height + (height & 1), width).dtype(DType.UINT16)
				.noise(true).build();
	}

	@Override
	public Path write(final Path dir, final SyntheticStem stem) throws IOException {
		final SyntheticParams p = stem.params();
		final int h = p.sigShape()[0];
		final int w = p.sigShape()[1];
		final int rawH = h / 2;
		final int rawW = 2 * w;
		final Path hdr = dir.resolve("frames.hdr");
		Files.writeString(hdr, "[measurementInfo]\r\nDarkframes=1\r\nDwellTimeMicroseconds=50\r\nGain=1\r\nSignalFrames="
				+ stem.frameCount() + "\r\nReadoutMode=\"bin: 1, windowing: " + h + " x " + w + "\"\r\n",
				StandardCharsets.ISO_8859_1);
		final int[] counts = new int[h * w];
		file(dir.resolve("frames_000.frms6"), 1, rawH, rawW, (f, b) -> {
			for (int i = 0; i < rawH * rawW; i++)
				b.putShort((short) 0);
		});
		file(dir.resolve("frames_001.frms6"), stem.frameCount(), rawH, rawW, (f, b) -> {
			stem.counts(f, counts);
			for (int r = 0; r < rawH; r++) {
				for (int c = 0; c < w; c++)
					b.putShort(u16(counts[r * w + c], f));
				final int lower = (h - 1 - r) * w;
				for (int c = w; c < rawW; c++)
					b.putShort(u16(counts[lower + rawW - 1 - c], f));
			}
		});
		return hdr;
	}

	private static short u16(final int v, final long f) {
		if (v < 0 || v > 0xFFFF)
			throw new LayoutException("FRMS6 sample: frame " + f + " holds " + v + ", more than 16 bits");
		return (short) v;
	}

	/** Puts the pixels of frame {@code f} at the buffer's position. */
	private interface Pixels {
		void put(long f, ByteBuffer b);
	}

	private static void file(final Path file, final long frames, final int rawH, final int rawW, final Pixels pixels)
			throws IOException {
		final int stride = 64 + 2 * rawH * rawW;
		try (SampleOutput out = new SampleOutput(file, ByteOrder.LITTLE_ENDIAN)) {
			final ByteBuffer b = out.room(1024);
			final int at = b.position();
			b.put(at, new byte[1024]);
			b.putShort(at, (short) 1024);
			b.putShort(at + 2, (short) 64);
			b.put(at + 7, (byte) 6);
			b.put(at + 8, "pnCCD bench".getBytes(StandardCharsets.US_ASCII));
			b.putShort(at + 88, (short) rawW);
			b.putShort(at + 90, (short) rawH);
			b.putInt(at + 1020, (int) frames);
			b.position(at + 1024);
			for (long f = 0; f < frames; f++) {
				final ByteBuffer fb = out.room(stride);
				final int fa = fb.position();
				fb.put(fa, new byte[64]);
				fb.putInt(fa + 4, (int) (1_000_000 + f));
				fb.putInt(fa + 12, (int) f);
				fb.position(fa + 64);
				pixels.put(f, fb);
			}
		}
	}
}
