package org.maptem.formats.mib;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes Merlin {@code .mib} files from the documented layout, independently of the reader: header text with the
 * field order of real Merlin headers, processed big-endian counts, and raw words packed little-endian and then
 * byte-reversed per 8-byte word (the layout as the Merlin documentation and LiberTEM's encoders state it), with
 * quad frames disassembled into raw rows {@code [s0|s1|s2|s3]} by explicit index arithmetic.
 */
final class MibWriter {

	private MibWriter() {
	}

	/** A frame header of {@code headerBytes} bytes, NUL-padded, with the fields in Merlin's order. */
	static byte[] header(final int seq, final int headerBytes, final int chips, final int width, final int height,
			final String type, final String layout, final int depth) {
		return MibSample.header(seq, headerBytes, chips, width, height, type, layout, depth);
	}

	/** Big-endian unsigned counts of {@code bytes} bytes each. */
	static byte[] processed(final int[] values, final int bytes) {
		final byte[] out = new byte[values.length * bytes];
		for (int i = 0; i < values.length; i++)
			for (int k = 0; k < bytes; k++)
				out[i * bytes + k] = (byte) (values[i] >>> (8 * (bytes - 1 - k)));
		return out;
	}

	/**
	 * Raw R64 words for {@code values} of {@code bits} bits (1, 8, 16): packed little-endian (value i at bit
	 * i·bits of the little-endian bit stream), then the 8 bytes of every word reversed.
	 */
	static byte[] raw(final int[] values, final int bits) {
		final byte[] le = new byte[values.length * bits / 8];
		for (int i = 0; i < values.length; i++) {
			final long bit = (long) i * bits;
			for (int b = 0; b < bits; b++)
				if ((values[i] >>> b & 1) != 0)
					le[(int) ((bit + b) / 8)] |= (byte) (1 << ((bit + b) % 8));
		}
		final byte[] out = new byte[le.length];
		for (int w = 0; w < le.length; w += 8)
			for (int k = 0; k < 8; k++)
				out[w + k] = le[w + 7 - k];
		return out;
	}

	/**
	 * The raw image (4S wide, S high) of a 2S × 2S quad frame: raw row r = [s0|s1|s2|s3] where s3 = frame row r left
	 * half, s2 = its right half, s1 = frame row 2S-1-r left half reversed, s0 = that row's right half reversed.
	 */
	static int[] quadToRaw(final int[] frame, final int s) {
		final int n = 2 * s;
		final int[] raw = new int[4 * s * s];
		for (int r = 0; r < s; r++)
			for (int x = 0; x < s; x++) {
				raw[r * 4 * s + 3 * s + x] = frame[r * n + x];
				raw[r * 4 * s + 2 * s + x] = frame[r * n + s + x];
				raw[r * 4 * s + s + x] = frame[(n - 1 - r) * n + (s - 1 - x)];
				raw[r * 4 * s + x] = frame[(n - 1 - r) * n + s + (s - 1 - x)];
			}
		return raw;
	}

	/** Writes frames: each {@code header(seq)} then {@code data[f]}. */
	static Path write(final Path file, final int firstSeq, final int headerBytes, final int chips, final int width,
			final int height, final String type, final String layout, final int depth, final byte[][] data)
			throws IOException {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int f = 0; f < data.length; f++) {
			out.writeBytes(header(firstSeq + f, headerBytes, chips, width, height, type, layout, depth));
			out.writeBytes(data[f]);
		}
		Files.write(file, out.toByteArray());
		return file;
	}

	/** {@code n} random values below {@code 2^bits}. */
	static int[] random(final int n, final int bits, final long seed) {
		final Random r = new Random(seed);
		final int[] v = new int[n];
		for (int i = 0; i < n; i++)
			v[i] = bits >= 31 ? r.nextInt() >>> 1 : r.nextInt(1 << bits);
		return v;
	}

	/** A minimal Merlin .hdr with the given frame counts and extra lines. */
	static Path hdr(final Path file, final long framesInAcquisition, final long framesPerTrigger, final String... extra)
			throws IOException {
		final StringBuilder sb = new StringBuilder("HDR,\t\r\n");
		sb.append("Time and Date Stamp (day, mnth, yr, hr, min, s):\t15/04/2021 14:00:18\r\n");
		sb.append("Chip ID:\tW556_B4, - , - , - \r\n");
		sb.append("Assembly Size (NX1, 2X2):\t   1x1\r\n");
		sb.append("Counter Depth (number):\t6\r\n");
		sb.append("Frames in Acquisition (Number):\t").append(framesInAcquisition).append("\r\n");
		sb.append("Frames per Trigger (Number):\t").append(framesPerTrigger).append("\r\n");
		for (final String e : extra)
			sb.append(e).append("\r\n");
		sb.append("End\t                    ");
		Files.writeString(file, sb.toString(), StandardCharsets.ISO_8859_1);
		return file;
	}
}
