package org.maptem.frames;

import java.nio.ByteBuffer;

import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Tile;

/**
 * Reads tiles from frames held in one byte buffer of at most 2 GiB: a decompressed chunk, or one window of a
 * memory-mapped file.
 *
 * <p>Frame {@code baseFrame} of the dataset is frame 0 of the layout. Whole-frame tiles of gap-free frames are
 * decoded in one bulk call; otherwise one call per frame (rows are always contiguous within a frame).
 */
public class BufferFrameSource implements FrameSource {

	private final ByteBuffer buffer;
	private final FrameLayout layout;
	private final long baseFrame;
	private final long bufferStart;
	private final TileDecoder decoder;

	/**
	 * @param buffer      the bytes; its byte order is replaced by the layout's
	 * @param bufferStart byte position (in the layout's coordinates) of {@code buffer}'s index 0
	 * @param layout      where frames are, in the stream the buffer is a window of
	 * @param baseFrame   dataset frame index of the layout's frame 0
	 */
	public BufferFrameSource(final ByteBuffer buffer, final long bufferStart, final FrameLayout layout, final long baseFrame) {
		this(buffer, bufferStart, layout, baseFrame, new TileDecoder());
	}

	/**
	 * As the public constructor, decoding with {@code decoder}: sources that make a new window source per mapping or
	 * read share one decoder, so its scratch arrays are grown once per partition, not once per window.
	 */
	BufferFrameSource(final ByteBuffer buffer, final long bufferStart, final FrameLayout layout, final long baseFrame,
			final TileDecoder decoder) {
		this.buffer = buffer.duplicate().order(layout.byteOrder());
		this.bufferStart = bufferStart;
		this.layout = layout;
		this.baseFrame = baseFrame;
		this.decoder = decoder;
	}

	/** True when every byte of {@code tile} lies inside this buffer. */
	public boolean covers(final Tile tile) {
		final long f = tile.firstFrame() - baseFrame;
		if (f < 0 || f + tile.frameCount() > layout.frameCount())
			return false;
		final long start = layout.position(f, tile.sigRowStart()) - bufferStart;
		final long end = layout.position(f + tile.frameCount() - 1, tile.sigRowStart() + tile.sigRows()) - bufferStart;
		return start >= 0 && end <= buffer.capacity();
	}

	@Override
	public void read(final Tile tile, final float[] dst) {
		check(tile, dst.length);
		final int perFrame = tile.sigRows() * tile.sigWidth();
		if (contiguous(tile)) {
			decoder.decode(buffer, pos(tile.firstFrame(), tile.sigRowStart()), tile.size(), layout.dtype(), dst, 0);
			return;
		}
		for (int i = 0; i < tile.frameCount(); i++)
			decoder.decode(buffer, pos(tile.firstFrame() + i, tile.sigRowStart()), perFrame, layout.dtype(), dst, i * perFrame);
	}

	@Override
	public void read(final Tile tile, final double[] dst) {
		check(tile, dst.length);
		final int perFrame = tile.sigRows() * tile.sigWidth();
		if (contiguous(tile)) {
			decoder.decode(buffer, pos(tile.firstFrame(), tile.sigRowStart()), tile.size(), layout.dtype(), dst, 0);
			return;
		}
		for (int i = 0; i < tile.frameCount(); i++)
			decoder.decode(buffer, pos(tile.firstFrame() + i, tile.sigRowStart()), perFrame, layout.dtype(), dst, i * perFrame);
	}

	private boolean contiguous(final Tile tile) {
		return tile.frameCount() == 1 || (tile.wholeFrames(layout.sigHeight()) && layout.frameStride() == layout.frameDataBytes());
	}

	private int pos(final long frame, final int row) {
		return (int) (layout.position(frame - baseFrame, row) - bufferStart);
	}

	private void check(final Tile tile, final int dstLength) {
		if (tile.sigWidth() != layout.sigWidth() || tile.sigRowStart() + tile.sigRows() > layout.sigHeight())
			throw new LayoutException("tile " + tile + " does not fit frames of " + layout.sigHeight() + " × " + layout.sigWidth());
		if (dstLength < tile.size())
			throw new LayoutException("tile buffer holds " + dstLength + " values, tile needs " + tile.size());
		if (!covers(tile))
			throw new LayoutException("tile " + tile + " lies outside frames " + baseFrame + " to "
					+ (baseFrame + layout.frameCount() - 1) + " of this source");
	}

	@Override
	public void close() {
		// heap buffers need no release; mapped subclasses unmap
	}
}
