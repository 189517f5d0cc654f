package io.vivarium.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.BlockRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.core.config.ZooConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** The blocks API and the agent page's ticks panel over blocks written through the registry, in a real headless chromium. */
class ZooWeavePageTest {
  @TempDir static Path tmp;
  static ZooServer zoo;
  static Http http;
  static Browser browser;

  @BeforeAll
  static void start() {
    DataDir dir = new DataDir(tmp.resolve("colony"));
    try (Registry r = Registry.open(dir.registry())) {
      r.recordStart("weave", 7, "", "hash");
      r.putAgent(new AgentRow("a0001", null, 0, AgentState.ALIVE, "repair-short-single", "tiny", 0, 0.5, 1, 0, null));
      r.putAgent(new AgentRow("a0002", null, 0, AgentState.ALIVE, "gold-bare-5x5", "tiny", 0, 0.5, 2, 0, null));
      long t = 1_722_014_570_000L;
      r.addBlocks(List.of(
          new BlockRow("a0001", 16, 0, 1, 2, "orientation", t, "# Starting tick #1 with block #2\nI will use edit.", 1, true),
          new BlockRow("a0001", 16, 0, 1, 3, "action", t, "edit\n-themusic\n+the music", 1, true),
          new BlockRow("a0001", 16, 0, 1, 4, "expectation", t, "reward > 0", 1, true),
          new BlockRow("a0001", 16, 0, 1, 5, "observation", t + 150, "answer read as edit; distance 1 -> 0, exact", 1,
              true),
          new BlockRow("a0001", 16, 0, 1, 6, "evaluation", t + 150, "no evaluator (world.evaluator is empty)", 1, true),
          new BlockRow("a0001", 32, 1, 2, 7, "observation", t + 9000, "malformed tick: the tick has no action block", 0,
              false),
          new BlockRow("a0001", 32, 1, 2, 8, "evaluation", t + 9000, "the tick was malformed: nothing to evaluate", 0,
              false)));
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
  void theApiServesBlocksNewestFirstWithSecondTimestamps() {
    JsonNode rows = http.get("/api/agents/a0001/blocks").json();
    assertThat(rows.size()).isEqualTo(7);
    assertThat(rows.get(0).get("type").asText()).isEqualTo("evaluation");
    assertThat(rows.get(0).get("wellFormed").asBoolean()).isFalse();
    assertThat(rows.get(6).get("type").asText()).isEqualTo("orientation");
    assertThat(rows.get(6).get("timestamp").asLong()).isEqualTo(1_722_014_570L);
    assertThat(rows.get(6).get("block").asLong()).isEqualTo(2);
    assertThat(http.get("/api/agents/a0001/blocks?limit=2").json().size()).isEqualTo(2);
    assertThat(http.get("/api/agents/a0002/blocks").json().size()).isZero();
    assertThat(http.get("/api/agents/a0001/blocks?limit=0").status()).isEqualTo(400);
    assertThat(http.get("/api/agents/a9999/blocks").status()).isEqualTo(404);
  }

  @Test
  void theAgentPageDrawsTicksAsTheSeedWritesThem() {
    browser.open(zoo.url() + "#/agent/a0001");
    browser.until(d -> d.findElement(By.id("weave")).isDisplayed());
    browser.until(d -> d.findElements(By.cssSelector("#weave details.tick")).size() == 2);
    assertThat(browser.find("#weave details.tick").getAttribute("data-tick")).as("newest first").isEqualTo("2");
    assertThat(browser.find("#weave details.tick").getAttribute("data-well-formed")).isEqualTo("false");
    String first = browser.driver.findElements(By.cssSelector("#weave details.tick pre.weave")).get(1).getText();
    assertThat(first).startsWith("#startblock type: orientation\n#timestamp 1722014570\n# Starting tick #1 with block #2\n"
        + "I will use edit.\n#endblock\n#startblock type: action\n#timestamp 1722014570\nedit\n-themusic\n+the music\n"
        + "#endblock");
    assertThat(first).contains("#startblock type: evaluation\n");
    assertThat(browser.text("#weave details.tick summary")).contains("tick #2", "malformed");
    browser.open(zoo.url() + "#/agent/a0002");
    browser.until(d -> d.findElement(By.cssSelector("#outputs")) != null);
    assertThat(browser.find("#weave").isDisplayed()).as("no blocks, no panel").isFalse();
  }
}
