package org.maptem.formats.mrc;

import java.nio.ShortBuffer;
import java.nio.file.Path;

import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Tile;
import org.maptem.frames.FrameLayout;
import org.maptem.frames.FloatExactFrameSource;
import org.maptem.frames.MappedWindow;

/**
 * Reads tiles of half-precision (MRC MODE 12) frames from a memory-mapped file, widening every value through a
 * 65536-entry table.
 *
 * <p>Frames are mapped in windows of up to {@link #WINDOW} bytes of whole frames (a tile is always read from one
 * window); mappings are released on {@link #close()}. One source per thread.
 */
final class Float16FrameSource extends FloatExactFrameSource {

	/** Most bytes mapped at once. */
	static final long WINDOW = 1L << 30;
	/** Values converted per bulk copy: 16 KiB of shorts, within the L1 cache. */
	private static final int CHUNK = 8192;

	private final Path file;
	private final MappedWindow window;
	/** Frame positions, with a 2-byte element type standing in for the halfs. */
	private final FrameLayout layout;
	private final long baseFrame;
	private final short[] scratch = new short[CHUNK];
	private final float[] table = Float16.table();

	/**
	 * @param layout    where the frames are (dtype: any 2-byte type)
	 * @param baseFrame dataset frame index of the layout's frame 0
	 */
	Float16FrameSource(final Path file, final FrameLayout layout, final long baseFrame) {
		this.file = file;
		this.layout = layout;
		this.baseFrame = baseFrame;
		this.window = new MappedWindow(file);
		final long size = window.size();
		if (size < layout.requiredBytes()) {
			close();
			throw LayoutException.badBytes(file, size, layout.requiredBytes() + " bytes for " + layout.frameCount() + " frames",
					"end of file (file is " + size + " bytes)");
		}
	}

	@Override
	public void read(final Tile tile, final float[] dst) {
		final int perFrame = check(tile, dst.length);
		for (int i = 0; i < tile.frameCount(); i++) {
			final ShortBuffer v = view(tile, i, perFrame);
			for (int done = 0; done < perFrame; done += CHUNK) {
				final int n = Math.min(CHUNK, perFrame - done);
				v.get(done, scratch, 0, n);
				final int o = i * perFrame + done;
				for (int k = 0; k < n; k++)
					dst[o + k] = table[scratch[k] & 0xFFFF];
			}
		}
	}

	/** The tile's rows of its {@code i}-th frame as shorts in the file's byte order. */
	private ShortBuffer view(final Tile tile, final int i, final int count) {
		final long f = tile.firstFrame() - baseFrame + i;
		final long start = layout.position(f, tile.sigRowStart());
		final long end = start + 2L * count;
		if (!window.covers(start, end))
			map(f, start, end);
		return window.buffer().slice((int) (start - window.start()), 2 * count).order(layout.byteOrder()).asShortBuffer();
	}

	/** Maps from {@code start} over the rest of frame {@code f} and the following frames, up to {@link #WINDOW}. */
	private void map(final long f, final long start, final long end) {
		final long last = Math.min(layout.requiredBytes(), Math.max(end, start + WINDOW - WINDOW % layout.frameStride()));
		if (last - start > Integer.MAX_VALUE)
			throw new LayoutException(file + ": frame " + (baseFrame + f) + " spans more bytes than one mapping can hold");
		window.map(start, last);
	}

	private int check(final Tile tile, final int dstLength) {
		if (tile.sigWidth() != layout.sigWidth() || tile.sigRowStart() < 0
				|| tile.sigRowStart() + tile.sigRows() > layout.sigHeight())
			throw new LayoutException(file + ": tile " + tile + " does not fit frames of " + layout.sigHeight() + " × "
					+ layout.sigWidth());
		if (dstLength < tile.size())
			throw new LayoutException(file + ": tile buffer holds " + dstLength + " values, tile needs " + tile.size());
		final long f = tile.firstFrame() - baseFrame;
		if (f < 0 || f + tile.frameCount() > layout.frameCount())
			throw new LayoutException(file + ": tile " + tile + " lies outside frames " + baseFrame + " to "
					+ (baseFrame + layout.frameCount() - 1) + " of this source");
		return tile.sigRows() * tile.sigWidth();
	}

	@Override
	public void close() {
		window.close();
	}
}
