package org.maptem.frames;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.maptem.dataset.DType;
import org.maptem.dataset.Tile;

/**
 * Known frame contents and a naive, element-at-a-time codec, independent of {@link TileDecoder}: the oracle of the
 * frame tests.
 *
 * <p>Pixel {@code (frame, row, col)} holds {@link #value}, a number exactly representable in the stored type that
 * differs between neighbouring pixels and frames, so a tile read from the wrong place cannot match.
 */
final class FrameFixtures {

	/** Every element type with the byte orders worth testing. */
	static final DType[] ALL_TYPES = DType.values();

	private FrameFixtures() {
	}

	/** The stored value of a pixel, exactly representable in {@code type}. */
	static double value(final DType type, final long frame, final int row, final int col) {
		final long base = frame * 131 + row * 17L + col;
		switch (type) {
		case UINT8: return base % 256;
		case INT8: return base % 256 - 128;
		case UINT16: return base * 37 % 65536;
		case INT16: return base * 37 % 65536 - 32768;
		case UINT32: return base * 2654435761L % (1L << 32);
		case INT32: return base * 2654435761L % (1L << 32) - (1L << 31);
		case UINT12_PACKED: return base * 37 % 4096;
		case FLOAT32: return (float) ((base % 1000) * 0.37 - 150);
		case FLOAT64: return (base % 1000) * 0.37 - 150 + 1e-9;
		default: throw new IllegalArgumentException(type.toString());
		}
	}

	/** Encodes {@code values} one element at a time with {@code ByteBuffer.putShort} and friends. */
	static byte[] encode(final DType type, final ByteOrder order, final double[] values) {
		final ByteBuffer b = ByteBuffer.allocate((int) type.bytesFor(values.length)).order(order);
		if (type == DType.UINT12_PACKED) {
			// two values per three bytes as one little-endian 24-bit group: first value in the low 12 bits
			for (int i = 0; i < values.length; i += 2) {
				final int v0 = (int) values[i];
				final int v1 = i + 1 < values.length ? (int) values[i + 1] : 0;
				final int group = v0 | v1 << 12;
				b.put((byte) group);
				b.put((byte) (group >>> 8));
				if (i + 1 < values.length)
					b.put((byte) (group >>> 16));
			}
			return b.array();
		}
		for (final double v : values) {
			switch (type) {
			case UINT8, INT8 -> b.put((byte) (long) v);
			case UINT16, INT16 -> b.putShort((short) (long) v);
			case UINT32, INT32 -> b.putInt((int) (long) v);
			case FLOAT32 -> b.putFloat((float) v);
			case FLOAT64 -> b.putDouble(v);
			default -> throw new IllegalArgumentException(type.toString());
			}
		}
		return b.array();
	}

	/** Decodes element {@code index} of a run starting at byte {@code pos}, one {@code getShort} (etc.) at a time. */
	static double naiveDecode(final ByteBuffer b, final int pos, final int index, final DType type) {
		switch (type) {
		case UINT8: return b.get(pos + index) & 0xFF;
		case INT8: return b.get(pos + index);
		case UINT16: return b.getShort(pos + 2 * index) & 0xFFFF;
		case INT16: return b.getShort(pos + 2 * index);
		case UINT32: return b.getInt(pos + 4 * index) & 0xFFFFFFFFL;
		case INT32: return b.getInt(pos + 4 * index);
		case FLOAT32: return b.getFloat(pos + 4 * index);
		case FLOAT64: return b.getDouble(pos + 8 * index);
		case UINT12_PACKED: {
			final int g = pos + 3 * (index / 2);
			int group = (b.get(g) & 0xFF) | (b.get(g + 1) & 0xFF) << 8;
			if (index % 2 == 1)
				group |= (b.get(g + 2) & 0xFF) << 16;
			return index % 2 == 0 ? group & 0xFFF : group >>> 12;
		}
		default: throw new IllegalArgumentException(type.toString());
		}
	}

	/** The values of one frame, row-major. */
	static double[] frameValues(final FrameLayout layout, final long frame) {
		final double[] v = new double[layout.sigHeight() * layout.sigWidth()];
		for (int r = 0, i = 0; r < layout.sigHeight(); r++)
			for (int c = 0; c < layout.sigWidth(); c++, i++)
				v[i] = value(layout.dtype(), frame, r, c);
		return v;
	}

	/**
	 * The bytes of a stream with {@code layout}: {@code gap} bytes before the first frame and between frames (standing
	 * for headers and footers, so reading them as pixels shows), frame {@code f} holding dataset frame
	 * {@code baseFrame + f}.
	 */
	static byte[] streamBytes(final FrameLayout layout, final long baseFrame, final byte gap) {
		final byte[] out = new byte[(int) layout.requiredBytes()];
		java.util.Arrays.fill(out, gap);
		for (long f = 0; f < layout.frameCount(); f++) {
			final byte[] frame = encode(layout.dtype(), layout.byteOrder(), frameValues(layout, baseFrame + f));
			System.arraycopy(frame, 0, out, (int) layout.position(f, 0), frame.length);
		}
		return out;
	}

	/** Writes {@link #streamBytes} to {@code dir/name}, plus {@code trailing} extra bytes. */
	static Path writeFile(final Path dir, final String name, final FrameLayout layout, final long baseFrame,
			final int trailing) throws IOException {
		final byte[] body = streamBytes(layout, baseFrame, (byte) 0x7F);
		final byte[] all = java.util.Arrays.copyOf(body, body.length + trailing);
		final Path p = dir.resolve(name);
		Files.write(p, all);
		return p;
	}

	/** The expected pixels of {@code tile}, frame after frame, rows in order. */
	static double[] expected(final DType type, final Tile tile) {
		final double[] v = new double[tile.size()];
		int i = 0;
		for (int f = 0; f < tile.frameCount(); f++)
			for (int r = tile.sigRowStart(); r < tile.sigRowStart() + tile.sigRows(); r++)
				for (int c = 0; c < tile.sigWidth(); c++)
					v[i++] = value(type, tile.firstFrame() + f, r, c);
		return v;
	}

	/**
	 * Every tile of frames {@code [first, first + count)} for each plan: {@code framesPerTile} whole frames, or one
	 * frame in bands of {@code rows} rows.
	 */
	static List<Tile> tiles(final long first, final long count, final int sigH, final int sigW, final int framesPerTile,
			final int rows) {
		final List<Tile> out = new ArrayList<>();
		for (long f = first; f < first + count; f += framesPerTile) {
			final int n = (int) Math.min(framesPerTile, first + count - f);
			for (int r = 0; r < sigH; r += rows)
				out.add(new Tile(f, n, r, Math.min(rows, sigH - r), sigW));
		}
		return out;
	}

	/** Asserts that {@code source} decodes every tile to its expected values, as float and as double. */
	static void assertReadsAll(final FrameSource source, final DType type, final List<Tile> tiles) {
		for (final Tile t : tiles)
			assertTile(source, type, t);
	}

	/** Asserts one tile as float and as double; the arrays are larger than the tile, as reused tile buffers are. */
	static void assertTile(final FrameSource source, final DType type, final Tile t) {
		final double[] want = expected(type, t);
		final float[] f = new float[t.size() + 3];
		final double[] d = new double[t.size() + 3];
		source.read(t, f);
		source.read(t, d);
		for (int i = 0; i < want.length; i++) {
			if (Float.floatToIntBits(f[i]) != Float.floatToIntBits((float) want[i]))
				fail(type + " tile " + t + " float value " + i + ": expected " + (float) want[i]
						+ ", found " + f[i]);
			if (Double.doubleToLongBits(d[i]) != Double.doubleToLongBits(want[i]))
				fail(type + " tile " + t + " double value " + i + ": expected " + want[i] + ", found "
						+ d[i]);
		}
	}
}
