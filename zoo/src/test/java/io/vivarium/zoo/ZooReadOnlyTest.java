package io.vivarium.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vivarium.colony.DataDir;
import io.vivarium.core.config.ZooConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API over HTTP on a stopped real colony (vivarium zoo): records, replay, bad input, access rules. */
class ZooReadOnlyTest {
  @TempDir static Path tmp;
  static DataDir dir;
  static ZooServer zoo;
  static Http http;

  @BeforeAll
  static void start() {
    dir = SmallColony.stopped(tmp.resolve("colony"), 2);
    SmallColony.addForeignEpisode(dir);
    SmallColony.addLearnerStats(dir, "a0002");
    zoo = ZooServer.start(new ZooConfig(true, "127.0.0.1", 0, ""), dir, null);
    http = new Http(zoo.port());
  }

  @AfterAll
  static void stop() {
    zoo.close();
  }

  @Test
  void servesAgentsDetailsLineageAndMetrics() {
    JsonNode agents = http.get("/api/agents").json();
    assertThat(agents.size()).isGreaterThanOrEqualTo(2);
    assertThat(agents.get(0).get("id").asText()).isEqualTo("a0001");
    JsonNode detail = http.get("/api/agents/a0001").json();
    assertThat(detail.get("agent").get("state").asText()).isEqualTo(agents.get(0).get("state").asText());
    assertThat(detail.get("children").size()).isEqualTo(count(agents, "a0001"));
    assertThat(detail.get("checkpoints").asLong()).isPositive();
    assertThat(http.get("/api/agents/a0001/metrics").json().toString()).contains("return", "success");
    JsonNode series = http.get("/api/agents/a0001/metrics/return").json();
    assertThat(series.size()).isEqualTo(2);
    assertThat(series.get(0).get("step").asLong()).isPositive();
    assertThat(detail.get("flags").size()).isZero();
    JsonNode stalled = http.get("/api/agents/a0002").json();
    assertThat(stalled.get("flags").toString()).isEqualTo("[\"entropy collapsed\"]");
    assertThat(http.get("/api/agents/a0002/metrics/entropy?limit=10").json()).hasSize(10)
        .last().satisfies(p -> assertThat(p.get("value").asDouble()).isEqualTo(0.001));
    assertThat(http.get("/api/agents/a0002/metrics/value_loss?limit=1").json().get(0).get("value").asDouble())
        .as("a limited series is the newest points").isEqualTo(1.0 / 25);
    assertThat(http.get("/api/lineage").json().size()).isEqualTo(agents.size());
    JsonNode colony = http.get("/api/colony").json();
    assertThat(colony.get("live").asBoolean()).isFalse();
    assertThat(colony.get("states").get("alive").asInt()).isPositive();
    assertThat(colony.get("nodes").asInt()).as("one process: no nodes").isZero();
    assertThat(http.get("/api/nodes").json().get("nodes")).isEmpty();
    assertThat(agents.get(0).get("node").isNull()).isTrue();
    assertThat(detail.get("placements")).isEmpty();
    JsonNode history = http.get("/api/history?buckets=5").json().get("points");
    assertThat(history.size()).isEqualTo(5);
    assertThat(history.get(4).get("population").asInt()).isPositive();
  }

  @Test
  void checkpointsListAndDownload() {
    JsonNode list = http.get("/api/checkpoints?agent=a0001").json();
    assertThat(list.size()).isPositive();
    long id = list.get(0).get("id").asLong();
    HttpResponse<byte[]> file = http.bytes("/api/checkpoints/" + id + "/file");
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body().length).isEqualTo(list.get(0).get("bytes").asInt());
    assertThat(http.get("/api/checkpoints/999999/file").status()).isEqualTo(404);
  }

  @Test
  void episodesReplayFromTheirSeedAndActions() {
    JsonNode list = http.get("/api/episodes?agent=a0002").json();
    assertThat(list.size()).isPositive();
    JsonNode episode = list.get(0);
    JsonNode replay = http.get("/api/episodes/" + episode.get("id").asLong()).json();
    assertThat(replay.get("matchesRecord").asBoolean()).isTrue();
    JsonNode frames = replay.get("frames");
    assertThat(frames.size()).isEqualTo(episode.get("steps").asInt() + 1);
    assertThat(frames.get(0).get("view").get("side").asInt()).isPositive();
    assertThat(frames.get(1).get("actionText").asText()).isIn("L", "R", "F");
    assertThat(frames.get(frames.size() - 1).get("done").asBoolean()).isTrue();
    // Actions that are not the world's: the replay is refused, not faked.
    long foreign = http.get("/api/episodes?agent=a0001&limit=1").json().get(0).get("id").asLong();
    expect(http.get("/api/episodes/" + foreign), 409, "cannot be replayed");
  }

  @Test
  void eventsArePaged() {
    JsonNode first = http.get("/api/events?limit=2").json();
    assertThat(first.size()).isEqualTo(2);
    long after = first.get(1).get("id").asLong();
    JsonNode next = http.get("/api/events?limit=2&after=" + after).json();
    assertThat(next.get(0).get("id").asLong()).isGreaterThan(after);
    assertThat(http.get("/api/events?kind=birth").json()).allSatisfy(e -> assertThat(e.get("kind").asText()).isEqualTo("birth"));
  }

  @Test
  void badInputIsAClear4xx() {
    expect(http.get("/api/agents/NOPE!"), 400, "agent id");
    expect(http.get("/api/agents/zz99"), 404, "no agent 'zz99'");
    expect(http.get("/api/agents/a0001/metrics/Bad-Name"), 400, "metric name");
    expect(http.get("/api/events?limit=abc"), 400, "limit");
    expect(http.get("/api/events?limit=0"), 400, "limit");
    expect(http.get("/api/events?after=-5"), 400, "after");
    expect(http.get("/api/events?kind=%27%3B--"), 400, "kind");
    expect(http.get("/api/checkpoints/abc/file"), 400, "cid");
    expect(http.get("/api/episodes/99999999999999999999"), 400, "eid");
    expect(http.get("/api/episodes/12345"), 404, "no episode");
    expect(http.get("/api/requests/0"), 400, "rid");
    expect(http.get("/api/nothing/here"), 404, "not found");
    expect(http.get("/api/history?buckets=100000"), 400, "buckets");
    expect(http.get("/api/agents/a0001/frame"), 409, "running colony");
  }

  @Test
  void actionsOnAStoppedColonyAre409AndChecksComeFirst() {
    expect(http.postJson("/api/agents/a0001/hibernate", "{}"), 409, "read-only");
    expect(http.postJson("/api/agents/a0001/fly", "{}"), 404, "unknown action");
    expect(http.postJson("/api/agents/a0001/reward", "{\"value\": \"lots\"}"), 400, "reward needs");
    expect(http.postJson("/api/agents/a0001/reward", "{\"value\": 1e9}"), 400, "reward needs");
    expect(http.postJson("/api/agents/a0001/talk", "{\"text\": \"\"}"), 400, "talk needs");
    expect(http.postJson("/api/agents/a0001/talk", "{oops"), 400, "not valid JSON");
    expect(http.postJson("/api/agents/a0001/talk", "[1]"), 400, "JSON object");
    expect(http.postJson("/api/agents/a0001/vote", "{\"voter\": \"a b\"}"), 400, "voter");
    expect(http.postJson("/api/agents/a0001/talk", "{\"text\": \"" + "x".repeat(100_000) + "\"}"), 413, "");
  }

  @Test
  void crossOriginActionsAreRefused() {
    expect(http.postJson("/api/agents/a0001/kill", "{}", "Origin", "http://evil.example"), 403, "cross-origin");
    expect(http.postJson("/api/agents/a0001/kill", "{}", "Sec-Fetch-Site", "cross-site"), 403, "cross-origin");
    expect(http.post("/api/agents/a0001/kill", "a=b", "Content-Type", "application/x-www-form-urlencoded"), 415, "JSON");
    // The page's own origin passes the checks (and reaches the read-only refusal).
    expect(http.postJson("/api/agents/a0001/kill", "{}", "Origin", "http://127.0.0.1:" + zoo.port(),
        "Sec-Fetch-Site", "same-origin"), 409, "read-only");
  }

  @Test
  void aForeignHostHeaderIsRefusedOnLoopback() throws Exception {
    try (Socket s = new Socket("127.0.0.1", zoo.port())) {
      OutputStream out = s.getOutputStream();
      out.write(("GET /api/agents HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
      assertThat(status).contains("403");
    }
  }

  @Test
  void aTokenGuardsEveryApiRequest() {
    try (ZooServer guarded = ZooServer.start(new ZooConfig(true, "127.0.0.1", 0, "s3cret"), dir, null)) {
      Http h = new Http(guarded.port());
      expect(h.get("/api/agents"), 401, "token");
      expect(h.get("/api/agents", "Authorization", "Bearer wrong"), 401, "token");
      assertThat(h.get("/api/agents", "Authorization", "Bearer s3cret").status()).isEqualTo(200);
      assertThat(h.get("/api/agents", "X-Zoo-Token", "s3cret").status()).isEqualTo(200);
      assertThat(h.get("/api/agents?token=s3cret").status()).isEqualTo(200);
      expect(h.postJson("/api/agents/a0001/kill?token=s3cret", "{}"), 401, "token");
      assertThat(h.get("/").status()).as("the page itself is public").isEqualTo(200);
      assertThat(guarded.url()).endsWith("#token=s3cret");
    }
  }

  @Test
  void servesThePageAndTheStream() {
    Http.Reply page = http.get("/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Zookeeper");
    assertThat(page.raw().headers().firstValue("X-Frame-Options")).contains("DENY");
  }

  private static int count(JsonNode agents, String parent) {
    int n = 0;
    for (JsonNode a : agents) {
      n += parent.equals(a.get("parent").asText()) ? 1 : 0;
    }
    return n;
  }

  @Test
  void aRequestTheWebServerRefusesGetsJsonAndAClosedConnection() {
    Http.Reply refused = http.get("/api/agents/%00");
    expect(refused, 400, "request refused by the web server");
    assertThat(refused.raw().headers().firstValue("Connection")).as("the server drops the connection: it says so")
        .hasValue("close");
    expect(http.get("/api/agents/zz99"), 404, "no agent"); // the next request is answered, on a new connection
  }

  private static void expect(Http.Reply r, int status, String text) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().get("status").asInt()).isEqualTo(status);
    assertThat(r.json().get("error").asText()).contains(text);
  }
}
