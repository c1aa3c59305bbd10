package org.maptem.formats.seq;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;
import org.maptem.formats.HeaderBytes;

/**
 * The validated header of a Norpix {@code .seq} file (layout in the package documentation).
 *
 * <p>{@link #read} checks every field it uses against the documented values and the file length before anything
 * else is read, so a header that passes describes frames that lie inside the file.
 *
 * @param version        format version (5 for StreamPix 6)
 * @param headerSize     header size field, as written (informational)
 * @param width          pixels per row
 * @param height         rows per frame
 * @param bitDepth       bits per stored pixel: 8, 16 or 32
 * @param bitDepthReal   significant bits per pixel, as written (informational)
 * @param allocatedFrames allocated-frames field, as written (informational)
 * @param trueImageSize  bytes from one frame's start to the next
 * @param frameRate      suggested frame rate, as written
 * @param name           the name field ("Norpix seq")
 * @param imageOffset    byte offset of the first frame: 8192 from version 5 on, 1024 before
 * @param frameCount     whole frames in the file
 */
public record SeqHeader(int version, int headerSize, int width, int height, int bitDepth, int bitDepthReal,
		long allocatedFrames, long trueImageSize, double frameRate, String name, long imageOffset, long frameCount) {

	/** The magic number at byte 0. */
	public static final int MAGIC = 0xFEED;
	/** Bytes of the fixed header read and validated. */
	static final int HEADER_BYTES = 1024;
	/** Largest width or height accepted: far beyond any camera, small enough that a frame fits a Java array. */
	static final int MAX_EXTENT = 1 << 15;
	static final int OFFSET_VERSION = 28;
	static final int OFFSET_HEADER_SIZE = 32;
	static final int OFFSET_WIDTH = 548;
	static final int OFFSET_HEIGHT = 552;
	static final int OFFSET_BIT_DEPTH = 556;
	static final int OFFSET_BIT_DEPTH_REAL = 560;
	static final int OFFSET_IMAGE_FORMAT = 568;
	static final int OFFSET_ALLOCATED_FRAMES = 572;
	static final int OFFSET_TRUE_IMAGE_SIZE = 580;
	static final int OFFSET_FRAME_RATE = 584;
	static final int OFFSET_COMPRESSION = 620;
	/** Image format code of monochrome images. */
	static final int MONOCHROME = 100;

	/** True when {@code head} starts with the {@code .seq} magic 0xFEED (little-endian u32). */
	public static boolean hasMagic(final byte[] head) {
		return head.length >= 4 && ByteBuffer.wrap(head, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() == MAGIC;
	}

	/** Stored element type: unsigned integers of {@link #bitDepth} bits. */
	public DType dtype() {
		return switch (bitDepth) {
		case 8 -> DType.UINT8;
		case 16 -> DType.UINT16;
		default -> DType.UINT32;
		};
	}

	/** Bytes of one frame's pixels. */
	public long frameBytes() {
		return (long) width * height * (bitDepth / 8);
	}

	/**
	 * Reads and validates the header of {@code file}.
	 *
	 * @throws LayoutException naming the file and the field or offset of the first problem
	 */
	public static SeqHeader read(final Path file) {
		final HeaderBytes head = HeaderBytes.read(file, HEADER_BYTES, ".seq header");
		final ByteBuffer b = head.bytes();
		final long size = head.fileSize();
		final int magic = b.getInt(0);
		if (magic != MAGIC)
			throw LayoutException.badBytes(file, 0, "magic 0xFEED", String.format("0x%X", magic));
		final int compression = b.getInt(OFFSET_COMPRESSION);
		if (compression != 0)
			throw LayoutException.badField(file, "compression format (byte 620)", "0 (uncompressed)", compression);
		final int format = b.getInt(OFFSET_IMAGE_FORMAT);
		if (format != MONOCHROME)
			throw LayoutException.badField(file, "image format (byte 568)", MONOCHROME + " (monochrome)", format);
		final int version = b.getInt(OFFSET_VERSION);
		if (version < 1 || version > 255)
			throw LayoutException.badField(file, "version (byte 28)", "1 to 255", version);
		final int width = extent(file, b, OFFSET_WIDTH, "width");
		final int height = extent(file, b, OFFSET_HEIGHT, "height");
		final int depth = b.getInt(OFFSET_BIT_DEPTH);
		if (depth != 8 && depth != 16 && depth != 32)
			throw LayoutException.badField(file, "bit depth (byte 556)", "8, 16 or 32", Integer.toUnsignedString(depth));
		final long frameBytes = (long) width * height * (depth / 8);
		if (frameBytes > Integer.MAX_VALUE)
			throw LayoutException.badField(file, "width × height × bit depth", "a frame below 2^31 bytes", frameBytes + " bytes");
		final long trueSize = Integer.toUnsignedLong(b.getInt(OFFSET_TRUE_IMAGE_SIZE));
		if (trueSize < frameBytes)
			throw LayoutException.badField(file, "true image size (byte 580)", "at least the " + frameBytes + " bytes of "
					+ height + " × " + width + " pixels of " + depth + " bits", trueSize);
		final long offset = version >= 5 ? 8192 : 1024;
		final long frames = size < offset ? 0 : (size - offset) / trueSize;
		if (frames < 1)
			throw LayoutException.badField(file, "file size", "at least one frame: " + offset + " + " + trueSize + " bytes",
					size + " bytes");
		return new SeqHeader(version, b.getInt(OFFSET_HEADER_SIZE), width, height, depth, b.getInt(OFFSET_BIT_DEPTH_REAL),
				Integer.toUnsignedLong(b.getInt(OFFSET_ALLOCATED_FRAMES)), trueSize, b.getDouble(OFFSET_FRAME_RATE),
				utf16(b, 4, 24), offset, frames);
	}

	private static int extent(final Path file, final ByteBuffer b, final int at, final String name) {
		final int v = b.getInt(at);
		if (v < 1 || v > MAX_EXTENT)
			throw LayoutException.badField(file, name + " (byte " + at + ")", "1 to " + MAX_EXTENT, Integer.toUnsignedString(v));
		return v;
	}

	/** A NUL-terminated UTF-16LE string of at most {@code bytes} bytes at {@code at}. */
	private static String utf16(final ByteBuffer b, final int at, final int bytes) {
		int n = 0;
		while (n + 1 < bytes && (b.get(at + n) != 0 || b.get(at + n + 1) != 0))
			n += 2;
		final byte[] s = new byte[n];
		b.get(at, s);
		return new String(s, StandardCharsets.UTF_16LE);
	}
}
