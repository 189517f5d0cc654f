package io.vivarium.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.MetricRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.core.Event;
import io.vivarium.core.config.ZooConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The console's uPlot charts, tidy family tree and rough edges over a hand-written registry: a
 * colony with a seed above 2^53, 200 agents, 2,500 rows of one agent's returns (some negative),
 * recorded throughput (as a resumed colony has) and a birth event, in headless chromium.
 */
class ZooChartsPageTest {
  static final long BIG_SEED = (1L << 53) + 1; // 9007199254740993: a JavaScript number would say ...992
  static final int AGENTS = 200;
  static final int ROWS = 2_500;
  static final long LAST_STEP = ROWS * 10L;
  @TempDir static Path tmp;
  static ZooServer zoo;
  static Http http;
  static Browser browser;
  static long episode;

  @BeforeAll
  static void start() {
    DataDir dir = new DataDir(tmp.resolve("colony"));
    long now = System.currentTimeMillis();
    try (Registry r = Registry.open(dir.registry())) {
      r.recordStart("charts", BIG_SEED, "", "hash");
      agents(r);
      List<MetricRow> rows = new ArrayList<>();
      for (int i = 1; i <= ROWS; i++) { // one sample a second, the newest now; returns from −1.5 to +2.5
        long t = now - (ROWS - i) * 1000L;
        rows.add(new MetricRow("a0001", i * 10L, "return", Math.sin(i / 40.0) * 2 + 0.5, t));
        rows.add(new MetricRow("a0001", i * 10L, "success", i % 3 == 0 ? 1 : 0, t));
        if (i % 50 == 0) {
          rows.add(new MetricRow("colony", i * 10L, "steps_per_second", 900 + i % 200, t));
          rows.add(new MetricRow("a0001", i * 10L, "policy_loss", Math.cos(i / 100.0) * 0.05, t)); // below 0 too
          rows.add(new MetricRow("a0001", i * 10L, "entropy", 1.1 - i / 5000.0, t));
          rows.add(new MetricRow("a0001", i * 10L, "lr", 3e-4, t));
        }
      }
      for (int a = 2; a <= 9; a++) { // seven more of the fittest alive agents, one series each
        for (int i = 1; i <= 30; i++) {
          rows.add(new MetricRow(id(a), i, "return", a * 0.2 + Math.cos(i / 5.0) * 0.3, now - (30 - i) * 60_000L));
        }
      }
      r.addMetrics(rows);
      Map<String, Object> birth = new LinkedHashMap<>();
      birth.put("parent", "a0001");
      birth.put("generation", 1);
      birth.put("sigma", 0.02);
      birth.put("via", "replication");
      birth.put("seed", BIG_SEED);
      r.addEvent(Event.of("birth", "a0004", birth));
      // turning on the spot for 100 steps: the preset truncates it there, whatever the seed placed
      r.addEpisode("a0001", "gold", "gold-bare-5x5", 0, BIG_SEED, 100, 0.0, false, new byte[100]);
      episode = r.episodes().count(null);
    }
    zoo = ZooServer.start(new ZooConfig(true, "127.0.0.1", 0, ""), dir, null);
    http = new Http(zoo.port());
    browser = new Browser();
  }

  /** 200 agents: three founders, then each a child of an earlier one (seeded), the fittest first. */
  private static void agents(Registry r) {
    SplittableRandom random = new SplittableRandom(21);
    int[] generation = new int[AGENTS + 1];
    for (int i = 1; i <= AGENTS; i++) {
      int parent = i <= 3 ? 0 : 1 + random.nextInt(Math.min(i - 1, 12 + i / 3));
      generation[i] = parent == 0 ? 0 : generation[parent] + 1;
      AgentState state = i <= 20 ? AgentState.ALIVE : AgentState.DEAD;
      r.putAgent(new AgentRow(id(i), parent == 0 ? null : id(parent), generation[i], state, "gold-bare-5x5", "tiny",
          93_412, 3.0 - i * 0.01, 1000 + i, state == AgentState.DEAD ? 5000 + i : 0, null));
    }
  }

  private static String id(int i) {
    return String.format("a%04d", i);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    zoo.close();
  }

  @Test
  void theApiKeepsTheWholeHistoryThinnedWithTheNewestPoint() {
    JsonNode newest = http.get("/api/agents/a0001/metrics/return").json(); // the newest 2,000 by default
    assertThat(newest).hasSize(2000);
    assertThat(newest.get(newest.size() - 1).path("step").asLong()).isEqualTo(LAST_STEP);
    JsonNode all = http.get("/api/agents/a0001/metrics/return?points=2000").json();
    assertThat(all.size()).isBetween(1000, 2000);
    assertThat(all.get(all.size() - 1).path("step").asLong()).isEqualTo(LAST_STEP);
    assertThat(all.get(0).path("step").asLong()).as("from the start of its life").isLessThanOrEqualTo(20);
    JsonNode few = http.get("/api/agents/a0001/metrics/return?points=100").json();
    assertThat(few.size()).isBetween(90, 100);
    assertThat(few.get(few.size() - 1).path("step").asLong()).isEqualTo(LAST_STEP);
    for (int i = 1; i < few.size(); i++) { // evenly thinned: every k-th
      assertThat(few.get(i).path("step").asLong() - few.get(i - 1).path("step").asLong()).isEqualTo(250); // k = 2,500 / 100
    }
    JsonNode after = http.get("/api/agents/a0001/metrics/return?points=2000&after=" + (LAST_STEP - 30)).json();
    assertThat(after).hasSize(3);
    assertThat(http.get("/api/agents/a0001/metrics/return?points=0x10").status()).isEqualTo(400);
  }

  @Test
  void seedsGoOutAsExactStrings() {
    assertThat(http.get("/api/colony").json().path("seed").isTextual()).isTrue();
    assertThat(http.get("/api/colony").json().path("seed").asText()).isEqualTo("9007199254740993");
    JsonNode e = http.get("/api/episodes?limit=1").json().get(0);
    assertThat(e.path("seed").asText()).isEqualTo("9007199254740993");
    browser.open(zoo.url() + "#/replay/" + episode);
    browser.until(d -> d.findElement(By.id("replay-t")).isDisplayed());
    assertThat(browser.text("#main h2 + p")).contains("seed 9007199254740993");
    assertThat(browser.text("#colony-name")).contains("seed 9007199254740993");
  }

  @Test
  void theColonyPageChartsHoverAndManySeries() {
    browser.open(zoo.url());
    browser.until(d -> points("throughput-chart") > 0); // recorded per round: a resumed colony shows its past
    browser.until(d -> points("population-chart") > 0);
    browser.until(d -> points("fittest-chart") > 0);
    WebElement fittest = browser.find("#fittest-chart");
    assertThat(fittest.getAttribute("data-series")).isEqualTo("8");
    List<String> labels = browser.driver.findElements(By.cssSelector("#fittest-chart .u-legend .u-series th"))
        .stream().map(WebElement::getText).toList();
    assertThat(String.join(" ", labels)).contains("a0001", "a0002", "a0008");
    hover("fittest-chart");
    assertThat(browser.find("#population-chart .u-legend").getText()).contains("mean success");
    assertThat(browser.text("#card-generations")).contains("0–" + maxGeneration());
    assertThat(browser.find("#card-generations").getAttribute("title")).startsWith((maxGeneration() + 1) + " generations");
    WebElement birth = browser.find("#events .event[data-kind='birth']");
    assertThat(birth.getText()).contains("birth", "a0004", "parent a0001", "generation 1", "seed 9007199254740993").doesNotContain("{");
    browser.screenshot("charts-colony");
  }

  @Test
  void theAgentChartShowsTheNewestOf2500RowsZoomsAndLinksChildren() {
    browser.open(zoo.url() + "#/agent/a0001");
    browser.until(d -> String.valueOf(LAST_STEP).equals(d.findElement(By.id("reward-chart")).getAttribute("data-last-x")));
    double min = ((Number) js("return document.getElementById('reward-chart').chart.scales.f.min")).doubleValue();
    assertThat(min).as("negative returns drawn below zero").isLessThan(-1);
    hover("reward-chart");
    WebElement over = browser.find("#reward-chart .u-over");
    double before = ((Number) js("return document.getElementById('reward-chart').chart.scales.x.max")).doubleValue();
    new Actions(browser.driver).moveToElement(over, -over.getSize().width / 4, 0).clickAndHold()
        .moveByOffset(over.getSize().width / 8, 0).release().perform();
    browser.until(d -> ((Number) js("return document.getElementById('reward-chart').chart.scales.x.max"))
        .doubleValue() < before);
    new Actions(browser.driver).doubleClick(over).perform();
    browser.until(d -> ((Number) js("return document.getElementById('reward-chart').chart.scales.x.max"))
        .doubleValue() >= LAST_STEP);
    new org.openqa.selenium.support.ui.Select(browser.find("#reward-chart select.smoothing")).selectByValue("0.9");
    List<WebElement> children = browser.driver.findElements(By.cssSelector("#agent-children a"));
    assertThat(children).isNotEmpty();
    for (WebElement c : children) {
      assertThat(c.getText()).matches("a\\d{4}");
      assertThat(c.getAttribute("href")).endsWith("#/agent/" + c.getText());
    }
    assertThat(browser.text("#agent-children")).doesNotContain("http");
    browser.screenshot("charts-agent");
    browser.until(d -> points("chart-policy_loss") == 50 && points("chart-entropy") == 50 && points("chart-lr") == 50);
    js("document.getElementById('learning').scrollIntoView()");
    browser.screenshot("charts-learning");
  }

  @Test
  void theTreeOf200AgentsHasNoOverlappingNodes() {
    browser.open(zoo.url() + "#/tree");
    browser.until(d -> d.findElements(By.cssSelector("#tree g.node")).size() == AGENTS);
    Object overlaps = js("""
        const boxes = [...document.querySelectorAll('#tree g.node')].map(g => g.getBoundingClientRect());
        let n = 0;
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i], b = boxes[j];
          if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) n++;
        }
        return n;""");
    assertThat(((Number) overlaps).intValue()).isZero();
    double font = ((Number) js("return parseFloat(getComputedStyle(document.querySelector('#tree g.node text')).fontSize)"))
        .doubleValue();
    assertThat(font).as("labels readable at 100 %").isGreaterThanOrEqualTo(10);
    browser.screenshot("tree-200");
    double width = Double.parseDouble(browser.find("#tree").getAttribute("width"));
    browser.find("#tree-zoom-out").click();
    assertThat(Double.parseDouble(browser.find("#tree").getAttribute("width"))).isLessThan(width);
    browser.find("#tree-zoom-fit").click();
    browser.screenshot("tree-200-fit");
    browser.find("#tree g.node[data-agent='a0150'] circle").click();
    browser.until(d -> d.getCurrentUrl().endsWith("#/agent/a0150"));
  }

  private static int maxGeneration() {
    return http.get("/api/colony").json().path("maxGeneration").asInt();
  }

  private static int points(String chart) {
    return Integer.parseInt(browser.driver.findElement(By.id(chart)).getAttribute("data-points"));
  }

  /** Moves the mouse over the middle of a chart: its legend then shows the values there. */
  private static void hover(String chart) {
    WebElement over = browser.find("#" + chart + " .u-over");
    new Actions(browser.driver).moveToElement(over).perform();
    browser.until(d -> d.findElements(By.cssSelector("#" + chart + " .u-legend .u-series:not(:first-child) td.u-value"))
        .stream().anyMatch(v -> v.getText().matches("-?[0-9.]+.*")));
  }

  private static Object js(String script) {
    return ((JavascriptExecutor) browser.driver).executeScript(script);
  }
}
