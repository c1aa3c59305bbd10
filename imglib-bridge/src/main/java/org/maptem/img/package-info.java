/**
 * ImgLib2 views of MapTEM data: {@link org.maptem.img.DatasetImgs} shows a dataset as a lazy 4D (3D, 5D) cell image
 * on N5 axes {@code [sigX, sigY, navX, navY(, navZ)]}, cells of whole frames loaded through the dataset's partitions
 * into a bounded cache (optionally corrected, {@link org.maptem.img.DatasetImgOptions}); for N5 datasets
 * n5-imglib2's view is offered as well. {@link org.maptem.img.ResultImgs} wraps UDF result buffers as
 * {@code ArrayImg}s without copying.
 *
 * <pre>{@code
 * CachedCellImg<FloatType, ?> img = DatasetImgs.floats(dataset, DatasetImgOptions.DEFAULTS.withCacheBytes(512L << 20));
 * RandomAccessibleInterval<FloatType> frame = Views.hyperSlice(Views.hyperSlice(img, 3, navY), 2, navX);
 * }</pre>
 */
package org.maptem.img;
