package io.vivarium.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.Registry;
import io.vivarium.core.config.ZooConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} on a stopped real colony, scraped over HTTP and parsed by Prometheus's own
 * Python client (Debian's {@code python3-prometheus-client}: {@code text_string_to_metric_families}),
 * its values checked against the registry; and the console's loopback and token rule on it.
 */
class ZooMetricsTest {
  private static final String PYTHON = "/usr/bin/python3";
  /** Reads the exposition on stdin, prints {family: {type, samples: [[name, labels, value]]}} as JSON. */
  private static final String PARSE = """
      import json, sys
      from prometheus_client.parser import text_string_to_metric_families
      out = {}
      for f in text_string_to_metric_families(sys.stdin.read()):
          out[f.name] = {"type": f.type, "samples": [[s.name, s.labels, s.value] for s in f.samples]}
      print(json.dumps(out))
      """;

  @TempDir static Path tmp;
  static DataDir dir;
  static ZooServer zoo;
  static Http http;

  @BeforeAll
  static void start() {
    dir = SmallColony.stopped(tmp.resolve("colony"), 2);
    zoo = ZooServer.start(new ZooConfig(true, "127.0.0.1", 0, ""), dir, null);
    http = new Http(zoo.port());
  }

  @AfterAll
  static void stop() {
    zoo.close();
  }

  @Test
  void prometheusClientParsesTheScrapeAndTheValuesAreTheRegistrys() throws Exception {
    Http.Reply r = http.get("/metrics");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
        .startsWith("text/plain").contains("version=0.0.4"));
    JsonNode families = parse(r.body());
    assertThat(families.fieldNames()).toIterable().contains("vivarium_live", "vivarium_steps_per_second",
        "vivarium_agents", "vivarium_agent_metric", "vivarium_checkpoint_age_seconds", "vivarium_colony_metric",
        "vivarium_max_generation", "vivarium_episodes", "vivarium_checkpoints", "vivarium_memory_bytes");
    assertThat(families.get("vivarium_agents").get("type").asText()).isEqualTo("gauge");
    assertThat(value(families, "vivarium_live", Map.of())).isZero();
    try (Registry reg = Registry.openReadOnly(dir.registry())) {
      Map<AgentState, Integer> states = reg.agentsByState();
      assertThat(value(families, "vivarium_agents", Map.of("state", "alive")))
          .isEqualTo(states.get(AgentState.ALIVE).doubleValue());
      List<String> alive = reg.agents().stream().filter(a -> a.state() == AgentState.ALIVE).map(a -> a.id())
          .filter(a -> reg.metrics().latest(a, "return").isPresent()).toList(); // a newborn has had no turn yet
      assertThat(alive).isNotEmpty();
      for (String agent : alive) {
        double ret = reg.metrics().latest(agent, "return").orElseThrow();
        assertThat(value(families, "vivarium_agent_metric", Map.of("agent", agent, "name", "return")))
            .isCloseTo(ret, within(1e-9));
        double entropy = reg.metrics().latest(agent, "entropy").orElseThrow();
        assertThat(value(families, "vivarium_agent_metric", Map.of("agent", agent, "name", "entropy")))
            .as("a learner statistic").isCloseTo(entropy, within(1e-9));
        assertThat(value(families, "vivarium_checkpoint_age_seconds", Map.of("agent", agent))).isNotNegative();
      }
      assertThat(value(families, "vivarium_max_generation", Map.of())).isEqualTo(reg.maxGeneration());
      assertThat(value(families, "vivarium_checkpoints", Map.of())).isEqualTo(reg.checkpoints().count(null));
    }
    assertThat(value(families, "vivarium_colony_metric", Map.of("name", "median_success"))).isBetween(0.0, 1.0);
  }

  @Test
  void theTokenAndLoopbackRulesGuardMetrics() throws IOException {
    try (ZooServer guarded = ZooServer.start(new ZooConfig(true, "127.0.0.1", 0, "s3cret"), dir, null)) {
      Http h = new Http(guarded.port());
      assertThat(h.get("/metrics").status()).isEqualTo(401);
      assertThat(h.get("/metrics", "Authorization", "Bearer wrong").status()).isEqualTo(401);
      Http.Reply ok = h.get("/metrics", "Authorization", "Bearer s3cret");
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.body()).contains("vivarium_agents{");
      assertThat(h.get("/metrics?token=s3cret").status()).isEqualTo(200);
    }
    try (Socket s = new Socket("127.0.0.1", zoo.port())) {
      OutputStream out = s.getOutputStream();
      out.write("GET /metrics HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
      assertThat(status).as("a rebinding Host on loopback").contains("403");
    }
  }

  /** The value of the one sample of {@code family} with exactly {@code labels}. */
  private static double value(JsonNode families, String family, Map<String, String> labels) {
    JsonNode f = families.get(family);
    assertThat(f).as(family).isNotNull();
    for (JsonNode s : f.get("samples")) {
      Map<String, String> l = new ObjectMapper().convertValue(s.get(1), Map.class);
      if (l.equals(labels)) {
        return s.get(2).asDouble();
      }
    }
    throw new AssertionError("no sample of " + family + " with labels " + labels + " in " + f);
  }

  private static JsonNode parse(String exposition) throws Exception {
    boolean here = Files.isExecutable(Path.of(PYTHON)) && new ProcessBuilder(PYTHON, "-c",
        "import prometheus_client").start().waitFor() == 0;
    if (!here) {
      assertThat(System.getenv("CI")).as("python3-prometheus-client is in test.sh's packages; CI must have it")
          .isNotEqualTo("true");
      assumeTrue(false, "python3-prometheus-client is not installed (apt-get install -y python3-prometheus-client)");
    }
    Process p = new ProcessBuilder(PYTHON, "-c", PARSE).redirectErrorStream(false).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(exposition.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("prometheus_client parses the scrape: %s", err).isZero();
    return new ObjectMapper().readTree(out);
  }
}
