package io.vivarium.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The API over HTTP against a real small colony running in this process: actions, frames, the stream. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ZooLiveTest {
  @TempDir static Path tmp;
  static LiveColony live;
  static Http http;

  @BeforeAll
  static void start() {
    live = new LiveColony(tmp.resolve("colony"), "");
    http = new Http(live.zoo.port());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    live.close();
  }

  @Test
  void metricsShowTheRunningColony() {
    waitFor("/api/colony", j -> j.get("stepsPerSecond").asDouble() > 0);
    String body = http.get("/metrics").body();
    assertThat(body).containsPattern("(?m)^vivarium_live 1\\.0$");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^vivarium_steps_per_second (\\S+)$").matcher(body);
    assertThat(m.find()).as(body).isTrue();
    assertThat(Double.parseDouble(m.group(1))).as("a live colony's steps/s").isPositive();
    assertThat(body).contains("vivarium_agents{state=\"alive\"}");
  }

  @Test
  void hibernateAndWakeChangeTheAgentsState() {
    Http.Reply r = http.postJson("/api/agents/a0002/hibernate", "{}");
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    long id = r.json().get("request").asLong();
    JsonNode done = waitFor("/api/requests/" + id, j -> !j.get("result").isNull());
    assertThat(done.get("result").asText()).isEqualTo("ok");
    assertThat(http.get("/api/agents/a0002").json().get("agent").get("state").asText()).isEqualTo("hibernating");
    r = http.postJson("/api/agents/a0002/wake", "{}");
    assertThat(waitFor("/api/requests/" + r.json().get("request").asLong(), j -> !j.get("result").isNull())
        .get("result").asText()).isEqualTo("ok");
    assertThat(http.get("/api/agents/a0002").json().get("agent").get("state").asText()).isEqualTo("alive");
  }

  @Test
  void rewardTalkAndVoteAreApplied() {
    long reward = http.postJson("/api/agents/a0001/reward", "{\"value\": 2.5}").json().get("request").asLong();
    long talk = http.postJson("/api/agents/a0001/talk", "{\"text\": \"hello a0001\"}").json().get("request").asLong();
    long vote = http.postJson("/api/agents/a0001/vote", "{\"voter\": \"tester\"}").json().get("request").asLong();
    for (long id : List.of(reward, talk, vote)) {
      JsonNode r = waitFor("/api/requests/" + id, j -> !j.get("result").isNull());
      assertThat(r.get("result").asText()).as(r.toString()).isNotBlank();
    }
    assertThat(http.get("/api/requests/" + talk).json().get("result").asText()).isEqualTo("ok");
    assertThat(http.get("/api/requests/" + reward).json().get("result").asText()).isEqualTo("ok");
    JsonNode frame = waitFor("/api/agents/a0001/frame", j -> j.get("textIn").asText().equals("hello a0001"));
    assertThat(frame.get("view").get("side").asInt()).isPositive();
    assertThat(http.get("/api/events?kind=talk").json().toString()).contains("hello a0001");
  }

  @Test
  void actionsOnUnknownAgentsOrWithBadArgumentsAre4xx() {
    assertThat(http.postJson("/api/agents/zz99/kill", "{}").status()).isEqualTo(404);
    assertThat(http.postJson("/api/agents/a0001/reward", "{\"value\": -1e300}").status()).isEqualTo(400);
    assertThat(http.postJson("/api/agents/a0001/talk", "{\"text\": 5}").status()).isEqualTo(400);
    assertThat(http.get("/api/agents/zz99/frame").status()).isEqualTo(404);
  }

  @Test
  void theStreamCarriesFramesThatChangeAndEvents() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + live.zoo.port()
        + "/api/stream?agent=a0001")).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(120)).build();
    HttpResponse<InputStream> res = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
    ObjectMapper json = new ObjectMapper();
    List<Long> steps = new ArrayList<>();
    boolean sawStats = false;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
      String event = "";
      for (String line; (line = in.readLine()) != null; ) {
        if (line.startsWith("event:")) {
          event = line.substring(6).trim();
        } else if (line.startsWith("data:") && event.equals("frame")) {
          JsonNode f = json.readTree(line.substring(5));
          assertThat(f.get("agent").asText()).isEqualTo("a0001");
          long s = f.get("envSteps").asLong();
          if (steps.isEmpty() || steps.get(steps.size() - 1) != s) {
            steps.add(s);
          }
        } else if (line.startsWith("data:") && event.equals("stats")) {
          sawStats = true;
          assertThat(json.readTree(line.substring(5)).get("clients").asInt()).isPositive();
        }
        if (steps.size() >= 2 && sawStats) {
          break;
        }
      }
    }
    assertThat(steps).as("the live frame follows the agent's steps").hasSizeGreaterThanOrEqualTo(2).isSorted();
  }

  /** Polls {@code path} until {@code done} holds for its JSON (the colony applies requests at turn boundaries). */
  static JsonNode waitFor(String path, Predicate<JsonNode> done) {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (true) {
      Http.Reply r = http.get(path);
      if (r.status() == 200 && done.test(r.json())) {
        return r.json();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting on " + path + "; last reply " + r.status() + " " + r.body());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
