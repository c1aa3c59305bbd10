package org.maptem.udf.factories;

/** {@code gradx}: see {@link GradientFactory}. */
public final class GradientXFactory extends GradientFactory {

	public GradientXFactory() {
		super(true);
	}
}
