package org.maptem.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.OpenOptions;
import org.maptem.exec.Job;
import org.maptem.exec.JobHandle;
import org.maptem.exec.JobResults;
import org.maptem.exec.LocalExecutor;
import org.maptem.formats.Formats;
import org.maptem.img.DatasetImgOptions;
import org.maptem.img.DatasetImgs;
import org.maptem.ingest.Ingest;
import org.maptem.ingest.IngestOptions;
import org.maptem.synth.SyntheticDataset;
import org.maptem.synth.SyntheticParams;
import org.maptem.udf.com.CenterOfMassUdf;
import org.maptem.udf.masks.ApplyMasksUdf;
import org.maptem.udf.masks.VirtualDetectors;

import net.imglib2.cache.img.CachedCellImg;
import net.imglib2.type.numeric.real.FloatType;

/** The README's Java example, as written there, on an ingested synthetic scan: it compiles and computes. */
class ReadmeExampleTest {

	@Test
	void theReadmeExampleRunsAndItsBrightFieldIsTheFrameSumInsideTheDisk(@TempDir final Path dir) throws Exception {
		final SyntheticParams params = SyntheticParams.builder().navShape(6, 5).sigShape(128, 128).build();
		try (SyntheticDataset source = new SyntheticDataset(params, OpenOptions.DEFAULTS.withPartitionBytes(1 << 18))) {
			Ingest.run(source, dir.resolve("scan.n5"), IngestOptions.DEFAULTS.withPartitionBytes(1 << 18));
		}
		final AtomicInteger updates = new AtomicInteger();
		try (Dataset ds = Formats.open(dir.resolve("scan.n5"), OpenOptions.DEFAULTS)) {
			final ApplyMasksUdf bf = VirtualDetectors.brightField(ds.meta());
			final CenterOfMassUdf com = CenterOfMassUdf.inDisk(63.5, 63.5, 12);
			final JobHandle job = new LocalExecutor().runAsync(Job.of(ds, bf, com), (soFar, progress) -> updates.incrementAndGet());
			final JobResults r = job.get();
			final double[] image = r.get(bf).buffer("intensity").doubles();
			final CachedCellImg<FloatType, ?> lazy = DatasetImgs.floats(ds, DatasetImgOptions.DEFAULTS);

			// 8 frames per partition: the first frame of the first comes on its own, first
			assertEquals(ds.partitions().size() + 1, updates.get(), "one live update per partition and the first piece");
			// bright field by hand from the lazy 4D image: pixels inside the default disk (r = D/4 around the centre)
			final double c = 63.5;
			final double rr = 128 / 4.0;
			final var ra = lazy.randomAccess();
			for (int f = 0; f < 30; f += 7) {
				double expected = 0;
				for (int y = 0; y < 128; y++)
					for (int x = 0; x < 128; x++)
						if ((x - c) * (x - c) + (y - c) * (y - c) <= rr * rr) {
							ra.setPosition(new long[] { x, y, f % 5, f / 5 });
							expected += ra.get().get();
						}
				assertEquals(expected, image[f], 1e-3 * Math.max(1, expected), "frame " + f);
			}
		}
	}
}
