package org.maptem.formats.dm;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent writer of DM3/DM4 tag files for tests, from the documented layout: big-endian structure words
 * (u32 in DM3, u64 in DM4), values in the chosen byte order, DM4 tag sizes, 8 zero bytes at the end.
 */
public final class DmBytes {

	/** A node of the tree to write. */
	public sealed interface Node permits Group, Num, Str, Arr, Struct {
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

	/** A struct of simple fields. */
	public record Struct(int[] types, double[] values) implements Node {
	}

	private final int version;
	private final boolean little;

	public DmBytes(final int version, final boolean little) {
		this.version = version;
		this.little = little;
	}

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

	/** The whole file. */
	public byte[] file(final Group root) {
		final ByteArrayOutputStream body = new ByteArrayOutputStream();
		group(body, root);
		final byte[] tree = body.toByteArray();
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		be(out, version, 4);
		final long total = (version == 3 ? 12 : 16) + tree.length + 8;
		be(out, total - (version == 3 ? 16 : 24), version == 3 ? 4 : 8);
		be(out, little ? 1 : 0, 4);
		out.writeBytes(tree);
		out.writeBytes(new byte[8]);
		return out.toByteArray();
	}

	private void group(final ByteArrayOutputStream out, final Group g) {
		out.write(1);
		out.write(0);
		word(out, g.entries().size());
		for (final Object[] e : g.entries()) {
			final String label = (String) e[0];
			final Node node = (Node) e[1];
			out.write(node instanceof Group ? 20 : 21);
			be(out, label.length(), 2);
			out.writeBytes(label.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
			final ByteArrayOutputStream rest = new ByteArrayOutputStream();
			if (node instanceof Group sub)
				group(rest, sub);
			else
				data(rest, node);
			if (version == 4)
				be(out, rest.size(), 8);
			out.writeBytes(rest.toByteArray());
		}
	}

	private void data(final ByteArrayOutputStream out, final Node node) {
		out.writeBytes("%%%%".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		if (node instanceof Num n) {
			word(out, 1);
			word(out, n.type());
			value(out, n.type(), n.value());
		} else if (node instanceof Str s) {
			word(out, 2);
			word(out, 18);
			word(out, s.value().length());
			out.writeBytes(s.value().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
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
			out.writeBytes(a.data());
		}
	}

	private void word(final ByteArrayOutputStream out, final long v) {
		be(out, v, version == 3 ? 4 : 8);
	}

	private static void be(final ByteArrayOutputStream out, final long v, final int n) {
		for (int k = n - 1; k >= 0; k--)
			out.write((int) (v >>> (8 * k)));
	}

	/** One value of simple type {@code type} in the file's byte order. */
	void value(final ByteArrayOutputStream out, final int type, final double v) {
		final long bits;
		final int n;
		switch (type) {
		case 2, 4 -> { bits = (long) v; n = 2; }
		case 3, 5 -> { bits = (long) v; n = 4; }
		case 6 -> { bits = Float.floatToRawIntBits((float) v); n = 4; }
		case 7 -> { bits = Double.doubleToRawLongBits(v); n = 8; }
		case 8, 9, 10 -> { bits = (long) v; n = 1; }
		default -> { bits = (long) v; n = 8; }
		}
		for (int k = 0; k < n; k++)
			out.write((int) (bits >>> (8 * (little ? k : n - 1 - k))));
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
}
