package org.maptem.synth;

/**
 * The synthetic model re-implemented in the tests straight from its definition in {@code package-info.java}: one
 * pixel at a time, no precomputed lists, no shared code with the generator. The oracle of the generator's tests.
 */
final class NaiveModel {

	final SyntheticParams p;
	final int h;
	final int w;

	NaiveModel(final SyntheticParams p) {
		this.p = p;
		this.h = p.sigShape()[0];
		this.w = p.sigShape()[1];
	}

	long navW() {
		final long[] nav = p.navShape();
		return nav[nav.length - 1];
	}

	long navH() {
		final long[] nav = p.navShape();
		return nav.length >= 2 ? nav[nav.length - 2] : 1;
	}

	long scanX(final long f) {
		return f % navW();
	}

	long scanY(final long f) {
		return (f / navW()) % navH();
	}

	private long memoFrame = -1;
	private double[] memoCentre;

	/** Central disk centre {@code [cy, cx]}; the last frame's is remembered, as pixels ask for it again and again. */
	double[] centre(final long f) {
		if (f != memoFrame) {
			memoCentre = computeCentre(f);
			memoFrame = f;
		}
		return memoCentre.clone();
	}

	private double[] computeCentre(final long f) {
		final double dy = Math.rint(16 * p.shiftAmplitude()[0] * StrictMath.cos(2 * Math.PI * scanY(f) / p.shiftPeriod())) / 16;
		final double dx = Math.rint(16 * p.shiftAmplitude()[1] * StrictMath.sin(2 * Math.PI * scanX(f) / p.shiftPeriod())) / 16;
		return new double[] { (h - 1) / 2.0 + dy, (w - 1) / 2.0 + dx };
	}

	boolean atom(final long f) {
		final long a = p.atomCell();
		return (scanY(f) / a + scanX(f) / a) % 2 == 0;
	}

	long ringValue(final long f) {
		return atom(f) ? p.ringAtomValue() : p.ringGapValue();
	}

	static boolean inDisk(final int y, final int x, final double cy, final double cx, final double r) {
		return (y - cy) * (y - cy) + (x - cx) * (x - cx) <= r * r;
	}

	boolean inCentralDisk(final long f, final int y, final int x) {
		final double[] c = centre(f);
		return inDisk(y, x, c[0], c[1], p.bfRadius());
	}

	/** Number of Bragg disks covering {@code (y, x)}. */
	int braggCover(final long f, final int y, final int x) {
		final double[] c = centre(f);
		final double[] a = p.latticeA();
		final double[] b = p.latticeB();
		final int n = p.braggOrders();
		int cover = 0;
		for (int i = -n; i <= n; i++)
			for (int j = -n; j <= n; j++)
				if ((i != 0 || j != 0) && inDisk(y, x, c[0] + i * a[0] + j * b[0], c[1] + i * a[1] + j * b[1], p.braggRadius()))
					cover++;
		return cover;
	}

	boolean inRing(final int y, final int x) {
		final double dy = y - (h - 1) / 2.0;
		final double dx = x - (w - 1) / 2.0;
		final double d2 = dy * dy + dx * dx;
		return d2 > p.ringInner() * p.ringInner() && d2 <= p.ringOuter() * p.ringOuter();
	}

	/** Mean counts of pixel {@code (y, x)} of frame {@code f}. */
	long mean(final long f, final int y, final int x) {
		long v = p.background();
		if (inCentralDisk(f, y, x))
			v += p.bfValue();
		v += p.braggValue() * braggCover(f, y, x);
		if (inRing(y, x))
			v += ringValue(f);
		return v;
	}

	/** The mean frame, row-major. */
	long[] meanFrame(final long f) {
		final long[] out = new long[h * w];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				out[y * w + x] = mean(f, y, x);
		return out;
	}
}
