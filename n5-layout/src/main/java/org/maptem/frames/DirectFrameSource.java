package org.maptem.frames;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Tile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.nio.file.ExtendedOpenOption;

/**
 * Reads tiles from a file with direct IO ({@code O_DIRECT}): bytes go from the disk into one aligned buffer owned
 * by this source, bypassing the page cache, and are decoded from there.
 *
 * <p>For data larger than the page cache, where memory mapping would fault in and evict every page: direct reads of
 * a few MiB keep the disk's streaming rate and leave the cache to other work. Each read starts at the file-system
 * block holding a tile's first byte and fills the buffer ({@link #DEFAULT_WINDOW} bytes, or the tile if larger),
 * so the tiles that follow are decoded from the same read. Positions and lengths are multiples of the block size
 * ({@code Files.getFileStore(file).getBlockSize()}), the buffer is aligned to it, and it is allocated once per source
 * and released on {@link #close()}.
 *
 * <p>When the file system refuses {@code O_DIRECT} (tmpfs on older kernels, some network and FUSE file systems:
 * {@code EINVAL}) or reports a block size that is not a power of two, the same buffer is filled with plain
 * positional reads; this is logged at debug level. Results are identical either way.
 *
 * <p>Not thread-safe: one source per thread, like every {@link FrameSource}.
 */
public final class DirectFrameSource extends WindowedFrameSource {

	/** Bytes per read when tiles are smaller: large enough to stream at the disk's rate, as {@code dd bs=16M}. */
	public static final int DEFAULT_WINDOW = 16 << 20;

	private static final long MAX_ALIGN = 1 << 20;
	private static final long FALLBACK_ALIGN = 4096;
	private static final Logger LOG = LoggerFactory.getLogger(DirectFrameSource.class);

	private final long window;
	private final long align;
	private final long fileSize;
	private FileChannel channel;
	private boolean direct;
	/** What {@link ByteBuffer#allocateDirect} returned, kept to free it; {@link #buffer} is its aligned slice. */
	private ByteBuffer allocated;
	private ByteBuffer buffer;

	/**
	 * Opens {@code file} for frames at {@code layout}, whose frame 0 is dataset frame {@code baseFrame}.
	 *
	 * @throws LayoutException if the file cannot be opened or is shorter than the layout needs
	 */
	public DirectFrameSource(final Path file, final FrameLayout layout, final long baseFrame) {
		this(file, layout, baseFrame, DEFAULT_WINDOW, true, 0);
	}

	/**
	 * As {@link #DirectFrameSource(Path, FrameLayout, long)} with a chosen read size; {@code tryDirect} false uses
	 * plain reads from the start, and a positive {@code alignment} replaces the file store's block size. Tests use
	 * both to exercise the fallbacks on any file system.
	 */
	DirectFrameSource(final Path file, final FrameLayout layout, final long baseFrame, final int window,
			final boolean tryDirect, final long alignment) {
		super(file, layout, baseFrame);
		if (window < 1)
			throw new LayoutException(file + ": direct read window must be at least 1 byte, found " + window);
		this.window = window;
		final long blockSize = alignment > 0 ? alignment : blockSize(file);
		final boolean alignable = blockSize > 0 && Long.bitCount(blockSize) == 1 && blockSize <= MAX_ALIGN;
		if (tryDirect && !alignable)
			LOG.debug("{}: block size {} is not a usable alignment; reading without O_DIRECT", file, blockSize);
		// plain reads need no alignment, but block-sized granules are still what the disk transfers
		this.align = alignable ? blockSize : FALLBACK_ALIGN;
		this.channel = open(tryDirect && alignable);
		try {
			this.fileSize = channel.size();
		} catch (final IOException e) {
			close();
			throw new LayoutException(file + ": cannot read file size: " + e.getMessage(), e);
		}
		if (fileSize < layout.requiredBytes()) {
			close();
			throw LayoutException.badBytes(file, fileSize, layout.requiredBytes() + " bytes for " + layout.frameCount()
					+ " frames", "end of file (file is " + fileSize + " bytes)");
		}
	}

	/** True while reads bypass the page cache; false after falling back to plain reads. */
	public boolean isDirect() {
		return direct;
	}

	/** The alignment of positions, lengths and the buffer address, in bytes: the file store's block size. */
	public long alignment() {
		return align;
	}

	@Override
	BufferFrameSource window(final Tile tile, final long start, final long end) {
		final long readStart = start / align * align;
		final long readEnd = Math.max(ceil(end), Math.min(ceil(layout.requiredBytes()), readStart + ceil(window)));
		final long length = readEnd - readStart;
		if (length > Integer.MAX_VALUE - align)
			throw new LayoutException(file + ": tile " + tile + " spans " + length + " bytes, more than one read buffer can hold");
		final int got = fill(readStart, (int) length, end);
		return new BufferFrameSource(buffer.slice(0, got), readStart, layout, baseFrame, decoder);
	}

	/** Reads bytes from {@code position} into the buffer until {@code length} or the end of the file. */
	private int fill(final long position, final int length, final long needEnd) {
		ensureBuffer(length);
		buffer.clear().limit(length);
		long pos = position;
		while (buffer.hasRemaining() && pos < fileSize) {
			final int n;
			try {
				n = channel.read(buffer, pos);
			} catch (final IOException e) {
				if (!direct)
					throw new LayoutException(file + ": cannot read bytes " + pos + " to " + (position + length) + ": "
							+ e.getMessage(), e);
				fallBack(e);
				continue;
			}
			if (n <= 0)
				break;
			pos += n;
		}
		if (pos < needEnd)
			throw LayoutException.badBytes(file, pos, "data up to byte " + needEnd, "end of file (file is "
					+ fileSize + " bytes)");
		return buffer.position();
	}

	private void ensureBuffer(final int length) {
		if (buffer != null && buffer.capacity() >= length)
			return;
		Unmapper.unmap(allocated);
		allocated = ByteBuffer.allocateDirect((int) (length + align));
		buffer = allocated.alignedSlice((int) align);
	}

	/** Continues with plain reads after the file system refused a direct one. */
	private void fallBack(final IOException cause) {
		LOG.debug("{}: direct read failed ({}); continuing with plain reads", file, cause.getMessage());
		closeChannel();
		channel = open(false);
	}

	private FileChannel open(final boolean tryDirect) {
		if (tryDirect) {
			try {
				final FileChannel c = FileChannel.open(file, StandardOpenOption.READ, ExtendedOpenOption.DIRECT);
				direct = true;
				return c;
			} catch (final IOException | UnsupportedOperationException e) {
				LOG.debug("{}: file system refuses O_DIRECT ({}); reading through the page cache", file, e.getMessage());
			}
		}
		direct = false;
		try {
			return FileChannel.open(file, StandardOpenOption.READ);
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot open for reading: " + e.getMessage(), e);
		}
	}

	private long ceil(final long n) {
		return (n + align - 1) / align * align;
	}

	private static long blockSize(final Path file) {
		try {
			return Files.getFileStore(file).getBlockSize();
		} catch (final IOException | UnsupportedOperationException e) {
			LOG.debug("{}: cannot query the file store's block size ({}); reading without O_DIRECT", file, e.getMessage());
			return -1;
		}
	}

	private void closeChannel() {
		try {
			if (channel != null)
				channel.close();
		} catch (final IOException e) {
			// nothing was written; a failing close of a read-only channel loses nothing
		}
		channel = null;
	}

	@Override
	public void close() {
		dropWindow();
		buffer = null;
		Unmapper.unmap(allocated);
		allocated = null;
		closeChannel();
	}
}
