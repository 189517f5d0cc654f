package io.vivarium.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.ClusterBook;
import io.vivarium.colony.registry.NodeRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.core.config.ZooConfig;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The zookeeper of a colony across machines, over a SQLite registry holding node and placement
 * rows as a cluster's nodes write them (no cluster runs): the nodes API, each agent's node, the
 * Nodes panel and node column in a real headless chromium, and checkpoints served from the
 * shared directory.
 */
class ZooClusterTest {
  static final String A = "127.0.0.1:25520";
  static final String B = "127.0.0.1:25521";
  static final String C = "127.0.0.1:25522";
  static final byte[] CHECKPOINT = "not really a checkpoint, but bytes to download".getBytes();
  @TempDir static Path tmp;
  static DataDir dir;
  static String checkpointFile;
  static ZooServer zoo;
  static Http http;
  static Browser browser;

  @BeforeAll
  static void start() throws IOException {
    dir = new DataDir(tmp.resolve("node-a"), tmp.resolve("shared"), "");
    Path file = dir.shared().resolve("checkpoints/a0001/a0001-100.ckpt");
    Files.createDirectories(file.getParent());
    Files.write(file, CHECKPOINT);
    checkpointFile = dir.relative(file);
    long now = System.currentTimeMillis();
    try (Registry r = Registry.open(dir.registry())) {
      r.recordStart("spread", 7, "", "hash");
      for (String id : List.of("a0001", "a0002", "a0003")) {
        r.putAgent(new AgentRow(id, null, 0, AgentState.ALIVE, "gold-bare-5x5", "tiny", 0, 0.5, now, 0, null));
      }
      r.putAgent(new AgentRow("a0004", null, 0, AgentState.HIBERNATING, "gold-bare-5x5", "tiny", 0, 0.1, now, 0, null));
      r.addCheckpoint("a0001", 100, checkpointFile, "ab".repeat(32), CHECKPOINT.length, 0.5, now);
      ClusterBook book = r.cluster();
      book.putNode(new NodeRow(A, "0.1.0", now - 60_000, now, 123.5, 2, "up"));
      book.putNode(new NodeRow(B, "0.1.0", now - 120_000, now - 45_000, 80, 1, "up")); // killed: silent
      book.putNode(new NodeRow(C, "0.1.0", now - 120_000, now - 90_000, 0, 0, "left"));
      book.place("a0001", B); // left open by the killed node
      book.place("a0001", A); // where it resumed
      book.place("a0002", A);
      book.endPlacement(book.place("a0003", C));
    }
    zoo = ZooServer.start(new ZooConfig(true, "127.0.0.1", 0, ""), dir, null);
    http = new Http(zoo.port());
    browser = new Browser();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    zoo.close();
  }

  @Test
  void nodesListEachNodeWithItsAgentsAndTheServersClock() {
    JsonNode view = http.get("/api/nodes").json();
    JsonNode nodes = view.get("nodes");
    assertThat(nodes).extracting(n -> n.get("address").asText()).containsExactly(A, B, C);
    JsonNode a = nodes.get(0);
    assertThat(view.get("nowMillis").asLong()).isGreaterThanOrEqualTo(a.get("seenMillis").asLong());
    assertThat(a.get("version").asText()).isEqualTo("0.1.0");
    assertThat(a.get("state").asText()).isEqualTo("up");
    assertThat(a.get("stepsPerSecond").asDouble()).isEqualTo(123.5);
    assertThat(a.get("agentIds")).extracting(JsonNode::asText).containsExactly("a0001", "a0002");
    assertThat(nodes.get(1).get("agentIds")).as("a0001 moved on from the killed node").isEmpty();
    assertThat(nodes.get(2).get("state").asText()).isEqualTo("left");
    assertThat(http.get("/api/colony").json().get("nodes").asInt()).isEqualTo(3);
  }

  @Test
  void everyAgentCarriesItsNode() {
    List<String> nodes = new ArrayList<>();
    http.get("/api/agents").json().forEach(a -> nodes.add(a.get("id").asText() + "@" + a.get("node").asText()));
    assertThat(nodes).containsExactly("a0001@" + A, "a0002@" + A, "a0003@null", "a0004@null");
    JsonNode detail = http.get("/api/agents/a0001").json();
    assertThat(detail.get("agent").get("node").asText()).isEqualTo(A);
    JsonNode placements = detail.get("placements");
    assertThat(placements).extracting(p -> p.get("node").asText()).containsExactly(A, B);
    assertThat(placements.get(0).get("endedMillis").asLong()).isZero();
    assertThat(http.get("/api/agents/a0003").json().get("placements").get(0).get("endedMillis").asLong()).isPositive();
  }

  @Test
  void checkpointsDownloadFromTheSharedDirectory() {
    assertThat(dir.root().resolve(checkpointFile)).as("not under the node's own root").doesNotExist();
    long id = http.get("/api/checkpoints?agent=a0001").json().get(0).get("id").asLong();
    HttpResponse<byte[]> file = http.bytes("/api/checkpoints/" + id + "/file");
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body()).isEqualTo(CHECKPOINT);
  }

  @Test
  void aNodeWithoutItsOwnRegistryFileServesTheSharedRegistryBehindItsToken() {
    DataDir other = new DataDir(tmp.resolve("node-b"), dir.shared(), dir.registry().toString());
    try (ZooServer z = ZooServer.start(new ZooConfig(true, "127.0.0.1", 0, "t0ken"), other, null)) {
      Http h = new Http(z.port());
      assertThat(h.get("/api/nodes").status()).isEqualTo(401);
      assertThat(h.get("/api/nodes?token=t0ken").json().get("nodes")).hasSize(3);
      long id = h.get("/api/checkpoints?token=t0ken").json().get(0).get("id").asLong();
      assertThat(h.bytes("/api/checkpoints/" + id + "/file?token=t0ken").body()).isEqualTo(CHECKPOINT);
    }
    Path empty = tmp.resolve("empty.db");
    Registry.open(empty).close();
    DataDir none = new DataDir(tmp.resolve("node-c"), dir.shared(), empty.toString());
    assertThatThrownBy(() -> ZooServer.start(new ZooConfig(true, "127.0.0.1", 0, ""), none, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("records no agent");
  }

  @Test
  void aLiveNodeQueuesActionsForAgentsOfOtherNodesAndSaysWhereTheirFramesAre() {
    try (AskColony colony = new AskColony(tmp.resolve("live"));
        ZooServer z = ZooServer.start(new ZooConfig(true, "127.0.0.1", 0, ""), colony.dir, colony)) {
      colony.registry.cluster().place("a0001", B);
      Http h = new Http(z.port());
      Http.Reply frame = h.get("/api/agents/a0001/frame");
      assertThat(frame.status()).isEqualTo(404);
      assertThat(frame.json().get("error").asText()).contains("runs on node " + B);
      assertThat(h.get("/api/agents/a0002/frame").json().get("error").asText()).contains("not in memory");
      Http.Reply queued = h.postJson("/api/agents/a0001/hibernate", "{}");
      assertThat(queued.status()).as(queued.body()).isEqualTo(202);
      long request = queued.json().get("request").asLong();
      assertThat(colony.registry.request(request).action()).as("in the registry every node reads").isEqualTo("hibernate");
    }
  }

  @Test
  void theColonyPageShowsTheNodesAndEachAgentsNode() {
    browser.open(zoo.url());
    browser.find("#nodes-table tr[data-node='" + A + "']");
    browser.until(d -> d.findElements(By.cssSelector("#nodes-table tbody tr")).size() == 3);
    assertThat(browser.text("#nodes-table tr[data-node='" + A + "'] [data-state]")).isEqualTo("up");
    assertThat(browser.text("#nodes-table tr[data-node='" + B + "'] [data-state]")).isEqualTo("silent");
    assertThat(browser.text("#nodes-table tr[data-node='" + C + "'] [data-state]")).isEqualTo("left");
    assertThat(browser.text("#nodes-table tr[data-node='" + A + "'] td.agents")).isEqualTo("a0001 a0002");
    String seen = browser.text("#nodes-table tr[data-node='" + B + "'] td.seen");
    assertThat(seen).matches("\\d+ (s|min) ago");
    assertThat(seen.endsWith("min ago") || Integer.parseInt(seen.split(" ")[0]) >= 45).as(seen).isTrue();
    assertThat(browser.text("#agents-table th[data-key='node']")).isEqualTo("node");
    browser.until(d -> d.findElement(By.cssSelector("#agents-table tr[data-agent='a0002'] td.node")).getText().equals(A));
    assertThat(browser.text("#agents-table tr[data-agent='a0004'] td.node")).isEqualTo("—");
    browser.screenshot("overview-cluster");
    browser.find("#nodes-table tr[data-node='" + A + "'] td.agents a[href='#/agent/a0001']").click();
    browser.until(d -> d.getCurrentUrl().endsWith("#/agent/a0001"));
    assertThat(browser.text("#agent-node")).isEqualTo("· node " + A);
  }
}
