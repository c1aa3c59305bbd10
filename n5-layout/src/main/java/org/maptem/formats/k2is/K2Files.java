package org.maptem.formats.k2is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.maptem.dataset.LayoutException;

/**
 * The files of one K2IS data set found from any of them, as LiberTEM finds them: for {@code NAME.gtg}, every
 * {@code NAME*.bin} beside it; for {@code NAME<digits>.bin}, every {@code NAME*.bin} and {@code NAME.gtg}. The
 * {@code .bin} files, sorted by name, are sectors 0 to 7 from the left of the frame.
 *
 * @param gtg     the {@code .gtg} metadata file, or {@code null} when there is none
 * @param sectors the 8 sector files in sector order
 */
public record K2Files(Path gtg, List<Path> sectors) {

	public K2Files {
		sectors = List.copyOf(sectors);
	}

	/**
	 * Finds the data set {@code path} belongs to.
	 *
	 * @throws LayoutException naming the path when it is neither {@code .gtg} nor {@code .bin}, or when there are not
	 *                         exactly 8 sector files
	 */
	public static K2Files of(final Path path) {
		final Path abs = path.toAbsolutePath();
		final String name = abs.getFileName().toString();
		final String lower = name.toLowerCase(Locale.ROOT);
		final String base;
		if (lower.endsWith(".gtg"))
			base = name.substring(0, name.length() - 4);
		else if (lower.endsWith(".bin"))
			base = name.substring(0, name.length() - 4).replaceFirst("[0-9]+$", "");
		else
			throw LayoutException.badField(abs, "file name", "NAME.gtg or NAME<n>.bin", name);
		final Path dir = abs.getParent();
		final List<Path> bins = new ArrayList<>();
		try (Stream<Path> s = Files.list(dir)) {
			s.filter(p -> {
				final String n = p.getFileName().toString();
				return n.startsWith(base) && n.toLowerCase(Locale.ROOT).endsWith(".bin") && Files.isRegularFile(p);
			}).sorted().forEach(bins::add);
		} catch (final IOException e) {
			throw new LayoutException(abs + ": cannot list " + dir + ": " + e.getMessage(), e);
		}
		if (bins.size() != K2Block.SECTORS)
			throw new LayoutException(abs + ": a K2IS data set has " + K2Block.SECTORS + " sector files " + base
					+ "*.bin, found " + bins.size() + " " + bins.stream().map(p -> p.getFileName().toString()).toList());
		final Path gtg = lower.endsWith(".gtg") ? abs : dir.resolve(base + ".gtg");
		return new K2Files(Files.isRegularFile(gtg) ? gtg : null, bins);
	}
}
