package org.maptem.formats.mib;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.maptem.bench.FormatSample;
import org.maptem.bench.SampleOutput;
import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;
import org.maptem.synth.SyntheticParams;
import org.maptem.synth.SyntheticStem;

/**
 * A Merlin {@code .mib} file of one encoding for the per-format benchmark: every frame a NUL-padded ASCII header in
 * Merlin's field order, then its pixels as the detector writes them (layout in the {@link org.maptem.formats.mib
 * package documentation}): processed big-endian counts, or raw 64-bit words stored big-endian with value {@code k}
 * of a word in bits {@code k·b ...} (b = 1, 8 or 16), counter depth 24 as a 12-bit image of the high bits then one
 * of the low bits, and 2×2 quad frames disassembled into raw rows {@code [s0|s1|s2|s3]}.
 *
 * <p>One subclass per variant, so that {@link java.util.ServiceLoader} can make each. The synthetic counts are kept
 * within the counter depth (1-bit: 0 or 1, without noise; 6-bit: at most 63) and the frame shape is widened to what
 * the encoding needs (raw rows of whole 64-bit words; quad frames square). Writing checks every count against the
 * depth.
 */
public abstract class MibSample implements FormatSample {

	private final String name;
	private final boolean raw;
	private final int depth;
	private final boolean quad;

	MibSample(final String name, final boolean raw, final int depth, final boolean quad) {
		this.name = name;
		this.raw = raw;
		this.depth = depth;
		this.quad = quad;
	}

	/** Raw 1-bit words, one chip. */
	public static final class Raw1 extends MibSample {
		public Raw1() {
			super("mib raw 1-bit", true, 1, false);
		}
	}

	/** Raw 6-bit counters in 8-bit fields, one chip. */
	public static final class Raw6 extends MibSample {
		public Raw6() {
			super("mib raw 6-bit", true, 6, false);
		}
	}

	/** Raw 12-bit counters in 16-bit fields, one chip. */
	public static final class Raw12 extends MibSample {
		public Raw12() {
			super("mib raw 12-bit", true, 12, false);
		}
	}

	/** Raw 24-bit counters as two 12-bit images, one chip. */
	public static final class Raw24 extends MibSample {
		public Raw24() {
			super("mib raw 24-bit", true, 24, false);
		}
	}

	/** Raw 1-bit words of a 2×2 quad. */
	public static final class Quad1 extends MibSample {
		public Quad1() {
			super("mib raw quad 1-bit", true, 1, true);
		}
	}

	/** Raw 6-bit counters of a 2×2 quad. */
	public static final class Quad6 extends MibSample {
		public Quad6() {
			super("mib raw quad 6-bit", true, 6, true);
		}
	}

	/** Raw 12-bit counters of a 2×2 quad. */
	public static final class Quad12 extends MibSample {
		public Quad12() {
			super("mib raw quad 12-bit", true, 12, true);
		}
	}

	/** Processed U08 counts (counter depth 6). */
	public static final class U8 extends MibSample {
		public U8() {
			super("mib u08", false, 6, false);
		}
	}

	/** Processed U16 counts (counter depth 12). */
	public static final class U16 extends MibSample {
		public U16() {
			super("mib u16", false, 12, false);
		}
	}

	/** Processed U32 counts (counter depth 24). */
	public static final class U32 extends MibSample {
		public U32() {
			super("mib u32", false, 24, false);
		}
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public String storage() {
		if (!raw)
			return depth == 6 ? "uint8 BE" : depth == 12 ? "uint16 BE" : "uint32 BE";
		return depth == 24 ? "2 × 12-bit in 16" : depth == 12 ? "12-bit in 16" : depth == 6 ? "6-bit in 8" : "1-bit";
	}

	/** Bits of one raw field: 1, 8 or 16. */
	private int fieldBits() {
		return depth == 1 ? 1 : depth == 6 ? 8 : 16;
	}

	@Override
	public SyntheticParams params(final long frames, final int height, final int width) {
		final var b = SyntheticParams.builder().navShape(frames);
		switch (depth) {
		case 1 -> b.dtype(DType.UINT8).noise(false).background(0).brightField(Double.NaN, 1).bragg(Double.NaN, 1, 1)
				.ringValues(1, 0);
		case 6 -> b.dtype(DType.UINT8).noise(true).background(1).brightField(Double.NaN, 6).bragg(Double.NaN, 3, 1)
				.ringValues(3, 1);
		case 12 -> b.dtype(DType.UINT16).noise(true);
		default -> b.dtype(DType.UINT32).noise(true).background(5000);
		}
		int h = height;
		int w = width;
		if (raw && quad) {
			// square frame of four chips whose rows fill whole 64-bit words
			final int s = up((Math.max(height, width) + 1) / 2, 64 / fieldBits());
			h = 2 * s;
			w = 2 * s;
		} else if (raw) {
			w = up(width, depth == 24 ? 4 : 64 / fieldBits());
		}
		return b.sigShape(h, w).build();
	}

	private static int up(final int v, final int m) {
		return Math.max(m, (v + m - 1) / m * m);
	}

	@Override
	public Path write(final Path dir, final SyntheticStem stem) throws IOException {
		final SyntheticParams p = stem.params();
		final int h = p.sigShape()[0];
		final int w = p.sigShape()[1];
		final Path file = dir.resolve("frames.mib");
		final int chips = quad ? 4 : 1;
		final int headerBytes = quad ? 768 : 384;
		final int hw = quad ? 2 * w : raw && depth == 24 ? 2 * w : w;
		final int hh = quad ? h / 2 : h;
		final String type = raw ? "R64" : depth == 6 ? "U08" : depth == 12 ? "U16" : "U32";
		final int bits = raw ? fieldBits() : depth == 6 ? 8 : depth == 12 ? 16 : 32;
		final long dataBytes = raw && depth == 24 ? 4L * h * w : (long) h * w * bits / 8;
		final int[] counts = new int[h * w];
		final int[] rawImage = quad ? new int[h * w] : null;
		final long max = (1L << depth) - 1;
		try (SampleOutput out = new SampleOutput(file, ByteOrder.BIG_ENDIAN)) {
			for (long f = 0; f < stem.frameCount(); f++) {
				stem.counts(f, counts);
				for (int i = 0; i < counts.length; i++)
					if (counts[i] < 0 || counts[i] > max)
						throw new LayoutException(file + ": frame " + f + " pixel " + i + " holds " + counts[i]
								+ ", more than counter depth " + depth + " stores");
				final ByteBuffer b = out.room(headerBytes + (int) dataBytes);
				b.put(header(f + 1, headerBytes, chips, hw, hh, type, quad ? "2x2" : "1x1", depth));
				if (!raw)
					putProcessed(counts, bits, b);
				else if (depth == 24) {
					pack(counts, 0, counts.length, 16, 12, 0xFFF, b);
					pack(counts, 0, counts.length, 16, 0, 0xFFF, b);
				} else if (quad) {
					toRaw(counts, h / 2, rawImage);
					pack(rawImage, 0, rawImage.length, bits, 0, -1, b);
				} else
					pack(counts, 0, counts.length, bits, 0, -1, b);
			}
		}
		return file;
	}

	private static void putProcessed(final int[] v, final int bits, final ByteBuffer b) {
		for (final int c : v)
			switch (bits) {
			case 8 -> b.put((byte) c);
			case 16 -> b.putShort((short) c);
			default -> b.putInt(c);
			}
	}

	/**
	 * Raw words of {@code v[from .. from + n)} ({@code n·bits} a multiple of 64): value {@code k} of a word in bits
	 * {@code k·bits ...}, each value shifted right by {@code shift} and masked with {@code mask} first, the word put
	 * big-endian.
	 */
	private static void pack(final int[] v, final int from, final int n, final int bits, final int shift, final int mask,
			final ByteBuffer b) {
		final int per = 64 / bits;
		for (int i = from; i < from + n; i += per) {
			long word = 0;
			for (int k = 0; k < per; k++)
				word |= (long) (v[i + k] >>> shift & mask & (int) ((1L << bits) - 1)) << (k * bits);
			b.putLong(word);
		}
	}

	/** The raw image of a 2S × 2S quad frame: raw row r = [s0|s1|s2|s3] (see the package documentation). */
	private static void toRaw(final int[] frame, final int s, final int[] raw) {
		final int n = 2 * s;
		for (int r = 0; r < s; r++)
			for (int x = 0; x < s; x++) {
				raw[r * 4 * s + 3 * s + x] = frame[r * n + x];
				raw[r * 4 * s + 2 * s + x] = frame[r * n + s + x];
				raw[r * 4 * s + s + x] = frame[(n - 1 - r) * n + (s - 1 - x)];
				raw[r * 4 * s + x] = frame[(n - 1 - r) * n + s + (s - 1 - x)];
			}
	}

	/** A frame header of {@code headerBytes} bytes, NUL-padded, with the fields in Merlin's order. */
	static byte[] header(final long seq, final int headerBytes, final int chips, final int width, final int height,
			final String type, final String layout, final int depth) {
		final StringBuilder sb = new StringBuilder();
		sb.append(String.format("MQ1,%06d,%05d,%02d,%04d,%04d,%s,%6s,%s,", seq, headerBytes, chips, width, height, type,
				layout, chips == 4 ? "0F" : "01"));
		sb.append("2021-04-15 14:00:20.096668,0.001000,0,0,0,");
		sb.append("2.000000E+0,5.110000E+2,0.000000E+0,0.000000E+0,0.000000E+0,0.000000E+0,0.000000E+0,0.000000E+0,");
		for (int c = 0; c < chips; c++)
			sb.append("3RX,011,511,000,000,000,000,000,000,175,010,200,125,100,100,093,100,099,030,128,004,255,140,")
					.append("128,191,179,511,511,");
		sb.append("MQ1A,2021-04-15T13:00:20.096668331Z,1000000ns,").append(depth).append(',');
		final byte[] text = sb.toString().getBytes(StandardCharsets.US_ASCII);
		if (text.length > headerBytes)
			throw new IllegalArgumentException("header text of " + text.length + " bytes exceeds " + headerBytes);
		final byte[] out = new byte[headerBytes];
		System.arraycopy(text, 0, out, 0, text.length);
		return out;
	}
}
