package org.maptem.formats.hdf5;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.function.Supplier;

import org.maptem.dataset.LayoutException;

import io.jhdf.dataset.chunked.Chunk;
import io.jhdf.dataset.chunked.ChunkedDatasetBase;

/**
 * The two things MapTEM needs from the jhdf library beyond its public API: turning whatever jhdf throws on a damaged
 * file into a {@link LayoutException} that names the file, and the chunk index of a chunked dataset.
 *
 * <p>jhdf 0.13 reads a chunk's bytes only by grid position ({@code getRawChunkBuffer}, a new memory mapping per
 * call) and keeps the index with each chunk's address, size and filter mask protected
 * ({@code ChunkedDatasetBase.getChunkLookup}). MapTEM reads that index once when a dataset is opened, checks every
 * chunk against the file length, closes the HDF5 file and reads chunks itself with plain positional reads; this
 * class is the one place that reaches into jhdf for it, and says so when a jhdf version no longer has it.
 */
final class Jhdf {

	private static final Method LOOKUP = lookupMethod();

	private Jhdf() {
	}

	/**
	 * Runs {@code body} (jhdf calls on {@code file}), turning jhdf's exceptions, the stack overflow a cyclic
	 * structure in a damaged file can cause and the failed allocation of a size read from a damaged field into a
	 * {@link LayoutException} naming the file and {@code what} was being read. Layout exceptions pass unchanged.
	 */
	static <T> T call(final Path file, final String what, final Supplier<T> body) {
		try {
			return body.get();
		} catch (final LayoutException e) {
			throw e;
		} catch (final RuntimeException | StackOverflowError e) {
			throw new LayoutException(file + ": cannot read " + what + " as HDF5: " + describe(e), e);
		} catch (final OutOfMemoryError e) {
			// jhdf allocates buffers of sizes read from the file before checking them against it; one such
			// allocation failing leaves the heap as it was
			throw new LayoutException(file + ": cannot read " + what + " as HDF5: a structure in the file declares more bytes"
					+ " than memory holds (" + e.getMessage() + ")", e);
		}
	}

	/** The exception's message chain, for a one-line error. */
	static String describe(final Throwable e) {
		final StringBuilder s = new StringBuilder();
		Throwable t = e;
		for (int depth = 0; t != null && depth < 4; depth++, t = t.getCause()) {
			if (depth > 0)
				s.append(": ");
			s.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
			if (t.getCause() == t)
				break;
		}
		return s.toString();
	}

	/** Every stored chunk of {@code dataset}, from jhdf's chunk index. */
	@SuppressWarnings("unchecked")
	static Collection<Chunk> chunks(final Path file, final ChunkedDatasetBase dataset) {
		if (LOOKUP == null)
			throw new LayoutException(file + ": this jhdf version does not expose the chunk index of " + dataset.getPath()
					+ " (ChunkedDatasetBase.getChunkLookup); MapTEM needs jhdf 0.13");
		try {
			return ((Map<?, Chunk>) LOOKUP.invoke(dataset)).values();
		} catch (final InvocationTargetException e) {
			final Throwable cause = e.getCause();
			if (cause instanceof LayoutException le)
				throw le;
			if (cause instanceof RuntimeException || cause instanceof StackOverflowError)
				throw new LayoutException(file + ": cannot read the chunk index of " + dataset.getPath() + ": "
						+ describe(cause), cause);
			throw new LayoutException(file + ": cannot read the chunk index of " + dataset.getPath() + ": " + describe(e), e);
		} catch (final IllegalAccessException e) {
			throw new LayoutException(file + ": cannot read the chunk index of " + dataset.getPath() + ": " + e, e);
		}
	}

	private static Method lookupMethod() {
		try {
			final Method m = ChunkedDatasetBase.class.getDeclaredMethod("getChunkLookup");
			m.setAccessible(true);
			return m;
		} catch (final ReflectiveOperationException | RuntimeException e) {
			return null;
		}
	}
}
