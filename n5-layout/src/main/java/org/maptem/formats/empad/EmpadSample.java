package org.maptem.formats.empad;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.maptem.bench.FormatSample;
import org.maptem.bench.SampleOutput;
import org.maptem.dataset.DType;
import org.maptem.synth.SyntheticParams;
import org.maptem.synth.SyntheticStem;

/**
 * An EMPAD series for the per-format benchmark: {@code frames.raw}, frames of 130 × 128 little-endian float32 (the
 * 128 × 128 pixels, then two rows of per-frame metadata, written as zeros), and {@code frames.xml} describing a
 * series of that many frames (layout in the {@link org.maptem.formats.empad package documentation}). Frames are
 * EMPAD's fixed 128 × 128 pixels whatever shape is asked for.
 */
public final class EmpadSample implements FormatSample {

	private static final int SIDE = 128;

	@Override
	public String name() {
		return "empad";
	}

	@Override
	public String storage() {
		return "float32 + 2 rows";
	}

	@Override
	public SyntheticParams params(final long frames, final int height, final int width) {
		return SyntheticParams.builder().navShape(frames).sigShape(SIDE, SIDE).dtype(DType.FLOAT32).noise(true).build();
	}

	@Override
	public Path write(final Path dir, final SyntheticStem stem) throws IOException {
		final float[] frame = new float[SIDE * SIDE];
		final int recordBytes = (SIDE + 2) * SIDE * 4;
		try (SampleOutput out = new SampleOutput(dir.resolve("frames.raw"), ByteOrder.LITTLE_ENDIAN)) {
			for (long f = 0; f < stem.frameCount(); f++) {
				stem.frame(f, frame);
				final ByteBuffer b = out.room(recordBytes);
				final int at = b.position();
				b.asFloatBuffer().put(frame);
				b.position(at + recordBytes);
				for (int i = at + frame.length * 4; i < at + recordBytes; i++)
					b.put(i, (byte) 0);
			}
		}
		final Path xml = dir.resolve("frames.xml");
		Files.writeString(xml, "<root name=\"bench\"><type>series</type><count>" + stem.frameCount()
				+ "</count><raw_file filename=\"frames.raw\"/></root>\n");
		return xml;
	}
}
