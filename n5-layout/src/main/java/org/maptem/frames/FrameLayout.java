package org.maptem.frames;

import java.io.Serializable;
import java.nio.ByteOrder;

import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;

/**
 * Where uncompressed frames sit in one byte stream (a file or a decoded chunk): the first frame's offset, the
 * distance between frame starts (which may include per-frame headers, footers or metadata rows), element type and
 * byte order.
 *
 * <p>Rows inside a frame are packed: row {@code r} of frame {@code f} starts at
 * {@code offset + f * frameStride + r * rowBytes}. Packed 12-bit frames ({@link DType#UINT12_PACKED}) must have an
 * even width, so that rows and frames start on whole bytes. Immutable and serializable, so it can describe a
 * partition's bytes to a remote worker.
 *
 * @param offset      byte offset of the first frame's first pixel
 * @param frameStride bytes from one frame's first pixel to the next frame's
 * @param frameCount  frames in the stream
 * @param dtype       stored element type
 * @param littleEndian byte order of multi-byte elements
 * @param sigHeight   detector rows per frame
 * @param sigWidth    detector columns per frame
 */
public record FrameLayout(long offset, long frameStride, long frameCount, DType dtype, boolean littleEndian,
		int sigHeight, int sigWidth) implements Serializable {

	public FrameLayout {
		if (offset < 0 || frameCount < 0 || sigHeight < 1 || sigWidth < 1)
			throw new LayoutException("frame layout: offset " + offset + ", " + frameCount + " frames of " + sigHeight + " × "
					+ sigWidth + " is not a valid layout");
		if (dtype == DType.UINT12_PACKED && sigWidth % 2 != 0)
			throw new LayoutException("frame layout: packed 12-bit frames need an even width so that every row starts on "
					+ "a byte, found width " + sigWidth);
		final long dataBytes = dtype.bytesFor((long) sigHeight * sigWidth);
		if (frameStride < dataBytes)
			throw new LayoutException("frame layout: frame stride " + frameStride + " bytes is smaller than one frame's "
					+ dataBytes + " bytes");
	}

	/** Packed frames with no gaps starting at {@code offset}. */
	public static FrameLayout packed(final long offset, final long frameCount, final DType dtype, final boolean littleEndian,
			final int sigHeight, final int sigWidth) {
		return new FrameLayout(offset, dtype.bytesFor((long) sigHeight * sigWidth), frameCount, dtype, littleEndian,
				sigHeight, sigWidth);
	}

	public ByteOrder byteOrder() {
		return littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
	}

	/** Bytes of one detector row. */
	public long rowBytes() {
		return dtype.bytesFor(sigWidth);
	}

	/** Bytes of one frame's pixels. */
	public long frameDataBytes() {
		return dtype.bytesFor((long) sigHeight * sigWidth);
	}

	/** Byte position of row {@code row} of frame {@code frame}. */
	public long position(final long frame, final int row) {
		return offset + frame * frameStride + row * rowBytes();
	}

	/** Bytes a stream needs to hold every frame: the end of the last frame's pixels. */
	public long requiredBytes() {
		return frameCount == 0 ? offset : offset + (frameCount - 1) * frameStride + frameDataBytes();
	}
}
