package org.maptem.udf.com;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import org.maptem.udf.masks.MaskRaster;

/**
 * The moments of {@link CenterOfMassUdf} on the incubating Vector API, used when
 * {@link org.maptem.frames.Simd#enabled()}; loading this class needs the {@code jdk.incubator.vector} module.
 *
 * <p>For two frames at a time, {@code Σ I}, {@code Σ I·x} and {@code Σ I·y} over the region's row segments go to six
 * vector accumulators (the column coordinates a vector, the row one broadcast), so no row needs a reduction of its
 * own; float lanes run over groups of rows of about {@value #CHUNK} pixels before they go to double, as in the scalar
 * kernels. Vector accumulators live in the innermost loop only and wait in a small array between segments: C2
 * (JDK 17) keeps vectors that live across outer loops in heap boxes, which made an earlier version twice as slow as
 * the scalar loop.
 * Stateless and thread-safe.
 */
final class VectorMoments {

	/** Pixels summed in float lanes before the lanes go to double. */
	static final int CHUNK = 1024;

	private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

	private VectorMoments() {
	}

	/**
	 * Adds the intensity and x, y moments of every frame of the tile over {@code region}'s rows in the tile to
	 * {@code sum}, {@code mx}, {@code my} at {@code first + frame}.
	 *
	 * @param columns {@code columns[x] = x}, at least {@code width} values
	 */
	static void add(final float[] t, final int frames, final int rowStart, final int rows, final int width,
			final MaskRaster region, final float[] columns, final double[] sum, final double[] mx, final double[] my,
			final int first) {
		final int r0 = Math.max(rowStart, region.firstRow());
		final int r1 = Math.min(rowStart + rows, region.endRow());
		final int per = rows * width;
		final int lanes = S.length();
		// rows per flush to double: about CHUNK pixels
		final int group = Math.max(1, CHUNK / width);
		final float[] lanesAcc = new float[6 * lanes];
		final double[] acc = new double[6];
		for (int f = 0; f < frames; f += 2) {
			final boolean two = f + 1 < frames;
			java.util.Arrays.fill(acc, 0);
			for (int y0 = r0; y0 < r1; y0 += group) {
				java.util.Arrays.fill(lanesAcc, 0);
				for (int y = y0; y < Math.min(r1, y0 + group); y++) {
					final int row = f * per + (y - rowStart) * width;
					for (int g = region.segmentStart(y); g < region.segmentEnd(y); g++) {
						final int a = region.x0(g);
						final int b = region.x1(g);
						final int vecEnd = a + ((b - a) & -lanes);
						if (two)
							twoFrames(t, row, per, a, vecEnd, y, columns, lanesAcc);
						else
							oneFrame(t, row, a, vecEnd, y, columns, lanesAcc);
						for (int x = vecEnd; x < b; x++) {
							final float v = t[row + x];
							acc[0] += v;
							acc[1] += (double) v * x;
							acc[2] += (double) v * y;
							if (two) {
								final float w = t[row + per + x];
								acc[3] += w;
								acc[4] += (double) w * x;
								acc[5] += (double) w * y;
							}
						}
					}
				}
				for (int k = 0; k < 6; k++)
					for (int l = 0; l < lanes; l++)
						acc[k] += lanesAcc[k * lanes + l];
			}
			// += because a frame split into row bands arrives in several tiles
			sum[first + f] += acc[0];
			mx[first + f] += acc[1];
			my[first + f] += acc[2];
			if (two) {
				sum[first + f + 1] += acc[3];
				mx[first + f + 1] += acc[4];
				my[first + f + 1] += acc[5];
			}
		}
	}

	/**
	 * Columns {@code [a, end)} ({@code end - a} a multiple of the lanes) of row {@code y} of two frames, at {@code row}
	 * and {@code row + per}: adds {@code I, I·x, I·y} lane-wise to the six vectors in {@code lanesAcc}.
	 */
	private static void twoFrames(final float[] t, final int row, final int per, final int a, final int end, final int y,
			final float[] columns, final float[] lanesAcc) {
		final int l = S.length();
		// loaded and stored around the loop: vectors live across outer loops are boxed on the heap by C2 (JDK 17)
		FloatVector i0 = FloatVector.fromArray(S, lanesAcc, 0), x0 = FloatVector.fromArray(S, lanesAcc, l);
		FloatVector z0 = FloatVector.fromArray(S, lanesAcc, 2 * l), i1 = FloatVector.fromArray(S, lanesAcc, 3 * l);
		FloatVector x1 = FloatVector.fromArray(S, lanesAcc, 4 * l), z1 = FloatVector.fromArray(S, lanesAcc, 5 * l);
		final FloatVector yv = FloatVector.broadcast(S, (float) y);
		for (int x = a; x < end; x += l) {
			final FloatVector c = FloatVector.fromArray(S, columns, x);
			final FloatVector v0 = FloatVector.fromArray(S, t, row + x);
			final FloatVector v1 = FloatVector.fromArray(S, t, row + per + x);
			i0 = i0.add(v0);
			x0 = v0.fma(c, x0);
			z0 = v0.fma(yv, z0);
			i1 = i1.add(v1);
			x1 = v1.fma(c, x1);
			z1 = v1.fma(yv, z1);
		}
		i0.intoArray(lanesAcc, 0);
		x0.intoArray(lanesAcc, l);
		z0.intoArray(lanesAcc, 2 * l);
		i1.intoArray(lanesAcc, 3 * l);
		x1.intoArray(lanesAcc, 4 * l);
		z1.intoArray(lanesAcc, 5 * l);
	}

	/** As {@link #twoFrames} for one frame, into the first three vectors of {@code lanesAcc}. */
	private static void oneFrame(final float[] t, final int row, final int a, final int end, final int y,
			final float[] columns, final float[] lanesAcc) {
		final int l = S.length();
		FloatVector i0 = FloatVector.fromArray(S, lanesAcc, 0), x0 = FloatVector.fromArray(S, lanesAcc, l);
		FloatVector z0 = FloatVector.fromArray(S, lanesAcc, 2 * l);
		final FloatVector yv = FloatVector.broadcast(S, (float) y);
		for (int x = a; x < end; x += l) {
			final FloatVector v0 = FloatVector.fromArray(S, t, row + x);
			i0 = i0.add(v0);
			x0 = v0.fma(FloatVector.fromArray(S, columns, x), x0);
			z0 = v0.fma(yv, z0);
		}
		i0.intoArray(lanesAcc, 0);
		x0.intoArray(lanesAcc, l);
		z0.intoArray(lanesAcc, 2 * l);
	}
}
