package org.maptem.n5;

import java.nio.file.Path;

/** Where the shared real test data lives: the {@code maptem.testdata} system property, set by the build. */
public final class TestData {

	private TestData() {
	}

	public static Path root() {
		return Path.of(System.getProperty("maptem.testdata", "../../shared/testdata")).toAbsolutePath().normalize();
	}
}
