package org.maptem.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.janelia.saalfeldlab.n5.N5FSReader;
import org.janelia.saalfeldlab.n5.N5FSWriter;
import org.janelia.saalfeldlab.n5.N5Writer;
import org.janelia.saalfeldlab.n5.RawCompression;
import org.janelia.saalfeldlab.n5.imglib2.N5Utils;
import org.maptem.dataset.LayoutException;

import com.google.gson.JsonObject;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.NativeType;

/**
 * Saves results as N5 datasets, raw-compressed, dimensions in ImgLib2 order (the result's NumPy shape reversed, as
 * N5 stores arrays), with attributes:
 * <ul>
 * <li>{@code "resolution"}: the step of every dimension, and {@code "units"}: its unit ({@code ""} for index
 * axes), the per-dimension convention of n5-ij and Paintera;</li>
 * <li>{@code "pixelResolution"}: {@code {"unit", "dimensions"}} as n5-viewer reads it, when every dimension has
 * the same unit;</li>
 * <li>{@code "maptem_job"}: how the result was made ({@link JobRecord#toJson}).</li>
 * </ul>
 * A target {@code out.n5} holds the dataset under the buffer's name ({@code out.n5/intensity}); a target
 * {@code out.n5/path/in/container} names the dataset. Several results may share one container. The dataset is
 * written under a temporary name and renamed into place; an existing dataset is replaced only when MapTEM saved it
 * as a result.
 */
final class N5Results {

	static final String JOB = "maptem_job";

	private N5Results() {
	}

	/** The container of {@code target}: its last path element ending in {@code .n5}, or {@code null}. */
	static Path containerOf(final Path target) {
		final Path abs = target.toAbsolutePath().normalize();
		for (Path p = abs; p != null && p.getFileName() != null; p = p.getParent()) {
			final String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
			if (n.endsWith(".n5") && n.length() > 3)
				return p;
		}
		return null;
	}

	/** The dataset path inside the container for {@code target}, the buffer's name when the target is the container. */
	static String datasetOf(final Path target, final Path container, final String buffer) {
		final Path rel = container.relativize(target.toAbsolutePath().normalize());
		final String s = rel.toString().replace('\\', '/');
		return s.isEmpty() ? buffer : s;
	}

	/**
	 * Writes {@code r} into the N5 container of {@code target}; returns the dataset's directory.
	 *
	 * @throws LayoutException when the dataset exists and is not a MapTEM result, or writing fails
	 */
	static Path write(final ResultImage r, final JsonObject job, final Path target) {
		final Path container = containerOf(target);
		final String dataset = datasetOf(target, container, r.name());
		final Path dir = container.resolve(dataset);
		if (Files.exists(dir) && !isResult(container, dataset))
			throw LayoutException.badField(dir, "attributes.json", "a dataset MapTEM saved as a result (attribute '" + JOB
					+ "') or nothing, so it may be replaced", "other content; choose another name");
		AtomicFiles.writeDirectory(dir, tmp -> {
			try (N5Writer n5 = new N5FSWriter(container.toString())) {
				final String tmpDataset = container.relativize(tmp).toString().replace('\\', '/');
				save(r, n5, tmpDataset);
				n5.setAttributes(tmpDataset, attributes(r, job));
			}
		});
		return dir;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void save(final ResultImage r, final N5Writer n5, final String dataset) {
		final long[] d = r.dimensions();
		final int[] block = new int[d.length];
		for (int i = 0; i < d.length; i++)
			block[i] = (int) Math.min(d[i], i < r.extraAxes() ? Integer.MAX_VALUE : 512);
		N5Utils.save((RandomAccessibleInterval<? extends NativeType>) (RandomAccessibleInterval) r.image(), n5, dataset, block,
				new RawCompression());
	}

	private static Map<String, Object> attributes(final ResultImage r, final JsonObject job) {
		final int n = r.axes().size();
		final double[] resolution = new double[n];
		final String[] units = new String[n];
		boolean sameUnit = true;
		for (int i = 0; i < n; i++) {
			resolution[i] = r.axes().get(i).step();
			units[i] = r.axes().get(i).unit();
			sameUnit &= units[i].equals(units[0]);
		}
		final Map<String, Object> a = new LinkedHashMap<>();
		a.put("resolution", resolution);
		a.put("units", units);
		if (sameUnit) {
			final JsonObject pr = new JsonObject();
			pr.addProperty("unit", units[0]);
			final com.google.gson.JsonArray dims = new com.google.gson.JsonArray();
			for (final double v : resolution)
				dims.add(v);
			pr.add("dimensions", dims);
			a.put("pixelResolution", pr);
		}
		a.put(JOB, job);
		return a;
	}

	private static boolean isResult(final Path container, final String dataset) {
		try (N5FSReader n5 = new N5FSReader(container.toString())) {
			return n5.datasetExists(dataset) && n5.getAttribute(dataset, JOB, JsonObject.class) != null;
		} catch (final RuntimeException e) {
			return false;
		}
	}
}
