package org.maptem.formats.raw;

import java.io.Serializable;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

import org.maptem.dataset.Calibration;
import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;

/**
 * How to read a raw binary file of frames, which records none of this itself: where the first frame starts, the
 * scan and detector shapes, the element type and byte order, and the bytes each frame carries before and after its
 * pixels.
 *
 * <p>The file holds {@code offset} bytes of file header, then one record per frame in C (scan) order, each
 * {@code frameHeaderBytes} + pixels + {@code frameFooterBytes}; pixels are row-major, {@code sigShape = [height,
 * width]}. Its size must be exactly {@link #expectedFileBytes()}. Immutable; {@code with*} return copies.
 *
 * @param offset           bytes before the first frame record (file header)
 * @param navShape         NumPy-order scan shape (slowest first), 1 to 3 axes
 * @param sigShape         detector shape {@code [height, width]}
 * @param dtype            stored element type, including {@link DType#UINT12_PACKED}
 * @param littleEndian     byte order of multi-byte elements
 * @param frameHeaderBytes bytes before each frame's pixels
 * @param frameFooterBytes bytes after each frame's pixels
 * @param calibration      calibration to attach, since raw files carry none
 */
public record RawParams(long offset, long[] navShape, int[] sigShape, DType dtype, boolean littleEndian,
		long frameHeaderBytes, long frameFooterBytes, Calibration calibration) implements Serializable {

	public RawParams {
		Objects.requireNonNull(dtype, "dtype");
		navShape = navShape.clone();
		sigShape = sigShape.clone();
		calibration = calibration == null ? Calibration.UNCALIBRATED : calibration;
		if (offset < 0 || frameHeaderBytes < 0 || frameFooterBytes < 0)
			throw new LayoutException("raw parameters: offset, frame header and frame footer need >= 0 bytes, found "
					+ offset + ", " + frameHeaderBytes + " and " + frameFooterBytes);
	}

	/** Little-endian, gap-free frames starting at byte 0, uncalibrated. */
	public static RawParams of(final long[] navShape, final int[] sigShape, final DType dtype) {
		return new RawParams(0, navShape, sigShape, dtype, true, 0, 0, null);
	}

	/** These parameters with the first frame record at byte {@code bytes}. */
	public RawParams withOffset(final long bytes) {
		return new RawParams(bytes, navShape, sigShape, dtype, littleEndian, frameHeaderBytes, frameFooterBytes, calibration);
	}

	/** These parameters with multi-byte elements in {@code order}. */
	public RawParams withByteOrder(final ByteOrder order) {
		return new RawParams(offset, navShape, sigShape, dtype, order == ByteOrder.LITTLE_ENDIAN, frameHeaderBytes,
				frameFooterBytes, calibration);
	}

	/** These parameters with {@code header} bytes before and {@code footer} bytes after each frame's pixels. */
	public RawParams withFrameGaps(final long header, final long footer) {
		return new RawParams(offset, navShape, sigShape, dtype, littleEndian, header, footer, calibration);
	}

	/** These parameters with a calibration to attach to the dataset. */
	public RawParams withCalibration(final Calibration c) {
		return new RawParams(offset, navShape, sigShape, dtype, littleEndian, frameHeaderBytes, frameFooterBytes, c);
	}

	@Override
	public long[] navShape() {
		return navShape.clone();
	}

	@Override
	public int[] sigShape() {
		return sigShape.clone();
	}

	/** Bytes of one frame's pixels. */
	public long frameDataBytes() {
		return dtype.bytesFor((long) sigShape[0] * sigShape[1]);
	}

	/** Bytes from one frame record's start to the next: header + pixels + footer. */
	public long frameStride() {
		return frameHeaderBytes + frameDataBytes() + frameFooterBytes;
	}

	/** Frames the scan shape holds. */
	public long frameCount() {
		long n = 1;
		for (final long d : navShape)
			n = Math.multiplyExact(n, d);
		return n;
	}

	/** The file size these parameters describe: offset + frames × stride. */
	public long expectedFileBytes() {
		return Math.addExact(offset, Math.multiplyExact(frameCount(), frameStride()));
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof RawParams p && p.offset == offset && Arrays.equals(p.navShape, navShape)
				&& Arrays.equals(p.sigShape, sigShape) && p.dtype == dtype && p.littleEndian == littleEndian
				&& p.frameHeaderBytes == frameHeaderBytes && p.frameFooterBytes == frameFooterBytes
				&& p.calibration.equals(calibration);
	}

	@Override
	public int hashCode() {
		return Objects.hash(offset, Arrays.hashCode(navShape), Arrays.hashCode(sigShape), dtype, littleEndian,
				frameHeaderBytes, frameFooterBytes, calibration);
	}

	@Override
	public String toString() {
		return "raw " + dtype.n5Name() + (littleEndian ? " little" : " big") + "-endian, nav " + Arrays.toString(navShape)
				+ ", sig " + Arrays.toString(sigShape) + ", offset " + offset + ", frame header " + frameHeaderBytes
				+ ", frame footer " + frameFooterBytes;
	}
}
