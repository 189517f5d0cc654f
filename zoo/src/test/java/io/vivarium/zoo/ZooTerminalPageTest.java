package io.vivarium.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/**
 * The page in a real headless chromium over a running colony of the terminal world: the agent's
 * live screen and keystrokes, and the replay of a recorded terminal episode.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZooTerminalPageTest {
  @TempDir static Path tmp;
  static LiveColony live;
  static Browser browser;

  @BeforeAll
  static void start() {
    live = new LiveColony(tmp.resolve("colony"), "", "colony.agents=1", "colony.maxAgents=1", "world.name=terminal",
        "world.preset=terminal-first3", "world.batch=1");
    browser = new Browser();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (browser != null) {
      browser.close();
    }
    live.close();
  }

  @Test
  void theAgentPageShowsTheScreenAndTheKeys() {
    browser.open(live.zoo.url() + "#/agent/a0001");
    String screen = browser.until(d -> nonEmpty(browser.text("#world-text"))); // one frame's text, read once
    assertThat(screen).containsPattern("(?m)^-- .+ \\| step \\d+/48 \\| cursor="); // the task and machine line
    String keys = browser.until(d -> nonEmpty(browser.text("#recent-actions")));
    assertThat(keys.split(" "))
        .allMatch(k -> k.length() == 1 || k.matches("Enter|Tab|Ctrl-C|Ctrl-U|Backspace|Up|Down|Right|Left|Space"));
    browser.until(d -> Integer.parseInt(browser.find("#world").getAttribute("width")) == 480); // the PNG drew
    browser.screenshot("terminal-agent-live");
  }

  @Test
  void aTerminalEpisodeReplaysStepByStep() {
    JsonNode episodes = browser.until(d -> {
      JsonNode list = episodes();
      return list.isEmpty() ? null : list;
    });
    long id = episodes.get(0).get("id").asLong();
    browser.open(live.zoo.url() + "#/replay/" + id);
    WebElement label = browser.find("#replay-t");
    assertThat(browser.text("main p.dim")).contains("the replay matches its record");
    assertThat(browser.text("#replay-text")).contains("task: ").contains("step 0/48");
    browser.find("#replay-step").click();
    browser.find("#replay-step").click();
    browser.until(d -> label.getText().startsWith("step 2 "));
    assertThat(browser.text("#replay-text")).contains("step 2/48");
    assertThat(browser.text("#replay-actions").split(" ")).hasSize(2);
    browser.screenshot("terminal-replay");
  }

  private static String nonEmpty(String s) {
    return s.isEmpty() ? null : s;
  }

  private static JsonNode episodes() {
    return new Http(live.zoo.port()).get("/api/episodes?limit=1").json();
  }
}
