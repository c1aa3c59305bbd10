package org.maptem.udf.factories;

/** {@code grady}: see {@link GradientFactory}. */
public final class GradientYFactory extends GradientFactory {

	public GradientYFactory() {
		super(false);
	}
}
