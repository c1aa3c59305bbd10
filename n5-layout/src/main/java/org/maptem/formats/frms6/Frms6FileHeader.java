package org.maptem.formats.frms6;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.maptem.dataset.LayoutException;
import org.maptem.formats.HeaderBytes;

/**
 * The validated 1024-byte header of one {@code .frms6} file (layout in the package documentation): raw frame size
 * and the number of whole frames the file holds.
 *
 * @param file       the file
 * @param width      raw columns W (even)
 * @param height     raw rows H
 * @param frames     frames in the file
 * @param countField the frame count as written (0 in older files)
 */
public record Frms6FileHeader(Path file, int width, int height, long frames, long countField) {

	/** File header bytes. */
	public static final int HEADER_BYTES = 1024;
	/** Bytes of the header before every frame. */
	public static final int FRAME_HEADER_BYTES = 64;
	static final int VERSION = 6;
	/** Largest raw width or height accepted (the pnCCD reads 264 × 264 pixels; 16 × that is ample). */
	static final int MAX_EXTENT = 4096;

	/** Bytes of one frame's pixels. */
	public long frameBytes() {
		return 2L * width * height;
	}

	/** Bytes from one frame's header to the next. */
	public long frameStride() {
		return FRAME_HEADER_BYTES + frameBytes();
	}

	/** Byte offset of the first pixel of frame {@code i} of this file. */
	public long pixelOffset(final long i) {
		return HEADER_BYTES + FRAME_HEADER_BYTES + i * frameStride();
	}

	/** True when {@code head} starts like an FRMS6 file: header size 1024, frame header 64, version 6. */
	static boolean hasSignature(final byte[] head) {
		if (head.length < 8)
			return false;
		final ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
		return b.getShort(0) == HEADER_BYTES && b.getShort(2) == FRAME_HEADER_BYTES && b.get(7) == VERSION;
	}

	/**
	 * Reads and validates the header of {@code file} against its length.
	 *
	 * @throws LayoutException naming the file and the field or offset of the first problem
	 */
	public static Frms6FileHeader read(final Path file) {
		final HeaderBytes head = HeaderBytes.read(file, HEADER_BYTES, "FRMS6 file header");
		final ByteBuffer b = head.bytes();
		final long size = head.fileSize();
		final int headerSize = Short.toUnsignedInt(b.getShort(0));
		if (headerSize != HEADER_BYTES)
			throw LayoutException.badField(file, "header size (byte 0)", HEADER_BYTES, headerSize);
		final int frameHeader = Short.toUnsignedInt(b.getShort(2));
		if (frameHeader != FRAME_HEADER_BYTES)
			throw LayoutException.badField(file, "frame header size (byte 2)", FRAME_HEADER_BYTES, frameHeader);
		final int version = Byte.toUnsignedInt(b.get(7));
		if (version != VERSION)
			throw LayoutException.badField(file, "version (byte 7)", VERSION, version);
		final int width = Short.toUnsignedInt(b.getShort(88));
		if (width < 2 || width > MAX_EXTENT || width % 2 != 0)
			throw LayoutException.badField(file, "width (byte 88)", "an even number from 2 to " + MAX_EXTENT
					+ " (two detector halves side by side)", width);
		final int height = Short.toUnsignedInt(b.getShort(90));
		if (height < 1 || height > MAX_EXTENT)
			throw LayoutException.badField(file, "height (byte 90)", "1 to " + MAX_EXTENT, height);
		final long stride = FRAME_HEADER_BYTES + 2L * width * height;
		final long count = Integer.toUnsignedLong(b.getInt(1020));
		final long frames;
		if (count == 0) {
			// older files do not record the count: it follows from the size, which must hold whole frames
			frames = (size - HEADER_BYTES) / stride;
			if ((size - HEADER_BYTES) % stride != 0)
				throw LayoutException.badField(file, "file size", "1024 + a whole number of " + stride + "-byte frames "
						+ "(the header's frame count is 0)", size + " bytes");
		} else {
			frames = count;
			if (count > (size - HEADER_BYTES) / stride)
				throw LayoutException.badField(file, "frame count (byte 1020)", "at most the "
						+ (size - HEADER_BYTES) / stride + " frames of " + stride + " bytes the file holds", count);
		}
		return new Frms6FileHeader(file, width, height, frames, count);
	}
}
