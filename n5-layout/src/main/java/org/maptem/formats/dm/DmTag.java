package org.maptem.formats.dm;

import java.util.List;

/**
 * One node of a Digital Micrograph tag tree: a group of labelled entries, a number, a text, a struct of numbers,
 * or an array (located in the file, not read, except short text arrays).
 */
public sealed interface DmTag permits DmTag.Group, DmTag.Scalar, DmTag.Text, DmTag.Struct, DmTag.Array {

	/** A labelled entry of a group; unlabelled entries (list items) have an empty label. */
	record Entry(String label, DmTag tag) {
	}

	/** A tag group: entries in file order. */
	record Group(List<Entry> entries) implements DmTag {

		public Group {
			entries = List.copyOf(entries);
		}

		/** The first entry labelled {@code label}, or {@code null}. */
		public DmTag get(final String label) {
			for (final Entry e : entries)
				if (e.label().equals(label))
					return e.tag();
			return null;
		}

		/**
		 * The node at {@code path} below this group (labels, or {@code "#i"} for the i-th entry counting from 0), or
		 * {@code null} when any step is missing or not a group.
		 */
		public DmTag find(final String... path) {
			DmTag t = this;
			for (final String step : path) {
				if (!(t instanceof Group g))
					return null;
				if (step.startsWith("#")) {
					final int i = Integer.parseInt(step.substring(1));
					t = i < g.entries.size() ? g.entries.get(i).tag() : null;
				} else
					t = g.get(step);
				if (t == null)
					return null;
			}
			return t;
		}

		/** The number at {@code path}, or {@code NaN} when it is missing or not a number. */
		public double number(final String... path) {
			return find(path) instanceof Scalar s ? s.value().doubleValue() : Double.NaN;
		}

		/** The text at {@code path} (a string tag or a short character array), or {@code null}. */
		public String text(final String... path) {
			final DmTag t = find(path);
			if (t instanceof Text s)
				return s.value();
			if (t instanceof Array a)
				return a.text();
			return null;
		}
	}

	/**
	 * A single number.
	 *
	 * @param type  DM encoded type (2 short … 12 uint64)
	 * @param value the value
	 */
	record Scalar(int type, Number value) implements DmTag {
	}

	/** A string tag (encoded type 18). */
	record Text(String value) implements DmTag {
	}

	/** A struct tag (encoded type 15): its field values in order. */
	record Struct(List<Number> fields) implements DmTag {

		public Struct {
			fields = List.copyOf(fields);
		}
	}

	/**
	 * An array tag (encoded type 20), located but not read.
	 *
	 * @param elementType  DM encoded type of one element (15 for structs)
	 * @param elementBytes bytes of one element
	 * @param count        number of elements
	 * @param offset       byte offset of the first element in the file
	 * @param text         for short arrays of 2-byte or 1-byte characters, their text; else {@code null}
	 */
	record Array(int elementType, int elementBytes, long count, long offset, String text) implements DmTag {

		/** Bytes of the whole array. */
		public long bytes() {
			return count * elementBytes;
		}
	}
}
