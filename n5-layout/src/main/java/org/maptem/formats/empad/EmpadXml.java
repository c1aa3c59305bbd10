package org.maptem.formats.empad;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.maptem.dataset.LayoutException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * What an EMPAD {@code .xml} file says (elements listed in {@link org.maptem.formats.empad the package
 * documentation}): the {@code .raw} file name, the candidate nav shapes in the order they are tried, and the
 * calibration values. Parsing checks that the document is well-formed, that it has a {@code raw_file} and that every
 * shape it states is positive; matching a shape to the {@code .raw} size is {@link EmpadDataset}'s job. Immutable.
 */
public final class EmpadXml {

	/** Largest XML file read: real ones are a few KiB. */
	static final long MAX_BYTES = 16L << 20;
	/** Largest scan axis accepted from the XML. */
	static final long MAX_AXIS = 1L << 24;

	/** A nav shape the XML states, with where it came from and the scan size (fraction of the field of view). */
	public record NavCandidate(String source, long[] nav, double scanSize) {

		public NavCandidate {
			nav = nav.clone();
		}

		@Override
		public long[] nav() {
			return nav.clone();
		}

		/** Frames in this shape. */
		public long frames() {
			long n = 1;
			for (final long d : nav)
				n *= d;
			return n;
		}

		@Override
		public String toString() {
			return Arrays.toString(nav) + " from " + source;
		}
	}

	private final Path file;
	private final String rawName;
	private final boolean series;
	private final List<NavCandidate> candidates;
	private final double[] fieldOfView;
	private final double diffractionAngle;
	private final double cameraLength;
	private final double voltage;
	private final Map<String, String> details;

	private EmpadXml(final Path file, final String rawName, final boolean series, final List<NavCandidate> candidates,
			final double[] fieldOfView, final double diffractionAngle, final double cameraLength, final double voltage,
			final Map<String, String> details) {
		this.file = file;
		this.rawName = rawName;
		this.series = series;
		this.candidates = List.copyOf(candidates);
		this.fieldOfView = fieldOfView;
		this.diffractionAngle = diffractionAngle;
		this.cameraLength = cameraLength;
		this.voltage = voltage;
		this.details = Map.copyOf(details);
	}

	/**
	 * Parses {@code file}.
	 *
	 * @throws LayoutException naming the file and the line and column of malformed XML, or the element that is
	 *                         missing or wrong
	 */
	public static EmpadXml read(final Path file) {
		final Element root = parse(file).getDocumentElement();
		if (!"root".equals(root.getTagName()))
			throw LayoutException.badField(file, "document element", "<root> of an EMPAD acquisition", "<" + root.getTagName() + ">");
		final Element raw = child(root, "raw_file");
		if (raw == null || raw.getAttribute("filename").isBlank())
			throw LayoutException.badField(file, "raw_file/@filename", "the name of the .raw file", raw == null ? "no <raw_file>"
					: "an empty filename");
		final String rawName = baseName(raw.getAttribute("filename").strip());
		final String type = text(root, "type");
		final boolean series;
		if (type == null || type.equals("scan"))
			series = false;
		else if (type.equals("series"))
			series = true;
		else
			throw LayoutException.badField(file, "type", "scan or series", '"' + type + '"');

		final List<NavCandidate> candidates = new ArrayList<>();
		if (series) {
			final Long count = positive(file, "count", text(root, "count"));
			if (count != null)
				candidates.add(new NavCandidate("count", new long[] { count }, Double.NaN));
			final Element sp = scanParameters(root, null);
			final Long sc = sp == null ? null : positive(file, "scan_parameters/series_count", text(sp, "series_count"));
			if (sc != null)
				candidates.add(new NavCandidate("scan_parameters/series_count", new long[] { sc }, Double.NaN));
			if (candidates.isEmpty())
				throw LayoutException.badField(file, "count", "the number of frames of a series", "no <count> or <series_count>");
		} else {
			final Element acquire = scanParameters(root, "acquire");
			final Long px = positive(file, "pix_x", text(root, "pix_x"));
			final Long py = positive(file, "pix_y", text(root, "pix_y"));
			if (px != null && py != null)
				candidates.add(new NavCandidate("pix_y, pix_x", new long[] { py, px }, scanSize(acquire)));
			for (final String mode : new String[] { "acquire", "search", "" }) {
				final Element sp = scanParameters(root, mode);
				if (sp == null)
					continue;
				final String where = "scan_parameters" + (mode.isEmpty() ? "" : "[@mode=\"" + mode + "\"]");
				final Long x = positive(file, where + "/scan_resolution_x", text(sp, "scan_resolution_x"));
				final Long y = positive(file, where + "/scan_resolution_y", text(sp, "scan_resolution_y"));
				if (x != null && y != null)
					candidates.add(new NavCandidate(where + "/scan_resolution_y, _x", new long[] { y, x }, scanSize(sp)));
			}
			if (candidates.isEmpty())
				throw LayoutException.badField(file, "pix_x, pix_y or scan_parameters/scan_resolution_x, _y",
						"the scan shape", "none of them");
		}

		final Element iom = child(root, "iom_measurements");
		final double[] fov = fieldOfView(iom);
		final double angle = number(text(iom, "calibrated_diffraction_angle"));
		final double cl = first(number(text(iom, "optics.get_cameralength")), number(text(iom, "nominal_camera_length")));
		final double volts = first(number(text(iom, "source.get_voltage")), number(text(iom, "high_voltage")));

		final Map<String, String> details = new LinkedHashMap<>();
		put(details, "software_version", text(root, "software_version"));
		final Element ts = child(root, "timestamp");
		if (ts != null)
			put(details, "timestamp", ts.getAttribute("isoformat"));
		put(details, "calibrated_pixelsize", text(iom, "calibrated_pixelsize"));
		final Element fovElement = child(iom, "full_scan_field_of_view");
		put(details, "full_scan_field_of_view_scale_factor", text(fovElement, "scale_factor"));
		return new EmpadXml(file, rawName, series, candidates, fov, angle, cl, volts, details);
	}

	private static Document parse(final Path file) {
		try {
			final long size = Files.size(file);
			if (size > MAX_BYTES)
				throw LayoutException.badField(file, "file size", "an EMPAD .xml of at most " + MAX_BYTES + " bytes", size + " bytes");
			final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
			f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			f.setFeature("http://xml.org/sax/features/external-general-entities", false);
			f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			f.setXIncludeAware(false);
			f.setExpandEntityReferences(false);
			final DocumentBuilder b = f.newDocumentBuilder();
			b.setErrorHandler(new ErrorHandler() {
				@Override
				public void warning(final SAXParseException e) {
					// warnings do not stop a well-formed document
				}

				@Override
				public void error(final SAXParseException e) throws SAXException {
					throw e;
				}

				@Override
				public void fatalError(final SAXParseException e) throws SAXException {
					throw e;
				}
			});
			try (InputStream in = Files.newInputStream(file)) {
				return b.parse(in);
			}
		} catch (final SAXParseException e) {
			throw new LayoutException(file + ": line " + e.getLineNumber() + ", column " + e.getColumnNumber()
					+ ": expected well-formed XML, found: " + e.getMessage(), e);
		} catch (final SAXException e) {
			throw new LayoutException(file + ": expected well-formed XML, found: " + e.getMessage(), e);
		} catch (final ParserConfigurationException e) {
			throw new LayoutException(file + ": no secure XML parser available: " + e.getMessage(), e);
		} catch (final IOException e) {
			throw new LayoutException(file + ": cannot read: " + e.getMessage(), e);
		}
	}

	/** Field of view [x, y] in metres from either spelling, or null. */
	private static double[] fieldOfView(final Element iom) {
		final String list = text(iom, "optics.get_full_scan_field_of_view");
		if (list != null) {
			final String[] parts = list.replace("[", "").replace("]", "").split(",");
			if (parts.length == 2)
				return new double[] { number(parts[0]), number(parts[1]) };
		}
		final Element fov = child(iom, "full_scan_field_of_view");
		if (fov != null)
			return new double[] { number(text(fov, "x")), number(text(fov, "y")) };
		return null;
	}

	private static double scanSize(final Element scanParameters) {
		return number(text(scanParameters, "scan_size"));
	}

	/** The scan_parameters child with this mode ({@code ""}: without a mode; null: the first of any mode). */
	private static Element scanParameters(final Element root, final String mode) {
		for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling())
			if (n instanceof Element e && e.getTagName().equals("scan_parameters")
					&& (mode == null || e.getAttribute("mode").equals(mode)))
				return e;
		return null;
	}

	private static Element child(final Element parent, final String name) {
		if (parent == null)
			return null;
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling())
			if (n instanceof Element e && e.getTagName().equals(name))
				return e;
		return null;
	}

	private static String text(final Element parent, final String name) {
		final Element e = child(parent, name);
		return e == null ? null : e.getTextContent().strip();
	}

	/** A positive integer element, null when absent. */
	private static Long positive(final Path file, final String field, final String text) {
		if (text == null)
			return null;
		final long v;
		try {
			v = Long.parseLong(text);
		} catch (final NumberFormatException e) {
			throw LayoutException.badField(file, field, "a positive integer", '"' + text + '"');
		}
		if (v < 1 || v > MAX_AXIS)
			throw LayoutException.badField(file, field, "a positive integer of at most " + MAX_AXIS, v);
		return v;
	}

	/** A positive finite number, NaN when absent or anything else. */
	private static double number(final String text) {
		if (text == null)
			return Double.NaN;
		try {
			final double v = Double.parseDouble(text.strip());
			return Double.isFinite(v) && v > 0 ? v : Double.NaN;
		} catch (final NumberFormatException e) {
			return Double.NaN;
		}
	}

	private static double first(final double a, final double b) {
		return Double.isNaN(a) ? b : a;
	}

	private static void put(final Map<String, String> m, final String key, final String value) {
		if (value != null && !value.isBlank())
			m.put(key, value.strip());
	}

	private static String baseName(final String path) {
		final String s = path.replace('\\', '/');
		return s.substring(s.lastIndexOf('/') + 1);
	}

	/** True when {@code head} looks like an EMPAD XML: a {@code <root} document with a {@code <raw_file} element. */
	static boolean looksLikeEmpad(final byte[] head) {
		final String s = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
		return s.stripLeading().replaceFirst("^<\\?xml[^>]*\\?>\\s*", "").startsWith("<root") && s.contains("<raw_file");
	}

	public Path file() {
		return file;
	}

	/** Base name of the {@code .raw} file the XML names. */
	public String rawName() {
		return rawName;
	}

	/** True for a series (a frame stack), false for a scan. */
	public boolean series() {
		return series;
	}

	/** Nav shapes the XML states, in the order they are tried against the {@code .raw} size. */
	public List<NavCandidate> candidates() {
		return candidates;
	}

	/** Full scan field of view {@code [x, y]} in metres (NaN where unknown), or null when the XML has none. */
	public double[] fieldOfView() {
		return fieldOfView == null ? null : fieldOfView.clone();
	}

	/** Calibrated diffraction angle per detector pixel in radians, NaN when unknown. */
	public double diffractionAngle() {
		return diffractionAngle;
	}

	/** Camera length in metres, NaN when unknown. */
	public double cameraLength() {
		return cameraLength;
	}

	/** High tension in volts, NaN when unknown. */
	public double voltage() {
		return voltage;
	}

	/** Facts kept as found: software version, timestamp, calibrated pixel size, field-of-view scale factor. */
	public Map<String, String> details() {
		return details;
	}
}
