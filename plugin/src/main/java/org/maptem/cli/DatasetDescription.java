package org.maptem.cli;

import java.util.Arrays;
import java.util.List;

import org.maptem.dataset.Calibration;
import org.maptem.dataset.Dataset;
import org.maptem.dataset.DatasetMeta;
import org.maptem.dataset.Partition;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** What {@code maptem info} says about a dataset, as text for people and as JSON for scripts. */
final class DatasetDescription {

	private DatasetDescription() {
	}

	static String text(final String path, final String format, final Dataset d) {
		final DatasetMeta m = d.meta();
		final Calibration c = m.calibration();
		final List<Partition> parts = d.partitions();
		final StringBuilder s = new StringBuilder();
		s.append("path:          ").append(path).append('\n');
		s.append("format:        ").append(format).append('\n');
		s.append("shape:         nav ").append(Arrays.toString(m.navShape())).append(" × sig ")
				.append(Arrays.toString(m.sigShape())).append(" (NumPy order: scan axes, then detector height, width)\n");
		s.append("dtype:         ").append(m.dtype().n5Name()).append('\n');
		s.append("frames:        ").append(m.frameCount()).append(" of ").append(m.framePixels()).append(" pixels, ")
				.append(human(m.totalBytes())).append(" in all\n");
		s.append("scan step:     ").append(c.scanStep().length == 0 ? "not calibrated" : Arrays.toString(c.scanStep()) + " " + c.scanUnit())
				.append('\n');
		s.append("detector px:   ").append(Arrays.toString(c.detectorPixel())).append(' ').append(c.detectorUnit()).append('\n');
		s.append("camera length: ").append(Double.isNaN(c.cameraLength()) ? "unknown" : c.cameraLength() + " m").append('\n');
		s.append("beam energy:   ").append(Double.isNaN(c.beamEnergy()) ? "unknown" : c.beamEnergy() + " keV").append('\n');
		s.append("partitions:    ").append(parts.size()).append(" (").append(partitionSummary(parts, m)).append(")\n");
		s.append("storage:       ").append(d.storage()).append('\n');
		s.append("provenance:    ").append(m.provenance().format()).append(' ').append(m.provenance().files())
				.append(m.provenance().details().isEmpty() ? "" : " " + m.provenance().details()).append('\n');
		return s.toString();
	}

	static String json(final String path, final String format, final Dataset d) {
		final DatasetMeta m = d.meta();
		final Calibration c = m.calibration();
		final JsonObject o = new JsonObject();
		o.addProperty("path", path);
		o.addProperty("format", format);
		o.add("nav_shape", longs(m.navShape()));
		o.add("sig_shape", longs(new long[] { m.sigHeight(), m.sigWidth() }));
		o.addProperty("dtype", m.dtype().n5Name());
		o.addProperty("frames", m.frameCount());
		o.addProperty("bytes", m.totalBytes());
		final JsonObject cal = new JsonObject();
		cal.add("scan_step", doubles(c.scanStep()));
		cal.addProperty("scan_unit", c.scanUnit());
		cal.add("detector_pixel", doubles(c.detectorPixel()));
		cal.addProperty("detector_unit", c.detectorUnit());
		cal.addProperty("camera_length_m", Double.isNaN(c.cameraLength()) ? null : c.cameraLength());
		cal.addProperty("beam_energy_kev", Double.isNaN(c.beamEnergy()) ? null : c.beamEnergy());
		o.add("calibration", cal);
		final JsonArray parts = new JsonArray();
		for (final Partition p : d.partitions()) {
			final JsonObject po = new JsonObject();
			po.addProperty("index", p.index());
			po.addProperty("first_frame", p.firstFrame());
			po.addProperty("frames", p.frameCount());
			parts.add(po);
		}
		o.add("partitions", parts);
		o.addProperty("storage", d.storage());
		final JsonObject prov = new JsonObject();
		prov.addProperty("format", m.provenance().format());
		final JsonArray files = new JsonArray();
		m.provenance().files().forEach(files::add);
		prov.add("files", files);
		final JsonObject details = new JsonObject();
		m.provenance().details().forEach(details::addProperty);
		prov.add("details", details);
		o.add("provenance", prov);
		return new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(o);
	}

	private static String partitionSummary(final List<Partition> parts, final DatasetMeta m) {
		int min = Integer.MAX_VALUE;
		int max = 0;
		for (final Partition p : parts) {
			min = Math.min(min, p.frameCount());
			max = Math.max(max, p.frameCount());
		}
		return (min == max ? max + " frames" : min + " to " + max + " frames") + " each, up to " + human(max * m.frameBytes());
	}

	static String human(final long bytes) {
		if (bytes < 1024)
			return bytes + " B";
		final String[] units = { "KiB", "MiB", "GiB", "TiB" };
		double v = bytes;
		int u = -1;
		while (v >= 1024 && u < units.length - 1) {
			v /= 1024;
			u++;
		}
		return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
	}

	private static JsonArray longs(final long[] v) {
		final JsonArray a = new JsonArray();
		for (final long x : v)
			a.add(x);
		return a;
	}

	private static JsonArray doubles(final double[] v) {
		final JsonArray a = new JsonArray();
		for (final double x : v)
			a.add(Double.isFinite(x) ? x : null);
		return a;
	}
}
