package org.maptem.formats.dm;

import java.util.ArrayList;
import java.util.List;

import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;

/**
 * One image of a DM file's {@code ImageList}: its data array's place in the file, dimensions, element type,
 * per-dimension calibration and image tags, validated.
 *
 * <p>Dimensions are in DM order, fastest-varying first ({@code dims[0]} is the detector x of a 2D image).
 *
 * @param index     position in the {@code ImageList} (0 is usually the RGB thumbnail)
 * @param dims      extents, DM order (fastest first), 1 to 4 of them
 * @param dataType  DM data type code ({@code ImageData/DataType})
 * @param offset    byte offset of the first element
 * @param bytes     bytes of the data array
 * @param scale     {@code Calibrations/Dimension/i/Scale} per dimension (1 when absent)
 * @param origin    {@code Calibrations/Dimension/i/Origin} per dimension (0 when absent)
 * @param units     {@code Calibrations/Dimension/i/Units} per dimension ("" when absent)
 * @param imageTags the image's {@code ImageTags} group (empty when absent)
 */
public record DmImage(int index, long[] dims, int dataType, long offset, long bytes, double[] scale, double[] origin,
		String[] units, DmTag.Group imageTags) {

	/** DM data type of RGB images (thumbnails), skipped when choosing the data. */
	static final int RGB = 23;

	public DmImage {
		dims = dims.clone();
		scale = scale.clone();
		origin = origin.clone();
		units = units.clone();
	}

	@Override
	public long[] dims() {
		return dims.clone();
	}

	@Override
	public double[] scale() {
		return scale.clone();
	}

	@Override
	public double[] origin() {
		return origin.clone();
	}

	@Override
	public String[] units() {
		return units.clone();
	}

	/** MapTEM's type for a DM data type code, or {@code null} when MapTEM cannot read it (complex, RGB, packed). */
	static DType dtypeOf(final int dataType) {
		return switch (dataType) {
		case 1 -> DType.INT16;
		case 2 -> DType.FLOAT32;
		case 6, 14 -> DType.UINT8;
		case 7 -> DType.INT32;
		case 9 -> DType.INT8;
		case 10 -> DType.UINT16;
		case 11 -> DType.UINT32;
		case 12 -> DType.FLOAT64;
		default -> null;
		};
	}

	/** MapTEM's type of this image's elements. */
	public DType dtype() {
		return dtypeOf(dataType);
	}

	/**
	 * {@code ImageTags/Meta Data/Data Order Swapped}: {@code TRUE} when a 4D array is stored scan-major (C order of
	 * {@code [scanY, scanX, detY, detX]}), {@code FALSE} when stored detector-major, {@code null} when absent.
	 */
	public Boolean dataOrderSwapped() {
		final double v = imageTags.number("Meta Data", "Data Order Swapped");
		return Double.isNaN(v) ? null : v != 0;
	}

	/** {@code ImageTags/Meta Data/Format} ("Diffraction image", "Spectrum image", ...), or {@code null}. */
	public String format() {
		return imageTags.text("Meta Data", "Format");
	}

	/**
	 * The data image of {@code dm}: the first image of at least 2 dimensions that is not RGB (the thumbnail) and has
	 * a type MapTEM reads, validated.
	 *
	 * @throws LayoutException naming the file and the tag when there is no image list, no such image, or its tags
	 *                         are inconsistent (data size against dimensions and type)
	 */
	public static DmImage select(final DmFile dm) {
		if (!(dm.root().get("ImageList") instanceof DmTag.Group list))
			throw LayoutException.badField(dm.file(), "ImageList", "a tag group of images", "none");
		final List<String> seen = new ArrayList<>();
		for (int i = 0; i < list.entries().size(); i++) {
			if (!(list.entries().get(i).tag() instanceof DmTag.Group image))
				continue;
			final DmImage im = of(dm, i, image);
			if (im == null)
				continue;
			seen.add(im.dims.length + "D type " + im.dataType);
			if (im.dims.length >= 2 && im.dataType != RGB && im.dtype() != null)
				return im;
		}
		throw LayoutException.badField(dm.file(), "ImageList", "an image of 2 to 4 dimensions of a readable type "
				+ "(u8, i8, u16, i16, u32, i32, f32, f64)", seen.isEmpty() ? "no image" : seen.toString());
	}

	/** The image at {@code ImageList/#i}, validated; {@code null} when it has no image data at all. */
	private static DmImage of(final DmFile dm, final int i, final DmTag.Group image) {
		if (!(image.get("ImageData") instanceof DmTag.Group data))
			return null;
		final String where = "ImageList/" + i + "/ImageData/";
		if (!(data.get("Data") instanceof DmTag.Array array))
			throw LayoutException.badField(dm.file(), where + "Data", "an array tag", describe(data.get("Data")));
		final double type = data.number("DataType");
		if (Double.isNaN(type) || type != Math.rint(type) || type < 0 || type > 255)
			throw LayoutException.badField(dm.file(), where + "DataType", "a DM data type code", describe(data.get("DataType")));
		if (!(data.get("Dimensions") instanceof DmTag.Group dimensions))
			throw LayoutException.badField(dm.file(), where + "Dimensions", "a group of extents", describe(data.get("Dimensions")));
		final int n = dimensions.entries().size();
		if (n < 1 || n > 4)
			throw LayoutException.badField(dm.file(), where + "Dimensions", "1 to 4 extents", n);
		final long[] dims = new long[n];
		long elements = 1;
		for (int k = 0; k < n; k++) {
			final double d = dimensions.number("#" + k);
			if (!(d >= 1 && d <= Integer.MAX_VALUE && d == Math.rint(d)))
				throw LayoutException.badField(dm.file(), where + "Dimensions/" + k, "an extent from 1 to 2^31-1",
						describe(dimensions.find("#" + k)));
			dims[k] = (long) d;
			try {
				elements = Math.multiplyExact(elements, dims[k]);
			} catch (final ArithmeticException e) {
				throw LayoutException.badField(dm.file(), where + "Dimensions", "fewer than 2^63 elements",
						java.util.Arrays.toString(dims));
			}
		}
		final DType t = dtypeOf((int) type);
		if (t != null && (elements > Long.MAX_VALUE / t.bytes() || elements * t.bytes() != array.bytes()))
			throw LayoutException.badField(dm.file(), where + "Data", elements + " elements of " + t.n5Name() + " ("
					+ java.util.Arrays.toString(dims) + ")", array.bytes() + " bytes (" + array.count() + " elements of type "
					+ array.elementType() + ")");
		final double[] scale = new double[n];
		final double[] origin = new double[n];
		final String[] units = new String[n];
		for (int k = 0; k < n; k++) {
			final double s = data.number("Calibrations", "Dimension", "#" + k, "Scale");
			final double o = data.number("Calibrations", "Dimension", "#" + k, "Origin");
			final String u = data.text("Calibrations", "Dimension", "#" + k, "Units");
			scale[k] = Double.isNaN(s) ? 1 : s;
			origin[k] = Double.isNaN(o) ? 0 : o;
			units[k] = u == null ? "" : u.strip();
		}
		final DmTag.Group tags = image.get("ImageTags") instanceof DmTag.Group g ? g : new DmTag.Group(List.of());
		return new DmImage(i, dims, (int) type, array.offset(), array.bytes(), scale, origin, units, tags);
	}

	private static String describe(final DmTag t) {
		if (t == null)
			return "no such tag";
		if (t instanceof DmTag.Scalar s)
			return String.valueOf(s.value());
		return t.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " tag";
	}
}
