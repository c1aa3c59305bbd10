package org.maptem.n5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.maptem.dataset.DType;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.OpenOptions;
import org.maptem.dataset.Partition;
import org.maptem.dataset.ReadMode;
import org.maptem.dataset.Tile;
import org.maptem.formats.Formats;
import org.maptem.frames.DirectFrameSource;
import org.maptem.frames.FrameSource;
import org.maptem.frames.MappedFrameSource;
import org.maptem.ingest.Ingest;
import org.maptem.ingest.IngestOptions;
import org.maptem.synth.SyntheticDataset;
import org.maptem.synth.SyntheticParams;
import org.maptem.synth.SyntheticStem;

/** The read mode asked for when opening a MapTEM container decides how chunks are read, never what is read. */
class ReadModeTest {

	@Test
	void directAndMappedChunkReadsGiveTheGeneratorsFrames(@TempDir final Path dir) {
		final SyntheticParams params = SyntheticParams.builder().navShape(5, 3).sigShape(32, 24).dtype(DType.UINT16).build();
		final long partitionBytes = 4 * 32 * 24 * 2;
		try (SyntheticDataset source = new SyntheticDataset(params, OpenOptions.DEFAULTS.withPartitionBytes(partitionBytes))) {
			Ingest.run(source, dir.resolve("s.n5"), IngestOptions.DEFAULTS.withPartitionBytes(partitionBytes));
		}
		final SyntheticStem stem = new SyntheticStem(params);
		final float[] expected = new float[32 * 24];
		final float[] got = new float[32 * 24];
		for (final ReadMode mode : ReadMode.values()) {
			try (Dataset d = Formats.open(dir.resolve("s.n5"), OpenOptions.DEFAULTS.withReadMode(mode))) {
				for (final Partition p : d.partitions()) {
					try (FrameSource s = d.open(p)) {
						if (mode == ReadMode.DIRECT)
							assertInstanceOf(DirectFrameSource.class, s);
						else
							assertInstanceOf(MappedFrameSource.class, s, "a small dataset is mapped under " + mode);
						for (long f = p.firstFrame(); f < p.endFrame(); f++) {
							s.read(new Tile(f, 1, 0, 32, 24), got);
							stem.frame(f, expected);
							assertArrayEquals(expected, got, mode + " frame " + f);
						}
					}
				}
			}
		}
	}
}
