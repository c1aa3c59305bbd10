package org.maptem.dataset;

import java.nio.file.Path;

/**
 * The one unchecked exception of the n5-layout module: bad input, a corrupt or inconsistent container, or an I/O
 * failure while reading or writing detector data.
 *
 * <p>Messages always say where (file, and byte offset or field), what was expected and what was found, so a user
 * can act on them without a stack trace.
 */
public class LayoutException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public LayoutException(final String message) {
		super(message);
	}

	public LayoutException(final String message, final Throwable cause) {
		super(message, cause);
	}

	/** A field of a file has a value that cannot be right. */
	public static LayoutException badField(final Path file, final String field, final Object expected, final Object found) {
		return new LayoutException(file + ": field '" + field + "': expected " + expected + ", found " + found);
	}

	/** A byte position of a file holds something that cannot be right. */
	public static LayoutException badBytes(final Path file, final long offset, final Object expected, final Object found) {
		return new LayoutException(file + ": at byte offset " + offset + ": expected " + expected + ", found " + found);
	}
}
