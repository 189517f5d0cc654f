package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: people's lifecycle requests to a running colony, then {@code vivarium run
 * --minutes 1} resuming it on its temporary directory, then {@code status}, {@code agents},
 * {@code lineage} and {@code replay} on what it left.
 */
class ColonyCommandsIT {
  @TempDir Path dir;

  private ProcessBuilder vivarium(String... args) {
    return Launcher.command(dir, dir.resolve("data"), args);
  }

  private record Done(int code, String out) {}

  private Done run(String... args) throws Exception {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Process p = vivarium(args).redirectOutput(out.toFile()).start();
    assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("vivarium %s finished", List.of(args)).isTrue();
    return new Done(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
  }

  @Test
  void runThenLookAtTheColony() throws Exception {
    String[] small = {"colony.agents=3", "colony.maxAgents=6", "colony.replicateEvery=2",
        "colony.checkpointSeconds=5", "world.preset=gold-bare-5x5", "world.batch=8", "bus.port=0"};
    // 1. Requests to a running colony go through the registry and are applied between turns. It
    //    runs until stopped, so that a loaded machine cannot end it before the requests arrive.
    List<String> open = new ArrayList<>(List.of("run"));
    open.addAll(List.of(small));
    Process colony = vivarium(open.toArray(String[]::new)).redirectOutput(dir.resolve("run.txt").toFile()).start();
    try {
      waitForStatusLine(dir.resolve("run.txt"), colony);
      Done hibernate = run("hibernate", "a0002");
      assertThat(hibernate.out).as(hibernate.out).contains("colony: hibernate a0002: ok");
      assertThat(hibernate.code).isZero();
      Done wake = run("wake", "a0002");
      assertThat(wake.out).as(wake.out).contains("colony: wake a0002: ok");
      assertThat(run("kill", "a0404").out).contains("no agent a0404");
      colony.destroy(); // SIGTERM: checkpoint every agent and stop
      assertThat(colony.waitFor(120, TimeUnit.SECONDS)).as("the colony stopped on SIGTERM").isTrue();
    } finally {
      colony.destroyForcibly();
    }
    // 2. vivarium run --minutes 1 resumes it and ends by itself.
    List<String> timed = new ArrayList<>(List.of("run", "--minutes", "1"));
    timed.addAll(List.of(small));
    Done minute = run(timed.toArray(String[]::new));
    assertThat(minute.code).as(minute.out).isZero();
    assertThat(minute.out).contains("resuming", "stopped;");

    ObjectMapper json = new ObjectMapper();
    JsonNode status = json.readTree(run("status", "--json").out);
    assertThat(status.fieldNames()).toIterable().contains("agents", "max_generation", "median_success_rate",
        "steps_per_second", "latest_checkpoint");
    assertThat(status.get("agents").get("alive").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(status.get("steps_per_second").asDouble()).isPositive();

    JsonNode agents = json.readTree(run("agents", "--json").out);
    assertThat(agents.size()).isGreaterThanOrEqualTo(3);
    String busiest = null;
    long most = 0;
    for (JsonNode a : agents) {
      if (a.get("episodes").asLong() > most) {
        most = a.get("episodes").asLong();
        busiest = a.get("id").asText();
      }
    }
    assertThat(busiest).as("an agent with recorded episodes").isNotNull();

    Done lineage = run("lineage");
    assertThat(lineage.code).isZero();
    assertThat(lineage.out).contains("a0001  gen 0", "a0002  gen 0", "a0003  gen 0");

    Done replay = run("replay", busiest);
    assertThat(replay.code).as(replay.out).isZero();
    assertThat(replay.out).contains("step 0/", "replayed return").doesNotContain("\033[2J");
  }

  private static void waitForStatusLine(Path log, Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && p.isAlive()) {
      if (Files.readString(log, StandardCharsets.UTF_8).lines().anyMatch(l -> l.startsWith("gen "))) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no status line from vivarium run: " + Files.readString(log, StandardCharsets.UTF_8));
  }
}
