package io.vivarium.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.colony.registry.AskRow;
import io.vivarium.colony.registry.Request;
import io.vivarium.core.config.ZooConfig;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** The ask box in a real headless chromium: a person asks, sees the answer arrive and thumbs it; the API refuses bad asks. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ZooAskPageTest {
  @TempDir static Path tmp;
  static AskColony colony;
  static ZooServer zoo;

  @BeforeAll
  static void start() {
    colony = new AskColony(tmp.resolve("colony"));
    zoo = ZooServer.start(new ZooConfig(true, "127.0.0.1", 0, ""), colony.dataDir(), colony);
  }

  @AfterAll
  static void stop() {
    zoo.close();
    colony.close();
  }

  @Test
  void aPersonAsksSeesTheAnswerAndThumbsItUp() {
    try (Browser browser = new Browser()) {
      browser.open(zoo.url());
      browser.find("#ask-text").sendKeys("What is the capital of Freedonia?");
      browser.until(d -> d.findElement(By.cssSelector("#ask-agent option[value='a0002']")) != null);
      browser.find("#ask-send").click();
      AskRow asked = browser.until(d -> colony.registry.asks().recent(5).stream()
          .filter(a -> a.text().equals("What is the capital of Freedonia?")).findFirst().orElse(null));
      assertThat(asked.source()).isEqualTo("zoo");
      assertThat(asked.agent()).isEqualTo("");
      String row = "#asks-list tr[data-ask='" + asked.id() + "']";
      browser.until(d -> d.findElement(By.cssSelector(row)).getText().contains("What is the capital of Freedonia?"));
      colony.registry.asks().answer(asked.id(), "a0002", "Fredville"); // what the colony's text world does
      String answer = row + " .answer[data-agent='a0002']";
      browser.until(d -> d.findElement(By.cssSelector(answer)).getText().contains("Fredville"));
      browser.until(d -> {
        d.findElement(By.cssSelector(answer + " .thumb-up")).click();
        return true;
      });
      browser.until(d -> d.findElement(By.id("toast")).getText().contains("+1 to a0002 for ask #" + asked.id()));
      browser.until(d -> d.findElement(By.cssSelector(answer + " .reward")).getText().contains("+1"));
      browser.screenshot("ask-box");
      assertThat(colony.registry.asks().get(asked.id()).orElseThrow().reward()).isEqualTo(1);
    }
    Request reward = colony.registry.pendingRequests().get(0);
    assertThat(reward.agent()).isEqualTo("a0002");
    assertThat(reward.action()).isEqualTo("reward");
    assertThat(reward.arg()).isEqualTo("1");
  }

  @Test
  void anAskToEveryoneIsAnsweredByThePopulationsVote() {
    Http http = new Http(zoo.port());
    long id = http.postJson("/api/asks", "{\"text\": \"What is the capital of Sylvania?\", \"agent\": \"*\"}")
        .json().get("ask").asLong();
    colony.registry.asks().answer(id, "a0001", "Sylvaburg");
    colony.registry.asks().answer(id, "a0002", "Sylvaburg ");
    com.fasterxml.jackson.databind.JsonNode row = null;
    for (com.fasterxml.jackson.databind.JsonNode r : http.get("/api/asks").json()) {
      row = r.get("ask").get("id").asLong() == id ? r : row;
    }
    assertThat(row).isNotNull();
    assertThat(row.get("consensus").get("answer").asText()).isEqualTo("Sylvaburg");
    assertThat(row.get("consensus").get("share").asDouble()).isEqualTo(1.0);
    assertThat(row.get("consensus").get("tallies").get(0).get("voters")).hasSize(2);
    try (Browser browser = new Browser()) {
      browser.open(zoo.url());
      String shown = "#asks-list tr[data-ask='" + id + "'] .consensus";
      browser.until(d -> d.findElement(By.cssSelector(shown)).getText().contains("consensus: Sylvaburg"));
      assertThat(browser.find(shown).getText()).contains("100% of the vote").contains("agent a0001");
    }
  }

  @Test
  void badAsksAndThumbsAre400sThatSayWhy() {
    Http http = new Http(zoo.port());
    Http.Reply empty = http.postJson("/api/asks", "{\"text\": \"  \"}");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().get("error").asText()).contains("the question from zoo is empty");
    Http.Reply big = http.postJson("/api/asks", "{\"text\": \"" + "x".repeat(1001) + "\"}");
    assertThat(big.status()).isEqualTo(400);
    assertThat(big.json().get("error").asText()).contains("at most 1000 UTF-8 bytes; got 1001 bytes");
    Http.Reply nobody = http.postJson("/api/asks", "{\"text\": \"hi\", \"agent\": \"a0009\"}");
    assertThat(nobody.status()).isEqualTo(400);
    long id = http.postJson("/api/asks", "{\"text\": \"hi\", \"agent\": \"*\"}").json().get("ask").asLong();
    Http.Reply unanswered = http.postJson("/api/asks/" + id + "/thumb", "{\"agent\": \"a0001\", \"value\": 1}");
    assertThat(unanswered.status()).isEqualTo(400);
    assertThat(unanswered.json().get("error").asText()).contains("a0001 has not answered ask #" + id);
    assertThat(http.postJson("/api/asks/" + id + "/thumb", "{\"agent\": \"a0001\", \"value\": 5}").status())
        .isEqualTo(400);
  }
}
