package org.maptem.formats.hdf5;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.maptem.dataset.OpenOptions;
import org.maptem.formats.FormatReader;

/**
 * HDF5 files holding 4D-STEM data — Berkeley EMD and py4DSTEM, Velox EMD, NeXus, HyperSpy, DECTRIS ARINA/EIGER
 * masters, or any dataset named as {@code FILE::/path/to/dataset} — recognised by the HDF5 signature and opened in
 * place as {@link Hdf5Dataset}.
 */
public final class Hdf5Format implements FormatReader {

	/** The format name in sidecars and on the command line. */
	public static final String NAME = "hdf5";

	/** The 8-byte HDF5 format signature. */
	static final byte[] SIGNATURE = { (byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n' };

	private static final Set<String> EXTENSIONS = Set.of("h5", "hdf5", "hdf", "he5", "emd", "nxs", "nx5", "hspy", "cxi");

	@Override
	public String name() {
		return NAME;
	}

	/**
	 * 100 when {@code head} has the HDF5 signature at byte 0, 512, 1024 or 2048 (where HDF5 allows a superblock after
	 * a user block), or when the path is {@code FILE::/dataset} and FILE has it; 50 for an HDF5 file extension; else 0.
	 */
	@Override
	public int probe(final Path file, final byte[] head) {
		if (signatureOffset(head) >= 0)
			return 100;
		final Hdf5Address address = Hdf5Address.parse(file);
		if (address.dataset() != null && signatureOffset(head(address.file())) >= 0)
			return 100;
		final Path name = address.file().getFileName();
		if (name == null)
			return 0;
		final String s = name.toString();
		final int dot = s.lastIndexOf('.');
		return dot >= 0 && EXTENSIONS.contains(s.substring(dot + 1).toLowerCase(Locale.ROOT)) ? 50 : 0;
	}

	@Override
	public Hdf5Dataset open(final Path file, final OpenOptions options) {
		final Hdf5Address address = Hdf5Address.parse(file);
		return Hdf5Dataset.open(address.file(), address.dataset(), options);
	}

	/** Byte offset of the HDF5 signature in {@code head} (0, 512, 1024 or 2048), or -1. */
	static int signatureOffset(final byte[] head) {
		for (int at = 0; at <= 2048; at = at == 0 ? 512 : 2 * at)
			if (head.length >= at + SIGNATURE.length && java.util.Arrays.equals(head, at, at + SIGNATURE.length, SIGNATURE, 0,
					SIGNATURE.length))
				return at;
		return -1;
	}

	private static byte[] head(final Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(4096);
		} catch (final IOException e) {
			return new byte[0];
		}
	}
}
