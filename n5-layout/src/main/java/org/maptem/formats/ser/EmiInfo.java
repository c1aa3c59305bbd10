package org.maptem.formats.ser;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What the {@code .emi} file beside a {@code .ser} file says about the acquisition, read from the
 * {@code <ObjectInfo>} XML the binary EMI file embeds: accelerating voltage, camera length, microscope mode, and
 * whether the data are displayed in reciprocal space. The EMI format is unpublished; anything not found is unknown,
 * and an unreadable EMI is the same as none (the data do not depend on it).
 *
 * @param file            the {@code .emi} file
 * @param voltage         accelerating voltage in volts, NaN when unknown
 * @param cameraLength    camera length in metres, NaN when unknown
 * @param mode            the microscope mode text, empty when unknown
 * @param reciprocalSpace true when the EMI names the display "Reciprocal Space" or the mode is a diffraction mode
 */
public record EmiInfo(Path file, double voltage, double cameraLength, String mode, boolean reciprocalSpace) {

	private static final Logger LOG = LoggerFactory.getLogger(EmiInfo.class);
	/** Largest EMI file searched. */
	private static final long MAX_BYTES = 64L << 20;
	private static final Pattern SER_INDEX = Pattern.compile("(.*)_\\d+\\.ser", Pattern.CASE_INSENSITIVE);

	/** The {@code .emi} file of {@code ser}: {@code name.emi} for {@code name_1.ser} or {@code name.ser}. */
	static Path emiFor(final Path ser) {
		final String n = ser.getFileName().toString();
		final Matcher m = SER_INDEX.matcher(n);
		final String base = m.matches() ? m.group(1) : n.replaceFirst("(?i)\\.ser$", "");
		return ser.resolveSibling(base + ".emi");
	}

	/** The information in the {@code .emi} beside {@code ser}, or empty when there is none or it cannot be read. */
	public static Optional<EmiInfo> near(final Path ser) {
		final Path emi = emiFor(ser);
		if (!Files.isRegularFile(emi))
			return Optional.empty();
		try {
			if (Files.size(emi) > MAX_BYTES)
				return Optional.empty();
			return Optional.of(parse(emi, new String(Files.readAllBytes(emi), StandardCharsets.ISO_8859_1)));
		} catch (final IOException | RuntimeException e) {
			LOG.debug("{}: not used for calibration ({})", emi, e.toString());
			return Optional.empty();
		}
	}

	static EmiInfo parse(final Path emi, final String text) throws IOException {
		final boolean reciprocalDisplay = text.contains("Reciprocal Space");
		final int from = text.indexOf("<ObjectInfo>");
		final int to = text.indexOf("</ObjectInfo>", Math.max(from, 0));
		if (from < 0 || to < 0)
			return new EmiInfo(emi, Double.NaN, Double.NaN, "", reciprocalDisplay);
		final Element root = xml(text.substring(from, to + "</ObjectInfo>".length())).getDocumentElement();
		final double volts = number(text(first(root, "AcceleratingVoltage")));
		double cameraLength = Double.NaN;
		String mode = "";
		final NodeList data = root.getElementsByTagName("Data");
		for (int i = 0; i < data.getLength(); i++) {
			final Element d = (Element) data.item(i);
			final String label = text(first(d, "Label"));
			final String value = text(first(d, "Value"));
			if ("Camera length".equalsIgnoreCase(label)) {
				final String unit = text(first(d, "Unit"));
				final double v = number(value);
				cameraLength = switch (unit.toLowerCase(Locale.ROOT)) {
				case "m" -> v;
				case "mm" -> v / 1e3;
				case "cm" -> v / 1e2;
				default -> Double.NaN;
				};
			} else if ("Mode".equalsIgnoreCase(label))
				mode = value.strip();
		}
		return new EmiInfo(emi, volts, cameraLength, mode,
				reciprocalDisplay || mode.toLowerCase(Locale.ROOT).contains("diffraction"));
	}

	private static Document xml(final String s) throws IOException {
		try {
			final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
			f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			f.setXIncludeAware(false);
			f.setExpandEntityReferences(false);
			final var b = f.newDocumentBuilder();
			b.setErrorHandler(new DefaultHandler());
			return b.parse(new InputSource(new StringReader(s)));
		} catch (final org.xml.sax.SAXException | javax.xml.parsers.ParserConfigurationException e) {
			throw new IOException("the embedded <ObjectInfo> is not well-formed XML: " + e.getMessage(), e);
		}
	}

	private static Element first(final Element parent, final String name) {
		final NodeList l = parent.getElementsByTagName(name);
		return l.getLength() == 0 ? null : (Element) l.item(0);
	}

	private static String text(final Node n) {
		return n == null ? "" : n.getTextContent().strip();
	}

	private static double number(final String s) {
		try {
			final double v = Double.parseDouble(s);
			return Double.isFinite(v) && v > 0 ? v : Double.NaN;
		} catch (final NumberFormatException e) {
			return Double.NaN;
		}
	}
}
