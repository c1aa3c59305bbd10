/*
 * MapTEM's native dense-mask kernel (see org.maptem.udf.masks.NativeMaskKernels): the weighted sums of a tile's
 * frames over every dense mask, with AVX2 fused multiply-adds.
 *
 * Why native: register blocking of this kind in Java's incubating Vector API (VectorMaskKernels, 4 frames x 3 masks)
 * compiles, on JDK 17's C2, to about fifty instructions per twelve multiply-adds (bounds checks, moves); here the loop
 * is twelve FMAs, seven loads and three loop instructions. With 16 masks on one core: 6-7 GB/s of frames, against
 * 4.1-4.7 in Java.
 *
 * Blocks of 3 frames x 4 masks (about a tenth faster than 4 x 3 here: 16 masks need no 2-mask blocks). As in
 * VectorMaskKernels, runs of pixels go in chunks of CHUNK, each accumulator's 8 float lanes then go to double in a
 * fixed order, so integer sums are exact under the same bounds (counts below 2^16 with weights 0 or 1, say). The
 * build turns off contraction (-ffp-contract=off): every fused multiply-add is written out, so results do not depend
 * on the compiler's choices. They differ from the Java kernel's in the last bits only where the two block a tile's
 * frames differently.
 *
 * Only the kernels need AVX2 and FMA (target attributes); the library loads on any x86-64 processor, and
 * maptem_cpu_supported tells Java whether the kernels may run.
 */
#include <jni.h>
#include <immintrin.h>

#define CHUNK 2048
#define LANES 8

#define KERNEL __attribute__((target("avx2,fma")))

/* Sum of 8 floats in double, pairwise (as VectorMaskKernels): three dependent adds instead of eight. */
static double sum8(const float *a) {
	return (((double) a[0] + a[1]) + ((double) a[2] + a[3])) + (((double) a[4] + a[5]) + ((double) a[6] + a[7]));
}

/* The products the vector loops leave: pixels from the last whole vector of n on. */
static double tail(const float *t, const float *w, int n) {
	double s = 0;
	for (int x = n - n % LANES; x < n; x++)
		s += t[x] * w[x];
	return s;
}

/*
 * Frames t + f * per (f < nf) times masks w[m] (m < g), over the whole vectors of n pixels: one vector accumulator per
 * frame and mask (at most 3 x 4 = 12, with the four weight vectors and a pixel vector: the 16 AVX2 registers), stored
 * to spill as vector m * nf + f. Per step, each weight vector is loaded once and each frame's pixels once: seven loads
 * for twelve fused multiply-adds. Called with constant nf and g, so the loops unroll and the accumulators stay in
 * registers.
 */
KERNEL static inline __attribute__((always_inline)) void block(const float *t, long per, const float *const *w,
		const int nf, const int g, int n, float *spill) {
	__m256 acc[12];
#pragma GCC unroll 12
	for (int i = 0; i < nf * g; i++)
		acc[i] = _mm256_setzero_ps();
	const int bound = n - n % LANES;
	for (int x = 0; x < bound; x += LANES) {
		__m256 wv[4];
#pragma GCC unroll 4
		for (int m = 0; m < g; m++)
			wv[m] = _mm256_loadu_ps(w[m] + x);
#pragma GCC unroll 3
		for (int f = 0; f < nf; f++) {
			const __m256 v = _mm256_loadu_ps(t + f * per + x);
#pragma GCC unroll 4
			for (int m = 0; m < g; m++)
				acc[m * nf + f] = _mm256_fmadd_ps(v, wv[m], acc[m * nf + f]);
		}
	}
#pragma GCC unroll 12
	for (int i = 0; i < nf * g; i++)
		_mm256_storeu_ps(spill + i * LANES, acc[i]);
}

/* block with nf (1-3) and g (1-4) made constants, one compiled loop each. */
KERNEL static void block_of(const float *t, long per, const float *const *w, int nf, int g, int n, float *spill) {
	switch (nf * 4 + g) {
	case 5: block(t, per, w, 1, 1, n, spill); break;
	case 6: block(t, per, w, 1, 2, n, spill); break;
	case 7: block(t, per, w, 1, 3, n, spill); break;
	case 8: block(t, per, w, 1, 4, n, spill); break;
	case 9: block(t, per, w, 2, 1, n, spill); break;
	case 10: block(t, per, w, 2, 2, n, spill); break;
	case 11: block(t, per, w, 2, 3, n, spill); break;
	case 12: block(t, per, w, 2, 4, n, spill); break;
	case 13: block(t, per, w, 3, 1, n, spill); break;
	case 14: block(t, per, w, 3, 2, n, spill); break;
	case 15: block(t, per, w, 3, 3, n, spill); break;
	default: block(t, per, w, 3, 4, n, spill); break;
	}
}

/*
 * How many of the left masks the next block takes: four, but three where four would leave one (a block of one mask
 * loads a weight vector for every nf multiply-adds), or three and three for six.
 */
static int group(int left) {
	if (left <= 4)
		return left;
	return left == 5 || left == 6 ? 3 : 4;
}

/*
 * Every dense mask over n pixels of nf (at most 3) frames from t (frame stride per), weights from offset w; the value
 * of frame f and dense mask d is added to out[index[d] + f * stride].
 */
static void chunk(const float *t, long per, int nf, long w, int n, const float **weights, const jint *index,
		int masks, jdouble *out, long stride) {
	float spill[12 * LANES];
	const float *wg[4];
	for (int d = 0; d < masks;) {
		const int g = group(masks - d);
		for (int m = 0; m < g; m++)
			wg[m] = weights[d + m] + w;
		block_of(t, per, wg, nf, g, n, spill);
		for (int m = 0; m < g; m++)
			for (int f = 0; f < nf; f++)
				out[index[d + m] + f * stride] += sum8(spill + (m * nf + f) * LANES) + tail(t + f * per, wg[m], n);
		d += g;
	}
}

JNIEXPORT jboolean JNICALL Java_org_maptem_udf_masks_NativeMaskKernels_cpuSupported(JNIEnv *env, jclass cls) {
	(void) env;
	(void) cls;
	__builtin_cpu_init();
	return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? JNI_TRUE : JNI_FALSE;
}

/* At most this many masks per call (the arrays of weight pointers live on the stack); Java splits larger sets. */
#define MAX_MASKS 64

/*
 * Adds, for each run of pixels (triples: offset in a tile frame, offset in the weights, length), the weighted sums
 * of the tile's frames over masks firstMask ..< firstMask + maskCount to out; JNI_FALSE, with out untouched, when the
 * JVM could not give access to an array.
 */
JNIEXPORT jboolean JNICALL Java_org_maptem_udf_masks_NativeMaskKernels_runs(JNIEnv *env, jclass cls, jfloatArray tile,
		jint frames, jint per, jintArray runArray, jobjectArray weightArrays, jintArray indexArray, jint firstMask,
		jint maskCount, jdoubleArray outArray, jint pos, jint stride) {
	(void) cls;
	jfloatArray weightRefs[MAX_MASKS];
	const float *weights[MAX_MASKS];
	if (maskCount > MAX_MASKS || (*env)->EnsureLocalCapacity(env, maskCount) != 0)
		return JNI_FALSE;
	/* every JNI call before the critical sections: none is allowed inside them */
	for (int m = 0; m < maskCount; m++)
		weightRefs[m] = (jfloatArray) (*env)->GetObjectArrayElement(env, weightArrays, firstMask + m);
	const jsize runLength = (*env)->GetArrayLength(env, runArray);
	/* each Get only after the ones before it succeeded: after a NULL (an exception pending) no more JNI calls but the
	   releases */
	jint *runs = (*env)->GetPrimitiveArrayCritical(env, runArray, NULL);
	jint *index = runs == NULL ? NULL : (*env)->GetPrimitiveArrayCritical(env, indexArray, NULL);
	float *t = index == NULL ? NULL : (*env)->GetPrimitiveArrayCritical(env, tile, NULL);
	jdouble *out = t == NULL ? NULL : (*env)->GetPrimitiveArrayCritical(env, outArray, NULL);
	int m = 0;
	for (; out != NULL && m < maskCount; m++) {
		weights[m] = (*env)->GetPrimitiveArrayCritical(env, weightRefs[m], NULL);
		if (weights[m] == NULL)
			break;
	}
	const jboolean ok = out != NULL && m == maskCount;
	if (ok)
		for (int k = 0; k + 2 < runLength; k += 3) {
			const int tileRun = runs[k], weightRun = runs[k + 1], length = runs[k + 2];
			/* frames innermost: a chunk's weights stay in the L2 cache for every frame of the tile */
			for (int s = 0; s < length; s += CHUNK)
				for (int i = 0; i < frames; i += 3)
					chunk(t + (long) i * per + tileRun + s, per, frames - i < 3 ? frames - i : 3, (long) weightRun + s,
							length - s < CHUNK ? length - s : CHUNK, weights, index + firstMask, maskCount,
							out + pos + (long) i * stride, stride);
		}
	while (m-- > 0)
		(*env)->ReleasePrimitiveArrayCritical(env, weightRefs[m], (void *) weights[m], JNI_ABORT);
	if (out != NULL)
		(*env)->ReleasePrimitiveArrayCritical(env, outArray, out, 0);
	if (t != NULL)
		(*env)->ReleasePrimitiveArrayCritical(env, tile, t, JNI_ABORT);
	if (index != NULL)
		(*env)->ReleasePrimitiveArrayCritical(env, indexArray, index, JNI_ABORT);
	if (runs != NULL)
		(*env)->ReleasePrimitiveArrayCritical(env, runArray, runs, JNI_ABORT);
	for (int r = 0; r < maskCount; r++)
		(*env)->DeleteLocalRef(env, weightRefs[r]);
	return ok;
}
