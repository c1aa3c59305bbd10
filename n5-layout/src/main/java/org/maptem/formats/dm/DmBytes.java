package org.maptem.formats.dm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes DM3/DM4 tag files from the documented layout ({@link org.maptem.formats.dm the package documentation}):
 * big-endian structure words (u32 in DM3, u64 in DM4), values in the chosen byte order, DM4 entry sizes, 8 zero
 * bytes at the end. Used by the tests and the benchmark sample; a {@link Streamed} array writes its elements while
 * the file is written, so data of any size passes through without being held in memory. Not thread-safe.
 */
public final class DmBytes {

	/** A node of the tree to write. */
	public sealed interface Node permits Group, Num, Str, Arr, Streamed, Struct {
	}

	/** A group of labelled entries ({@code label, node, label, node, …}). */
	public record Group(List<Object[]> entries) implements Node {
	}

	/** One number of DM type {@code type}. */
	public record Num(int type, double value) implements Node {
	}

	/** A string tag (type 18). */
	public record Str(String value) implements Node {
	}

	/** An array of {@code count} elements of simple type {@code type}, already encoded. */
	public record Arr(int type, long count, byte[] data) implements Node {
	}

	/** Writes the encoded elements of a {@link Streamed} array. */
	@FunctionalInterface
	public interface ElementWriter {
		/** Writes exactly the array's bytes to {@code out}. */
		void write(OutputStream out) throws IOException;
	}

	/**
	 * An array of {@code count} elements of simple type {@code type}, {@code bytes} bytes in all, whose elements
	 * {@code writer} writes when the file is written.
	 */
	public record Streamed(int type, long count, long bytes, ElementWriter writer) implements Node {
	}

	/** A struct of simple fields. */
	public record Struct(int[] types, double[] values) implements Node {
	}

	private final int version;
	private final boolean little;

	/** A writer of DM {@code version} (3 or 4) files whose values and arrays are little-endian or big-endian. */
	public DmBytes(final int version, final boolean little) {
		this.version = version;
		this.little = little;
	}

	/** A group of the given entries, alternately a label (String, empty for list items) and its {@link Node}. */
	public static Group group(final Object... labelNodePairs) {
		final List<Object[]> e = new ArrayList<>();
		for (int i = 0; i < labelNodePairs.length; i += 2)
			e.add(new Object[] { labelNodePairs[i], labelNodePairs[i + 1] });
		return new Group(e);
	}

	/** Units and names: arrays of u16 characters. */
	public Arr text(final String s) {
		final ByteArrayOutputStream b = new ByteArrayOutputStream();
		for (final char c : s.toCharArray())
			value(b, 4, c);
		return new Arr(4, s.length(), b.toByteArray());
	}

	/** The whole file, in memory. */
	public byte[] file(final Group root) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			write(out, root);
		} catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** Writes the whole file to {@code out}; streamed arrays write their elements in place. */
	public void write(final OutputStream out, final Group root) throws IOException {
		be(out, version, 4);
		final long total = (version == 3 ? 12 : 16) + size(root) + 8;
		final long rootLength = total - (version == 3 ? 16 : 24);
		// DM3's u32 root length cannot hold files of 4 GiB or more; readers do not rely on it
		be(out, version == 3 ? Math.min(rootLength, 0xFFFFFFFFL) : rootLength, version == 3 ? 4 : 8);
		be(out, little ? 1 : 0, 4);
		group(out, root);
		out.write(new byte[8]);
	}

	private int wordBytes() {
		return version == 3 ? 4 : 8;
	}

	/** Bytes {@code node} takes after its entry's label (and DM4 size). */
	private long size(final Node node) {
		if (node instanceof Group g) {
			long s = 2 + wordBytes();
			for (final Object[] e : g.entries())
				s += 1 + 2 + ((String) e[0]).length() + (version == 4 ? 8 : 0) + size((Node) e[1]);
			return s;
		}
		final long w = wordBytes();
		if (node instanceof Num n)
			return 4 + 2 * w + simpleBytes(n.type());
		if (node instanceof Str s)
			return 4 + 3 * w + s.value().length();
		if (node instanceof Struct s) {
			long b = 4 + (4 + 2L * s.types().length) * w;
			for (final int t : s.types())
				b += simpleBytes(t);
			return b;
		}
		if (node instanceof Arr a)
			return 4 + 4 * w + a.data().length;
		final Streamed a = (Streamed) node;
		return 4 + 4 * w + a.bytes();
	}

	private void group(final OutputStream out, final Group g) throws IOException {
		out.write(1);
		out.write(0);
		word(out, g.entries().size());
		for (final Object[] e : g.entries()) {
			final String label = (String) e[0];
			final Node node = (Node) e[1];
			out.write(node instanceof Group ? 20 : 21);
			be(out, label.length(), 2);
			out.write(label.getBytes(StandardCharsets.ISO_8859_1));
			if (version == 4)
				be(out, size(node), 8);
			if (node instanceof Group sub)
				group(out, sub);
			else
				data(out, node);
		}
	}

	private void data(final OutputStream out, final Node node) throws IOException {
		out.write("%%%%".getBytes(StandardCharsets.US_ASCII));
		if (node instanceof Num n) {
			word(out, 1);
			word(out, n.type());
			value(out, n.type(), n.value());
		} else if (node instanceof Str s) {
			word(out, 2);
			word(out, 18);
			word(out, s.value().length());
			out.write(s.value().getBytes(StandardCharsets.ISO_8859_1));
		} else if (node instanceof Struct s) {
			word(out, 3 + 2L * s.types().length);
			word(out, 15);
			word(out, 0);
			word(out, s.types().length);
			for (final int t : s.types()) {
				word(out, 0);
				word(out, t);
			}
			for (int i = 0; i < s.types().length; i++)
				value(out, s.types()[i], s.values()[i]);
		} else if (node instanceof Arr a) {
			word(out, 3);
			word(out, 20);
			word(out, a.type());
			word(out, a.count());
			out.write(a.data());
		} else if (node instanceof Streamed a) {
			word(out, 3);
			word(out, 20);
			word(out, a.type());
			word(out, a.count());
			final CountingStream counted = new CountingStream(out);
			a.writer().write(counted);
			if (counted.count != a.bytes())
				throw new IOException("DM array of " + a.count() + " elements: " + a.bytes() + " bytes announced, "
						+ counted.count + " written");
		}
	}

	private void word(final OutputStream out, final long v) throws IOException {
		be(out, v, wordBytes());
	}

	private static void be(final OutputStream out, final long v, final int n) throws IOException {
		for (int k = n - 1; k >= 0; k--)
			out.write((int) (v >>> (8 * k)));
	}

	private static int simpleBytes(final int type) {
		return switch (type) {
		case 2, 4 -> 2;
		case 3, 5, 6 -> 4;
		case 7 -> 8;
		case 8, 9, 10 -> 1;
		default -> 8;
		};
	}

	/** One value of simple type {@code type} in the file's byte order. */
	void value(final OutputStream out, final int type, final double v) {
		final int n = simpleBytes(type);
		final long bits = switch (type) {
		case 6 -> Float.floatToRawIntBits((float) v);
		case 7 -> Double.doubleToRawLongBits(v);
		default -> (long) v;
		};
		try {
			for (int k = 0; k < n; k++)
				out.write((int) (bits >>> (8 * (little ? k : n - 1 - k))));
		} catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Where {@code needle} first occurs in {@code hay}. */
	static int indexOf(final byte[] hay, final byte[] needle) {
		outer: for (int i = 0; i + needle.length <= hay.length; i++) {
			for (int k = 0; k < needle.length; k++)
				if (hay[i + k] != needle[k])
					continue outer;
			return i;
		}
		return -1;
	}

	/** Counts the bytes a streamed array writes. */
	private static final class CountingStream extends OutputStream {
		private final OutputStream out;
		long count;

		CountingStream(final OutputStream out) {
			this.out = out;
		}

		@Override
		public void write(final int b) throws IOException {
			out.write(b);
			count++;
		}

		@Override
		public void write(final byte[] b, final int off, final int len) throws IOException {
			out.write(b, off, len);
			count += len;
		}
	}
}
