package org.maptem.udf;

/**
 * The one unchecked exception of the UDF engine: a bad UDF parameter, ROI or job, or a failure while running one.
 *
 * <p>Messages say which UDF or job part is wrong, which parameter, what was expected and what was found, so a user
 * can act on them without a stack trace. Errors of the bytes underneath stay {@code LayoutException}s.
 */
public class UdfException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public UdfException(final String message) {
		super(message);
	}

	public UdfException(final String message, final Throwable cause) {
		super(message, cause);
	}

	/**
	 * A parameter of {@code owner} (a UDF, a mask, a ROI, a job) has a value that cannot be used.
	 *
	 * @param owner     what the parameter belongs to, e.g. {@code "ApplyMasksUdf"}
	 * @param parameter the parameter's name, e.g. {@code "masks[2]"}
	 * @param expected  what would have been accepted
	 * @param found     what was given
	 */
	public static UdfException badParameter(final String owner, final String parameter, final Object expected,
			final Object found) {
		return new UdfException(owner + ": parameter '" + parameter + "': expected " + expected + ", found " + found);
	}
}
