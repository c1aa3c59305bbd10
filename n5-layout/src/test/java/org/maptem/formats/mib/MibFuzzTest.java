package org.maptem.formats.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.maptem.dataset.OpenOptions;
import org.maptem.formats.HeaderFuzzer;

/**
 * Mutated Merlin files (truncations, bit flips and absurd integers in the first frame header, or in the
 * {@code .hdr}) either open and read or fail with a {@link org.maptem.dataset.LayoutException} naming the file:
 * 300 mutations per file.
 */
class MibFuzzTest {

	private static final int TRUNCATIONS = 40;
	private static final int FLIPS = 200;
	private static final int ABSURD = 60;

	@TempDir
	Path dir;

	@ParameterizedTest(name = "{0}")
	@CsvSource({
			"001_4x2_6bit, 384",
			"002_merlin_test_roi_sig256x128_nav4x2_hot_pixel_52x_39y, 384",
			"Quad_1_Frame_CounterDepth_12_Rows_256, 768",
			"Single_9_Frame_CounterDepth_1_Rows_256RAW, 384",
			"Quad_1_Frame_CounterDepth_1_Rows_256RAW, 768" })
	void mutatedFrameHeadersFailWithTheFileNamed(final String name, final int headerBytes) throws IOException {
		final Path mib = ReferenceEntry.byId("mib/" + name).file();
		Files.copy(mib.resolveSibling(name + ".hdr"), dir.resolve(name + ".hdr"));
		final int n = HeaderFuzzer.of(mib, headerBytes, name.hashCode()).counts(TRUNCATIONS, FLIPS, ABSURD)
				.run(dir, HeaderFuzzer.detecting());
		assertEquals(TRUNCATIONS + FLIPS + ABSURD, n);
	}

	@ParameterizedTest(name = "{0}.hdr, opening the {1}")
	@CsvSource({ "001_4x2_6bit, mib", "Quad_1_Frame_CounterDepth_1_Rows_256RAW, hdr" })
	void mutatedHdrFilesFailWithTheFileNamedOrAreIgnored(final String name, final String open) throws IOException {
		final Path mib = ReferenceEntry.byId("mib/" + name).file();
		final Path hdr = mib.resolveSibling(name + ".hdr");
		Files.copy(mib, dir.resolve(name + ".mib"));
		final Path target = dir.resolve(name + "." + open);
		final int n = HeaderFuzzer.of(hdr, (int) Files.size(hdr), name.hashCode()).counts(TRUNCATIONS, FLIPS, ABSURD)
				.run(dir, mutated -> MibDataset.open(target, OpenOptions.DEFAULTS));
		assertEquals(TRUNCATIONS + FLIPS + ABSURD, n);
	}
}
