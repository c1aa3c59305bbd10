/*
 * MapTEM's native dense-mask kernel (see org.maptem.udf.masks.NativeMaskKernels): the weighted sums of a tile's
 * frames over every dense mask, with AVX2 fused multiply-adds.
 *
 * Why native: the same 4 frames x 3 masks register blocking in Java's incubating Vector API compiles, on JDK 17's C2,
 * to about fifty instructions per twelve multiply-adds (bounds checks, moves); here the loop is twelve FMAs, seven
 * loads and three loop instructions. With 16 masks on one core: 6-7 GB/s of frames, against 4.1-4.7 in Java.
 *
 * The loops, the chunking and the order of every addition are those of VectorMaskKernels with 8 float lanes, so
 * both give the same bits where Java's preferred vector has 8 lanes. That is why the build turns off contraction
 * (-ffp-contract=off): every fused multiply-add here is written out, as in the Java code, and no other.
 *
 * Only the kernels need AVX2 and FMA (target attributes); the library loads on any x86-64 processor, and
 * maptem_cpu_supported tells Java whether the kernels may run.
 */
#include <jni.h>
#include <immintrin.h>

#define CHUNK 2048
#define LANES 8

#define KERNEL __attribute__((target("avx2,fma")))

/* Sum of 8 floats in double, pairwise: the order of VectorMaskKernels.sum for n == 8. */
static double sum8(const float *a) {
	return (((double) a[0] + a[1]) + ((double) a[2] + a[3])) + (((double) a[4] + a[5]) + ((double) a[6] + a[7]));
}

/* Sum of n floats in double, in order: VectorMaskKernels.sum for n != 8. */
static double sum_n(const float *a, int n) {
	double s = 0;
	for (int i = 0; i < n; i++)
		s += a[i];
	return s;
}

/* The products the 4-frame loops leave: pixels from the last whole vector of n on. */
static double tail(const float *t, const float *w, int n) {
	double s = 0;
	for (int x = n - n % LANES; x < n; x++)
		s += t[x] * w[x];
	return s;
}

/* The products the two-vector loops of one frame leave: pixels from the last whole pair of vectors on. */
static double tail2(const float *t, const float *w, int n) {
	double s = 0;
	for (int x = n - n % (2 * LANES); x < n; x++)
		s += t[x] * w[x];
	return s;
}

/* Frames t + f * per (f < 4) times masks wa, wb, wc: spill vectors 0-3, 4-7, 8-11. */
KERNEL static void four_frames_three_masks(const float *t, long per, const float *wa, const float *wb,
		const float *wc, int n, float *spill) {
	__m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
	__m256 c0 = a0, c1 = a0, c2 = a0, c3 = a0;
	const int bound = n - n % LANES;
	for (int x = 0; x < bound; x += LANES) {
		const __m256 va = _mm256_loadu_ps(wa + x), vb = _mm256_loadu_ps(wb + x), vc = _mm256_loadu_ps(wc + x);
		__m256 v = _mm256_loadu_ps(t + x);
		a0 = _mm256_fmadd_ps(v, va, a0);
		b0 = _mm256_fmadd_ps(v, vb, b0);
		c0 = _mm256_fmadd_ps(v, vc, c0);
		v = _mm256_loadu_ps(t + per + x);
		a1 = _mm256_fmadd_ps(v, va, a1);
		b1 = _mm256_fmadd_ps(v, vb, b1);
		c1 = _mm256_fmadd_ps(v, vc, c1);
		v = _mm256_loadu_ps(t + 2 * per + x);
		a2 = _mm256_fmadd_ps(v, va, a2);
		b2 = _mm256_fmadd_ps(v, vb, b2);
		c2 = _mm256_fmadd_ps(v, vc, c2);
		v = _mm256_loadu_ps(t + 3 * per + x);
		a3 = _mm256_fmadd_ps(v, va, a3);
		b3 = _mm256_fmadd_ps(v, vb, b3);
		c3 = _mm256_fmadd_ps(v, vc, c3);
	}
	_mm256_storeu_ps(spill, a0);
	_mm256_storeu_ps(spill + 8, a1);
	_mm256_storeu_ps(spill + 16, a2);
	_mm256_storeu_ps(spill + 24, a3);
	_mm256_storeu_ps(spill + 32, b0);
	_mm256_storeu_ps(spill + 40, b1);
	_mm256_storeu_ps(spill + 48, b2);
	_mm256_storeu_ps(spill + 56, b3);
	_mm256_storeu_ps(spill + 64, c0);
	_mm256_storeu_ps(spill + 72, c1);
	_mm256_storeu_ps(spill + 80, c2);
	_mm256_storeu_ps(spill + 88, c3);
}

/* Frames t + f * per (f < 4) times masks wa, wb: spill vectors 0-3 and 4-7. */
KERNEL static void four_frames_two_masks(const float *t, long per, const float *wa, const float *wb, int n,
		float *spill) {
	__m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
	const int bound = n - n % LANES;
	for (int x = 0; x < bound; x += LANES) {
		const __m256 va = _mm256_loadu_ps(wa + x), vb = _mm256_loadu_ps(wb + x);
		const __m256 t0 = _mm256_loadu_ps(t + x), t1 = _mm256_loadu_ps(t + per + x);
		const __m256 t2 = _mm256_loadu_ps(t + 2 * per + x), t3 = _mm256_loadu_ps(t + 3 * per + x);
		a0 = _mm256_fmadd_ps(t0, va, a0);
		a1 = _mm256_fmadd_ps(t1, va, a1);
		a2 = _mm256_fmadd_ps(t2, va, a2);
		a3 = _mm256_fmadd_ps(t3, va, a3);
		b0 = _mm256_fmadd_ps(t0, vb, b0);
		b1 = _mm256_fmadd_ps(t1, vb, b1);
		b2 = _mm256_fmadd_ps(t2, vb, b2);
		b3 = _mm256_fmadd_ps(t3, vb, b3);
	}
	_mm256_storeu_ps(spill, a0);
	_mm256_storeu_ps(spill + 8, a1);
	_mm256_storeu_ps(spill + 16, a2);
	_mm256_storeu_ps(spill + 24, a3);
	_mm256_storeu_ps(spill + 32, b0);
	_mm256_storeu_ps(spill + 40, b1);
	_mm256_storeu_ps(spill + 48, b2);
	_mm256_storeu_ps(spill + 56, b3);
}

/* Frames t + f * per (f < 4) times mask wa: spill vectors 0-3. */
KERNEL static void four_frames_one_mask(const float *t, long per, const float *wa, int n, float *spill) {
	__m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
	const int bound = n - n % LANES;
	for (int x = 0; x < bound; x += LANES) {
		const __m256 va = _mm256_loadu_ps(wa + x);
		a0 = _mm256_fmadd_ps(_mm256_loadu_ps(t + x), va, a0);
		a1 = _mm256_fmadd_ps(_mm256_loadu_ps(t + per + x), va, a1);
		a2 = _mm256_fmadd_ps(_mm256_loadu_ps(t + 2 * per + x), va, a2);
		a3 = _mm256_fmadd_ps(_mm256_loadu_ps(t + 3 * per + x), va, a3);
	}
	_mm256_storeu_ps(spill, a0);
	_mm256_storeu_ps(spill + 8, a1);
	_mm256_storeu_ps(spill + 16, a2);
	_mm256_storeu_ps(spill + 24, a3);
}

/* One frame times masks wa, wb, two accumulators per mask: spill vectors 0-1 and 2-3. */
KERNEL static void one_frame_two_masks(const float *t, const float *wa, const float *wb, int n, float *spill) {
	__m256 a0 = _mm256_setzero_ps(), a1 = a0, b0 = a0, b1 = a0;
	const int bound = n - n % (2 * LANES);
	for (int x = 0; x < bound; x += 2 * LANES) {
		const __m256 t0 = _mm256_loadu_ps(t + x), t1 = _mm256_loadu_ps(t + x + LANES);
		a0 = _mm256_fmadd_ps(t0, _mm256_loadu_ps(wa + x), a0);
		a1 = _mm256_fmadd_ps(t1, _mm256_loadu_ps(wa + x + LANES), a1);
		b0 = _mm256_fmadd_ps(t0, _mm256_loadu_ps(wb + x), b0);
		b1 = _mm256_fmadd_ps(t1, _mm256_loadu_ps(wb + x + LANES), b1);
	}
	_mm256_storeu_ps(spill, a0);
	_mm256_storeu_ps(spill + 8, a1);
	_mm256_storeu_ps(spill + 16, b0);
	_mm256_storeu_ps(spill + 24, b1);
}

/* One frame times mask wa, two accumulators: spill vectors 0-1. */
KERNEL static void one_frame_one_mask(const float *t, const float *wa, int n, float *spill) {
	__m256 a0 = _mm256_setzero_ps(), a1 = a0;
	const int bound = n - n % (2 * LANES);
	for (int x = 0; x < bound; x += 2 * LANES) {
		a0 = _mm256_fmadd_ps(_mm256_loadu_ps(t + x), _mm256_loadu_ps(wa + x), a0);
		a1 = _mm256_fmadd_ps(_mm256_loadu_ps(t + x + LANES), _mm256_loadu_ps(wa + x + LANES), a1);
	}
	_mm256_storeu_ps(spill, a0);
	_mm256_storeu_ps(spill + 8, a1);
}

/* VectorMaskKernels.group: how many of the masks left the next 4-frame block takes. */
static int group(int left) {
	if (left == 1)
		return 1;
	return left == 2 || left == 4 ? 2 : 3;
}

/* Every dense mask over n pixels of nf frames from t (frame stride per), weights from offset w. */
KERNEL static void chunk(const float *t, long per, int nf, long w, int n, const float **weights, const jint *index,
		int masks, jdouble *out, long stride) {
	float spill[12 * LANES];
	if (nf == 4) {
		for (int d = 0; d < masks;) {
			const int g = group(masks - d);
			if (g == 3)
				four_frames_three_masks(t, per, weights[d] + w, weights[d + 1] + w, weights[d + 2] + w, n, spill);
			else if (g == 2)
				four_frames_two_masks(t, per, weights[d] + w, weights[d + 1] + w, n, spill);
			else
				four_frames_one_mask(t, per, weights[d] + w, n, spill);
			for (int m = 0; m < g; m++) {
				jdouble *o = out + index[d + m];
				const float *wm = weights[d + m] + w;
				for (int f = 0; f < 4; f++)
					o[f * stride] += sum8(spill + (4 * m + f) * LANES) + tail(t + f * per, wm, n);
			}
			d += g;
		}
		return;
	}
	int d = 0;
	for (; d + 2 <= masks; d += 2) {
		jdouble *oa = out + index[d];
		jdouble *ob = out + index[d + 1];
		for (int f = 0; f < nf; f++) {
			one_frame_two_masks(t + f * per, weights[d] + w, weights[d + 1] + w, n, spill);
			oa[f * stride] += sum_n(spill, 2 * LANES) + tail2(t + f * per, weights[d] + w, n);
			ob[f * stride] += sum_n(spill + 2 * LANES, 2 * LANES) + tail2(t + f * per, weights[d + 1] + w, n);
		}
	}
	if (d < masks) {
		jdouble *o = out + index[d];
		for (int f = 0; f < nf; f++) {
			one_frame_one_mask(t + f * per, weights[d] + w, n, spill);
			o[f * stride] += sum_n(spill, 2 * LANES) + tail2(t + f * per, weights[d] + w, n);
		}
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
	jint *runs = (*env)->GetPrimitiveArrayCritical(env, runArray, NULL);
	jint *index = (*env)->GetPrimitiveArrayCritical(env, indexArray, NULL);
	float *t = (*env)->GetPrimitiveArrayCritical(env, tile, NULL);
	jdouble *out = (*env)->GetPrimitiveArrayCritical(env, outArray, NULL);
	int m = 0;
	for (; m < maskCount; m++) {
		weights[m] = (*env)->GetPrimitiveArrayCritical(env, weightRefs[m], NULL);
		if (weights[m] == NULL)
			break;
	}
	const jboolean ok = runs != NULL && index != NULL && t != NULL && out != NULL && m == maskCount;
	if (ok)
		for (int k = 0; k + 2 < runLength; k += 3) {
			const int tileRun = runs[k], weightRun = runs[k + 1], length = runs[k + 2];
			/* frames innermost: a chunk's weights stay in the L2 cache for every frame of the tile */
			for (int s = 0; s < length; s += CHUNK)
				for (int i = 0; i < frames; i += 4)
					chunk(t + (long) i * per + tileRun + s, per, frames - i < 4 ? frames - i : 4, (long) weightRun + s,
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
