package org.maptem.n5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.maptem.dataset.Calibration;
import org.maptem.dataset.DType;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.LayoutException;
import org.maptem.dataset.Provenance;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The {@code maptem} sidecar: its JSON matches the documented schema and survives a trip through JSON text. */
class SidecarTest {

	private static final Path FILE = Path.of("/data/x.n5/data/attributes.json");

	private static Sidecar sample() {
		final Calibration cal = new Calibration(new double[] { 1.5, Double.NaN }, "nm", new double[] { 0.25, 0.5 }, "mrad", Double.NaN,
				300);
		final Provenance prov = new Provenance("raw", List.of("/acq/scan.raw"), Map.of("offset", "512", "byte_order", "little"));
		final DatasetMeta meta = new DatasetMeta(new long[] { 3, 4 }, new int[] { 5, 6 }, DType.UINT16, cal, prov);
		final Map<String, String> sums = new LinkedHashMap<>();
		sums.put("0/0/0/0", "1a2b3c4d");
		sums.put("0/0/0/1", "deadbeef");
		sums.put("0/0/0/2", "00000000");
		return new Sidecar(meta, new long[] { 1, 4 }, sums, true);
	}

	@Test
	void jsonIsTheDocumentedSchemaWithUnknownNumbersAsNull() {
		final JsonElement expected = JsonParser.parseString("""
				{
				  "version": 1,
				  "nav_shape": [3, 4],
				  "sig_shape": [5, 6],
				  "dtype": "uint16",
				  "calibration": {
				    "scan_step": [1.5, null],
				    "scan_unit": "nm",
				    "detector_pixel": [0.25, 0.5],
				    "detector_unit": "mrad",
				    "camera_length_m": null,
				    "beam_energy_kev": 300.0
				  },
				  "provenance": {
				    "format": "raw",
				    "files": ["/acq/scan.raw"],
				    "details": {"byte_order": "little", "offset": "512"}
				  },
				  "partitioning": {"nav_block": [1, 4]},
				  "checksums": {
				    "algorithm": "crc32c",
				    "chunks": {"0/0/0/0": "1a2b3c4d", "0/0/0/1": "deadbeef", "0/0/0/2": "00000000"}
				  },
				  "complete": true
				}
				""");
		assertEquals(expected, sample().toJson());
		assertTrue(sample().toJson().toString().contains("\"camera_length_m\":null"), "NaN is written as JSON null");
	}

	@Test
	void roundTripsThroughJsonText() {
		final Sidecar s = sample();
		final Sidecar back = Sidecar.fromJson(JsonParser.parseString(s.toJson().toString()), FILE);
		assertEquals(s.meta(), back.meta());
		assertArrayEquals(s.navBlock(), back.navBlock());
		assertEquals(s.checksums(), back.checksums());
		assertEquals(List.copyOf(s.checksums().keySet()), List.copyOf(back.checksums().keySet()), "chunk order kept");
		assertTrue(back.complete());
		assertTrue(Double.isNaN(back.meta().calibration().cameraLength()), "null reads back as NaN");
		assertTrue(Double.isNaN(back.meta().calibration().scanStep()[1]));
	}

	@Test
	void infiniteValuesAreStoredAsUnknown() {
		final DatasetMeta meta = new DatasetMeta(new long[] { 2 }, new int[] { 2, 2 }, DType.FLOAT32,
				Calibration.UNCALIBRATED.withOptics(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY), null);
		final JsonObject json = new Sidecar(meta, new long[] { 2 }, Map.of(), false).toJson();
		assertTrue(json.getAsJsonObject("calibration").get("camera_length_m").isJsonNull());
		assertTrue(json.getAsJsonObject("calibration").get("beam_energy_kev").isJsonNull());
		final Sidecar back = Sidecar.fromJson(json, FILE);
		assertTrue(Double.isNaN(back.meta().calibration().cameraLength()));
		assertFalse(back.complete());
	}

	@Test
	void optionalPartsMayBeLeftOut() {
		final JsonObject json = sample().toJson();
		json.remove("checksums");
		json.getAsJsonObject("provenance").remove("details");
		json.getAsJsonObject("calibration").remove("camera_length_m");
		json.getAsJsonObject("calibration").remove("beam_energy_kev");
		final Sidecar s = Sidecar.fromJson(json, FILE);
		assertTrue(s.checksums().isEmpty());
		assertTrue(s.meta().provenance().details().isEmpty());
		assertTrue(Double.isNaN(s.meta().calibration().beamEnergy()));
	}

	@Test
	void integralNumbersWrittenAsFloatsAreAccepted() {
		// some JSON writers (Python's json with numpy floats, JavaScript) write 3.0 for 3
		final JsonObject json = sample().toJson();
		json.add("nav_shape", JsonParser.parseString("[3.0, 4]"));
		json.addProperty("version", 1.0);
		assertArrayEquals(new long[] { 3, 4 }, Sidecar.fromJson(json, FILE).meta().navShape());
	}

	@Test
	void errorsNameTheFileAndTheFullFieldPath() {
		final JsonObject json = sample().toJson();
		json.getAsJsonObject("calibration").addProperty("detector_unit", 5);
		final LayoutException e = assertThrows(LayoutException.class, () -> Sidecar.fromJson(json, FILE));
		assertTrue(e.getMessage().startsWith(FILE + ": field 'maptem.calibration.detector_unit': expected a string, found 5"),
				e.getMessage());
		final LayoutException notObject = assertThrows(LayoutException.class, () -> Sidecar.fromJson(JsonParser.parseString("[1]"), FILE));
		assertTrue(notObject.getMessage().contains("'maptem': expected a JSON object, found [1]"), notObject.getMessage());
	}
}
