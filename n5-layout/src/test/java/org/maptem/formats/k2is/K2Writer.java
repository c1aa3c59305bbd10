package org.maptem.formats.k2is;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.maptem.formats.dm.DmBytes;

/**
 * Writes K2IS data sets for tests from the documented layout: 0x5758-byte blocks with 40-byte big-endian headers,
 * 930 × 16 pixels of 12-bit values packed two in three bytes (low bits first), slot k of a sector's frame at block
 * row k / 16 and block column 15 − k mod 16.
 *
 * <p>Block {@code B} of the recording (frame {@code B / 32}, slot {@code B mod 32}) has block count
 * {@code 1000 + B} in every sector; sector {@code s} holds blocks {@code lead[s]} to {@code total − tail[s]}, so the
 * sectors start and end at different blocks, inside frames.
 */
final class K2Writer {

	/** Changes a block header before it is written. */
	@FunctionalInterface
	interface Tweak {
		void apply(int sector, long block, ByteBuffer header);
	}

	static final int BLOCK = 0x5758;

	/** Frame id of recorded frame {@code i}. */
	static long frameId(final int i) {
		return 500 + i;
	}

	/** The test pattern: a 12-bit value for every pixel of every frame id. */
	static int value(final long frameId, final int y, final int x) {
		final long h = frameId * 0x9E3779B97F4A7C15L + y * 0xC2B2AE3D27D4EB4FL + x * 0x165667B19E3779F9L;
		return (int) ((h ^ h >>> 29) >>> 40) & 0xFFF;
	}

	/**
	 * Writes {@code NAME_1.bin … NAME_8.bin}, and {@code NAME_.gtg} (named as the camera software names it) with the
	 * scan shape if {@code scan} is not null.
	 *
	 * @param frames       recorded frames (ids {@link #frameId}(0) …)
	 * @param shutterFrame first recorded frame with the shutter-active flag
	 * @param lead         per sector, blocks missing at the start
	 * @param tail         per sector, blocks missing at the end
	 */
	static void write(final Path dir, final String name, final int frames, final int shutterFrame, final int[] lead,
			final int[] tail, final long[] scan, final Tweak tweak) throws IOException {
		final int total = frames * 32;
		for (int s = 0; s < 8; s++) {
			final int n = total - lead[s] - tail[s];
			final ByteBuffer file = ByteBuffer.allocate(n * BLOCK).order(ByteOrder.BIG_ENDIAN);
			for (int b = lead[s]; b < total - tail[s]; b++) {
				final int at = (b - lead[s]) * BLOCK;
				final int frame = b / 32;
				final int slot = b % 32;
				final int yStart = 930 * (slot / 16);
				final int xStart = 16 * (15 - slot % 16);
				final ByteBuffer h = file.slice(at, 40).order(ByteOrder.BIG_ENDIAN);
				h.putInt(0, 0xFFFF0055);
				h.put(8, (byte) 2);
				h.put(9, (byte) (frame >= shutterFrame ? 1 : 0));
				h.putInt(16, 1000 + b);
				h.putShort(20, (short) 256);
				h.putShort(22, (short) 1860);
				h.putInt(24, (int) frameId(frame));
				h.putShort(28, (short) xStart);
				h.putShort(30, (short) yStart);
				h.putShort(32, (short) (xStart + 15));
				h.putShort(34, (short) (yStart + 929));
				h.putInt(36, BLOCK);
				if (tweak != null)
					tweak.apply(s, b, h);
				int p = at + 40;
				for (int r = 0; r < 930; r++)
					for (int c = 0; c < 16; c += 2) {
						final int v0 = value(frameId(frame), yStart + r, 256 * s + xStart + c);
						final int v1 = value(frameId(frame), yStart + r, 256 * s + xStart + c + 1);
						file.put(p++, (byte) v0);
						file.put(p++, (byte) (v0 >> 8 & 0x0F | (v1 & 0x0F) << 4));
						file.put(p++, (byte) (v1 >> 4));
					}
			}
			Files.write(dir.resolve(name + "_" + (s + 1) + ".bin"), file.array());
		}
		if (scan != null)
			Files.write(dir.resolve(name + "_.gtg"), gtg(scan));
	}

	/** A DM4 tag file with {@code SI Dimensions/Size X, Size Y} and a few other tags. */
	static byte[] gtg(final long[] scan) {
		final DmBytes w = new DmBytes(4, true);
		return w.file(DmBytes.group(
				"Acquisition", DmBytes.group("Frame Rate", new DmBytes.Num(7, 400)),
				"SI Dimensions", DmBytes.group("Size X", new DmBytes.Num(3, scan[1]), "Size Y", new DmBytes.Num(3, scan[0])),
				"SI Image Tags", DmBytes.group("SI", DmBytes.group("Acquisition", DmBytes.group("Spatial Sampling",
						DmBytes.group("Height (pixels)", new DmBytes.Num(3, scan[0]), "Width (pixels)",
								new DmBytes.Num(3, Math.max(1, scan[1] - 1))))))));
	}
}
