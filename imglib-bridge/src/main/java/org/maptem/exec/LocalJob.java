package org.maptem.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.maptem.dataset.Dataset;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Tile;
import org.maptem.dataset.TilePlan;
import org.maptem.frames.FrameSource;
import org.maptem.frames.Simd;
import org.maptem.udf.BufferSpec;
import org.maptem.udf.Results;
import org.maptem.udf.Roi;
import org.maptem.udf.Udf;
import org.maptem.udf.UdfException;
import org.maptem.udf.corrections.TileCorrector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job on a {@link LocalExecutor}: its pool, its merged results and its state.
 *
 * <p>Every partition task opens the partition's frames once and reads its tiles into a per-thread float buffer (through
 * the job's {@link TileCorrector}, which applies the corrections once for all UDFs), calls every UDF, then merges under
 * {@link #lock}, where progress is updated and the listener called. The job's first partition, when long, is merged in
 * two pieces (see {@link LocalExecutor}); each piece has its own zero-filled partial results, as if it were a partition
 * of its own, so UDFs see nothing new. The first failure or a cancel stops the other tasks between tiles; the pool is
 * shut down after submission, so its threads end when the last task returns.
 */
final class LocalJob implements JobHandle {

	private static final Logger LOG = LoggerFactory.getLogger(LocalJob.class);
	private static final AtomicInteger JOB_IDS = new AtomicInteger();

	private enum State {
		RUNNING, DONE, FAILED, CANCELLED
	}

	private final int id = JOB_IDS.incrementAndGet();
	private final Dataset dataset;
	private final DatasetMeta meta;
	private final List<Udf<?>> udfs;
	private final List<List<BufferSpec>> specs = new ArrayList<>();
	private final Object[] taskData;
	private final Roi roi;
	private final TilePlan plan;
	private final TileCorrector corrector;
	private final PartialResultListener listener;
	private final List<Results> merged = new ArrayList<>();
	private final JobResults view;
	private final List<Partition> work = new ArrayList<>();
	private final long bytesTotal;
	private final ThreadLocal<float[]> tileBuffers;
	private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
	private final ThreadPoolExecutor pool;
	private final CountDownLatch finished = new CountDownLatch(1);
	private final Object lock = new Object();
	private final long startNanos = System.nanoTime();

	/** Set once the job leaves {@link State#RUNNING}; tasks poll it between tiles. */
	private volatile boolean stopping;
	private State state = State.RUNNING;
	private Throwable failure;
	private volatile Progress progress;
	private int partitionsDone;
	private long bytesDone;

	/** Frames of the first partition merged on their own before the rest (0: none). */
	private final int firstPiece;

	private LocalJob(final Job job, final PartialResultListener listener, final int threads, final long firstPieceBytes) {
		this.dataset = job.dataset();
		this.meta = dataset.meta();
		this.udfs = job.udfs();
		this.roi = job.roi();
		this.plan = job.tilePlan();
		this.listener = listener;
		if (roi != null)
			roi.check(meta);
		this.corrector = job.corrections().corrector(meta.sigHeight(), meta.sigWidth());
		taskData = new Object[udfs.size()];
		for (int i = 0; i < udfs.size(); i++) {
			final Udf<?> u = udfs.get(i);
			final List<BufferSpec> s = List.copyOf(u.buffers(meta));
			specs.add(s);
			merged.add(Results.forDataset(u.name(), meta, s));
			taskData[i] = u.taskData(meta);
		}
		view = new JobResults(meta, udfs, merged);
		long frames = 0;
		int maxFrames = 0;
		for (final Partition p : dataset.partitions()) {
			final long n = roi == null ? p.frameCount() : roi.countIn(p);
			if (n > 0) {
				work.add(p);
				frames += n;
				maxFrames = Math.max(maxFrames, p.frameCount());
			}
		}
		bytesTotal = frames * meta.frameBytes();
		// a PartitionUdf must see its partitions whole, so the first one is not cut into an early piece for it
		final boolean wholePartitions = udfs.stream().anyMatch(u -> u instanceof org.maptem.udf.PartitionUdf);
		firstPiece = work.isEmpty() || wholePartitions ? 0 : firstPiece(work.get(0), firstPieceBytes);
		final int tileValues = tileValues(Math.min(plan.framesPerTile(), maxFrames));
		tileBuffers = ThreadLocal.withInitial(() -> new float[tileValues]);
		progress = new Progress(0, work.size(), 0, bytesTotal, 0);
		final int poolSize = Math.max(1, Math.min(threads, work.size()));
		final AtomicInteger threadIds = new AtomicInteger();
		pool = new ThreadPoolExecutor(poolSize, poolSize, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
			final Thread t = new Thread(r, "maptem-local-" + id + "-" + threadIds.incrementAndGet());
			t.setDaemon(true);
			workers.add(t);
			return t;
		});
	}

	/** Checks and starts {@code job}. @throws UdfException for bad parameters, before any thread starts */
	static LocalJob start(final Job job, final PartialResultListener listener, final int threads,
			final long firstPieceBytes) {
		final LocalJob j = new LocalJob(job, listener, threads, firstPieceBytes);
		LOG.info("job {}: {} on {}, {} partitions, {} threads", j.id, j.names(), j.meta, j.work.size(),
				j.pool.getCorePoolSize());
		for (final Partition p : j.work)
			j.pool.execute(() -> j.process(p));
		j.pool.shutdown();
		return j;
	}

	/**
	 * Frames of {@code p}'s first piece: about {@code bytes} of float32 values (at least one frame),
	 * or 0 (no piece) when the partition is less than four pieces long. Decoded rather than stored bytes, so the piece
	 * costs the kernels the same time whatever the dtype.
	 */
	private int firstPiece(final Partition p, final long bytes) {
		final long frames = Math.max(1, bytes / (4L * meta.framePixels()));
		return 4 * frames <= p.frameCount() ? (int) frames : 0;
	}

	private int tileValues(final int frames) {
		final int rows = corrector.readRows(plan.rowsPerTile());
		final long n = (long) Math.max(1, frames) * rows * meta.sigWidth();
		if (n > Integer.MAX_VALUE - 8)
			throw UdfException.badParameter("job", "tilePlan", "tiles of at most 2^31 - 9 values",
					plan + " gives " + n + " values for frames of " + meta.sigHeight() + " × " + meta.sigWidth());
		return (int) n;
	}

	private void process(final Partition p) {
		if (stopping)
			return;
		try (FrameSource source = dataset.open(p)) {
			final boolean twoPieces = firstPiece > 0 && p.index() == work.get(0).index();
			final long split = twoPieces ? p.firstFrame() + firstPiece : p.firstFrame();
			// the first piece takes the scalar loops: C1 compiles them within milliseconds, whereas the vector kernels
			// run interpreted, hundreds of times slower, until C2 compiles them (first job of a fresh JVM)
			if (split > p.firstFrame()
					&& !Simd.scalarWhile(() -> processPiece(p, source, p.firstFrame(), split, false)))
				return;
			processPiece(p, source, split, p.endFrame(), true);
		} catch (final UdfException | LayoutException e) {
			fail(e);
		} catch (final RuntimeException e) {
			fail(new UdfException("partition " + p.index() + " (frames " + p.firstFrame() + " to " + (p.endFrame() - 1)
					+ "): " + e, e));
		} catch (final Throwable e) {
			fail(e);
		}
	}

	/**
	 * Runs frames {@code [from, to)} of {@code p} through the UDFs into fresh partial results and merges them;
	 * {@code last}: they complete the partition. False when the job stopped meanwhile.
	 */
	private boolean processPiece(final Partition p, final FrameSource source, final long from, final long to,
			final boolean last) {
		final Results[] partial = new Results[udfs.size()];
		for (int i = 0; i < partial.length; i++)
			partial[i] = Results.forPartition(udfs.get(i).name(), meta, specs.get(i), from, (int) (to - from));
		final float[] buffer = tileBuffers.get();
		long frames = 0;
		long f = roi == null ? from : roi.nextIn(from);
		while (f >= 0 && f < to) {
			final long runEnd = roi == null ? to : Math.min(to, roi.nextOut(f));
			if (!processRun(source, f, runEnd, buffer, partial))
				return false;
			frames += runEnd - f;
			f = roi == null ? runEnd : roi.nextIn(runEnd);
		}
		for (int i = 0; i < partial.length; i++)
			endPartition(udfs.get(i), partial[i], taskData[i]);
		merge(p, partial, frames, last);
		return true;
	}

	/** Feeds frames {@code [start, end)} tile by tile to every UDF; false when the job stopped meanwhile. */
	private boolean processRun(final FrameSource source, final long start, final long end, final float[] buffer,
			final Results[] partial) {
		final int h = meta.sigHeight();
		final int w = meta.sigWidth();
		final int framesPerTile = plan.framesPerTile();
		final int rowsPerTile = Math.min(plan.rowsPerTile(), h);
		for (long f = start; f < end; f += framesPerTile) {
			final int n = (int) Math.min(framesPerTile, end - f);
			for (int r = 0; r < h; r += rowsPerTile) {
				if (stopping)
					return false;
				final Tile tile = new Tile(f, n, r, Math.min(rowsPerTile, h - r), w);
				corrector.read(source, tile, buffer);
				for (int i = 0; i < partial.length; i++)
					processTile(udfs.get(i), tile, buffer, partial[i], taskData[i]);
			}
		}
		return true;
	}

	@SuppressWarnings("unchecked")
	private static <T> void endPartition(final Udf<T> udf, final Results partial, final Object taskData) {
		udf.endPartition(partial, (T) taskData);
	}

	@SuppressWarnings("unchecked")
	private static <T> void processTile(final Udf<T> udf, final Tile tile, final float[] data, final Results partial,
			final Object taskData) {
		udf.processTile(tile, data, partial, (T) taskData);
	}

	private void merge(final Partition p, final Results[] partial, final long frames, final boolean partitionDone) {
		synchronized (lock) {
			if (state != State.RUNNING)
				return;
			for (int i = 0; i < partial.length; i++) {
				final Udf<?> u = udfs.get(i);
				u.merge(merged.get(i), partial[i]);
				merged.get(i).copyNavFrom(partial[i], roi);
				u.postprocess(merged.get(i));
			}
			if (partitionDone)
				partitionsDone++;
			bytesDone += frames * meta.frameBytes();
			final Progress now = new Progress(partitionsDone, work.size(), bytesDone, bytesTotal,
					System.nanoTime() - startNanos);
			progress = now;
			LOG.debug("job {}: partition {} {}, {}", id, p.index(), partitionDone ? "merged" : "first piece merged", now);
			listener.partialResult(view, now);
			if (state == State.RUNNING && partitionsDone == work.size()) {
				state = State.DONE;
				stopping = true;
				LOG.info("job {}: done, {}", id, now);
				finished.countDown();
			}
		}
	}

	private void fail(final Throwable e) {
		synchronized (lock) {
			if (state != State.RUNNING)
				return;
			state = State.FAILED;
			failure = e;
			stopping = true;
		}
		LOG.info("job {}: failed: {}", id, e.toString());
		finished.countDown();
	}

	/**
	 * Stops the job between tiles. Unless called from one of the job's own threads (e.g. from the listener), it
	 * returns only once no thread of the job runs any more. Never interrupts.
	 */
	@Override
	public boolean cancel(final boolean mayInterruptIfRunning) {
		synchronized (lock) {
			if (state != State.RUNNING)
				return false;
			state = State.CANCELLED;
			stopping = true;
		}
		LOG.info("job {}: cancelled after {}", id, progress);
		finished.countDown();
		awaitWorkers(Long.MAX_VALUE);
		return true;
	}

	@Override
	public boolean isCancelled() {
		synchronized (lock) {
			return state == State.CANCELLED;
		}
	}

	@Override
	public boolean isDone() {
		synchronized (lock) {
			return state != State.RUNNING;
		}
	}

	@Override
	public Progress progress() {
		return progress;
	}

	@Override
	public JobResults get() throws InterruptedException, ExecutionException {
		finished.await();
		awaitWorkers(Long.MAX_VALUE);
		return outcome();
	}

	@Override
	public JobResults get(final long timeout, final TimeUnit unit)
			throws InterruptedException, ExecutionException, TimeoutException {
		final long deadline = System.nanoTime() + unit.toNanos(timeout);
		if (!finished.await(timeout, unit))
			throw new TimeoutException("job " + id + " still running after " + timeout + " " + unit + ": " + progress);
		awaitWorkers(Math.max(0, deadline - System.nanoTime()));
		return outcome();
	}

	private JobResults outcome() throws ExecutionException {
		synchronized (lock) {
			switch (state) {
			case DONE:
				return view;
			case CANCELLED:
				throw new CancellationException("job " + id + " was cancelled after " + progress);
			default:
				throw new ExecutionException(failure);
			}
		}
	}

	/** Waits until the pool's threads have ended, unless called from one of them; keeps the interrupt status. */
	private void awaitWorkers(final long nanos) {
		if (workers.contains(Thread.currentThread()))
			return;
		boolean interrupted = false;
		final long deadline = System.nanoTime() + Math.min(nanos, Long.MAX_VALUE / 4);
		while (!pool.isTerminated()) {
			final long left = deadline - System.nanoTime();
			if (left <= 0)
				break;
			try {
				pool.awaitTermination(left, TimeUnit.NANOSECONDS);
			} catch (final InterruptedException e) {
				interrupted = true;
			}
		}
		if (interrupted)
			Thread.currentThread().interrupt();
	}

	private String names() {
		final StringBuilder b = new StringBuilder();
		for (final Udf<?> u : udfs)
			b.append(b.length() == 0 ? "" : ", ").append(u.name());
		return b.toString();
	}
}
