package org.maptem.formats.hdf5;

import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;

import io.jhdf.Superblock;
import io.jhdf.api.WritableAttributeImpl;
import io.jhdf.checksum.ChecksumUtils;
import io.jhdf.dataset.chunked.Chunk;
import io.jhdf.dataset.chunked.indexing.ChunkImpl;
import io.jhdf.dataset.chunked.indexing.FixedArrayIndexWriter;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.message.AttributeInfoMessage;
import io.jhdf.object.message.AttributeMessage;
import io.jhdf.object.message.DataLayoutMessage.ChunkedDataLayoutMessageV4;
import io.jhdf.object.message.DataLayoutMessage.ContiguousDataLayoutMessage;
import io.jhdf.object.message.DataSpace;
import io.jhdf.object.message.DataSpaceMessage;
import io.jhdf.object.message.DataTypeMessage;
import io.jhdf.object.message.FillValueMessage;
import io.jhdf.object.message.FilterPipelineMessage;
import io.jhdf.object.message.FilterPipelineMessage.FilterInfo;
import io.jhdf.object.message.GroupInfoMessage;
import io.jhdf.object.message.LinkInfoMessage;
import io.jhdf.object.message.Message;

/**
 * Streams an HDF5 file (superblock version 3, version 2 object headers, compact groups) whose bulk data is written
 * as it comes: frame by frame into a contiguous dataset, or one filtered chunk at a time into a chunked dataset with
 * a fixed-array chunk index. Groups, links (hard and external), attributes and object headers are written on
 * {@link #close()}, after the data, so that every address is known; the superblock goes last, at byte 0.
 *
 * <p>jhdf's writer (0.13) needs the whole dataset as a Java array and writes no external links; this writer uses
 * jhdf's encoders of the individual header messages, the fixed-array index and the superblock, and encodes the
 * object headers and link messages itself (HDF5 File Format Specification 3.0, sections IV.A.1.b, IV.A.2.g). Values
 * are little-endian. Not thread-safe.
 */
final class H5Writer implements Closeable {

	/** Bytes left for the superblock (48 bytes in version 3) before the first data. */
	private static final long FIRST_DATA = 512;
	private static final int LINK = 6;

	/** A group: named children (groups, datasets, external links) and attributes, in insertion order. */
	static final class Group {
		private final Map<String, Object> children = new LinkedHashMap<>();
		private final Map<String, Object> attributes = new LinkedHashMap<>();

		/** The child group {@code name}, created when absent. */
		Group group(final String name) {
			final Object c = children.computeIfAbsent(name, k -> new Group());
			if (!(c instanceof Group g))
				throw new IllegalStateException(name + " is not a group");
			return g;
		}

		/** Sets attribute {@code name} to {@code value} (a Java scalar, String or array, as jhdf encodes it). */
		Group attribute(final String name, final Object value) {
			attributes.put(name, value);
			return this;
		}

		/** Links {@code name} to the object at {@code path} in the HDF5 file {@code file} (relative to this file's folder). */
		void externalLink(final String name, final String file, final String path) {
			children.put(name, new External(file, path));
		}
	}

	/** A dataset whose data is written: its header messages, less attributes. */
	static final class Dataset {
		private final List<Message> messages;
		private final Map<String, Object> attributes = new LinkedHashMap<>();

		private Dataset(final List<Message> messages) {
			this.messages = messages;
		}

		Dataset attribute(final String name, final Object value) {
			attributes.put(name, value);
			return this;
		}
	}

	private record External(String file, String path) {
	}

	/** Fills {@code dst} (little-endian, positioned at 0, capacity one frame) with frame {@code index}. */
	@FunctionalInterface
	interface FrameEncoder {
		void encode(long index, ByteBuffer dst);
	}

	/** One HDF5 filter: its id, name, client data, and the encoder of a chunk's bytes. */
	record Filter(int id, String name, int[] clientData, ChunkEncoder encoder) {
	}

	/** Encodes one chunk's bytes for a filter. */
	@FunctionalInterface
	interface ChunkEncoder {
		byte[] encode(byte[] chunk);
	}

	private final Path file;
	private final FileChannel channel;
	private final Group root = new Group();
	private long end = FIRST_DATA;

	/** Creates {@code file}, which must not exist. */
	H5Writer(final Path file) throws IOException {
		this.file = file;
		this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
	}

	/** The root group. */
	Group root() {
		return root;
	}

	/**
	 * Writes a contiguous dataset {@code name} of {@code parent}: shape {@code [scan..., h, w]}, frames encoded one at a
	 * time by {@code frames}, in scan order.
	 */
	Dataset contiguous(final Group parent, final String name, final DType type, final long[] shape,
			final FrameEncoder frames) throws IOException {
		final long count = frames(shape);
		final int frameBytes = (int) type.bytesFor(frameSize(shape));
		final ByteBuffer frame = ByteBuffer.allocate(frameBytes).order(ByteOrder.LITTLE_ENDIAN);
		final long address = end;
		for (long f = 0; f < count; f++) {
			frame.clear();
			frames.encode(f, frame);
			append(frame.flip());
		}
		final List<Message> m = header(type, shape);
		m.add(ContiguousDataLayoutMessage.create(address, end - address));
		return put(parent, name, new Dataset(m));
	}

	/**
	 * Writes a dataset {@code name} of {@code parent} chunked one frame per chunk ({@code [1, ..., 1, h, w]}), each
	 * chunk passed through {@code filters} in order, indexed by a fixed array.
	 */
	Dataset chunked(final Group parent, final String name, final DType type, final long[] shape, final FrameEncoder frames,
			final List<Filter> filters) throws IOException {
		final long count = frames(shape);
		final int rank = shape.length;
		final int frameBytes = (int) type.bytesFor(frameSize(shape));
		final ByteBuffer frame = ByteBuffer.allocate(frameBytes).order(ByteOrder.LITTLE_ENDIAN);
		if (count > Integer.MAX_VALUE)
			throw new LayoutException(file + ": " + count + " chunks, more than a fixed-array index holds");
		final List<Chunk> chunks = new ArrayList<>((int) count);
		for (long f = 0; f < count; f++) {
			frame.clear();
			frames.encode(f, frame);
			byte[] bytes = frame.array();
			for (final Filter filter : filters)
				bytes = filter.encoder().encode(bytes);
			final long[] offset = new long[rank];
			long rest = f;
			for (int a = rank - 3; a >= 0; a--) {
				offset[a] = rest % shape[a];
				rest /= shape[a];
			}
			chunks.add(new ChunkImpl(end, bytes.length, offset));
			append(ByteBuffer.wrap(bytes));
		}
		final int pageBits = Math.max(10, 32 - Integer.numberOfLeadingZeros((int) count - 1));
		final long index = end;
		append(FixedArrayIndexWriter.createFixedArray(chunks, index, frameBytes, !filters.isEmpty(), pageBits));
		final int[] chunkDims = new int[rank + 1];
		Arrays.fill(chunkDims, 1);
		chunkDims[rank - 2] = (int) shape[rank - 2];
		chunkDims[rank - 1] = (int) shape[rank - 1];
		chunkDims[rank] = type.bytes();
		final List<Message> m = header(type, shape);
		if (!filters.isEmpty())
			m.add(FilterPipelineMessage.create(filters.stream()
					.map(f -> new FilterInfo(f.id(), f.name(), false, f.clientData())).toList()));
		m.add(ChunkedDataLayoutMessageV4.createFixedArray(index, chunkDims, pageBits));
		return put(parent, name, new Dataset(m));
	}

	/** Writes a small contiguous dataset {@code name} of {@code parent} holding {@code value} (a Java scalar or array). */
	Dataset small(final Group parent, final String name, final Object value) throws IOException {
		final DataType t = DataType.fromObject(value);
		final ByteBuffer bytes = t.encodeData(value);
		final long address = end;
		append(bytes.rewind());
		final List<Message> m = new ArrayList<>();
		m.add(DataTypeMessage.create(t));
		m.add(DataSpaceMessage.create(DataSpace.fromObject(value)));
		m.add(FillValueMessage.NO_FILL);
		m.add(ContiguousDataLayoutMessage.create(address, end - address));
		return put(parent, name, new Dataset(m));
	}

	private static Dataset put(final Group parent, final String name, final Dataset d) {
		if (parent.children.putIfAbsent(name, d) != null)
			throw new IllegalStateException(name + " exists");
		return d;
	}

	private static long frames(final long[] shape) {
		long n = 1;
		for (int a = 0; a < shape.length - 2; a++)
			n = Math.multiplyExact(n, shape[a]);
		return n;
	}

	private static long frameSize(final long[] shape) {
		return shape[shape.length - 2] * shape[shape.length - 1];
	}

	/** Datatype, dataspace and fill value messages of a dataset of {@code type} and {@code shape}. */
	private static List<Message> header(final DType type, final long[] shape) {
		final Class<?> leaf = switch (type) {
		case UINT8, INT8 -> byte.class;
		case UINT16, INT16 -> short.class;
		case UINT32, INT32 -> int.class;
		case FLOAT32 -> float.class;
		case FLOAT64 -> double.class;
		default -> throw new IllegalArgumentException("HDF5 has no element type for " + type);
		};
		final int[] ones = new int[shape.length];
		Arrays.fill(ones, 1);
		final Object probe = Array.newInstance(leaf, ones);
		final boolean unsigned = !type.isSigned() && !type.isFloating();
		final List<Message> m = new ArrayList<>();
		m.add(DataTypeMessage.create(DataType.fromObject(probe, unsigned)));
		m.add(DataSpaceMessage.create(DataSpace.modifyDimensions(DataSpace.fromObject(probe), shape)));
		m.add(FillValueMessage.NO_FILL);
		return m;
	}

	private void append(final ByteBuffer b) throws IOException {
		while (b.hasRemaining())
			end += channel.write(b, end);
	}

	/** Writes the object headers, then the superblock, and closes the file. */
	@Override
	public void close() throws IOException {
		try {
			final long rootAddress = write(root);
			final ByteBuffer sb = new Superblock.SuperblockV2V3(0, rootAddress).toBuffer(end);
			long at = 0;
			while (sb.hasRemaining())
				at += channel.write(sb, at);
		} finally {
			channel.close();
		}
	}

	/** Writes the object header of {@code node} (children first) and returns its address. */
	private long write(final Object node) throws IOException {
		final List<ByteBuffer> messages = new ArrayList<>();
		final List<Integer> types = new ArrayList<>();
		final Map<String, Object> attributes;
		if (node instanceof Group g) {
			add(messages, types, GroupInfoMessage.createBasic());
			add(messages, types, LinkInfoMessage.createBasic());
			for (final Map.Entry<String, Object> c : g.children.entrySet()) {
				final Object child = c.getValue();
				messages.add(child instanceof External x ? externalLink(c.getKey(), x) : hardLink(c.getKey(), write(child)));
				types.add(LINK);
			}
			attributes = g.attributes;
		} else {
			final Dataset d = (Dataset) node;
			for (final Message m : d.messages)
				add(messages, types, m);
			attributes = d.attributes;
		}
		if (!attributes.isEmpty()) {
			add(messages, types, AttributeInfoMessage.create());
			for (final Map.Entry<String, Object> a : attributes.entrySet())
				add(messages, types, AttributeMessage.create(a.getKey(), new WritableAttributeImpl(a.getKey(), null, a.getValue())));
		}
		int size = 0;
		for (final ByteBuffer m : messages)
			size += 4 + m.remaining();
		final ByteBuffer h = ByteBuffer.allocate(4 + 1 + 1 + 4 + size + 4).order(ByteOrder.LITTLE_ENDIAN);
		h.put("OHDR".getBytes(StandardCharsets.US_ASCII)).put((byte) 2).put((byte) 0x02).putInt(size);
		for (int i = 0; i < messages.size(); i++) {
			final ByteBuffer m = messages.get(i);
			h.put((byte) (int) types.get(i)).putShort((short) m.remaining()).put((byte) 0).put(m);
		}
		h.putInt(ChecksumUtils.checksum(Arrays.copyOf(h.array(), h.position())));
		final long address = end;
		append(h.flip());
		return address;
	}

	private static void add(final List<ByteBuffer> messages, final List<Integer> types, final Message m) {
		final ByteBuffer b = m.toBuffer();
		messages.add(b.rewind());
		types.add(m.getMessageType());
	}

	/** A link message (version 1) of a hard link: flags 0 (1-byte name length, hard link, ASCII). */
	private static ByteBuffer hardLink(final String name, final long address) {
		final byte[] n = name.getBytes(StandardCharsets.US_ASCII);
		return ByteBuffer.allocate(3 + n.length + 8).order(ByteOrder.LITTLE_ENDIAN).put((byte) 1).put((byte) 0)
				.put((byte) n.length).put(n).putLong(address).flip();
	}

	/**
	 * A link message of an external link: flags 0x08 (link type present), type 64, then the link information: its
	 * length, a version-and-flags byte 0, the file name and the object path, each NUL-terminated.
	 */
	private static ByteBuffer externalLink(final String name, final External x) {
		final byte[] n = name.getBytes(StandardCharsets.US_ASCII);
		final byte[] f = x.file().getBytes(StandardCharsets.UTF_8);
		final byte[] p = x.path().getBytes(StandardCharsets.UTF_8);
		final int info = 1 + f.length + 1 + p.length + 1;
		return ByteBuffer.allocate(4 + n.length + 2 + info).order(ByteOrder.LITTLE_ENDIAN).put((byte) 1).put((byte) 0x08)
				.put((byte) 64).put((byte) n.length).put(n).putShort((short) info).put((byte) 0).put(f).put((byte) 0).put(p)
				.put((byte) 0).flip();
	}
}
