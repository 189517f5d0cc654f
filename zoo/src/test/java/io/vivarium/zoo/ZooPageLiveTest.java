package io.vivarium.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The page in a real headless chromium over a running real colony: the live view and the controls. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ZooPageLiveTest {
  @TempDir static Path tmp;
  static LiveColony live;
  static Browser browser;

  @BeforeAll
  static void start() {
    live = new LiveColony(tmp.resolve("colony"), "");
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
  void theAgentsLiveViewChanges() {
    browser.open(live.zoo.url() + "#/agent/a0001");
    WebElement world = browser.find("#world");
    WebElement info = browser.find("#frame-info");
    browser.until(d -> info.getAttribute("data-steps") != null);
    int frames = Integer.parseInt(world.getAttribute("data-frames")); // first: a frame between the reads counts after
    String first = info.getAttribute("data-steps");
    browser.until(d -> !first.equals(info.getAttribute("data-steps")));
    assertThat(Integer.parseInt(world.getAttribute("data-frames"))).isGreaterThan(frames);
    assertThat(browser.text("#last-action")).matches("\\[\\d+\\] \"[LRF]\".*");
    browser.screenshot("agent-live");
  }

  @Test
  void hibernateChangesTheStateBadge() {
    browser.open(live.zoo.url() + "#/agent/a0002");
    browser.until(d -> d.findElement(By.cssSelector("#agent-state [data-state]")).getText().equals("alive"));
    browser.find("#btn-hibernate").click();
    browser.until(d -> d.findElement(By.id("toast")).getText().contains("queued"));
    browser.until(d -> d.findElement(By.cssSelector("#agent-state [data-state]")).getText().equals("hibernating"));
    browser.screenshot("agent-hibernated");
    browser.find("#btn-wake").click();
    browser.until(d -> d.findElement(By.cssSelector("#agent-state [data-state]")).getText().equals("alive"));
  }

  @Test
  void overviewShowsTheLiveColony() {
    browser.open(live.zoo.url());
    browser.find("#agents-table tr[data-agent='a0001']");
    assertThat(browser.text("#mode")).isEqualTo("live");
    browser.until(d -> Integer.parseInt(d.findElement(By.id("throughput-chart")).getAttribute("data-points")) > 0);
    browser.screenshot("overview-live");
  }
}
