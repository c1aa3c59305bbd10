package org.maptem.frames;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.maptem.dataset.DType;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Tile;

class BufferFrameSourceTest {

	private static final int H = 5;
	private static final int W = 6;
	private static final long BASE = 100;
	private static final int FRAMES = 11;

	static Stream<Arguments> typesAndOrders() {
		final List<Arguments> out = new ArrayList<>();
		for (final DType t : DType.values())
			for (final boolean little : new boolean[] { false, true })
				out.add(Arguments.of(t, little));
		return out.stream();
	}

	/** Frames with a 7-byte file header and 13 bytes of per-frame header/footer between frames. */
	private static FrameLayout gapped(final DType type, final boolean little) {
		return new FrameLayout(7, type.bytesFor(H * W) + 13, FRAMES, type, little, H, W);
	}

	private static BufferFrameSource source(final FrameLayout layout, final boolean direct) {
		final byte[] bytes = FrameFixtures.streamBytes(layout, BASE, (byte) 0x55);
		final ByteBuffer b = direct ? ByteBuffer.allocateDirect(bytes.length).put(bytes).flip() : ByteBuffer.wrap(bytes);
		// the source must use the layout's byte order whatever order the buffer arrives in
		b.order(layout.littleEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
		return new BufferFrameSource(b, 0, layout, BASE);
	}

	@ParameterizedTest(name = "{0} little={1}")
	@MethodSource("typesAndOrders")
	void packedFramesDecodeInWholeFrameTilesOfEverySize(final DType type, final boolean little) {
		final FrameLayout layout = FrameLayout.packed(0, FRAMES, type, little, H, W);
		for (final boolean direct : new boolean[] { false, true })
			try (BufferFrameSource s = source(layout, direct)) {
				for (final int perTile : new int[] { 1, 2, 3, FRAMES })
					FrameFixtures.assertReadsAll(s, type, FrameFixtures.tiles(BASE, FRAMES, H, W, perTile, H));
			}
	}

	@ParameterizedTest(name = "{0} little={1}")
	@MethodSource("typesAndOrders")
	void framesWithHeadersAndFootersSkipTheGapBytes(final DType type, final boolean little) {
		try (BufferFrameSource s = source(gapped(type, little), true)) {
			for (final int perTile : new int[] { 1, 3, 4 })
				FrameFixtures.assertReadsAll(s, type, FrameFixtures.tiles(BASE, FRAMES, H, W, perTile, H));
		}
	}

	@ParameterizedTest(name = "{0} little={1}")
	@MethodSource("typesAndOrders")
	void rowBandTilesReadOnlyTheirRows(final DType type, final boolean little) {
		for (final FrameLayout layout : new FrameLayout[] { gapped(type, little), FrameLayout.packed(0, FRAMES, type, little, H, W) })
			try (BufferFrameSource s = source(layout, false)) {
				for (final int rows : new int[] { 1, 2, 3, 4 })
					FrameFixtures.assertReadsAll(s, type, FrameFixtures.tiles(BASE, FRAMES, H, W, 1, rows));
				// several frames of one band: frames apart, rows contiguous within each
				FrameFixtures.assertTile(s, type, new Tile(BASE + 2, 3, 1, 3, W));
			}
	}

	@Test
	void aWindowStartingInsideTheStreamReadsAtItsOffset() {
		final FrameLayout layout = gapped(DType.UINT16, false);
		final byte[] all = FrameFixtures.streamBytes(layout, BASE, (byte) 0x55);
		final long from = layout.position(4, 0) - 3;
		final ByteBuffer window = ByteBuffer.wrap(all, (int) from, all.length - (int) from).slice();
		try (BufferFrameSource s = new BufferFrameSource(window, from, layout, BASE)) {
			assertTrue(s.covers(new Tile(BASE + 4, 7, 0, H, W)));
			assertFalse(s.covers(new Tile(BASE + 3, 1, H - 1, 1, W)));
			FrameFixtures.assertReadsAll(s, DType.UINT16, FrameFixtures.tiles(BASE + 4, 7, H, W, 2, 2));
		}
	}

	@Test
	void tilesOutsideTheFramesOrOfAnotherShapeAreRejected() {
		try (BufferFrameSource s = source(gapped(DType.FLOAT32, true), false)) {
			final float[] dst = new float[H * W * 20];
			assertThrows(LayoutException.class, () -> s.read(new Tile(BASE - 1, 1, 0, H, W), dst));
			assertThrows(LayoutException.class, () -> s.read(new Tile(BASE + FRAMES - 1, 2, 0, H, W), dst));
			assertThrows(LayoutException.class, () -> s.read(new Tile(BASE, 1, 0, H, W + 1), dst));
			assertThrows(LayoutException.class, () -> s.read(new Tile(BASE, 1, 3, 3, W), dst));
			assertThrows(LayoutException.class, () -> s.read(new Tile(BASE, 2, 0, H, W), new float[H * W]));
		}
	}

	@Test
	void packedTwelveBitFramesNeedAnEvenWidth() {
		final LayoutException e = assertThrows(LayoutException.class,
				() -> FrameLayout.packed(0, 1, DType.UINT12_PACKED, false, 4, 5));
		assertTrue(e.getMessage().contains("width 5"), e.getMessage());
	}
}
