package org.maptem.formats.npy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the subset of Python literal syntax that {@code .npy} headers use: a dict of string keys whose values are
 * strings, {@code True}/{@code False}/{@code None}, integers (optionally with Python 2's {@code L} suffix), and
 * tuples or lists of these. Trailing commas and whitespace are accepted as Python accepts them.
 *
 * <p>Values become {@link String}, {@link Boolean}, {@code null}, {@link Long}, {@link List} (tuples and lists) and
 * {@link Map} (insertion-ordered). Errors carry the character position where parsing stopped.
 */
final class PyLiteral {

	/** A parse failure at character {@code position} of the text. */
	static final class Failure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		final int position;
		final String expected;
		final String found;

		Failure(final int position, final String expected, final String found) {
			super("at character " + position + ": expected " + expected + ", found " + found);
			this.position = position;
			this.expected = expected;
			this.found = found;
		}
	}

	private final String text;
	private int pos;

	private PyLiteral(final String text) {
		this.text = text;
	}

	/** Parses {@code text} as one literal followed only by whitespace. */
	static Object parse(final String text) {
		final PyLiteral p = new PyLiteral(text);
		final Object v = p.value();
		p.skipSpace();
		if (p.pos < text.length())
			throw p.fail("the end of the literal");
		return v;
	}

	private Object value() {
		skipSpace();
		if (pos >= text.length())
			throw fail("a value");
		final char c = text.charAt(pos);
		switch (c) {
		case '{':
			return dict();
		case '(':
			return sequence('(', ')');
		case '[':
			return sequence('[', ']');
		case '\'':
		case '"':
			return string(c);
		default:
			if (c == '-' || c == '+' || Character.isDigit(c))
				return integer();
			if (Character.isLetter(c))
				return word();
			throw fail("a value");
		}
	}

	private Map<String, Object> dict() {
		final Map<String, Object> m = new LinkedHashMap<>();
		pos++;
		while (true) {
			skipSpace();
			if (peek('}')) {
				pos++;
				return m;
			}
			if (pos >= text.length() || (text.charAt(pos) != '\'' && text.charAt(pos) != '"'))
				throw fail("a quoted key or '}'");
			final int keyPos = pos;
			final String key = string(text.charAt(pos));
			if (m.containsKey(key)) {
				pos = keyPos;
				throw fail("a key not seen before");
			}
			skipSpace();
			expect(':');
			m.put(key, value());
			skipSpace();
			if (peek(',')) {
				pos++;
				continue;
			}
			if (!peek('}'))
				throw fail("',' or '}'");
		}
	}

	private List<Object> sequence(final char open, final char close) {
		final List<Object> list = new ArrayList<>();
		pos++;
		while (true) {
			skipSpace();
			if (peek(close)) {
				pos++;
				return list;
			}
			list.add(value());
			skipSpace();
			if (peek(',')) {
				pos++;
				continue;
			}
			if (!peek(close))
				throw fail("',' or '" + close + "'");
		}
	}

	private String string(final char quote) {
		final int start = pos;
		pos++;
		final StringBuilder b = new StringBuilder();
		while (pos < text.length()) {
			final char c = text.charAt(pos++);
			if (c == quote)
				return b.toString();
			if (c == '\\') {
				if (pos >= text.length())
					break;
				final char e = text.charAt(pos++);
				b.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
			} else
				b.append(c);
		}
		pos = start;
		throw fail("a closing " + quote + " for the string");
	}

	private Long integer() {
		final int start = pos;
		if (peek('-') || peek('+'))
			pos++;
		final int digits = pos;
		while (pos < text.length() && Character.isDigit(text.charAt(pos)))
			pos++;
		if (pos == digits) {
			pos = start;
			throw fail("an integer");
		}
		final String s = text.substring(start, pos);
		if (peek('L') || peek('l'))
			pos++;
		try {
			return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
		} catch (final NumberFormatException e) {
			pos = start;
			throw fail("an integer within 64 bits");
		}
	}

	private Object word() {
		final int start = pos;
		while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos)))
			pos++;
		final String w = text.substring(start, pos);
		switch (w) {
		case "True":
			return Boolean.TRUE;
		case "False":
			return Boolean.FALSE;
		case "None":
			return null;
		default:
			pos = start;
			throw fail("True, False or None");
		}
	}

	private void expect(final char c) {
		if (!peek(c))
			throw fail("'" + c + "'");
		pos++;
	}

	private boolean peek(final char c) {
		return pos < text.length() && text.charAt(pos) == c;
	}

	private void skipSpace() {
		while (pos < text.length() && Character.isWhitespace(text.charAt(pos)))
			pos++;
	}

	private Failure fail(final String expected) {
		final String rest = pos >= text.length() ? "the end of the header"
				: "'" + text.substring(pos, Math.min(text.length(), pos + 20)).replace("\n", "\\n") + "'";
		return new Failure(pos, expected, rest);
	}
}
