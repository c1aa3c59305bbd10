package org.maptem.formats.mrc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;

/**
 * The validated 1024-byte header of an MRC file (layout in {@link org.maptem.formats.mrc the package
 * documentation}): dimensions, mode, byte order and extended header size, checked against the file length before
 * any data is read. Immutable.
 */
public final class MrcHeader {

	/** Bytes of the main header. */
	public static final int HEADER_BYTES = 1024;
	/** IMOD's stamp at byte 152. */
	static final int IMOD_STAMP = 1146047817;
	/** Mode of half-precision floats. */
	static final int MODE_FLOAT16 = 12;
	/** Largest frame width or height accepted. */
	static final int MAX_DIM = 1 << 17;

	private final Path file;
	private final ByteOrder order;
	private final int nx;
	private final int ny;
	private final int nz;
	private final int mode;
	private final int mz;
	private final float[] cella;
	private final int ispg;
	private final int nsymbt;
	private final String exttyp;
	private final int nversion;
	private final boolean imod;
	private final int imodFlags;
	private final boolean hasMapField;
	private final DType stored;

	private MrcHeader(final Path file, final ByteBuffer h, final DType stored) {
		this.file = file;
		this.order = h.order();
		this.nx = h.getInt(0);
		this.ny = h.getInt(4);
		this.nz = h.getInt(8);
		this.mode = h.getInt(12);
		this.mz = h.getInt(36);
		this.cella = new float[] { h.getFloat(40), h.getFloat(44), h.getFloat(48) };
		this.ispg = h.getInt(88);
		this.nsymbt = h.getInt(92);
		this.exttyp = ascii(h, 104, 4);
		this.nversion = h.getInt(108);
		this.imod = h.getInt(152) == IMOD_STAMP;
		this.imodFlags = h.getInt(156);
		this.hasMapField = ascii(h, 208, 4).equals("MAP ");
		this.stored = stored;
	}

	/**
	 * Reads and validates the header of {@code file}.
	 *
	 * @throws LayoutException naming the file and the field of the first problem
	 */
	public static MrcHeader read(final Path file) {
		final ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES);
		final long size;
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			size = ch.size();
			if (size < HEADER_BYTES)
				throw LayoutException.badField(file, "file size", "at least the " + HEADER_BYTES + "-byte MRC header",
						size + " bytes");
			while (h.hasRemaining())
				if (ch.read(h, h.position()) < 0)
					throw LayoutException.badBytes(file, h.position(), HEADER_BYTES + " header bytes", "end of file");
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot read: " + e.getMessage(), e);
		}
		h.order(byteOrder(h));
		final int nx = h.getInt(0);
		final int ny = h.getInt(4);
		final int nz = h.getInt(8);
		if (nx < 1 || ny < 1 || nx > MAX_DIM || ny > MAX_DIM)
			throw LayoutException.badField(file, "NX, NY (byte offsets 0, 4)", "1 to " + MAX_DIM + " columns and rows",
					nx + ", " + ny);
		if ((long) nx * ny > Integer.MAX_VALUE)
			throw LayoutException.badField(file, "NX, NY (byte offsets 0, 4)", "sections of at most 2^31-1 pixels", nx + " × " + ny);
		if (nz < 1)
			throw LayoutException.badField(file, "NZ (byte offset 8)", "at least 1 section", nz);
		final int mode = h.getInt(12);
		final boolean unsignedBytes = h.getInt(152) == IMOD_STAMP && (h.getInt(156) & 1) == 0;
		final DType stored = switch (mode) {
		case 0 -> unsignedBytes ? DType.UINT8 : DType.INT8;
		case 1 -> DType.INT16;
		case 2 -> DType.FLOAT32;
		case 6 -> DType.UINT16;
		case MODE_FLOAT16 -> DType.INT16;
		default -> throw LayoutException.badField(file, "MODE (byte offset 12)", "0, 1, 2, 6 or 12 (complex modes 3, 4 and "
				+ "4-bit mode 101 are not read)", mode);
		};
		final int mapc = h.getInt(64);
		final int mapr = h.getInt(68);
		final int maps = h.getInt(72);
		if (!(mapc == 1 && mapr == 2 && maps == 3) && !(mapc == 0 && mapr == 0 && maps == 0))
			throw LayoutException.badField(file, "MAPC, MAPR, MAPS (byte offsets 64, 68, 72)", "1, 2, 3 (columns along X, rows "
					+ "along Y, sections along Z)", mapc + ", " + mapr + ", " + maps);
		final int nsymbt = h.getInt(92);
		if (nsymbt < 0 || nsymbt > size - HEADER_BYTES)
			throw LayoutException.badField(file, "NSYMBT (byte offset 92)", "an extended header of 0 to " + (size - HEADER_BYTES)
					+ " bytes", nsymbt);
		final int bytes = mode == MODE_FLOAT16 ? 2 : stored.bytes();
		final long frameBytes = (long) nx * ny * bytes;
		// saturating: a huge NZ must give a message, not an overflow
		final long data = nz > Long.MAX_VALUE / 2 / frameBytes ? Long.MAX_VALUE / 2 : nz * frameBytes;
		final long expected = HEADER_BYTES + (long) nsymbt + data;
		if (size != expected)
			throw LayoutException.badField(file, "file size", expected + " bytes (1024 + NSYMBT " + nsymbt + " + NX " + nx + " × NY "
					+ ny + " × NZ " + nz + " × " + bytes + " bytes for MODE " + mode + ")",
					size + " bytes");
		return new MrcHeader(file, h, stored);
	}

	/** The machine stamp's order, or, without a known stamp, the order in which MODE and the sizes make sense. */
	private static ByteOrder byteOrder(final ByteBuffer h) {
		final int s0 = h.get(212) & 0xFF;
		final int s1 = h.get(213) & 0xFF;
		if (s0 == 0x44 && (s1 == 0x44 || s1 == 0x41))
			return ByteOrder.LITTLE_ENDIAN;
		if (s0 == 0x11 && s1 == 0x11)
			return ByteOrder.BIG_ENDIAN;
		h.order(ByteOrder.LITTLE_ENDIAN);
		final int mode = h.getInt(12);
		final boolean plausible = mode >= 0 && mode <= 16 && h.getInt(0) > 0 && h.getInt(0) <= MAX_DIM;
		return plausible ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
	}

	private static String ascii(final ByteBuffer h, final int at, final int n) {
		final byte[] b = new byte[n];
		h.get(at, b);
		return new String(b, StandardCharsets.ISO_8859_1);
	}

	/** True when the first bytes have "MAP " at byte 208 and a known machine stamp at 212. */
	static boolean hasMagic(final byte[] head) {
		if (head.length < 216)
			return false;
		final boolean map = head[208] == 'M' && head[209] == 'A' && head[210] == 'P' && head[211] == ' ';
		final int s0 = head[212] & 0xFF;
		final int s1 = head[213] & 0xFF;
		return map && ((s0 == 0x44 && (s1 == 0x44 || s1 == 0x41)) || (s0 == 0x11 && s1 == 0x11));
	}

	public Path file() {
		return file;
	}

	public ByteOrder order() {
		return order;
	}

	public int nx() {
		return nx;
	}

	public int ny() {
		return ny;
	}

	public int nz() {
		return nz;
	}

	public int mode() {
		return mode;
	}

	/** Sections per volume for a volume stack (MZ). */
	public int mz() {
		return mz;
	}

	/** CELLA in Å. */
	public float[] cella() {
		return cella.clone();
	}

	public int ispg() {
		return ispg;
	}

	/** Bytes of extended header. */
	public int nsymbt() {
		return nsymbt;
	}

	/** The extended header type, e.g. "FEI1", as found (4 characters, possibly blank). */
	public String exttyp() {
		return exttyp;
	}

	public int nversion() {
		return nversion;
	}

	/** True when IMOD's stamp is present. */
	public boolean imod() {
		return imod;
	}

	public int imodFlags() {
		return imodFlags;
	}

	/** True when "MAP " is at byte 208 (MRC2014). */
	public boolean hasMapField() {
		return hasMapField;
	}

	/** Byte offset of the first section. */
	public long dataOffset() {
		return HEADER_BYTES + (long) nsymbt;
	}

	/** True for half-precision floats (MODE 12). */
	public boolean float16() {
		return mode == MODE_FLOAT16;
	}

	/** The element type as stored; MODE 12 reports int16 (two bytes) here and is widened by its own reader. */
	DType storedType() {
		return stored;
	}

	/** The element type the dataset reports: float32 for MODE 12, the stored type otherwise. */
	public DType dtype() {
		return float16() ? DType.FLOAT32 : stored;
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "MRC mode %d, %d × %d × %d, %s, %d-byte extended header%s", mode, nx, ny, nz,
				order == ByteOrder.LITTLE_ENDIAN ? "little-endian" : "big-endian", nsymbt,
				exttyp.isBlank() ? "" : " (" + exttyp.strip() + ")");
	}
}
