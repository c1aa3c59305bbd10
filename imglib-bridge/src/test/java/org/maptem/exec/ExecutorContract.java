package org.maptem.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.maptem.dataset.DType;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Tile;
import org.maptem.dataset.TilePlan;
import org.maptem.udf.ArrayDataset;
import org.maptem.udf.BufferSpec;
import org.maptem.udf.BufferType;
import org.maptem.udf.Results;
import org.maptem.udf.Roi;
import org.maptem.udf.Udf;
import org.maptem.udf.UdfException;
import org.maptem.udf.com.CenterOfMassUdf;
import org.maptem.udf.masks.ApplyMasksUdf;
import org.maptem.udf.masks.Masks;
import org.maptem.udf.stats.StdUdf;
import org.maptem.udf.stats.SumSigUdf;
import org.maptem.udf.stats.SumUdf;

/**
 * What every {@link Executor} must do, whatever runs the partitions: one pass for several UDFs, live partial results
 * with growing progress, cancellation that stops all work, failures that name the partition, ROI checks, serializable
 * UDFs. Subclass per executor.
 */
public abstract class ExecutorContract {

	/** The executor under test, with {@code threads} workers where that applies. */
	protected abstract Executor executor(int threads);

	/** The threads a finished or cancelled job may still hold; each must end promptly. */
	protected void assertNoThreadRuns(final Set<Thread> threads) {
		for (final Thread t : threads) {
			try {
				t.join(2000);
			} catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			assertFalse(t.isAlive(), t.getName() + " still runs");
		}
	}

	private static final int H = 13;
	private static final int W = 11;

	private static ArrayDataset data(final long partitionFrames) {
		return ArrayDataset.counts(new long[] { 6, 7 }, H, W, 100, 21, DType.FLOAT32).withPartitionFrames(partitionFrames);
	}

	@Test
	void severalUdfsShareOnePassOverTheData() {
		final ArrayDataset d = data(5);
		final TilePlan plan = new TilePlan(2, 4);
		long tiles = 0;
		for (final Partition p : d.partitions())
			tiles += ((p.frameCount() + 1) / 2) * ((H + 3) / 4);
		final SumUdf sum = new SumUdf();
		final SumSigUdf sumSig = new SumSigUdf();
		final ApplyMasksUdf masks = ApplyMasksUdf.of(Masks.disk(5, 6, 3));
		final JobResults r = executor(2).run(Job.of(d, sum, sumSig, masks).withTilePlan(plan));
		assertEquals(tiles, d.tileReads(), "every tile read once for three UDFs");
		// the shared pass gives each UDF what it gets alone
		d.resetReads();
		assertArrayEquals(executor(1).run(Job.of(d, new SumSigUdf())).get(0).buffer("intensity").doubles(),
				r.get(sumSig).buffer("intensity").doubles());
		assertEquals(3, r.all().size());
	}

	@Test
	void listenerSeesEveryPartitionOnceWithLiveResultsAndGrowingProgress() {
		final ArrayDataset d = data(4);
		final SumSigUdf udf = new SumSigUdf();
		final List<Progress> seen = new ArrayList<>();
		final List<Integer> computed = new ArrayList<>();
		executor(2).run(Job.of(d, udf), (soFar, progress) -> {
			seen.add(progress);
			int n = 0;
			for (final double v : soFar.get(udf).buffer("intensity").doubles())
				if (!Double.isNaN(v))
					n++;
			computed.add(n);
		});
		final int partitions = d.partitions().size();
		assertEquals(partitions, seen.size());
		final long frameBytes = d.meta().frameBytes();
		for (int i = 0; i < seen.size(); i++) {
			final Progress p = seen.get(i);
			assertEquals(i + 1, p.partitionsDone());
			assertEquals(partitions, p.partitionsTotal());
			assertEquals(42 * frameBytes, p.bytesTotal());
			assertEquals(computed.get(i) * frameBytes, p.bytesDone(), "bytes done match the positions filled in so far");
		}
		assertTrue(seen.get(seen.size() - 1).complete());
		assertTrue(seen.get(seen.size() - 1).mibPerSecond() > 0);
		assertEquals(1.0, seen.get(seen.size() - 1).fraction());
	}

	@Test
	void cancelStopsAllWorkBeforeItReturnsAndLeavesNoThreads() throws Exception {
		final ArrayDataset d = data(1);
		final SlowUdf slow = new SlowUdf();
		final CountDownLatch first = new CountDownLatch(1);
		final JobHandle h = executor(2).runAsync(Job.of(d, slow), (soFar, p) -> first.countDown());
		assertTrue(first.await(10, TimeUnit.SECONDS));
		assertTrue(h.cancel(false));
		final int callsAtCancel = SlowUdf.calls.get();
		Thread.sleep(50);
		assertEquals(callsAtCancel, SlowUdf.calls.get(), "no tile processed after cancel returned");
		assertTrue(callsAtCancel < 42, "stopped early, after " + callsAtCancel + " tiles");
		assertTrue(h.isCancelled());
		assertTrue(h.isDone());
		assertFalse(h.cancel(false), "a second cancel does nothing");
		assertThrows(CancellationException.class, h::get);
		assertNoThreadRuns(SlowUdf.threads);
	}

	@Test
	void cancelFromTheListenerStopsTheJob() {
		final ArrayDataset d = data(2);
		final AtomicReference<JobHandle> handle = new AtomicReference<>();
		final AtomicInteger partials = new AtomicInteger();
		final CountDownLatch started = new CountDownLatch(1);
		final JobHandle h = executor(2).runAsync(Job.of(d, new SlowUdf()), (soFar, p) -> {
			partials.incrementAndGet();
			try {
				started.await();
			} catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			handle.get().cancel(false);
		});
		handle.set(h);
		started.countDown();
		final UdfException e = assertThrows(UdfException.class, () -> rethrow(h));
		assertInstanceOf(CancellationException.class, e.getCause());
		assertEquals(1, partials.get(), "no partial result after the cancel");
		assertNoThreadRuns(SlowUdf.threads);
	}

	@Test
	void finishedJobLeavesNoThreads() throws Exception {
		final Set<Thread> threads = ConcurrentHashMap.newKeySet();
		final JobHandle h = executor(3).runAsync(Job.of(data(3), new SumUdf()),
				(soFar, p) -> threads.add(Thread.currentThread()));
		h.get();
		assertTrue(h.isDone() && !h.isCancelled());
		assertFalse(threads.isEmpty());
		assertNoThreadRuns(threads);
		assertTrue(h.progress().complete());
	}

	@Test
	void failingUdfFailsTheJobNamingThePartition() {
		final Udf<Void> bad = new Udf<>() {
			@Override
			public List<BufferSpec> buffers(final DatasetMeta meta) {
				return List.of(BufferSpec.single("n", BufferType.INT64));
			}

			@Override
			public void processTile(final Tile tile, final float[] data, final Results partial, final Void t) {
				if (tile.firstFrame() <= 17 && 17 < tile.firstFrame() + tile.frameCount())
					throw new IllegalStateException("frame 17 is cursed");
			}
		};
		final ArrayDataset d = data(5);
		final Partition cursed = d.partitions().stream().filter(p -> p.firstFrame() <= 17 && 17 < p.endFrame()).findFirst()
				.orElseThrow();
		final UdfException e = assertThrows(UdfException.class, () -> executor(2).run(Job.of(d, bad)));
		assertTrue(e.getMessage().contains("partition " + cursed.index() + " (frames " + cursed.firstFrame() + " to "
				+ (cursed.endFrame() - 1) + ")"), e.getMessage());
		assertTrue(e.getMessage().contains("frame 17 is cursed"), e.getMessage());
		final JobHandle h = executor(2).runAsync(Job.of(d, bad), null);
		final ExecutionException ee = assertThrows(ExecutionException.class, h::get);
		assertInstanceOf(IllegalStateException.class, ee.getCause().getCause());
	}

	@Test
	void failingListenerFailsTheJob() {
		final UdfException e = assertThrows(UdfException.class, () -> executor(1).run(Job.of(data(7), new SumUdf()),
				(soFar, p) -> {
					throw new IllegalArgumentException("listener broke");
				}));
		assertTrue(e.getMessage().contains("listener broke"), e.getMessage());
	}

	@Test
	void roiOfAnotherNavShapeIsRejectedNamingBothShapes() {
		final Roi roi = Roi.of(new long[] { 7, 6 }, new boolean[42]);
		final UdfException e = assertThrows(UdfException.class,
				() -> executor(1).runAsync(Job.of(data(4), new SumUdf()).withRoi(roi), null));
		assertTrue(e.getMessage().contains("roi") && e.getMessage().contains("[6, 7]") && e.getMessage().contains("[7, 6]"),
				e.getMessage());
	}

	@Test
	void emptyRoiIsRejected() {
		final Roi roi = Roi.of(new long[] { 6, 7 }, new boolean[42]);
		final UdfException e = assertThrows(UdfException.class,
				() -> executor(1).run(Job.of(data(4), new SumUdf()).withRoi(roi)));
		assertTrue(e.getMessage().contains("roi") && e.getMessage().contains("at least one selected frame"),
				e.getMessage());
	}

	@Test
	void roiMaskOfWrongLengthIsRejected() {
		final UdfException e = assertThrows(UdfException.class, () -> Roi.of(new long[] { 6, 7 }, new boolean[41]));
		assertTrue(e.getMessage().contains("42 values") && e.getMessage().contains("41 values"), e.getMessage());
		assertThrows(UdfException.class, () -> Roi.ofFrames(new long[] { 6, 7 }, 42));
	}

	@Test
	void roiSkipsPartitionsWithoutRoiFrames() {
		final ArrayDataset d = data(1);
		final Roi roi = Roi.ofFrames(new long[] { 6, 7 }, 3, 4, 40);
		final List<Progress> seen = new ArrayList<>();
		final JobResults r = executor(2).run(Job.of(d, new SumSigUdf()).withRoi(roi), (s, p) -> seen.add(p));
		assertEquals(3, seen.size());
		assertEquals(3, d.tileReads(), "only ROI frames are read");
		final double[] v = r.get(0).buffer("intensity").doubles();
		assertFalse(Double.isNaN(v[40]));
		assertTrue(Double.isNaN(v[39]));
	}

	@Test
	void duplicateBufferNamesAreRejected() {
		final Udf<Void> dup = new Udf<>() {
			@Override
			public List<BufferSpec> buffers(final DatasetMeta meta) {
				return List.of(BufferSpec.nav("x", BufferType.FLOAT64), BufferSpec.sig("x", BufferType.FLOAT32));
			}

			@Override
			public void processTile(final Tile tile, final float[] data, final Results partial, final Void t) {
			}
		};
		final UdfException e = assertThrows(UdfException.class, () -> executor(1).runAsync(Job.of(data(4), dup), null));
		assertTrue(e.getMessage().contains("'x' twice"), e.getMessage());
	}

	@Test
	void badJobParametersAreRejected() {
		assertTrue(assertThrows(UdfException.class, () -> Job.of(data(4))).getMessage().contains("'udfs'"));
	}

	@Test
	void udfsSurviveSerializationWithTheSameResults() throws Exception {
		final ArrayDataset d = data(6);
		final List<Udf<?>> udfs = List.of(ApplyMasksUdf.of(Masks.ring(5, 6, 1, 4), Masks.weights(H, W, weights())),
				CenterOfMassUdf.inDisk(5, 6, 4), new StdUdf());
		final List<Udf<?>> copies = new ArrayList<>();
		for (final Udf<?> u : udfs)
			copies.add(roundTrip(u));
		// one thread: partitions merge in the same order, so results are bitwise equal
		final JobResults a = executor(1).run(Job.of(d, udfs));
		final JobResults b = executor(1).run(Job.of(d, copies));
		for (int i = 0; i < udfs.size(); i++)
			for (final var buf : a.get(i).buffers())
				assertArrayEquals(buf.toDoubles(), b.get(i).buffer(buf.name()).toDoubles(), udfs.get(i).name() + " " + buf.name());
	}

	private static float[] weights() {
		final float[] w = new float[H * W];
		for (int i = 0; i < w.length; i++)
			w[i] = (i % 5) - 2;
		return w;
	}

	private static Udf<?> roundTrip(final Udf<?> udf) throws Exception {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(udf);
		}
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			return (Udf<?>) in.readObject();
		}
	}

	private static void rethrow(final JobHandle h) {
		// Executor.run's own mapping of a cancelled handle, independent of the executor under test
		new Executor() {
			@Override
			public JobHandle runAsync(final Job job, final PartialResultListener listener) {
				return h;
			}
		}.run(Job.of(data(42), new SumUdf()));
	}

	/** Takes 2 ms per tile and records its threads. */
	private static final class SlowUdf extends Udf<Void> {
		private static final long serialVersionUID = 1L;
		static final AtomicInteger calls = new AtomicInteger();
		static final Set<Thread> threads = ConcurrentHashMap.newKeySet();

		@Override
		public List<BufferSpec> buffers(final DatasetMeta meta) {
			return List.of(BufferSpec.single("tiles", BufferType.INT64));
		}

		@Override
		public void processTile(final Tile tile, final float[] data, final Results partial, final Void t) {
			threads.add(Thread.currentThread());
			calls.incrementAndGet();
			partial.buffer("tiles").longs()[0]++;
			try {
				Thread.sleep(2);
			} catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}
}
