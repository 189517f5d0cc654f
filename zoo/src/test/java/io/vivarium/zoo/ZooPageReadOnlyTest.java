package io.vivarium.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.colony.DataDir;
import io.vivarium.core.config.ZooConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The page in a real headless chromium over a stopped real colony: overview, family tree, replay. */
class ZooPageReadOnlyTest {
  @TempDir static Path tmp;
  static ZooServer zoo;
  static Browser browser;

  @BeforeAll
  static void start() {
    DataDir dir = SmallColony.stopped(tmp.resolve("colony"), 2);
    SmallColony.addLearnerStats(dir, "a0002");
    zoo = ZooServer.start(new ZooConfig(true, "127.0.0.1", 0, "pagetoken"), dir, null);
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
  void overviewListsAgentsAndSorts() {
    browser.open(zoo.url());
    browser.find("#agents-table tr[data-agent='a0001']");
    assertThat(browser.text("#mode")).isEqualTo("read-only");
    assertThat(browser.driver.findElements(By.cssSelector("#agents-table tbody tr")).size()).isGreaterThanOrEqualTo(2);
    assertThat(browser.driver.findElements(By.id("nodes-panel"))).as("one process: no Nodes panel").isEmpty();
    assertThat(browser.driver.findElements(By.cssSelector("#agents-table th[data-key='node']"))).isEmpty();
    browser.find("#agents-table th[data-key='id']").click();
    browser.until(d -> d.findElement(By.cssSelector("#agents-table tbody tr")).getAttribute("data-agent").equals("a0001"));
    browser.until(d -> Integer.parseInt(d.findElement(By.id("population-chart")).getAttribute("data-points")) > 0);
    browser.screenshot("overview-readonly");
  }

  @Test
  void familyTreeClicksThroughToTheAgent() {
    String base = zoo.url().replace("#token=pagetoken", "");
    browser.open(base);
    ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("sessionStorage.clear()");
    browser.open(base + "#/tree");
    browser.driver.navigate().refresh();
    browser.find("#token").sendKeys("pagetoken");
    browser.find("#token-ok").click();
    WebElement node = browser.find("#tree g.node[data-agent='a0001'] circle");
    assertThat(browser.driver.findElements(By.cssSelector("#tree g.node")).size()).isGreaterThanOrEqualTo(2);
    browser.screenshot("family-tree");
    node.click();
    browser.until(d -> d.getCurrentUrl().endsWith("#/agent/a0001"));
    assertThat(browser.text("#agent-state [data-state]")).isIn("alive", "dead");
  }

  @Test
  void replayPlaysPausesAndSteps() {
    browser.open(zoo.url());
    browser.find("#agents-table");
    browser.open(zoo.url().replace("#token=pagetoken", "") + "#/episodes");
    browser.find("#episodes a.replay-link");
    WebElement longest = null; // an episode of at least two steps, so that playing moves past step 1
    int most = 0;
    for (WebElement row : browser.driver.findElements(By.cssSelector("#episodes tbody tr"))) {
      int steps = Integer.parseInt(row.findElements(By.tagName("td")).get(4).getText().trim());
      if (steps > most) {
        most = steps;
        longest = row;
      }
    }
    assertThat(most).as("the colony recorded an episode of two steps or more").isGreaterThanOrEqualTo(2);
    longest.findElement(By.cssSelector("a.replay-link")).click();
    WebElement label = browser.find("#replay-t");
    assertThat(label.getText()).startsWith("step 0 /");
    browser.find("#replay-step").click();
    assertThat(label.getText()).startsWith("step 1 /");
    browser.find("#replay-play").click();
    browser.until(d -> label.getText().contains("done") || d.findElement(By.id("replay-play")).getText().equals("Play"));
    assertThat(label.getText()).doesNotStartWith("step 1 /");
    browser.screenshot("replay");
  }

  @Test
  void theAgentViewChartsLearnerStatisticsAndWarnsOfAFlag() {
    browser.open(zoo.url().replace("#token=pagetoken", "") + "#/agent/a0002");
    browser.until(d -> Integer.parseInt(d.findElement(By.id("chart-entropy")).getAttribute("data-points")) > 0);
    browser.until(d -> Integer.parseInt(d.findElement(By.id("chart-value_loss")).getAttribute("data-points")) > 0);
    browser.until(d -> Integer.parseInt(d.findElement(By.id("chart-policy_loss")).getAttribute("data-points")) > 0); // the colony's own PPO
    browser.until(d -> d.findElement(By.id("agent-flags")).isDisplayed());
    assertThat(browser.text("#agent-flags")).contains("entropy collapsed");
    browser.screenshot("agent-learning");
    browser.open(zoo.url().replace("#token=pagetoken", "") + "#/agent/a0001");
    browser.until(d -> Integer.parseInt(d.findElement(By.id("chart-approx_kl")).getAttribute("data-points")) > 0);
    assertThat(browser.driver.findElement(By.id("agent-flags")).isDisplayed()).as("a healthy learner").isFalse();
  }
}
