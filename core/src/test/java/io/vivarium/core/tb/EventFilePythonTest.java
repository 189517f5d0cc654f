package io.vivarium.core.tb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event file read by Debian's {@code python3-protobuf} ({@code tb/read_events.py}: the
 * {@code Event}, {@code Summary} and {@code HistogramProto} messages declared by field number,
 * parsed by protobuf's own Python decoder). Skipped with a reason when the package is missing
 * locally; in CI ({@code CI=true}) it must run.
 */
class EventFilePythonTest {
  private static final String PYTHON = "/usr/bin/python3";

  @TempDir Path dir;

  @Test
  void pythonProtobufReadsTheEvents() throws Exception {
    requirePythonProtobuf();
    long[] counts = new long[256];
    counts['L'] = 3;
    counts['R'] = 1;
    Path file;
    try (EventFile f = new EventFile(dir, 0)) {
      f.scalar("return", 128, 0.5, 1_700_000_000_000L);
      f.histogram("action_bytes", 256, Histogram.ofBytes(counts), 1_700_000_001_000L);
      file = f.path();
    }
    Path script = dir.resolve("read_events.py");
    try (InputStream in = getClass().getResourceAsStream("/tb/read_events.py")) {
      Files.write(script, in.readAllBytes());
    }
    Process p = new ProcessBuilder(PYTHON, script.toString(), file.toString()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isZero();
    List<JsonNode> events = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : out.strip().split("\n")) {
      events.add(json.readTree(line));
    }
    assertThat(events).hasSize(3);
    assertThat(events.get(0).get("file_version").asText()).isEqualTo("brain.Event:2");
    JsonNode scalar = events.get(1);
    assertThat(scalar.get("step").asLong()).isEqualTo(128);
    assertThat(scalar.get("wall_time").asDouble()).isEqualTo(1_700_000_000.0);
    assertThat(scalar.get("values").get(0).get("tag").asText()).isEqualTo("return");
    assertThat(scalar.get("values").get(0).get("simple_value").asDouble()).isEqualTo(0.5);
    JsonNode histo = events.get(2).get("values").get(0).get("histo");
    assertThat(histo.get("num").asDouble()).isEqualTo(4);
    assertThat(histo.get("min").asDouble()).isEqualTo('L');
    assertThat(histo.get("max").asDouble()).isEqualTo('R');
    assertThat(histo.get("bucket").toString()).isEqualTo("[0.0,3.0,0.0,1.0]");
    assertThat(histo.get("bucket_limit").toString()).isEqualTo("[75.5,76.5,81.5,82.5]");
  }

  private static void requirePythonProtobuf() throws Exception {
    boolean here = Files.isExecutable(Path.of(PYTHON))
        && new ProcessBuilder(PYTHON, "-c", "import google.protobuf").start().waitFor() == 0;
    if (!here) {
      assertThat(System.getenv("CI")).as("python3-protobuf is in test.sh's packages; CI must have it")
          .isNotEqualTo("true");
      assumeTrue(false, "python3-protobuf is not installed (apt-get install -y python3-protobuf)");
    }
  }
}
