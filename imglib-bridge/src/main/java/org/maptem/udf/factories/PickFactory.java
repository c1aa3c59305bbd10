package org.maptem.udf.factories;

import java.util.Arrays;

import org.maptem.dataset.DatasetMeta;
import org.maptem.udf.Udf;
import org.maptem.udf.pick.PickFrameUdf;

/**
 * {@code pick}: [x y z | index]: the frames at scan positions (lists separated by commas, one value repeats) or flat
 * frame indices (SIG, pick axis last for several); default: the frame at the scan centre (nx/2, ny/2).
 */
public final class PickFactory extends BuiltinFactory {

	private static final String[] AXES = { "z", "y", "x" };

	public PickFactory() {
		super("pick", "[x y z | index]: the frames at scan positions x, y (z for 3D scans) or flat indices, lists "
				+ "separated by commas (SIG, pick axis last for several); default: the scan centre (nx/2, ny/2)",
				"intensity", "x", "y", "z", "index");
	}

	@Override
	Udf<?> make(final Params p, final DatasetMeta meta) {
		final long[] index = p.integers("index");
		if (index != null) {
			for (final String a : AXES)
				if (p.has(a))
					throw p.bad("index", "either index or scan coordinates x, y, z, not both", "index and " + a);
			return check(PickFrameUdf.ofFrames(index), meta);
		}
		final long[] nav = meta.navShape();
		final int rank = nav.length;
		final long[][] lists = new long[rank][];
		int n = 1;
		for (int a = 0; a < AXES.length; a++) {
			final String name = AXES[a];
			final int axis = a - (AXES.length - rank);
			if (axis < 0) {
				if (p.has(name))
					throw p.bad(name, "no " + name + " coordinate for a scan of nav shape " + Arrays.toString(nav),
							"a value");
				continue;
			}
			final long[] given = p.integers(name);
			lists[axis] = given != null ? given : new long[] { nav[axis] / 2 };
			n = Math.max(n, lists[axis].length);
		}
		final long[][] positions = new long[n][rank];
		for (int axis = 0; axis < rank; axis++) {
			final long[] l = lists[axis];
			if (l.length != 1 && l.length != n)
				throw p.bad(AXES[axis + AXES.length - rank],
						n + " values (or one for all picks), as the other coordinates", l.length + " values");
			for (int i = 0; i < n; i++)
				positions[i][axis] = l[l.length == 1 ? 0 : i];
		}
		return check(PickFrameUdf.ofPositions(positions), meta);
	}

	/** Checks the picks against the scan now, so a bad pick fails when the command is parsed. */
	private static PickFrameUdf check(final PickFrameUdf pick, final DatasetMeta meta) {
		pick.frames(meta);
		return pick;
	}
}
