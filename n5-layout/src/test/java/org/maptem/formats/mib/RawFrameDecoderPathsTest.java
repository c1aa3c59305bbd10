package org.maptem.formats.mib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.maptem.dataset.DType;
import org.maptem.frames.Simd;

/**
 * The vector and scalar loops of {@link RawFrameDecoder} give the same values for every raw encoding, in whole frames
 * and in row bands of odd sizes, on random words (every bit pattern, not only counts the detector writes): the
 * vector path is an optimisation, never a different decoder.
 */
class RawFrameDecoderPathsTest {

	@ParameterizedTest(name = "{0} {1}-bit, {2} x {3}")
	@CsvSource({ "RAW, 1, 64, 128", "RAW, 8, 24, 40", "RAW, 16, 20, 44", "RAW_QUAD, 1, 128, 128", "RAW_QUAD, 8, 48, 48",
			"RAW_QUAD, 16, 24, 24", "RAW_QUAD, 16, 32, 32", "RAW_QUAD, 16, 40, 40", "RAW_QUAD, 16, 48, 48",
			"RAW_24, 16, 12, 36" })
	void vectorAndScalarLoopsAgree(final FrameEncoding.Kind kind, final int bits, final int h, final int w) {
		assertTrue(Simd.enabled(), "the test JVM runs the vector loops");
		final long dataBytes = kind == FrameEncoding.Kind.RAW_24 ? 4L * h * w : (long) h * w * bits / 8;
		final DType t = kind == FrameEncoding.Kind.RAW_24 ? DType.UINT32 : bits == 16 ? DType.UINT16 : DType.UINT8;
		final FrameEncoding enc = new FrameEncoding(kind, bits, h, w, t, dataBytes);
		final byte[] bytes = new byte[(int) dataBytes + 16];
		new Random(bits * 31 + h).nextBytes(bytes);
		final ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
		for (final int[] band : new int[][] { { 0, h }, { 1, h - 3 }, { h / 2 - 1, 3 }, { h - 1, 1 } }) {
			final float[] vector = new float[band[1] * w];
			final float[] scalar = new float[band[1] * w];
			new RawFrameDecoder(enc).decode(buf, 8, band[0], band[1], vector, 0);
			Simd.scalarWhile(() -> {
				new RawFrameDecoder(enc).decode(buf, 8, band[0], band[1], scalar, 0);
				return true;
			});
			assertArrayEquals(scalar, vector, kind + " " + bits + "-bit rows " + band[0] + " + " + band[1]);
		}
	}
}
