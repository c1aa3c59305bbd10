package org.maptem.n5;

import java.nio.file.Files;
import java.nio.file.Path;

import org.maptem.dataset.Dataset;
import org.maptem.dataset.OpenOptions;
import org.maptem.formats.FormatReader;

/**
 * N5 containers and datasets as a format: a directory holding {@code attributes.json}, either a dataset itself or a
 * container with one MapTEM dataset inside.
 */
public final class N5Format implements FormatReader {

	@Override
	public String name() {
		return "n5";
	}

	@Override
	public int probe(final Path file, final byte[] head) {
		if (!Files.isDirectory(file))
			return 0;
		if (Files.isRegularFile(file.resolve("attributes.json")))
			return 100;
		return file.getFileName() != null && file.getFileName().toString().endsWith(".n5") ? 50 : 0;
	}

	@Override
	public Dataset open(final Path file, final OpenOptions options) {
		return N5Dataset.open(N5Dataset.locate(file), options);
	}
}
