package org.maptem.formats.blockfile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;

/**
 * The validated header of a NanoMegas blockfile (layout in {@link org.maptem.formats.blockfile the package
 * documentation}): every offset and size is checked against the file length, and the first and last frame records'
 * prefixes are checked, before anything else is read. Immutable.
 */
public final class BlockfileHeader {

	/** The ASCII ID at offset 0. */
	static final byte[] ID = "IMGBLO".getBytes(StandardCharsets.US_ASCII);
	/** Bytes of the fixed binary header; a text block may follow it up to the navigator. */
	static final int FIXED_BYTES = 240;
	/** Bytes before each frame's pixels: 0xAA 0x55 and the u32 frame number. */
	static final int FRAME_PREFIX = 6;
	/** Most text read from the metadata block: it holds a few short lines. */
	private static final int MAX_TEXT = 64 << 10;

	private final Path file;
	private final long fileSize;
	private final int magic;
	private final long navigatorOffset;
	private final long dataOffset;
	private final int dpSize;
	private final int nx;
	private final int ny;
	private final int dpRotation;
	private final int scanRotation;
	private final double sx;
	private final double sy;
	private final long beamEnergyVolts;
	private final int sdp;
	private final long cameraLength;
	private final double acquisitionTime;
	private final DType dtype;
	private final List<String> text;

	private BlockfileHeader(final Path file, final long fileSize, final ByteBuffer h, final List<String> text,
			final DType dtype) {
		this.file = file;
		this.fileSize = fileSize;
		this.magic = Short.toUnsignedInt(h.getShort(6));
		this.navigatorOffset = Integer.toUnsignedLong(h.getInt(8));
		this.dataOffset = Integer.toUnsignedLong(h.getInt(12));
		this.dpSize = Short.toUnsignedInt(h.getShort(20));
		this.dpRotation = Short.toUnsignedInt(h.getShort(22));
		this.nx = Short.toUnsignedInt(h.getShort(24));
		this.ny = Short.toUnsignedInt(h.getShort(26));
		this.scanRotation = Short.toUnsignedInt(h.getShort(28));
		this.sx = h.getDouble(30);
		this.sy = h.getDouble(38);
		this.beamEnergyVolts = Integer.toUnsignedLong(h.getInt(46));
		this.sdp = Short.toUnsignedInt(h.getShort(50));
		this.cameraLength = Integer.toUnsignedLong(h.getInt(52));
		this.acquisitionTime = h.getDouble(56);
		this.text = List.copyOf(text);
		this.dtype = dtype;
	}

	/**
	 * Reads and validates the header of {@code file}.
	 *
	 * @throws LayoutException naming the file and the field or byte offset of the first problem
	 */
	public static BlockfileHeader read(final Path file) {
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			final long size = ch.size();
			if (size < FIXED_BYTES)
				throw LayoutException.badField(file, "file size", "at least the " + FIXED_BYTES + "-byte blockfile header",
						size + " bytes");
			final ByteBuffer h = readAt(ch, file, 0, FIXED_BYTES);
			for (int i = 0; i < ID.length; i++)
				if (h.get(i) != ID[i])
					throw LayoutException.badBytes(file, 0, "the blockfile ID \"IMGBLO\"",
							'"' + new String(h.array(), 0, ID.length, StandardCharsets.ISO_8859_1) + '"');
			final int magic = Short.toUnsignedInt(h.getShort(6));
			if (magic != 258 && magic != 259)
				throw LayoutException.badField(file, "MAGIC (byte offset 6)", "258 or 259", magic);
			final long nav = Integer.toUnsignedLong(h.getInt(8));
			final long data = Integer.toUnsignedLong(h.getInt(12));
			final int dp = Short.toUnsignedInt(h.getShort(20));
			final int nx = Short.toUnsignedInt(h.getShort(24));
			final int ny = Short.toUnsignedInt(h.getShort(26));
			if (dp < 1)
				throw LayoutException.badField(file, "DP_SZ (byte offset 20)", "a frame size of at least 1 pixel", dp);
			if (nx < 1 || ny < 1)
				throw LayoutException.badField(file, "NX, NY (byte offsets 24, 26)", "at least 1 scan position each",
						nx + ", " + ny);
			final long frames = (long) nx * ny;
			if (nav < FIXED_BYTES || nav + frames > data)
				throw LayoutException.badField(file, "Data_offset_1 (byte offset 8)", "a navigator of " + frames
						+ " bytes between the " + FIXED_BYTES + "-byte header and Data_offset_2 = " + data, nav);
			final List<String> text = text(ch, file, Math.min(nav, size));
			final DType dtype = bitDepth(file, text);
			final long stride = FRAME_PREFIX + dtype.bytesFor((long) dp * dp);
			final long needed = data + frames * stride;
			if (needed > size)
				throw LayoutException.badField(file, "file size", needed + " bytes (Data_offset_2 " + data + " + NX " + nx
						+ " × NY " + ny + " frames × (6 + DP_SZ " + dp + "² × " + dtype.bytes() + ") bytes)", size + " bytes");
			final BlockfileHeader header = new BlockfileHeader(file, size, h, text, dtype);
			header.checkPrefix(ch, 0);
			header.checkPrefix(ch, frames - 1);
			return header;
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot read: " + e.getMessage(), e);
		}
	}

	/** Checks frame record {@code index}'s 0xAA 0x55 prefix and frame number. */
	private void checkPrefix(final FileChannel ch, final long index) throws IOException {
		final long at = dataOffset + index * frameStride();
		final ByteBuffer p = readAt(ch, file, at, FRAME_PREFIX);
		if (p.get(0) != (byte) 0xAA || p.get(1) != 0x55)
			throw LayoutException.badBytes(file, at, "the frame record prefix AA 55 of frame " + index,
					String.format(Locale.ROOT, "%02X %02X", p.get(0) & 0xFF, p.get(1) & 0xFF));
		final long number = Integer.toUnsignedLong(p.getInt(2));
		if (number != index)
			throw LayoutException.badBytes(file, at + 2, "frame number " + index, number);
	}

	private static List<String> text(final FileChannel ch, final Path file, final long end) throws IOException {
		final int n = (int) Math.min(MAX_TEXT, Math.max(0, end - FIXED_BYTES));
		final ByteBuffer b = readAt(ch, file, FIXED_BYTES, n);
		final String s = new String(b.array(), 0, n, StandardCharsets.ISO_8859_1).replace('\0', '\n');
		final List<String> lines = new ArrayList<>();
		for (final String line : s.split("\\r?\\n"))
			if (!line.isBlank())
				lines.add(line.strip());
		return lines;
	}

	/** u8 unless the text block has a "Blo Bit Depth: N bits" line. */
	private static DType bitDepth(final Path file, final List<String> text) {
		for (final String line : text) {
			final String l = line.toLowerCase(Locale.ROOT);
			if (!l.startsWith("blo bit depth"))
				continue;
			final String v = l.substring(l.indexOf(':') + 1).replace("bits", "").strip();
			return switch (v) {
			case "8" -> DType.UINT8;
			case "16" -> DType.UINT16;
			default -> throw LayoutException.badField(file, "Blo Bit Depth (text block at byte offset " + FIXED_BYTES + ")",
					"8 bits or 16 bits", '"' + line + '"');
			};
		}
		return DType.UINT8;
	}

	private static ByteBuffer readAt(final FileChannel ch, final Path file, final long at, final int n) throws IOException {
		final ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
		while (b.hasRemaining()) {
			if (ch.read(b, at + b.position()) < 0)
				throw LayoutException.badBytes(file, at + b.position(), n + " bytes", "end of file");
		}
		return b.flip();
	}

	public Path file() {
		return file;
	}

	public long fileSize() {
		return fileSize;
	}

	/** 258 or 259. */
	public int magic() {
		return magic;
	}

	/** Byte offset of the NX × NY u8 navigator image (Data_offset_1). */
	public long navigatorOffset() {
		return navigatorOffset;
	}

	/** Byte offset of the first frame record (Data_offset_2). */
	public long dataOffset() {
		return dataOffset;
	}

	/** Byte offset of frame 0's pixels. */
	public long firstPixelOffset() {
		return dataOffset + FRAME_PREFIX;
	}

	/** Bytes from one frame record to the next. */
	public long frameStride() {
		return FRAME_PREFIX + dtype.bytesFor((long) dpSize * dpSize);
	}

	/** Frame width and height. */
	public int dpSize() {
		return dpSize;
	}

	public int nx() {
		return nx;
	}

	public int ny() {
		return ny;
	}

	/** Frame rotation in degrees, as recorded. */
	public int dpRotation() {
		return dpRotation;
	}

	/** Scan rotation in degrees × 100, as recorded. */
	public int scanRotation() {
		return scanRotation;
	}

	/** Scan step along x in nm. */
	public double sx() {
		return sx;
	}

	/** Scan step along y in nm. */
	public double sy() {
		return sy;
	}

	public long beamEnergyVolts() {
		return beamEnergyVolts;
	}

	/** Detector pixels per cm × 100. */
	public int sdp() {
		return sdp;
	}

	/** Camera length in units of 0.1 mm. */
	public long cameraLength() {
		return cameraLength;
	}

	/** Acquisition time as a serial date (days). */
	public double acquisitionTime() {
		return acquisitionTime;
	}

	/** Pixel type: u8, or u16 when the text block says so. */
	public DType dtype() {
		return dtype;
	}

	/** The non-blank lines of the text block between the fixed header and the navigator (often empty for MAGIC 258). */
	public List<String> text() {
		return text;
	}

	@Override
	public String toString() {
		return "blockfile MAGIC " + magic + ", " + ny + " × " + nx + " scan of " + dpSize + " × " + dpSize + " "
				+ dtype.n5Name() + " frames at byte " + dataOffset + ", navigator at byte " + navigatorOffset;
	}
}
