package org.maptem.udf.factories;

import org.maptem.dataset.DatasetMeta;
import org.maptem.udf.Udf;
import org.maptem.udf.com.CenterOfMassUdf;

/**
 * {@code com}: [cx cy r ri rotation flip_y regression]: centre of mass and DPC (shift, field, magnitude, divergence,
 * curl; NAV) as LiberTEM's CoMUDF; defaults: detector centre, r = inf (whole frame), ri = 0, rotation 0 degrees (alias
 * scan_rotation), flip_y false, regression -1 (none; 0 or mean: subtract the mean field, 1 or linear: subtract a
 * fitted plane, or six numbers y,x,dy/dy,dx/dy,dy/dx,dx/dx: subtract that background).
 */
public final class CenterOfMassFactory extends BuiltinFactory {

	public CenterOfMassFactory() {
		super("com", "[cx cy r ri rotation flip_y regression]: centre of mass and DPC images (shiftX/Y, fieldX/Y, "
				+ "magnitude, divergence, curl; NAV); defaults: detector centre, r = inf (whole frame), ri = 0, "
				+ "rotation = 0 degrees (alias scan_rotation), flip_y = false, regression = -1 (none; 0 or mean, 1 or "
				+ "linear, or y,x,dy/dy,dx/dy,dy/dx,dx/dx to subtract)", "magnitude", "cx", "cy", "r", "ri", "rotation",
				"scan_rotation", "flip_y", "regression");
	}

	@Override
	Udf<?> make(final Params p, final DatasetMeta meta) {
		if (p.has("rotation") && p.has("scan_rotation"))
			throw p.bad("scan_rotation", "either rotation or its alias scan_rotation, not both", "both given");
		final double cx = Geometry.cx(p, meta);
		final double cy = Geometry.cy(p, meta);
		final double r = p.numberOrInfinity("r", Double.POSITIVE_INFINITY);
		final double ri = p.number("ri", 0);
		final CenterOfMassUdf region = ri > 0 ? CenterOfMassUdf.inRing(cx, cy, ri, r)
				: Double.isInfinite(r) ? CenterOfMassUdf.wholeFrame(cx, cy) : CenterOfMassUdf.inDisk(cx, cy, r);
		final double rotation = p.has("scan_rotation") ? p.number("scan_rotation") : p.number("rotation", 0);
		final CenterOfMassUdf com = region.withScanRotation(rotation).withFlipY(p.flag("flip_y", false));
		return p.has("regression") ? withRegression(com, p) : com;
	}

	/** LiberTEM's codes -1, 0, 1, their names, or a given background of six numbers. */
	private static CenterOfMassUdf withRegression(final CenterOfMassUdf com, final Params p) {
		final String[] options = { "-1", "none", "0", "mean", "1", "linear" };
		if (p.text("regression").contains(","))
			return com.withRegression(p.numbers("regression"));
		return switch (p.choice("regression", "-1", options)) {
		case "-1", "none" -> com.withRegression(CenterOfMassUdf.Regression.NONE);
		case "0", "mean" -> com.withRegression(CenterOfMassUdf.Regression.SUBTRACT_MEAN);
		default -> com.withRegression(CenterOfMassUdf.Regression.SUBTRACT_LINEAR);
		};
	}
}
