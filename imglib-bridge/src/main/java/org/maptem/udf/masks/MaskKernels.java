package org.maptem.udf.masks;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.maptem.udf.Sums;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * The inner loops of {@link ApplyMasksUdf}: weighted sums of tile frames over masks, added to a NAV buffer.
 *
 * <p>The kernels work on four frames at once, so every mask weight and segment bound is loaded once per four
 * frames, and keep eight independent float accumulators (C2 neither vectorises nor pipelines a one-accumulator float
 * reduction). Float partial sums run over at most {@value #CHUNK} pixels before going to double accumulators, which
 * keeps sums of counts exact and float rounding far below the result's precision.
 *
 * <p>Tile layout: {@code frames} frames of {@code rows × width} values, the tile's first row being detector row
 * {@code rowStart}. Results: the value of frame {@code i} goes to {@code out[pos + i * stride]}.
 */
final class MaskKernels {

	/** Pixels summed in float before the partial sums go to double. */
	static final int CHUNK = 256;

	/**
	 * Whether the dense kernel fuses its multiply-adds with {@link Math#fma}: only where the processor has the
	 * instruction (ARMv8; x86 with the FMA flag, from {@code /proc/cpuinfo} on Linux, else HotSpot's {@code UseFMA}),
	 * as it is about a third faster then; elsewhere {@code Math.fma} is computed in software, many times slower than a
	 * multiply and an add. Either way the result of every step is fixed, so results do not depend on the JIT's state.
	 */
	static final boolean FMA = hardwareFma();

	private MaskKernels() {
	}

	/**
	 * Weighted sums of a binary or sparse mask, visiting only its segments in the tile's rows: per segment, the sum
	 * of its pixels times the segment's weight (1 for a binary mask, so binary sums are plain sums).
	 */
	static void segments(final float[] t, final int frames, final int rowStart, final int rows, final int width,
			final MaskRaster m, final double[] out, final int pos, final int stride) {
		final int r0 = Math.max(rowStart, m.firstRow());
		final int r1 = Math.min(rowStart + rows, m.endRow());
		if (r0 >= r1)
			return;
		final float[] weights = m.segmentWeightArray();
		final int per = rows * width;
		int i = 0;
		for (; i + 4 <= frames; i += 4) {
			double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
			for (int r = r0; r < r1; r++) {
				final int rowOffset = i * per + (r - rowStart) * width;
				for (int s = m.segmentStart(r); s < m.segmentEnd(r); s++) {
					final double w = weights == null ? 1 : weights[s];
					final int start = rowOffset + m.x0(s);
					final int end = rowOffset + m.x1(s);
					if (end - start == 1) {
						// a lone pixel, as in most sparse masks: no accumulator set-up
						s0 += w * t[start];
						s1 += w * t[start + per];
						s2 += w * t[start + 2 * per];
						s3 += w * t[start + 3 * per];
						continue;
					}
					for (int a = start; a < end;) {
						final int chunkEnd = Math.min(end, a + CHUNK);
						float a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
						int x = a;
						for (; x + 1 < chunkEnd; x += 2) {
							a0 += t[x];
							b0 += t[x + 1];
							a1 += t[x + per];
							b1 += t[x + per + 1];
							a2 += t[x + 2 * per];
							b2 += t[x + 2 * per + 1];
							a3 += t[x + 3 * per];
							b3 += t[x + 3 * per + 1];
						}
						if (x < chunkEnd) {
							a0 += t[x];
							a1 += t[x + per];
							a2 += t[x + 2 * per];
							a3 += t[x + 3 * per];
						}
						s0 += w * ((double) a0 + b0);
						s1 += w * ((double) a1 + b1);
						s2 += w * ((double) a2 + b2);
						s3 += w * ((double) a3 + b3);
						a = chunkEnd;
					}
				}
			}
			out[pos + i * stride] += s0;
			out[pos + (i + 1) * stride] += s1;
			out[pos + (i + 2) * stride] += s2;
			out[pos + (i + 3) * stride] += s3;
		}
		for (; i < frames; i++) {
			double s = 0;
			for (int r = r0; r < r1; r++) {
				final int rowOffset = i * per + (r - rowStart) * width;
				for (int g = m.segmentStart(r); g < m.segmentEnd(r); g++) {
					final double w = weights == null ? 1 : weights[g];
					s += w * Sums.sum(t, rowOffset + m.x0(g), rowOffset + m.x1(g));
				}
			}
			out[pos + i * stride] += s;
		}
	}

	/**
	 * Weighted sums of two dense masks {@code ma}, {@code mb} at once (4 frames × 2 masks = 8 accumulators, each
	 * pixel and weight loaded once, fused multiply-adds where {@link #FMA}), over the union of their covered columns
	 * per row.
	 */
	static void densePair(final float[] t, final int frames, final int rowStart, final int rows, final int width,
			final MaskRaster ma, final MaskRaster mb, final double[] out, final int posA, final int posB,
			final int stride) {
		final int r0 = Math.max(rowStart, Math.min(ma.firstRow(), mb.firstRow()));
		final int r1 = Math.min(rowStart + rows, Math.max(ma.endRow(), mb.endRow()));
		if (r0 >= r1)
			return;
		final float[] wa = ma.weightArray();
		final float[] wb = mb.weightArray();
		final int per = rows * width;
		int i = 0;
		for (; i + 4 <= frames; i += 4) {
			double sa0 = 0, sa1 = 0, sa2 = 0, sa3 = 0, sb0 = 0, sb1 = 0, sb2 = 0, sb3 = 0;
			for (int r = r0; r < r1; r++) {
				final int c0 = Math.min(columnStart(ma, r), columnStart(mb, r));
				final int c1 = Math.max(columnEnd(ma, r), columnEnd(mb, r));
				final int rowOffset = i * per + (r - rowStart) * width;
				final int weightOffset = r * width;
				for (int c = c0; c < c1;) {
					final int chunkEnd = Math.min(c1, c + CHUNK);
					float a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
					for (int x = c; x < chunkEnd; x++) {
						final float va = wa[weightOffset + x];
						final float vb = wb[weightOffset + x];
						final int p = rowOffset + x;
						final float t0 = t[p];
						final float t1 = t[p + per];
						final float t2 = t[p + 2 * per];
						final float t3 = t[p + 3 * per];
						a0 = FMA ? Math.fma(t0, va, a0) : a0 + t0 * va;
						a1 = FMA ? Math.fma(t1, va, a1) : a1 + t1 * va;
						a2 = FMA ? Math.fma(t2, va, a2) : a2 + t2 * va;
						a3 = FMA ? Math.fma(t3, va, a3) : a3 + t3 * va;
						b0 = FMA ? Math.fma(t0, vb, b0) : b0 + t0 * vb;
						b1 = FMA ? Math.fma(t1, vb, b1) : b1 + t1 * vb;
						b2 = FMA ? Math.fma(t2, vb, b2) : b2 + t2 * vb;
						b3 = FMA ? Math.fma(t3, vb, b3) : b3 + t3 * vb;
					}
					sa0 += a0;
					sa1 += a1;
					sa2 += a2;
					sa3 += a3;
					sb0 += b0;
					sb1 += b1;
					sb2 += b2;
					sb3 += b3;
					c = chunkEnd;
				}
			}
			out[posA + i * stride] += sa0;
			out[posA + (i + 1) * stride] += sa1;
			out[posA + (i + 2) * stride] += sa2;
			out[posA + (i + 3) * stride] += sa3;
			out[posB + i * stride] += sb0;
			out[posB + (i + 1) * stride] += sb1;
			out[posB + (i + 2) * stride] += sb2;
			out[posB + (i + 3) * stride] += sb3;
		}
		for (; i < frames; i++) {
			out[posA + i * stride] += weightedFrame(t, i * per, rowStart, r0, r1, width, ma);
			out[posB + i * stride] += weightedFrame(t, i * per, rowStart, r0, r1, width, mb);
		}
	}

	private static boolean hardwareFma() {
		final String arch = System.getProperty("os.arch", "");
		if ("aarch64".equals(arch))
			return true; // fused multiply-add is part of ARMv8, and HotSpot uses it there
		if (!"amd64".equals(arch) && !"x86_64".equals(arch))
			return false;
		// on Linux the CPU's flags, read in a few milliseconds: the management bean costs some 40 ms in a fresh JVM,
		// on the path to a job's first partial result
		final Path cpuinfo = Path.of("/proc/cpuinfo");
		if (Files.isReadable(cpuinfo)) {
			try (BufferedReader in = Files.newBufferedReader(cpuinfo, StandardCharsets.US_ASCII)) {
				for (String line = in.readLine(); line != null; line = in.readLine())
					if (line.startsWith("flags"))
						return Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split(" ")).contains("fma");
			} catch (final IOException | RuntimeException e) {
				// unreadable after all: ask the JVM
			}
		}
		try {
			final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
			return vm != null && Boolean.parseBoolean(vm.getVMOption("UseFMA").getValue());
		} catch (final RuntimeException | LinkageError e) {
			// not HotSpot, no such option, or no jdk.management module: assume no fused multiply-add
			return false;
		}
	}

	/** Weighted sums of one dense mask, frame by frame. */
	static void dense(final float[] t, final int frames, final int rowStart, final int rows, final int width,
			final MaskRaster m, final double[] out, final int pos, final int stride) {
		final int r0 = Math.max(rowStart, m.firstRow());
		final int r1 = Math.min(rowStart + rows, m.endRow());
		if (r0 >= r1)
			return;
		final int per = rows * width;
		for (int i = 0; i < frames; i++)
			out[pos + i * stride] += weightedFrame(t, i * per, rowStart, r0, r1, width, m);
	}

	private static double weightedFrame(final float[] t, final int frameOffset, final int rowStart, final int r0,
			final int r1, final int width, final MaskRaster m) {
		final float[] w = m.weightArray();
		double s = 0;
		for (int r = Math.max(r0, m.firstRow()); r < Math.min(r1, m.endRow()); r++) {
			final int c0 = columnStart(m, r);
			final int c1 = columnEnd(m, r);
			if (c0 < c1)
				s += Sums.dot(t, frameOffset + (r - rowStart) * width + c0, w, r * width + c0, c1 - c0);
		}
		return s;
	}

	/** First covered column of row {@code r} of a dense mask, {@code Integer.MAX_VALUE} when none. */
	private static int columnStart(final MaskRaster m, final int r) {
		if (r < m.firstRow() || r >= m.endRow())
			return Integer.MAX_VALUE;
		final int s = m.segmentStart(r);
		return s < m.segmentEnd(r) ? m.x0(s) : Integer.MAX_VALUE;
	}

	/** One past the last covered column of row {@code r} of a dense mask, 0 when none. */
	private static int columnEnd(final MaskRaster m, final int r) {
		if (r < m.firstRow() || r >= m.endRow())
			return 0;
		final int e = m.segmentEnd(r);
		return e > m.segmentStart(r) ? m.x1(e - 1) : 0;
	}
}
