/**
 * ImgLib2 views of MapTEM data: {@link org.maptem.img.ResultImgs} wraps UDF result buffers as {@code ArrayImg}s
 * without copying.
 */
package org.maptem.img;
