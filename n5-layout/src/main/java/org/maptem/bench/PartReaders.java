package org.maptem.bench;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;

import org.maptem.bench.BenchFiles.Part;
import org.maptem.dataset.Partition;
import org.maptem.dataset.Tile;
import org.maptem.dataset.TilePlan;
import org.maptem.frames.DirectFrameSource;
import org.maptem.frames.MappedFrameSource;
import org.maptem.frames.Unmapper;

/**
 * The read paths the benchmark compares: MapTEM's frame sources, and raw mapped reads written directly against the
 * JDK as the limit. Each reads one partition in the tiles of a {@link TilePlan} and sums them with {@link TileSum}.
 */
final class PartReaders {

	private PartReaders() {
	}

	/** MapTEM's path: a {@link MappedFrameSource} per partition, tiles decoded to float32. */
	static PartReader frameSource(final TilePlan plan) {
		return (part, ws) -> {
			final Partition p = part.partition();
			double s = 0;
			try (MappedFrameSource src = new MappedFrameSource(part.file(), part.layout(), p.firstFrame())) {
				for (final Tile t : plan.tiles(p, new int[] { BenchData.SIG, BenchData.SIG })) {
					src.read(t, ws.tile);
					s += TileSum.sum(ws.tile, t.size());
				}
			}
			return s;
		};
	}

	/** The limit: the partition's bytes of a raw little-endian float32 file mapped, each tile one bulk get. */
	static PartReader rawFloat32(final TilePlan plan) {
		return (part, ws) -> {
			final Partition p = part.partition();
			double s = 0;
			final MappedByteBuffer m = map(part);
			try {
				final FloatBuffer fb = m.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
				for (final Tile t : plan.tiles(p, new int[] { BenchData.SIG, BenchData.SIG })) {
					fb.get((int) ((t.firstFrame() - p.firstFrame()) * BenchData.PIXELS), ws.tile, 0, t.size());
					s += TileSum.sum(ws.tile, t.size());
				}
			} finally {
				Unmapper.unmap(m);
			}
			return s;
		};
	}

	/** The uint16 reference: raw little-endian uint16 mapped, bulk get into shorts, widened in a flat loop. */
	static PartReader rawUint16(final TilePlan plan) {
		return (part, ws) -> {
			final Partition p = part.partition();
			double s = 0;
			final MappedByteBuffer m = map(part);
			try {
				final ShortBuffer sb = m.order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
				final short[] sh = ws.shorts;
				final float[] tile = ws.tile;
				for (final Tile t : plan.tiles(p, new int[] { BenchData.SIG, BenchData.SIG })) {
					final int n = t.size();
					sb.get((int) ((t.firstFrame() - p.firstFrame()) * BenchData.PIXELS), sh, 0, n);
					for (int i = 0; i < n; i++)
						tile[i] = sh[i] & 0xFFFF;
					s += TileSum.sum(tile, n);
				}
			} finally {
				Unmapper.unmap(m);
			}
			return s;
		};
	}

	private static MappedByteBuffer map(final Part part) throws IOException {
		try (FileChannel c = FileChannel.open(part.file(), StandardOpenOption.READ)) {
			return c.map(FileChannel.MapMode.READ_ONLY, part.layout().offset(),
					part.layout().requiredBytes() - part.layout().offset());
		}
	}

	/** MapTEM's direct-IO path: a {@link DirectFrameSource} per partition; clears {@code allDirect} if one fell back. */
	static PartReader directSource(final TilePlan plan, final AtomicBoolean allDirect) {
		return (part, ws) -> {
			final Partition p = part.partition();
			double s = 0;
			try (DirectFrameSource src = new DirectFrameSource(part.file(), part.layout(), p.firstFrame())) {
				for (final Tile t : plan.tiles(p, new int[] { BenchData.SIG, BenchData.SIG })) {
					src.read(t, ws.tile);
					s += TileSum.sum(ws.tile, t.size());
				}
				if (!src.isDirect())
					allDirect.set(false);
			}
			return s;
		};
	}
}
