package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: {@code vivarium run --minutes 1} on a temporary directory, people's lifecycle
 * requests to it while it runs, then {@code status}, {@code agents}, {@code lineage} and
 * {@code replay} on what it left.
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
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("vivarium %s finished", List.of(args)).isTrue();
    return new Done(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
  }

  @Test
  void runThenLookAtTheColony() throws Exception {
    Process colony = vivarium("run", "--minutes", "1", "colony.agents=3", "colony.maxAgents=6",
        "colony.replicateEvery=2", "colony.checkpointSeconds=5", "world.preset=gold-bare-5x5", "world.batch=8",
        "bus.port=0").redirectOutput(dir.resolve("run.txt").toFile()).start();
    try {
      waitForStatusLine(dir.resolve("run.txt"), colony);
      // Requests to the running colony go through the registry and are applied between turns.
      Done hibernate = run("hibernate", "a0002");
      assertThat(hibernate.out).as(hibernate.out).contains("colony: hibernate a0002: ok");
      assertThat(hibernate.code).isZero();
      Done wake = run("wake", "a0002");
      assertThat(wake.out).as(wake.out).contains("colony: wake a0002: ok");
      assertThat(run("kill", "a0404").out).contains("no agent a0404");
      assertThat(colony.waitFor(150, TimeUnit.SECONDS)).as("run --minutes 1 ended").isTrue();
      assertThat(colony.exitValue()).as(Files.readString(dir.resolve("run.txt"))).isZero();
    } finally {
      colony.destroyForcibly();
    }

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
