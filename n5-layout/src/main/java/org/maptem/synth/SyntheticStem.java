package org.maptem.synth;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.maptem.dataset.LayoutException;

/**
 * Generates the frames of a synthetic 4D-STEM dataset (model in {@link org.maptem.synth}) and states what virtual
 * detectors should measure on them.
 *
 * <p>Frames are numbered in C order of the nav shape; pixels are row-major {@code [y][x]} with pixel centres at
 * integer coordinates. A frame depends only on the parameters, the seed and its index, so any thread may generate
 * any frame in any order and get the same values. Frame generation costs about as much as filling the frame
 * (plus one random draw per pixel with noise).
 *
 * <p>The {@code expected*} methods give means (with noise) or exact values (without noise) of per-frame
 * quantities. They evaluate the model pixel by pixel from its definition rather than through the renderer, so
 * they are slow (microseconds to milliseconds per frame) and meant as test oracles.
 *
 * <p>Thread-safe: each thread gets its own scratch buffer for {@link #frame} and {@link #encode}.
 */
public final class SyntheticStem {

	private final SyntheticModel model;
	private final ThreadLocal<CountEncoder> scratch;

	public SyntheticStem(final SyntheticParams params) {
		this.model = new SyntheticModel(params);
		final int n = model.pixels;
		// the per-thread value holds arrays only, never this stem, so an unused stem can be collected
		this.scratch = ThreadLocal.withInitial(() -> new CountEncoder(n));
	}

	public SyntheticParams params() {
		return model.params;
	}

	/** Number of frames. */
	public long frameCount() {
		return model.params.frameCount();
	}

	/** Bytes of one frame stored in the dtype. */
	public long frameBytes() {
		return model.params.dtype().bytesFor(model.pixels);
	}

	/** Writes the counts of frame {@code index} to {@code dst[0 .. h·w)}, row-major. */
	public void counts(final long index, final int[] dst) {
		check(index, dst.length);
		model.render(index, dst);
	}

	/** Writes frame {@code index} to {@code dst[0 .. h·w)} as float32, the values a reader decodes. */
	public void frame(final long index, final float[] dst) {
		check(index, dst.length);
		final int[] c = scratch.get().counts();
		model.render(index, c);
		for (int i = 0; i < model.pixels; i++)
			dst[i] = c[i];
	}

	/** Writes frame {@code index} to {@code dst[0 .. h·w)} as float64. */
	public void frame(final long index, final double[] dst) {
		check(index, dst.length);
		final int[] c = scratch.get().counts();
		model.render(index, c);
		for (int i = 0; i < model.pixels; i++)
			dst[i] = c[i];
	}

	/**
	 * Writes frame {@code index} as stored elements of the dtype ({@link #frameBytes()} bytes) at {@code dst}'s
	 * position, in {@code dst}'s byte order, and advances the position.
	 */
	public void encode(final long index, final ByteBuffer dst) {
		check(index, model.pixels);
		if (dst.remaining() < frameBytes())
			throw new LayoutException("synthetic data: frame " + index + " needs " + frameBytes() + " bytes, the buffer has "
					+ dst.remaining() + " left");
		final CountEncoder enc = scratch.get();
		model.render(index, enc.counts());
		enc.put(model.pixels, model.params.dtype(), dst);
	}

	/** The central disk's shift from the detector centre, {@code [dy, dx]} pixels (multiples of 1/16). */
	public double[] shift(final long index) {
		check(index, model.pixels);
		return new double[] { model.shiftY(index), model.shiftX(index) };
	}

	/** The central disk's centre {@code [cy, cx]} in pixel coordinates: detector centre plus {@link #shift}. */
	public double[] diskCentre(final long index) {
		check(index, model.pixels);
		return new double[] { model.c0y + model.shiftY(index), model.c0x + model.shiftX(index) };
	}

	/** The Bragg disk centres {@code [k] = {cy, cx}}, pixel coordinates, including disks off the detector. */
	public double[][] braggCentres(final long index) {
		final double[] c = diskCentre(index);
		final double[][] out = new double[model.braggOffsets.length][];
		for (int k = 0; k < out.length; k++)
			out[k] = new double[] { c[0] + model.braggOffsets[k][0], c[1] + model.braggOffsets[k][1] };
		return out;
	}

	/** The detector centre {@code [(h-1)/2, (w-1)/2]}: centre of the annulus and of the unshifted disk. */
	public double[] detectorCentre() {
		return new double[] { model.c0y, model.c0x };
	}

	/** True when frame {@code index}'s scan position lies on an atom (annulus value {@code ringAtomValue}). */
	public boolean onAtom(final long index) {
		check(index, model.pixels);
		return model.onAtom(index);
	}

	/**
	 * The mean counts of every pixel of frame {@code index} (exactly the frame without noise), row-major into
	 * {@code dst[0 .. h·w)}, evaluated from the model's definition pixel by pixel.
	 */
	public void expectedFrame(final long index, final double[] dst) {
		check(index, dst.length);
		final SyntheticParams p = model.params;
		final double[] c = diskCentre(index);
		final double[][] bragg = braggCentres(index);
		final long ring = model.ringValue(index);
		final double ri2 = p.ringInner() * p.ringInner();
		final double ro2 = p.ringOuter() * p.ringOuter();
		for (int y = 0; y < model.h; y++)
			for (int x = 0; x < model.w; x++) {
				long v = p.background();
				if (inDisk(y, x, c[0], c[1], p.bfRadius()))
					v += p.bfValue();
				for (final double[] b : bragg)
					if (inDisk(y, x, b[0], b[1], p.braggRadius()))
						v += p.braggValue();
				final double d2 = sq(y - model.c0y) + sq(x - model.c0x);
				if (d2 > ri2 && d2 <= ro2)
					v += ring;
				dst[y * model.w + x] = v;
			}
	}

	/** Mean (without noise: exact) sum of all pixels of frame {@code index}. */
	public double expectedTotal(final long index) {
		return expectedMaskSum(index, ones());
	}

	/** Mean sum of the pixels at distance {@code d ≤ r} from {@code (cy, cx)} (a virtual disk detector). */
	public double expectedDiskSum(final long index, final double cy, final double cx, final double r) {
		return expectedMaskSum(index, ringMask(cy, cx, -1, r));
	}

	/** Mean sum of the pixels at distance {@code ri < d ≤ ro} from {@code (cy, cx)} (a virtual annular detector). */
	public double expectedRingSum(final long index, final double cy, final double cx, final double ri, final double ro) {
		return expectedMaskSum(index, ringMask(cy, cx, ri, ro));
	}

	/** Mean of {@code Σ mask[p]·frame[p]} over the {@code h·w} row-major pixels. */
	public double expectedMaskSum(final long index, final double[] mask) {
		checkMask(mask);
		final double[] e = new double[model.pixels];
		expectedFrame(index, e);
		double s = 0;
		for (int i = 0; i < model.pixels; i++)
			s += mask[i] * e[i];
		return s;
	}

	/**
	 * Centre of mass {@code [y, x]} (pixel coordinates) of the central disk alone: the mean position of its pixels,
	 * since they all hold the same value. A centre-of-mass detector sees this on a frame without background, Bragg
	 * disks or annulus inside its mask.
	 */
	public double[] expectedCentreOfMass(final long index) {
		final double[] c = diskCentre(index);
		final double r = model.params.bfRadius();
		double sy = 0;
		double sx = 0;
		long n = 0;
		for (int y = 0; y < model.h; y++)
			for (int x = 0; x < model.w; x++)
				if (inDisk(y, x, c[0], c[1], r)) {
					sy += y;
					sx += x;
					n++;
				}
		return new double[] { sy / n, sx / n };
	}

	/** Centre of mass {@code [y, x]} of the mean frame weighted by {@code mask}: {@code Σ m·v·(y, x) / Σ m·v}. */
	public double[] expectedCentreOfMass(final long index, final double[] mask) {
		checkMask(mask);
		final double[] e = new double[model.pixels];
		expectedFrame(index, e);
		double s = 0;
		double sy = 0;
		double sx = 0;
		for (int y = 0; y < model.h; y++)
			for (int x = 0; x < model.w; x++) {
				final double v = mask[y * model.w + x] * e[y * model.w + x];
				s += v;
				sy += v * y;
				sx += v * x;
			}
		return new double[] { sy / s, sx / s };
	}

	/**
	 * Writes every frame, in order, as a packed raw file of the dtype with no header, using all processors.
	 *
	 * @see #writeRaw(Path, boolean, int)
	 */
	public void writeRaw(final Path file, final boolean littleEndian) {
		writeRaw(file, littleEndian, Runtime.getRuntime().availableProcessors());
	}

	/**
	 * Writes every frame, in order, as a packed raw file of the dtype with no header ({@link #frameBytes()} per
	 * frame, byte order as given; packed 12-bit per {@link org.maptem.frames.TileDecoder}). Frames are generated by
	 * {@code threads} threads in batches of about 8 MiB, at most two batches per thread in flight, and written in
	 * order to a temporary file in the same directory, which is renamed to {@code file} at the end: a reader never
	 * sees a partial file, and a failure leaves no file behind.
	 *
	 * @throws LayoutException naming the file when it cannot be written
	 */
	public void writeRaw(final Path file, final boolean littleEndian, final int threads) {
		new RawWriter(this, file, littleEndian, Math.max(1, threads)).write();
	}

	private double[] ones() {
		final double[] m = new double[model.pixels];
		java.util.Arrays.fill(m, 1);
		return m;
	}

	private double[] ringMask(final double cy, final double cx, final double ri, final double ro) {
		final double[] m = new double[model.pixels];
		final double ri2 = ri < 0 ? -1 : ri * ri;
		final double ro2 = ro * ro;
		for (int y = 0; y < model.h; y++)
			for (int x = 0; x < model.w; x++) {
				final double d2 = sq(y - cy) + sq(x - cx);
				m[y * model.w + x] = d2 > ri2 && d2 <= ro2 ? 1 : 0;
			}
		return m;
	}

	private static boolean inDisk(final int y, final int x, final double cy, final double cx, final double r) {
		return sq(y - cy) + sq(x - cx) <= r * r;
	}

	private static double sq(final double v) {
		return v * v;
	}

	private void checkMask(final double[] mask) {
		if (mask.length != model.pixels)
			throw new LayoutException("synthetic data: mask has " + mask.length + " values, a frame has " + model.pixels
					+ " pixels (" + model.h + " × " + model.w + ")");
	}

	private void check(final long index, final int dstLength) {
		if (index < 0 || index >= frameCount())
			throw new LayoutException("synthetic data: frame index " + index + " outside 0 to " + (frameCount() - 1));
		if (dstLength < model.pixels)
			throw new LayoutException("synthetic data: destination holds " + dstLength + " values, a frame has "
					+ model.pixels + " pixels (" + model.h + " × " + model.w + ")");
	}

	SyntheticModel model() {
		return model;
	}
}
