package org.maptem.results;

import java.nio.file.Path;

import org.maptem.dataset.LayoutException;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

/**
 * Saves results by file extension ({@link ResultFormat}), each with how it was made: a JSON sidecar
 * {@code FILE.json} beside files ({@code bf.tif} gets {@code bf.tif.json}), the attribute {@code maptem_job} on N5
 * datasets. Files are written under a temporary name and renamed into place, so a reader never sees a partial
 * result; an existing file of the same name is replaced. Never opens a window.
 *
 * <pre>{@code
 * ResultImage bf = ResultImage.of(results.buffer("intensity"), dataset.meta());
 * ResultFiles.save(bf, JobRecord.of(path, "n5", dataset.meta(), "disk", params), Path.of("bf.tif"));
 * }</pre>
 */
public final class ResultFiles {

	private ResultFiles() {
	}

	/**
	 * Saves {@code result} to {@code target} in the format its extension names, with {@code job} beside it.
	 *
	 * @return where the result went: the file, or the N5 dataset's directory
	 * @throws LayoutException naming the target when the extension is unknown or writing fails
	 */
	public static Path save(final ResultImage result, final JobRecord job, final Path target) {
		final ResultFormat format = ResultFormat.of(target);
		final Path container = format == ResultFormat.N5 ? N5Results.containerOf(target) : null;
		final String name = container == null ? target.toString()
				: container.resolve(N5Results.datasetOf(target, container, result.name())).toString();
		final JsonObject record = job.toJson(result, name, format.name().toLowerCase(java.util.Locale.ROOT));
		if (format == ResultFormat.N5)
			return N5Results.write(result, record, target);
		final String json = new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(record);
		AtomicFiles.writeFile(target, tmp -> {
			switch (format) {
			case TIFF -> TiffResults.write(result, json, tmp);
			case PNG -> PngResults.write(result, tmp);
			case NPY -> NpyResults.write(result, tmp);
			case CSV -> CsvResults.write(result, tmp);
			default -> throw new IllegalStateException(format.name());
			}
		});
		AtomicFiles.writeString(sidecar(target), json + "\n");
		return target;
	}

	/** The sidecar of a result file: its name with {@code .json} appended. */
	public static Path sidecar(final Path file) {
		return file.resolveSibling(file.getFileName() + ".json");
	}
}
