package org.maptem.formats.mib;

import java.nio.file.Path;

import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;

/**
 * How the pixel bytes of one Merlin frame become a frame: processed big-endian counts, or raw 64-bit detector words
 * holding 1-, 8- or 16-bit values (counter depths 1, 6, 12; depth 24 as two 12-bit images), on one chip or on a
 * 2×2 quad whose chips must be reassembled. Derived from a checked {@link MibHeader}; immutable.
 *
 * @param kind       the decoding path
 * @param bits       bits per stored value: 8, 16, 32 for processed data; 1, 8 or 16 for raw words
 * @param sigHeight  height of the decoded frame
 * @param sigWidth   width of the decoded frame
 * @param dtype      element type of the decoded values (raw 1- and 6-bit: uint8, 12-bit: uint16, 24-bit: uint32)
 * @param dataBytes  bytes of pixel data after each frame header
 */
public record FrameEncoding(Kind kind, int bits, int sigHeight, int sigWidth, DType dtype, long dataBytes) {

	/** The decoding paths. */
	public enum Kind {
		/** U08/U16/U32: big-endian counts in row-major order, decoded as they are. */
		PROCESSED,
		/** R64 from one chip: rows of 64-bit big-endian words, value {@code k} of a word in bits {@code k·b ...}. */
		RAW,
		/** R64 from a 2×2 quad: each raw row holds one row of all four chips, reassembled into a square frame. */
		RAW_QUAD,
		/** R64 at counter depth 24 from one chip: a 12-bit image of the high bits, then one of the low bits. */
		RAW_24
	}

	/**
	 * The encoding {@code h} describes.
	 *
	 * @param file   the file, for messages
	 * @param offset byte offset of the header, for messages
	 * @throws LayoutException when the header describes a combination that cannot be decoded (a processed type too
	 *                         narrow for its counter depth, raw rows that do not fill whole 64-bit words, raw data
	 *                         of a chip layout other than one chip or a 2×2 quad, raw 24-bit quad data) or a frame
	 *                         record larger than 2 GiB
	 */
	public static FrameEncoding of(final Path file, final long offset, final MibHeader h) {
		final long w = h.width();
		final long ht = h.height();
		final FrameEncoding e;
		if (!h.raw()) {
			final int bits = h.typeBits();
			if (h.counterDepth() > bits)
				throw MibHeader.field(file, offset, 6, "data type", "a type of at least " + h.counterDepth()
						+ " bits for counter depth " + h.counterDepth(), h.dataType());
			final DType t = bits == 8 ? DType.UINT8 : bits == 16 ? DType.UINT16 : DType.UINT32;
			e = new FrameEncoding(Kind.PROCESSED, bits, h.height(), h.width(), t, w * ht * bits / 8);
		} else {
			final int bits = h.counterDepth() == 1 ? 1 : h.counterDepth() == 6 ? 8 : 16;
			final DType t = bits == 16 ? DType.UINT16 : DType.UINT8;
			final String core = h.layout().toLowerCase(java.util.Locale.ROOT).replace("g", "");
			if (h.chips() == 1) {
				if (h.counterDepth() == 24) {
					// two 12-bit images of width/2 one after the other, each in 16-bit raw words
					if (w % 8 != 0)
						throw MibHeader.field(file, offset, 4, "width", "a multiple of 8 for raw 24-bit data (two images "
								+ "of width/2 in 64-bit words of four 16-bit values)", h.width());
					e = new FrameEncoding(Kind.RAW_24, 16, h.height(), h.width() / 2, DType.UINT32, w * ht * 2);
				} else {
					if (w * bits % 64 != 0)
						throw MibHeader.field(file, offset, 4, "width", "a width whose " + bits + "-bit rows fill whole "
								+ "64-bit raw words", h.width());
					e = new FrameEncoding(Kind.RAW, bits, h.height(), h.width(), t, w * ht * bits / 8);
				}
			} else if (h.chips() == 4 && core.equals("2x2")) {
				if (h.counterDepth() == 24)
					throw MibHeader.field(file, offset, h.fieldCount() - 1, "counter depth",
							"1, 6 or 12 for raw quad data (raw 24-bit quad data has no documented layout)", 24);
				if (w != 4 * ht)
					throw MibHeader.field(file, offset, 4, "width", "four chips side by side (" + (4 * ht)
							+ " = 4 × height) for raw quad data", h.width());
				if (ht * bits % 64 != 0)
					throw MibHeader.field(file, offset, 5, "height", "a chip side whose " + bits + "-bit rows fill "
							+ "whole 64-bit raw words", h.height());
				if (2 * ht > MibHeader.MAX_SIDE)
					throw MibHeader.field(file, offset, 5, "height", "at most " + MibHeader.MAX_SIDE / 2
							+ " pixels per chip", h.height());
				e = new FrameEncoding(Kind.RAW_QUAD, bits, 2 * h.height(), 2 * h.height(), t, w * ht * bits / 8);
			} else {
				throw MibHeader.field(file, offset, 7, "chip layout", "1x1 or 2x2 for raw (R64) data", h.layout()
						+ " with " + h.chips() + " chips");
			}
		}
		if (e.sigHeight() * (long) e.sigWidth() > Integer.MAX_VALUE || e.dataBytes() + h.headerBytes() > Integer.MAX_VALUE)
			throw MibHeader.field(file, offset, 4, "width", "a frame of fewer than 2^31 pixels and bytes",
					h.width() + "x" + h.height());
		return e;
	}

	/** Bytes from one frame header to the next: header plus pixel data. */
	public long stride(final MibHeader h) {
		return h.headerBytes() + dataBytes;
	}

	/** A short description, e.g. {@code "raw quad 1-bit, 512x512 uint8"}. */
	public String describe() {
		final String what = switch (kind) {
		case PROCESSED -> "processed " + bits + "-bit big-endian";
		case RAW -> "raw " + bits + "-bit words";
		case RAW_QUAD -> "raw quad " + bits + "-bit words";
		case RAW_24 -> "raw 24-bit (two 12-bit images)";
		};
		return what + ", " + sigWidth + "x" + sigHeight + " " + dtype.n5Name();
	}
}
