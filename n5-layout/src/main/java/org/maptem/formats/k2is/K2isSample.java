package org.maptem.formats.k2is;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.maptem.bench.FormatSample;
import org.maptem.bench.SampleOutput;
import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;
import org.maptem.synth.SyntheticParams;
import org.maptem.synth.SyntheticStem;

/**
 * A K2 IS data set for the per-format benchmark: 8 sector files {@code k2_1.bin … k2_8.bin} of 0x5758-byte blocks
 * (layout in the {@link org.maptem.formats.k2is package documentation}), every block shutter-active, all sectors
 * starting and ending on frame boundaries, and no {@code .gtg} (so the reader opens a time series of every frame).
 * Frames are K2IS's fixed 1860 × 2048 pixels of 12-bit counts, whatever shape is asked for.
 */
public final class K2isSample implements FormatSample {

	@Override
	public String name() {
		return "k2is";
	}

	@Override
	public String storage() {
		return "12-bit packed blocks";
	}

	@Override
	public SyntheticParams params(final long frames, final int height, final int width) {
		return SyntheticParams.builder().navShape(frames).sigShape(K2Block.FRAME_HEIGHT, K2Block.FRAME_WIDTH)
				.dtype(DType.UINT12_PACKED).noise(true).build();
	}

	@Override
	public Path write(final Path dir, final SyntheticStem stem) throws IOException {
		final int[] counts = new int[K2Block.FRAME_HEIGHT * K2Block.FRAME_WIDTH];
		final SampleOutput[] out = new SampleOutput[K2Block.SECTORS];
		try {
			for (int s = 0; s < out.length; s++)
				out[s] = new SampleOutput(dir.resolve("k2_" + (s + 1) + ".bin"), ByteOrder.BIG_ENDIAN);
			for (long f = 0; f < stem.frameCount(); f++) {
				stem.counts(f, counts);
				for (int s = 0; s < K2Block.SECTORS; s++)
					for (int slot = 0; slot < K2Block.PER_FRAME; slot++)
						block(out[s].room(K2Block.BYTES), counts, s, f, slot);
			}
		} finally {
			for (final SampleOutput o : out)
				if (o != null)
					o.close();
		}
		return dir.resolve("k2_1.bin");
	}

	/** Block {@code slot} of sector {@code s} of frame {@code f}: header, then 930 rows of 16 packed values. */
	private static void block(final ByteBuffer b, final int[] counts, final int s, final long f, final int slot) {
		final int yStart = K2Block.ROWS * K2Block.slotRow(slot);
		final int xStart = K2Block.COLS * K2Block.slotColumn(slot);
		final int at = b.position();
		b.putInt(at, (int) K2Block.SYNC);
		b.put(at + 8, (byte) 2);
		b.put(at + 9, (byte) K2Block.SHUTTER_ACTIVE);
		b.putInt(at + 16, (int) (1000 + f * K2Block.PER_FRAME + slot));
		b.putShort(at + 20, (short) K2Block.SECTOR_WIDTH);
		b.putShort(at + 22, (short) K2Block.FRAME_HEIGHT);
		b.putInt(at + 24, (int) (500 + f));
		b.putShort(at + 28, (short) xStart);
		b.putShort(at + 30, (short) yStart);
		b.putShort(at + 32, (short) (xStart + K2Block.COLS - 1));
		b.putShort(at + 34, (short) (yStart + K2Block.ROWS - 1));
		b.putInt(at + 36, K2Block.BYTES);
		int p = at + K2Block.HEADER;
		for (int r = 0; r < K2Block.ROWS; r++) {
			final int row = (yStart + r) * K2Block.FRAME_WIDTH + K2Block.SECTOR_WIDTH * s + xStart;
			for (int c = 0; c < K2Block.COLS; c += 2) {
				final int v0 = value(counts, row + c, f);
				final int v1 = value(counts, row + c + 1, f);
				b.put(p++, (byte) v0);
				b.put(p++, (byte) (v0 >> 8 & 0x0F | (v1 & 0x0F) << 4));
				b.put(p++, (byte) (v1 >> 4));
			}
		}
		b.position(at + K2Block.BYTES);
	}

	private static int value(final int[] counts, final int i, final long f) {
		final int v = counts[i];
		if (v < 0 || v > 0xFFF)
			throw new LayoutException("K2IS sample: frame " + f + " pixel " + i + " holds " + v + ", more than 12 bits");
		return v;
	}
}
