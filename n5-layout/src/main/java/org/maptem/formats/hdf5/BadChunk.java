package org.maptem.formats.hdf5;

/**
 * A chunk's bytes do not decode: where in the chunk (byte offset from its start), what was expected and what was
 * found. Checked, so that every decoder call site turns it into a {@link org.maptem.dataset.LayoutException} naming
 * the file and the absolute byte offset.
 */
final class BadChunk extends Exception {

	private static final long serialVersionUID = 1L;

	final long offset;
	final String expected;
	final String found;

	BadChunk(final long offset, final String expected, final Object found) {
		super("at chunk byte " + offset + ": expected " + expected + ", found " + found);
		this.offset = offset;
		this.expected = expected;
		this.found = String.valueOf(found);
	}
}
