package org.maptem.formats.blockfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.maptem.bench.FormatSample;
import org.maptem.bench.SampleScan;
import org.maptem.dataset.DType;
import org.maptem.synth.SyntheticParams;
import org.maptem.synth.SyntheticStem;

/**
 * A NanoMegas blockfile ({@code .blo}, MAGIC 258) of uint8 square frames, for the per-format benchmark: the 240-byte
 * header of {@link org.maptem.formats.blockfile the package documentation}, a navigator of each frame's mean count
 * (clamped to 255), then one record per frame ({@code AA 55}, u32 frame number, the pixels).
 *
 * <p>Blockfiles hold square frames on an {@code NY × NX} scan of at most 65535 positions per axis: the parameters
 * take the smaller requested side and the scan {@link SampleScan#of} chooses (at most 65535 per axis). Counts are
 * those of the default synthetic model with noise, at most about 190, inside uint8.
 */
public final class BlockfileSample implements FormatSample {

	@Override
	public String name() {
		return "blockfile uint8";
	}

	@Override
	public String storage() {
		return "uint8";
	}

	@Override
	public SyntheticParams params(final long frames, final int height, final int width) {
		final int side = Math.min(Math.min(height, width), 0xFFFF);
		return SyntheticParams.builder().navShape(SampleScan.of(frames, 0xFFFF)).sigShape(side, side).dtype(DType.UINT8)
				.noise(true).build();
	}

	@Override
	public Path write(final Path dir, final SyntheticStem stem) throws IOException {
		final SyntheticParams p = stem.params();
		final int ny = (int) p.navShape()[0];
		final int nx = (int) p.navShape()[1];
		final int side = p.sigShape()[0];
		final long frames = stem.frameCount();
		final long navigatorAt = BlockfileHeader.FIXED_BYTES;
		final long dataAt = navigatorAt + frames;
		final Path file = dir.resolve("scan.blo");
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			final ByteBuffer h = ByteBuffer.allocate(BlockfileHeader.FIXED_BYTES).order(ByteOrder.LITTLE_ENDIAN);
			h.put(BlockfileHeader.ID).putShort(6, (short) 258).putInt(8, (int) navigatorAt).putInt(12, (int) dataAt)
					.putShort(20, (short) side).putShort(24, (short) nx).putShort(26, (short) ny)
					.putDouble(30, p.calibration().scanStep()[1]).putDouble(38, p.calibration().scanStep()[0])
					.putInt(46, (int) Math.round(p.calibration().beamEnergy() * 1000))
					.putInt(52, (int) Math.round(p.calibration().cameraLength() * 1e4));
			writeAt(ch, h.clear(), 0);
			final int pixels = side * side;
			final ByteBuffer record = ByteBuffer.allocate(BlockfileHeader.FRAME_PREFIX + pixels).order(ByteOrder.LITTLE_ENDIAN);
			final byte[] navigator = new byte[(int) Math.min(frames, 1 << 20)];
			long navFlushed = 0;
			for (long f = 0; f < frames; f++) {
				record.clear();
				record.put((byte) 0xAA).put((byte) 0x55).putInt((int) f);
				stem.encode(f, record);
				long sum = 0;
				for (int i = BlockfileHeader.FRAME_PREFIX; i < record.limit(); i++)
					sum += record.get(i) & 0xFF;
				navigator[(int) (f - navFlushed)] = (byte) Math.min(255, sum / pixels);
				writeAt(ch, record.flip(), dataAt + f * record.capacity());
				if (f + 1 - navFlushed == navigator.length || f + 1 == frames) {
					writeAt(ch, ByteBuffer.wrap(navigator, 0, (int) (f + 1 - navFlushed)), navigatorAt + navFlushed);
					navFlushed = f + 1;
				}
			}
		}
		return file;
	}

	private static void writeAt(final FileChannel ch, final ByteBuffer b, final long at) throws IOException {
		long pos = at;
		while (b.hasRemaining())
			pos += ch.write(b, pos);
	}
}
