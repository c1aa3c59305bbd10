/**
 * Synthetic 4D-STEM data whose virtual-detector results are known exactly: the test oracle of every analysis, the
 * demo dataset, and the generator of multi-GiB benchmark files.
 *
 * <h2>Model (version {@link org.maptem.synth.SyntheticParams#MODEL_VERSION})</h2>
 * A frame is {@code h × w} pixels (default 128 × 128), pixel {@code (y, x)} centred at integer coordinates, row-major.
 * Frame {@code f} sits at scan column {@code x_s = f mod W} and scan row {@code y_s = (f div W) mod H}, where
 * {@code W} and {@code H} are the last two nav axes (NumPy order; {@code y_s = 0} for a 1D scan; a third, slowest
 * axis repeats the pattern). Lengths are in pixels, {@code q(v) = Math.rint(16·v) / 16} rounds to 1/16 pixel.
 * <ul>
 * <li><b>Detector centre</b> {@code c0 = ((h−1)/2, (w−1)/2)}.</li>
 * <li><b>Shift field</b> {@code dy = q(ampY · StrictMath.cos(2 * Math.PI * y_s / period))},
 * {@code dx = q(ampX · StrictMath.sin(2 * Math.PI * x_s / period))} (double arithmetic, left to right); amplitudes
 * are themselves multiples of 1/16.</li>
 * <li><b>Central (bright-field) disk</b>: centre {@code c = c0 + (dy, dx)}, radius {@code rBF}, adds {@code bfValue}
 * to each of its pixels. Validation keeps it entirely on the detector.</li>
 * <li><b>Bragg disks</b>: centres {@code c + i·a + j·b} for integers {@code −N ≤ i, j ≤ N}, {@code (i, j) ≠ (0, 0)},
 * lattice vectors {@code a, b} (multiples of 1/16), radius {@code rB}, each adds {@code braggValue}; they move with
 * the central disk and may fall partly or wholly off the detector (those pixels simply do not exist). Validation
 * keeps all disks pairwise disjoint (centre distance greater than the sum of radii).</li>
 * <li><b>Annulus</b>: fixed around {@code c0}, pixels with {@code ri < d ≤ ro} (d = distance to {@code c0}); adds
 * {@code ringAtomValue} when the scan position is on an atom, {@code ringGapValue} otherwise. Atoms are the even
 * cells of a checkerboard of side {@code atomCell} scan positions: {@code (y_s div atomCell + x_s div atomCell)}
 * even. A HAADF image is that checkerboard.</li>
 * <li><b>Background</b>: every pixel starts at {@code background}.</li>
 * </ul>
 * Membership: pixel {@code (y, x)} is in a disk of centre {@code (cy, cx)} and radius {@code r} when
 * {@code (y−cy)² + (x−cx)² ≤ r²}. All centres are multiples of 1/16 and small, so {@code (y−cy)² + (x−cx)²} is
 * exact in double arithmetic in any evaluation order: anyone who evaluates this definition gets the same pixels.
 * The mean of a pixel is the sum of the contributions covering it; all are non-negative integer counts.
 *
 * <h2>Noise</h2>
 * With noise off, each pixel holds its mean. With noise on, each pixel holds an independent Poisson draw of its
 * mean, from a {@link java.util.SplittableRandom} seeded by a 64-bit mix of {@code (seed, frame index)}, one draw
 * per pixel of non-zero mean in row-major order: a frame depends only on the parameters, the seed and its index, so
 * frames may be generated in any order by any thread. Draws invert a precomputed Poisson CDF table (one uniform per
 * pixel, exact to below 1e-30 of probability) for means up to 100 000, and use the normal approximation
 * {@code round(λ + √λ·z)} above; draws lie in {@code [λ − 12√λ − 10, λ + 12√λ + 10]}.
 *
 * <h2>What is analytic (noise off: exact; noise on: the mean)</h2>
 * <ul>
 * <li>Total of a frame: {@code background·h·w + bfValue·n_BF + braggValue·Σ n_Bk + ring·n_ring}, where the
 * {@code n} are the numbers of detector pixels inside each region (counted from the membership rule).</li>
 * <li>A virtual disk detector that covers the central disk at every shift and no Bragg disk or annulus pixel sums
 * to {@code bfValue·n_BF(f) + background·n_mask}; a ring detector equal to the annulus sums to
 * {@code ringValue(f)·n_ring + background·n_ring} (plus any disk pixels inside it); in general any mask sums to
 * {@code Σ mask·mean} ({@link org.maptem.synth.SyntheticStem#expectedMaskSum}).</li>
 * <li>The central disk's centre of mass is the mean position of its pixels
 * ({@link org.maptem.synth.SyntheticStem#expectedCentreOfMass(long)}); it equals {@code c} only up to pixelisation.</li>
 * </ul>
 *
 * <h2>Stored values</h2>
 * Counts are written exactly in the chosen dtype; validation rejects parameters whose largest possible count (with
 * noise: the largest possible draw) exceeds the dtype (255 uint8, 127 int8, 4095 packed 12-bit, 65535 uint16, 32767
 * int16, 2^24 float32, 2^31−1 otherwise). Packed 12-bit uses {@link org.maptem.frames.TileDecoder}'s layout.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * SyntheticParams p = SyntheticParams.builder().navShape(64, 64).noise(true).seed(7).build();
 * SyntheticStem stem = new SyntheticStem(p);          // frames, expected values, writeRaw(...)
 * Dataset ds = new SyntheticDataset(p);               // tiles generated on read
 * }</pre>
 */
package org.maptem.synth;
