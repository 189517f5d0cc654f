package io.vivarium.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.OutputRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.core.config.ZooConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The outputs API and the agent page's outputs panel over outputs written through the registry:
 * an exec agent (machine code, disassembled), a shell agent (not disassembled) and a gold agent
 * (none, so no panel), in a real headless chromium.
 */
class ZooOutputsPageTest {
  static final String DETAILS = """
      {"outcome":"signal 11 (SIGSEGV)","exit":null,"signal":11,"syscalls":3,"histogram":{"read":2,"getpid":1},
      "rewards":{"syscall-evenness":0.918,"distinct-calls":0.125}}""";
  static final String REPAIR = """
      {"world":"repair","damaged":"The cat sat sat.\\nOn the mat.","clean":"The cat sat.\\nOn the mat.",
      "operations":["duplicate_word: Word was duplicated near word index 2."],"answer":"text",
      "repaired":"The cat sat.\\nOn the mat.","diff":"--- \\n+++ \\n@@ -1,2 +1,2 @@\\n-The cat sat sat.\\n+The cat sat.\\n On the mat.\\n",
      "distance_before":4,"distance_after":0,"exact":true,"reward":1.0}""";
  @TempDir static Path tmp;
  static ZooServer zoo;
  static Http http;
  static Browser browser;

  @BeforeAll
  static void start() {
    DataDir dir = new DataDir(tmp.resolve("colony"));
    try (Registry r = Registry.open(dir.registry())) {
      r.recordStart("outputs", 7, "", "hash");
      r.putAgent(new AgentRow("a0001", null, 0, AgentState.ALIVE, "exec-machine-64", "tiny", 0, 0.5, 1, 0, null));
      r.putAgent(new AgentRow("a0002", null, 0, AgentState.ALIVE, "exec-shell-256", "tiny", 0, 0.5, 2, 0, null));
      r.putAgent(new AgentRow("a0003", null, 0, AgentState.ALIVE, "gold-bare-5x5", "tiny", 0, 0.5, 3, 0, null));
      SplittableRandom random = new SplittableRandom(17);
      List<OutputRow> rows = new ArrayList<>();
      for (int step = 0; step < 40; step++) {
        byte[] noise = new byte[16]; // mostly '"' and '\n', the seed's identity bytes, with some noise
        for (int i = 0; i < noise.length; i++) {
          noise[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : random.nextBoolean() ? '"' : '\n');
        }
        rows.add(new OutputRow("a0001", step, noise, 0.1, step % 2 == 0 ? DETAILS : "{}", 1000 + step));
      }
      rows.add(new OutputRow("a0001", 40, DisassemblyTest.GETPID, 0.918, DETAILS, 2000));
      rows.add(new OutputRow("a0002", 1, "echo hi\n".getBytes(), 0.2, "{\"other\":[1,2]}", 2000));
      r.putAgent(new AgentRow("a0004", null, 0, AgentState.ALIVE, "repair-short-single", "tiny", 0, 0.5, 4, 0, null));
      rows.add(new OutputRow("a0004", 8, "The cat sat.\nOn the mat.".getBytes(), 1.0, REPAIR, 3000));
      r.addOutputs(rows);
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
  void theApiServesHexParsedDetailsAndDisassemblyOfMachineCode() {
    JsonNode rows = http.get("/api/agents/a0001/outputs").json();
    assertThat(rows.size()).isEqualTo(Outputs.DEFAULT_LIMIT);
    JsonNode newest = rows.get(0);
    assertThat(newest.get("step").asLong()).isEqualTo(40);
    assertThat(newest.get("bytes").asText()).isEqualTo("b8 27 00 00 00 0f 05");
    assertThat(newest.get("length").asInt()).isEqualTo(7);
    assertThat(newest.get("details").get("histogram").get("read").asInt()).isEqualTo(2);
    assertThat(newest.get("details").get("exit").isNull()).isTrue();
    assertThat(newest.get("details").get("rewards").get("syscall-evenness").asDouble()).isEqualTo(0.918);
    assertThat(newest.get("disassembly").asText()).contains("mov", "syscall");
    assertThat(http.get("/api/agents/a0001/outputs?limit=512").json().size()).isEqualTo(41);
    assertThat(http.get("/api/agents/a0001/outputs?limit=3&disassemble=0").json().get(0).get("disassembly").isNull())
        .isTrue();
    JsonNode shell = http.get("/api/agents/a0002/outputs").json().get(0);
    assertThat(shell.get("disassembly").isNull()).as("a shell agent's bytes are a script").isTrue();
    assertThat(shell.get("details").get("other").size()).isEqualTo(2);
    assertThat(http.get("/api/agents/a0003/outputs").json().size()).isZero();
    assertThat(http.get("/api/agents/a0001/outputs?limit=513").status()).isEqualTo(400);
    assertThat(http.get("/api/agents/a0001/outputs?limit=0").status()).isEqualTo(400);
    assertThat(http.get("/api/agents/a0001/outputs?disassemble=2").status()).isEqualTo(400);
    assertThat(http.get("/api/agents/a9999/outputs").status()).isEqualTo(404);
  }

  @Test
  void theAgentPageShowsProgramsSyscallsIdentityBytesAndThePolarPicture() {
    browser.open(zoo.url() + "#/agent/a0001");
    browser.until(d -> d.findElement(By.id("outputs")).isDisplayed());
    browser.until(d -> d.findElement(By.cssSelector("#exec-programs details.program[open] pre.disasm")).getText()
        .contains("syscall"));
    assertThat(browser.text("#exec-programs details.program[open] pre.disasm")).contains("mov");
    assertThat(browser.text("#exec-programs details.program[open] pre.hex")).isEqualTo("b8 27 00 00 00 0f 05");
    assertThat(browser.driver.findElements(By.cssSelector("#exec-programs details.program"))).hasSize(10);
    assertThat(browser.find("#exec-syscalls rect[data-call='read']")).isNotNull();
    assertThat(browser.driver.findElements(By.cssSelector("#exec-syscalls rect"))).hasSize(2);
    String identity = browser.find("#exec-identity").getAttribute("data-bytes");
    assertThat(identity.split(",")).hasSize(16);
    assertThat(List.of(identity.split(",")).subList(0, 2)).as("'\"' and '\\n' are the identity bytes")
        .containsExactlyInAnyOrder("10", "34");
    assertThat(browser.find("#exec-polar").getAttribute("data-outputs")).isEqualTo("10");
    ((JavascriptExecutor) browser.driver).executeScript("document.getElementById('outputs').scrollIntoView()");
    browser.screenshot("agent-outputs");
  }

  @Test
  void aRepairAgentsOutputsShowThePassageOperationsAnswerAndColouredDiff() {
    browser.open(zoo.url() + "#/agent/a0004");
    browser.until(d -> d.findElement(By.id("repair-view")).isDisplayed());
    assertThat(browser.driver.findElement(By.id("exec-view")).isDisplayed()).isFalse();
    assertThat(browser.text("#repair-outputs details.repair[open] summary")).contains("exact").contains("answer: text");
    assertThat(browser.text("#repair-outputs details.repair[open] pre.passage")).contains("The cat sat sat.");
    assertThat(browser.text("#repair-outputs details.repair[open] ul.operations li")).startsWith("duplicate_word:");
    assertThat(browser.text("#repair-outputs details.repair[open] pre.answer")).startsWith("The cat sat.");
    assertThat(browser.text("#repair-outputs pre.diff span.del")).isEqualTo("-The cat sat sat.");
    assertThat(browser.text("#repair-outputs pre.diff span.add")).isEqualTo("+The cat sat.");
    assertThat(browser.find("#repair-outputs pre.diff span.add").getCssValue("color"))
        .isNotEqualTo(browser.find("#repair-outputs pre.diff span.del").getCssValue("color"));
    browser.screenshot("agent-repair-outputs");
  }

  @Test
  void anAgentWithoutOutputsHasNoPanel() {
    browser.open(zoo.url() + "#/agent/a0003");
    browser.find("#outputs[data-newest='']"); // the page has asked for its outputs
    assertThat(browser.driver.findElement(By.id("outputs")).isDisplayed()).isFalse();
  }
}
