package org.maptem.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.janelia.saalfeldlab.n5.DataType;
import org.janelia.saalfeldlab.n5.DatasetAttributes;
import org.janelia.saalfeldlab.n5.N5Exception;
import org.janelia.saalfeldlab.n5.N5FSWriter;
import org.maptem.dataset.DType;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Provenance;
import org.maptem.n5.Sidecar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies any {@link Dataset} into a MapTEM N5 container, atomically: the target either appears complete or not at
 * all.
 *
 * <p>The container holds one N5 dataset {@value #DATASET} of N5 dimensions {@code [sigW, sigH, nav reversed]} in the
 * source's element type (packed 12-bit becomes uint16), one chunk per partition at the options' byte budget
 * ({@link org.maptem.dataset.Partitions#navBlock}), edge chunks truncated. Its {@code attributes.json} carries the
 * {@link Sidecar} under key {@value Sidecar#KEY}: the source's calibration and provenance plus the ingest's (source
 * files, time, MapTEM version, compression), the nav block, the CRC32C of every chunk file and {@code complete}.
 *
 * <p>Everything is written under a sibling directory {@code <target>.partial-<random>}, the sidecar completed last,
 * and the directory then renamed to the target in one atomic move. A failure, a throwing listener, cancellation or
 * an interrupt deletes the partial directory and leaves the target as it was. An existing target is refused unless
 * {@link IngestOptions#overwrite()}, in which case it is moved aside, the new container moved in, and the old one
 * deleted. Atomicity holds against failures of the process; after an operating-system crash, check the container
 * with {@link Verify}.
 *
 * <pre>{@code
 * Dataset raw = RawFormat.open(Path.of("scan.raw"), params, OpenOptions.DEFAULTS);
 * IngestResult r = Ingest.run(raw, Path.of("scan.n5"), IngestOptions.DEFAULTS.withListener(p -> log(p.fraction())));
 * }</pre>
 */
public final class Ingest {

	/** The N5 dataset that holds the frames. */
	public static final String DATASET = "data";

	private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);
	private static final long POLL_MILLIS = 50;

	private Ingest() {
	}

	/**
	 * Ingests {@code source} into the container {@code target}. Blocks until done; cancellation and progress go
	 * through {@code options}. The source stays open (the caller closes it).
	 *
	 * @throws LayoutException       naming the target when it exists and overwrite is off, or when writing fails
	 * @throws CancellationException when cancelled or interrupted (the interrupt flag is restored); no target is left
	 */
	public static IngestResult run(final Dataset source, final Path target, final IngestOptions options) {
		final Instant started = Instant.now();
		final Path abs = target.toAbsolutePath().normalize();
		if (Files.exists(abs) && !options.overwrite())
			throw LayoutException.badField(abs, "ingest target", "no existing file or directory (or the overwrite option)",
					"an existing " + (Files.isDirectory(abs) ? "directory" : "file"));
		ChunkWriter.streamingWriter(options.compression());
		final ChunkGrid grid = ChunkGrid.plan(storedMeta(source.meta(), options, started), options.partitionBytes());
		if (Thread.currentThread().isInterrupted())
			throw new CancellationException("ingest into " + abs + " not started: the calling thread is interrupted");
		final Path partial = Containers.partialSibling(abs);
		try {
			final Sidecar sidecar = write(source, grid, partial, options);
			Containers.commit(partial, abs, options.overwrite());
			final Duration elapsed = Duration.between(started, Instant.now());
			final long fileBytes = fileBytes(abs, grid);
			LOG.info("ingested {} into {}: {} chunks, {} bytes in {} ms", source.meta(), abs, grid.partitions().size(),
					source.meta().totalBytes(), elapsed.toMillis());
			return new IngestResult(abs, sidecar, grid.partitions().size(), grid.meta().totalBytes(), fileBytes, elapsed);
		} catch (final RuntimeException | Error e) {
			Containers.deleteQuietly(partial);
			// file channels fail with ClosedByInterruptException when interrupted: that is a cancellation
			if (Thread.currentThread().isInterrupted() && !(e instanceof CancellationException)) {
				final CancellationException c = new CancellationException("ingest into " + abs + " interrupted");
				c.initCause(e);
				throw c;
			}
			throw e;
		}
	}

	/** The container's meta: the source's, stored dtype, and the ingest facts added to the provenance. */
	private static DatasetMeta storedMeta(final DatasetMeta src, final IngestOptions options, final Instant time) {
		final DType stored = src.dtype() == DType.UINT12_PACKED ? DType.UINT16 : src.dtype();
		Provenance p = src.provenance()
				.with("ingest_source", String.join(", ", src.provenance().files()))
				.with("ingest_time", time.toString())
				.with("ingest_maptem_version", version())
				.with("ingest_compression", options.compression().getType());
		if (stored != src.dtype())
			p = p.with("ingest_source_dtype", src.dtype().n5Name());
		return new DatasetMeta(src.navShape(), src.sigShape(), stored, src.calibration(), p);
	}

	/** MapTEM's version from the jar manifest; {@code "development"} when run from classes. */
	static String version() {
		final String v = Ingest.class.getPackage().getImplementationVersion();
		return v == null ? "development" : v;
	}

	private static Sidecar write(final Dataset source, final ChunkGrid grid, final Path partial,
			final IngestOptions options) {
		final DatasetMeta meta = grid.meta();
		final DatasetAttributes attrs = new DatasetAttributes(meta.n5Dimensions(), grid.blockSize(),
				DataType.fromString(meta.dtype().n5Name()), options.compression());
		try (N5FSWriter n5 = new N5FSWriter(partial.toString(), false)) {
			n5.createDataset(DATASET, attrs);
			n5.setAttribute(DATASET, Sidecar.KEY, new Sidecar(meta, grid.navBlock(), Map.of(), false).toJson());
			final Map<String, String> sums = writeChunks(source, grid, partial.resolve(DATASET), attrs, options);
			final Sidecar done = new Sidecar(meta, grid.navBlock(), sums, true);
			n5.setAttribute(DATASET, Sidecar.KEY, done.toJson());
			return done;
		} catch (final N5Exception e) {
			throw new LayoutException(partial + ": cannot write N5 attributes: " + e.getMessage(), e);
		}
	}

	/** Writes every chunk on a small pool; progress and cancellation are handled on this thread. */
	private static Map<String, String> writeChunks(final Dataset source, final ChunkGrid grid, final Path dataDir,
			final DatasetAttributes attrs, final IngestOptions options) {
		final List<Partition> chunks = grid.partitions();
		final String[] sums = new String[chunks.size()];
		final AtomicBoolean abort = new AtomicBoolean();
		final AtomicInteger threadNo = new AtomicInteger();
		final int threads = Math.min(options.threads(), chunks.size());
		final ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
			final Thread t = new Thread(r, "maptem-ingest-" + threadNo.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		final ThreadLocal<ChunkWriter> writers = ThreadLocal.withInitial(
				() -> new ChunkWriter(source, grid.meta(), attrs.getCompression(), abort::get));
		final CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
		try {
			for (final Partition p : chunks)
				done.submit(() -> {
					final ChunkWriter.Written w = writers.get().write(p, grid.header(p), dataDir.resolve(grid.path(p)));
					sums[p.index()] = w.crc32c();
					LOG.debug("chunk {} written: {} bytes, crc32c {}", grid.path(p), w.fileBytes(), w.crc32c());
					return p.index();
				});
			long bytesDone = 0;
			final long bytesTotal = grid.meta().totalBytes();
			for (int n = 1; n <= chunks.size(); n++) {
				Future<Integer> f;
				while ((f = done.poll(POLL_MILLIS, TimeUnit.MILLISECONDS)) == null)
					if (options.cancelled().getAsBoolean())
						throw new CancellationException("ingest cancelled after " + (n - 1) + " of " + chunks.size() + " chunks");
				final Partition p = chunks.get(get(f));
				bytesDone += grid.dataBytes(p);
				if (options.cancelled().getAsBoolean())
					throw new CancellationException("ingest cancelled after " + n + " of " + chunks.size() + " chunks");
				options.listener().chunkWritten(new IngestProgress(n, chunks.size(), bytesDone, bytesTotal, grid.path(p)));
			}
		} catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancellationException("ingest interrupted");
		} finally {
			abort.set(true);
			pool.shutdownNow();
			awaitQuietly(pool);
		}
		final Map<String, String> ordered = new LinkedHashMap<>();
		for (final Partition p : chunks)
			ordered.put(grid.path(p), sums[p.index()]);
		return ordered;
	}

	private static int get(final Future<Integer> f) throws InterruptedException {
		try {
			return f.get();
		} catch (final ExecutionException e) {
			final Throwable c = e.getCause();
			if (c instanceof RuntimeException r)
				throw r;
			if (c instanceof Error err)
				throw err;
			throw new LayoutException("ingest: chunk writer failed: " + c, c);
		}
	}

	/** Waits for workers to stop so none writes into a directory being deleted. */
	private static void awaitQuietly(final ExecutorService pool) {
		boolean interrupted = false;
		while (true) {
			try {
				if (pool.awaitTermination(1, TimeUnit.MINUTES))
					break;
				LOG.warn("ingest: chunk writers still running after being stopped; waiting");
			} catch (final InterruptedException e) {
				interrupted = true;
			}
		}
		if (interrupted)
			Thread.currentThread().interrupt();
	}

	private static long fileBytes(final Path container, final ChunkGrid grid) {
		long n = 0;
		for (final Partition p : grid.partitions())
			try {
				n += Files.size(container.resolve(DATASET).resolve(grid.path(p)));
			} catch (final IOException e) {
				throw new LayoutException(container + ": chunk " + grid.path(p) + " vanished after the ingest: " + e, e);
			}
		return n;
	}
}
