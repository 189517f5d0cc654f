package io.vivarium.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Torch;
import io.vivarium.brain.TorchBrain;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.Registry;
import io.vivarium.core.config.ThinkConfig;
import io.vivarium.core.config.ZooConfig;
import io.vivarium.core.world.Recall;
import io.vivarium.lab.think.Thinker;
import io.vivarium.lab.think.ThinkJudges;
import io.vivarium.lab.think.Thought;
import io.vivarium.lab.think.ThoughtTree;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Trees of thought in the zookeeper, over a registry holding a real tree (a small brain thinking
 * about a built-in fact question, scored by the chat grader): {@code /api/thoughts}, one tree's
 * JSON, and the page drawing it as SVG with the chosen path highlighted, in headless chromium.
 */
class ZooThoughtsPageTest {
  private static final String QUESTION = "In what year was Truwais Ziklyn born?";
  @TempDir static Path tmp;
  static ZooServer zoo;
  static Http http;
  static Browser browser;
  static ThoughtTree tree;
  static long id;

  @BeforeAll
  static void start() {
    Torch.start(1, null);
    try (TorchBrain brain = TorchBrain.create(BrainShape.preset("tiny").with(2, 2, 32, 256, 0), 9)) {
      Recall recall = new Recall() {
        @Override
        public List<String> recall(String text, int k) {
          return List.of("Truwais Ziklyn | height = 181 cm");
        }

        @Override
        public void remember(String agent, String query, String conclusion, double score) {}
      };
      tree = new Thinker(brain, ThinkJudges.grader(QUESTION), ThinkJudges.GRADER, recall,
          new ThinkConfig(true, 2, 2, 3, 8, 1, 1.0, 10, 0, 1e-3, 0)).think(QUESTION, 4);
    }
    DataDir dir = new DataDir(tmp.resolve("colony"));
    try (Registry r = Registry.open(dir.registry())) {
      r.recordStart("thinkers", 3, "", "hash");
      r.putAgent(new AgentRow("a0001", null, 0, AgentState.ALIVE, "chat-facts", "tiny", 0, 0.5, 1000, 0, null));
      r.thoughts().add("a0001", "an older question?", tree.toJson(), "older", 0.1);
      id = r.thoughts().add("a0001", tree.query(), tree.toJson(), tree.conclusion(), tree.score());
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
  void theApiListsTreesAndServesOneWithItsNodes() {
    JsonNode list = http.get("/api/thoughts").json();
    assertThat(list).hasSize(2);
    assertThat(list.get(0).path("id").asLong()).isEqualTo(id);
    assertThat(list.get(0).path("query").asText()).isEqualTo(QUESTION);
    assertThat(list.get(0).has("tree")).isFalse();
    JsonNode one = http.get("/api/thoughts/" + id).json();
    assertThat(one.path("conclusion").asText()).isEqualTo(tree.conclusion());
    assertThat(one.path("tree").path("nodes")).hasSize(tree.nodes().size());
    assertThat(one.path("tree").path("judge").asText()).isEqualTo("chat grader");
    Http.Reply missing = http.get("/api/thoughts/999");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).contains("no thought 999 in this colony; GET /api/thoughts lists them");
    assertThat(http.get("/api/thoughts/x").status()).isEqualTo(400);
  }

  @Test
  void thePageDrawsTheTreeWithTheChosenPathAndShowsANodeOnHover() {
    browser.open(zoo.url() + "#/thoughts/" + id);
    browser.until(d -> d.findElements(By.cssSelector("#thought-tree g.node")).size() == tree.nodes().size());
    assertThat(browser.text("#thought-query")).isEqualTo("? " + QUESTION);
    assertThat(browser.text("#thought-conclusion")).contains("judged by chat grader").contains(tree.conclusion());
    List<Thought> path = tree.chosenPath();
    List<WebElement> chosen = browser.driver.findElements(By.cssSelector("#thought-tree g.node.chosen:not(.root)"));
    assertThat(chosen).extracting(e -> e.getAttribute("data-node"))
        .containsExactlyInAnyOrderElementsOf(path.stream().map(t -> Integer.toString(t.id())).toList());
    assertThat(browser.driver.findElements(By.cssSelector("#thought-tree path.edge.chosen"))).hasSize(path.size());
    Thought leaf = path.get(path.size() - 1);
    WebElement node = browser.find("#thought-tree g.node[data-node='" + leaf.id() + "']");
    assertThat(Double.parseDouble(node.getAttribute("data-score"))).isEqualTo(leaf.score());
    new Actions(browser.driver).moveToElement(node.findElement(By.tagName("circle"))).perform();
    browser.until(d -> d.findElement(By.id("thought-detail")).getText().startsWith("score "));
    assertThat(browser.text("#thought-detail")).contains(String.format(java.util.Locale.ROOT, "%.3f", leaf.score()));
    Thought root = tree.nodes().get(0);
    assertThat(browser.find("#thought-tree g.node.root title").getAttribute("textContent"))
        .contains("question: " + QUESTION).contains("Truwais Ziklyn | height = 181 cm");
    assertThat(root.memories()).isNotEmpty();
    assertThat(browser.driver.findElements(By.cssSelector("#thoughts-table tr[data-thought]"))).hasSize(2);
    browser.screenshot("thought");
  }
}
