package org.maptem.udf;

import java.util.Map;

import org.maptem.dataset.DatasetMeta;

/**
 * Makes a built-in or plug-in UDF from named parameters, as the command line ({@code maptem run PATH disk cx=64
 * cy=64 r=12}), Fiji commands and macros give them. Found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.maptem.udf.UdfFactory}); {@link UdfRegistry} looks them up by name.
 *
 * <p>Parameter names follow LiberTEM's habits ({@code cx cy r ri ro x y w h}). A factory rejects unknown or
 * missing parameters with a {@link UdfException} naming them and listing what it accepts.
 */
public interface UdfFactory {

	/** The name users type, lowercase, e.g. {@code "disk"}, {@code "com"}, {@code "sum"}. */
	String name();

	/** One line saying what the UDF computes and which parameters it takes, e.g. {@code "cx cy r: ..."}. */
	String usage();

	/** Name of the result buffer a plain "save the result" writes, e.g. {@code "intensity"}. */
	String mainBuffer();

	/**
	 * Creates the UDF for a dataset of {@code meta}, with parameters as given by the user (strings; the factory
	 * parses them). Defaults may depend on the dataset (e.g. the detector centre).
	 *
	 * @throws UdfException naming a missing, unknown or malformed parameter
	 */
	Udf<?> create(Map<String, String> params, DatasetMeta meta);
}
