package org.maptem.formats.tvips;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;

/**
 * The validated structure of a TVIPS recorder series (layout in {@link org.maptem.formats.tvips the package
 * documentation}): its files in order, the series header of the first, and how many frames each holds. Every size is
 * checked against the file lengths before any frame is read. Immutable.
 */
public final class TvipsSeries {

	/** Bytes of the series header at the start of the first file. */
	public static final int HEADER_BYTES = 256;
	/** Frame header bytes of version 1 files. */
	static final int V1_FRAME_HEADER = 12;
	/** Byte offset of rotidx in a version 2 frame header. */
	static final int ROTIDX_OFFSET = 48;
	/** Largest frame width or height accepted. */
	static final int MAX_DIM = 1 << 16;
	/** Largest frame header accepted. */
	static final int MAX_FRAME_HEADER = 1 << 20;
	/** Most files in one series. */
	static final int MAX_FILES = 1000;

	private static final Pattern SPLIT = Pattern.compile("(.*_)(\\d{3})\\.tvips", Pattern.CASE_INSENSITIVE);

	/** One file of the series: where its frames start, how many it holds, and the first one's series index. */
	public record Part(Path file, long dataOffset, long frames, long firstFrame) {
	}

	private final List<Part> parts;
	private final int version;
	private final int width;
	private final int height;
	private final DType dtype;
	private final int frameHeaderBytes;
	private final int[] header;
	private final long rotidxFirst;
	private final long rotidxLast;
	private final boolean rotidxStepsByOne;

	private TvipsSeries(final List<Part> parts, final int[] header, final DType dtype, final int frameHeaderBytes,
			final long[] rotidx) {
		this.parts = List.copyOf(parts);
		this.header = header.clone();
		this.version = header[1];
		this.width = header[2];
		this.height = header[3];
		this.dtype = dtype;
		this.frameHeaderBytes = frameHeaderBytes;
		this.rotidxFirst = rotidx[0];
		this.rotidxLast = rotidx[1];
		this.rotidxStepsByOne = rotidx[2] == 1;
	}

	/**
	 * Finds the series {@code file} belongs to, and validates the series header and every file's size.
	 *
	 * @throws LayoutException naming the file and the field or byte offset of the first problem
	 */
	public static TvipsSeries open(final Path file) {
		final List<Path> files = files(file.toAbsolutePath());
		final Path first = files.get(0);
		final int[] h = readHeader(first);
		final int version = h[1];
		if (h[0] != HEADER_BYTES)
			throw LayoutException.badField(first, "ISize (byte offset 0)", HEADER_BYTES, h[0]);
		if (version != 1 && version != 2)
			throw LayoutException.badField(first, "IVersion (byte offset 4)", "1 or 2", version);
		if (h[2] < 1 || h[2] > MAX_DIM || h[3] < 1 || h[3] > MAX_DIM)
			throw LayoutException.badField(first, "IXDim, IYDim (byte offsets 8, 12)", "frame sizes from 1 to " + MAX_DIM,
					h[2] + ", " + h[3]);
		final DType dtype = switch (h[4]) {
		case 8 -> DType.UINT8;
		case 16 -> DType.UINT16;
		default -> throw LayoutException.badField(first, "IBPP (byte offset 16)", "8 or 16 bits per pixel", h[4]);
		};
		final int frameHeader = version == 1 ? V1_FRAME_HEADER : h[12];
		if (frameHeader < 0 || frameHeader > MAX_FRAME_HEADER)
			throw LayoutException.badField(first, "IImgHeaderBytes (byte offset 48)", "0 to " + MAX_FRAME_HEADER + " bytes",
					frameHeader);
		final long stride = frameHeader + dtype.bytesFor((long) h[2] * h[3]);
		final List<Part> parts = new ArrayList<>();
		long total = 0;
		for (int i = 0; i < files.size(); i++) {
			final Path f = files.get(i);
			final long offset = i == 0 ? HEADER_BYTES : 0;
			final long size = size(f);
			if ((size - offset) % stride != 0)
				throw LayoutException.badField(f, "file size", (i == 0 ? "the " + HEADER_BYTES + "-byte series header + " : "")
						+ "a whole number of " + stride + "-byte frames (" + frameHeader + "-byte frame header + " + h[3] + " × "
						+ h[2] + " × " + dtype.bytes() + " bytes)", size + " bytes");
			final long n = (size - offset) / stride;
			parts.add(new Part(f, offset, n, total));
			total += n;
		}
		if (total == 0)
			throw LayoutException.badField(first, "file size", "at least one frame after the series header",
					size(first) + " bytes in " + files.size() + " file(s)");
		final long[] rotidx = version == 2 && frameHeader >= ROTIDX_OFFSET + 4 ? rotidx(parts, stride) : new long[] { -1, -1, 0 };
		return new TvipsSeries(parts, h, dtype, frameHeader, rotidx);
	}

	/** The files of the series {@code file} belongs to, in order; just {@code file} when it has no _NNN suffix. */
	static List<Path> files(final Path file) {
		final Path name = file.getFileName();
		final Matcher m = name == null ? null : SPLIT.matcher(name.toString());
		if (m == null || !m.matches())
			return List.of(file);
		final String prefix = m.group(1);
		final Pattern sibling = Pattern.compile(Pattern.quote(prefix) + "(\\d{3})\\.tvips", Pattern.CASE_INSENSITIVE);
		final TreeMap<Integer, Path> found = new TreeMap<>();
		try (DirectoryStream<Path> s = Files.newDirectoryStream(file.getParent(), "*.{tvips,TVIPS,Tvips}")) {
			for (final Path p : s) {
				final Matcher sm = sibling.matcher(p.getFileName().toString());
				if (sm.matches())
					found.put(Integer.parseInt(sm.group(1)), p);
			}
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot list the files of its series: " + e.getMessage(), e);
		}
		if (found.isEmpty())
			throw new LayoutException(file + ": no such file");
		int expect = 0;
		for (final var e : found.entrySet()) {
			if (e.getKey() != expect)
				throw LayoutException.badField(file, "series files", "consecutive files " + prefix + "000.tvips to " + prefix
						+ String.format(Locale.ROOT, "%03d", found.lastKey()) + ".tvips", "no " + prefix
								+ String.format(Locale.ROOT, "%03d", expect) + ".tvips");
			expect++;
			if (expect > MAX_FILES)
				throw LayoutException.badField(file, "series files", "at most " + MAX_FILES, "more");
		}
		return List.copyOf(found.values());
	}

	private static int[] readHeader(final Path first) {
		final long size = size(first);
		if (size < HEADER_BYTES)
			throw LayoutException.badField(first, "file size", "at least the " + HEADER_BYTES + "-byte series header",
					size + " bytes");
		final ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
		try (FileChannel ch = FileChannel.open(first, StandardOpenOption.READ)) {
			while (b.hasRemaining())
				if (ch.read(b, b.position()) < 0)
					throw LayoutException.badBytes(first, b.position(), HEADER_BYTES + " header bytes", "end of file");
		} catch (final IOException e) {
			throw new LayoutException(first + ": cannot read: " + e.getMessage(), e);
		}
		final int[] h = new int[13];
		for (int i = 0; i < h.length; i++)
			h[i] = b.getInt(4 * i);
		return h;
	}

	/** rotidx of the first and last frame, and 1 when it steps by exactly one from each frame to the next. */
	private static long[] rotidx(final List<Part> parts, final long stride) {
		final long perWindow = Math.max(1, (1L << 30) / stride);
		long first = -1;
		long prev = -1;
		boolean byOne = true;
		for (final Part p : parts) {
			try (FileChannel ch = FileChannel.open(p.file(), StandardOpenOption.READ)) {
				for (long w = 0; w < p.frames(); w += perWindow) {
					final long n = Math.min(perWindow, p.frames() - w);
					// the last frame's header only needs its rotidx, so the window ends there
					final long length = (n - 1) * stride + ROTIDX_OFFSET + 4;
					final MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, p.dataOffset() + w * stride, length);
					m.order(ByteOrder.LITTLE_ENDIAN);
					for (long f = 0; f < n; f++) {
						final long r = Integer.toUnsignedLong(m.getInt((int) (f * stride + ROTIDX_OFFSET)));
						if (first < 0)
							first = r;
						else if (r != prev + 1)
							byOne = false;
						prev = r;
					}
				}
			} catch (final IOException e) {
				throw new LayoutException(p.file() + ": cannot read the frame headers: " + e.getMessage(), e);
			}
		}
		return new long[] { first, prev, byOne ? 1 : 0 };
	}

	private static long size(final Path f) {
		try {
			return Files.size(f);
		} catch (final IOException e) {
			throw new LayoutException(f + ": cannot read the file size: " + e.getMessage(), e);
		}
	}

	/** The files in order with their frame ranges. */
	public List<Part> parts() {
		return parts;
	}

	/** Frames in the whole series. */
	public long frameCount() {
		final Part last = parts.get(parts.size() - 1);
		return last.firstFrame() + last.frames();
	}

	public int version() {
		return version;
	}

	/** Frame width (IXDim). */
	public int width() {
		return width;
	}

	/** Frame height (IYDim). */
	public int height() {
		return height;
	}

	public DType dtype() {
		return dtype;
	}

	public int frameHeaderBytes() {
		return frameHeaderBytes;
	}

	/** Bytes from one frame header to the next. */
	public long frameStride() {
		return frameHeaderBytes + dtype.bytesFor((long) width * height);
	}

	/** Series header integer {@code i} (byte offset {@code 4 i}), for i from 0 (ISize) to 12 (IImgHeaderBytes). */
	public int headerField(final int i) {
		return header[i];
	}

	/** rotidx of the first frame; -1 when the frame headers have none. */
	public long rotidxFirst() {
		return rotidxFirst;
	}

	/** rotidx of the last frame; -1 when the frame headers have none. */
	public long rotidxLast() {
		return rotidxLast;
	}

	/** True when rotidx grows by exactly one from every frame to the next. */
	public boolean rotidxStepsByOne() {
		return rotidxStepsByOne;
	}

	@Override
	public String toString() {
		return "TVIPS version " + version + ", " + parts.size() + " file(s), " + frameCount() + " frames of " + height + " × "
				+ width + " " + dtype.n5Name() + " with " + frameHeaderBytes + "-byte frame headers";
	}
}
