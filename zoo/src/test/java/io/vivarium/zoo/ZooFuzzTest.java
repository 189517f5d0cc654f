package io.vivarium.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vivarium.colony.DataDir;
import io.vivarium.core.config.ZooConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the API's path and query parameters and action bodies with Jazzer, over HTTP against a
 * stopped real colony: whatever the input, the answer is never a 5xx and always JSON with a
 * status. Bounded by {@code maxDuration}; the regression inputs run in every build.
 */
class ZooFuzzTest {
  private static final List<String> ROUTES = List.of(
      "/api/agents/%s", "/api/agents/%s/metrics", "/api/agents/a0001/metrics/%s", "/api/agents/%s/frame",
      "/api/checkpoints/%s/file", "/api/episodes/%s", "/api/requests/%s", "/api/events?after=%s",
      "/api/events?limit=%s", "/api/events?kind=%s", "/api/episodes?agent=%s&before=%s", "/api/history?buckets=%s",
      "/api/checkpoints?agent=%s&limit=%s", "/api/agents/%s/outputs?limit=%s", "/api/stream?agent=%s");
  private static final List<String> ACTIONS = List.of("hibernate", "wake", "kill", "clone", "reward", "talk", "vote");
  static Path tmp;
  static ZooServer zoo;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    tmp = Files.createTempDirectory("zoo-fuzz");
    DataDir dir = SmallColony.stopped(tmp.resolve("colony"), 1);
    zoo = ZooServer.start(new ZooConfig(true, "127.0.0.1", 0, ""), dir, null);
    http = new Http(zoo.port());
  }

  @AfterAll
  static void stop() {
    zoo.close();
  }

  @FuzzTest(maxDuration = "30s")
  void apiNeverAnswers5xx(FuzzedDataProvider data) {
    // The test talks to its own server on loopback; any other destination stays a finding.
    try (SilentCloseable loopback = BugDetectors.allowNetworkConnections(
        (host, port) -> port == zoo.port() && (host.equals("127.0.0.1") || host.equals("localhost")))) {
      request(data);
    }
  }

  private static void request(FuzzedDataProvider data) {
    Http.Reply r;
    if (data.consumeBoolean()) {
      String route = data.pickValue(ROUTES);
      String a = encode(data.consumeString(80));
      String b = encode(data.consumeRemainingAsString());
      String path = route.replaceFirst("%s", java.util.regex.Matcher.quoteReplacement(a))
          .replaceFirst("%s", java.util.regex.Matcher.quoteReplacement(b));
      if (route.startsWith("/api/stream")) {
        return; // an open stream never ends; its parameter is the agent's, fuzzed elsewhere
      }
      r = http.get(path);
    } else {
      String agent = data.consumeBoolean() ? "a0001" : encode(data.consumeString(70));
      r = http.postJson("/api/agents/" + agent + "/" + data.pickValue(ACTIONS), data.consumeRemainingAsString());
    }
    assertThat(r.status()).as(r.body()).isBetween(200, 499);
    if (r.status() >= 400) {
      assertThat(r.json().get("status").asInt()).isEqualTo(r.status());
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
