package org.maptem.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.maptem.dataset.DType;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Tile;
import org.maptem.dataset.TilePlan;
import org.maptem.frames.FrameSource;

/**
 * Test data made and decoded independently of the code under test: random values per dtype, naive element
 * encoders with explicit shifts, and a reader that pulls every value of a dataset through its tiles.
 */
public final class Samples {

	private Samples() {
	}

	/** The shared test data directory. */
	public static Path testdata() {
		return Path.of(System.getProperty("maptem.testdata", "../../shared/testdata"));
	}

	/** {@code n} random values that {@code t} represents exactly, spanning its range (packed 12-bit: 0 to 4095). */
	public static double[] values(final DType t, final int n, final long seed) {
		final Random r = new Random(seed);
		final double[] v = new double[n];
		for (int i = 0; i < n; i++)
			v[i] = switch (t) {
			case UINT8 -> r.nextInt(256);
			case INT8 -> r.nextInt(256) - 128;
			case UINT16 -> r.nextInt(65536);
			case INT16 -> r.nextInt(65536) - 32768;
			case UINT12_PACKED -> r.nextInt(4096);
			case UINT32 -> r.nextLong() & 0xFFFFFFFFL;
			case INT32 -> r.nextInt();
			case FLOAT32 -> (float) (r.nextGaussian() * 1e3);
			case FLOAT64 -> r.nextGaussian() * 1e9;
			};
		return v;
	}

	/**
	 * Encodes one frame's values element by element with explicit shifts; packed 12-bit puts two values in three
	 * bytes, low bits first ({@code b0 = v0, b1 = v0 >> 8 | v1 << 4, b2 = v1 >> 4}), an odd last value in two bytes.
	 */
	public static byte[] encode(final DType t, final double[] v, final int off, final int n, final boolean little) {
		if (t == DType.UINT12_PACKED) {
			final byte[] out = new byte[(n * 3 + 1) / 2];
			for (int i = 0; i < n; i += 2) {
				final int a = (int) v[off + i];
				final int b = i + 1 < n ? (int) v[off + i + 1] : 0;
				final int j = i / 2 * 3;
				out[j] = (byte) a;
				out[j + 1] = (byte) ((a >> 8) & 0x0F | (b & 0x0F) << 4);
				if (i + 1 < n)
					out[j + 2] = (byte) (b >> 4);
			}
			return out;
		}
		final int w = t.bytes();
		final byte[] out = new byte[n * w];
		for (int i = 0; i < n; i++) {
			final long bits = switch (t) {
			case FLOAT32 -> Float.floatToRawIntBits((float) v[off + i]);
			case FLOAT64 -> Double.doubleToRawLongBits(v[off + i]);
			default -> (long) v[off + i];
			};
			for (int k = 0; k < w; k++) {
				final int shift = 8 * (little ? k : w - 1 - k);
				out[i * w + k] = (byte) (bits >>> shift);
			}
		}
		return out;
	}

	/** Writes a raw file: {@code offset} filler bytes, then per frame header filler, pixels, footer filler. */
	public static Path writeRaw(final Path file, final DType t, final boolean little, final double[] values,
			final int frames, final int framePixels, final int offset, final int header, final int footer)
			throws IOException {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < offset; i++)
			out.write(0xA0 + i % 16);
		for (int f = 0; f < frames; f++) {
			for (int i = 0; i < header; i++)
				out.write(0xEE);
			out.write(encode(t, values, f * framePixels, framePixels, little));
			for (int i = 0; i < footer; i++)
				out.write(0xFF);
		}
		Files.write(file, out.toByteArray());
		return file;
	}

	/** Every value of {@code d}, frame after frame, read partition by partition through tiles of {@code plan}. */
	public static double[] readAll(final Dataset d, final TilePlan plan) {
		final int[] sig = d.meta().sigShape();
		final int frame = sig[0] * sig[1];
		final double[] all = new double[Math.toIntExact(d.meta().frameCount() * frame)];
		final double[] tileBuf = new double[plan.maxTileSize(sig)];
		for (final Partition p : d.partitions())
			try (FrameSource s = d.open(p)) {
				for (final Tile t : plan.tiles(p, sig)) {
					s.read(t, tileBuf);
					final int rowsPer = t.sigRows() * sig[1];
					for (int f = 0; f < t.frameCount(); f++)
						System.arraycopy(tileBuf, f * rowsPer, all,
								(int) ((t.firstFrame() + f) * frame + (long) t.sigRowStart() * sig[1]), rowsPer);
				}
			}
		return all;
	}

	/** As {@link #readAll(Dataset, TilePlan)} into floats. */
	public static float[] readAllFloat(final Dataset d, final TilePlan plan) {
		final int[] sig = d.meta().sigShape();
		final int frame = sig[0] * sig[1];
		final float[] all = new float[Math.toIntExact(d.meta().frameCount() * frame)];
		final float[] tileBuf = new float[plan.maxTileSize(sig)];
		for (final Partition p : d.partitions())
			try (FrameSource s = d.open(p)) {
				for (final Tile t : plan.tiles(p, sig)) {
					s.read(t, tileBuf);
					final int rowsPer = t.sigRows() * sig[1];
					for (int f = 0; f < t.frameCount(); f++)
						System.arraycopy(tileBuf, f * rowsPer, all,
								(int) ((t.firstFrame() + f) * frame + (long) t.sigRowStart() * sig[1]), rowsPer);
				}
			}
		return all;
	}
}
