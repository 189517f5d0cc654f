package io.vivarium.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.Registry;
import io.vivarium.core.config.ZooConfig;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Brain sizes in the zookeeper, over a registry of hand-written agents of two sizes and one
 * from before sizes were recorded: {@code /api/sizes}, the "size against fitness" chart, the
 * family tree's size labels and node areas, and the agent page's shape, in headless chromium.
 */
class ZooSizesPageTest {
  static final long TINY = 93_412;
  static final long SMALL = 5_230;
  @TempDir static Path tmp;
  static ZooServer zoo;
  static Http http;
  static Browser browser;

  @BeforeAll
  static void start() {
    DataDir dir = new DataDir(tmp.resolve("colony"));
    try (Registry r = Registry.open(dir.registry())) {
      r.recordStart("sizes", 3, "", "hash");
      r.putAgent(row("a0001", null, 0, AgentState.DEAD, "tiny", TINY, 0.2));
      r.putAgent(row("a0002", null, 0, AgentState.ALIVE, "tiny", TINY, 0.6));
      r.putAgent(row("a0003", "a0002", 1, AgentState.ALIVE, "1L·16d·2h", SMALL, 0.812));
      r.putAgent(row("a0004", "a0002", 1, AgentState.ALIVE, "1L·16d·2h", SMALL, 0.4));
      r.putAgent(row("a0005", "a0001", 1, AgentState.DEAD, "tiny", 0, 0.1)); // recorded before sizes were
    }
    zoo = ZooServer.start(new ZooConfig(true, "127.0.0.1", 0, ""), dir, null);
    http = new Http(zoo.port());
    browser = new Browser();
  }

  private static AgentRow row(String id, String parent, int gen, AgentState state, String spec, long params,
      double fitness) {
    return new AgentRow(id, parent, gen, state, "gold-bare-5x5", spec, params, fitness, 1000 + gen, 0, null);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    zoo.close();
  }

  @Test
  void theApiListsEveryAgentOfKnownSize() {
    JsonNode sizes = http.get("/api/sizes").json();
    assertThat(sizes.path("unknown").asInt()).isEqualTo(1);
    assertThat(sizes.path("points")).hasSize(4);
    JsonNode p = sizes.path("points").get(2);
    assertThat(p.path("id").asText()).isEqualTo("a0003");
    assertThat(p.path("brain").asText()).isEqualTo("1L·16d·2h");
    assertThat(p.path("parameters").asLong()).isEqualTo(SMALL);
    assertThat(p.path("generation").asInt()).isEqualTo(1);
    assertThat(p.path("state").asText()).isEqualTo("alive");
    JsonNode agent = http.get("/api/agents/a0003").json().path("agent");
    assertThat(agent.path("parameters").asLong()).isEqualTo(SMALL);
    assertThat(agent.path("size").asText()).isEqualTo("1L·16d·2h 5.2k params");
    // the token rule holds for it as for every API path
    try (ZooServer locked = ZooServer.start(new ZooConfig(true, "127.0.0.1", 0, "s3cret-token"),
        new DataDir(tmp.resolve("colony")), null)) {
      Http h = new Http(locked.port());
      assertThat(h.get("/api/sizes").status()).isEqualTo(401);
      assertThat(h.get("/api/sizes", "Authorization", "Bearer s3cret-token").status()).isEqualTo(200);
    }
  }

  @Test
  void theColonyPageChartsSizeAgainstFitness() {
    browser.open(zoo.url());
    browser.until(d -> d.findElements(By.cssSelector("#size-chart circle.point")).size() == 4);
    Set<String> sizes = new HashSet<>();
    for (WebElement c : browser.driver.findElements(By.cssSelector("#size-chart circle.point"))) {
      sizes.add(c.getAttribute("data-parameters"));
    }
    assertThat(sizes).containsExactlyInAnyOrder(Long.toString(TINY), Long.toString(SMALL));
    double xSmall = cx("a0003");
    double xTiny = cx("a0002");
    assertThat(xSmall).isLessThan(xTiny); // fewer parameters lie left
    assertThat(browser.find("#size-chart circle.point[data-agent='a0001']").getAttribute("fill")).isEqualTo("none");
    browser.screenshot("overview-sizes");
  }

  private static double cx(String agent) {
    return Double.parseDouble(browser.find("#size-chart circle.point[data-agent='" + agent + "']").getAttribute("cx"));
  }

  @Test
  void theTreeAndTheAgentPageShowSizes() {
    browser.open(zoo.url() + "#/tree");
    assertThat(browser.text("#tree g.node[data-agent='a0003'] text.size")).isEqualTo("1L·16d·2h 5.2k");
    assertThat(browser.text("#tree g.node[data-agent='a0002'] text.size")).isEqualTo("tiny 93k");
    assertThat(browser.text("#tree g.node[data-agent='a0005'] text.size")).isEqualTo("tiny");
    double small = radius("a0003");
    double tiny = radius("a0002");
    assertThat(small).isLessThan(tiny);
    // area grows with the log of the parameter count
    assertThat(tiny * tiny / (small * small)).isCloseTo(Math.log(TINY) / Math.log(SMALL),
        org.assertj.core.data.Offset.offset(0.02));
    browser.screenshot("tree-sizes");
    browser.find("#tree g.node[data-agent='a0003'] circle").click();
    browser.until(d -> d.getCurrentUrl().endsWith("#/agent/a0003"));
    assertThat(browser.text("#agent-size")).isEqualTo("brain 1L·16d·2h 5.2k params");
  }

  private static double radius(String agent) {
    return Double.parseDouble(browser.find("#tree g.node[data-agent='" + agent + "'] circle").getAttribute("r"));
  }
}
