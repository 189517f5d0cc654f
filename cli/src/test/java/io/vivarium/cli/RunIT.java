package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.store.Checkpoint;
import io.vivarium.colony.store.CheckpointStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job end to end: start a small colony, look at it, kill it with SIGKILL, resume it. */
class RunIT {
  private static final Path LAUNCHER = Path.of("..", "vivarium").toAbsolutePath().normalize();
  private static final String[] SMALL = {"colony.agents=2", "colony.checkpointSeconds=1", "world.preset=gold-bare-5x5"};

  @TempDir Path dir;

  private ProcessBuilder vivarium(String... args) {
    List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--data", dir.resolve("data").toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("VIVARIUM_SKIP_BUILD", "1");
    return pb;
  }

  private String runToEnd(String... args) throws Exception {
    Path out = dir.resolve("out.txt");
    Process p = vivarium(args).redirectOutput(out.toFile()).start();
    assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("vivarium %s finished", List.of(args)).isTrue();
    String text = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(text).isZero();
    return text;
  }

  @Test
  void startsLooksResumesAfterSigkill() throws Exception {
    List<String> first = new ArrayList<>(List.of("run", "--minutes", "0.05"));
    first.addAll(List.of(SMALL));
    String started = runToEnd(first.toArray(String[]::new));
    assertThat(started).contains("vivarium run · starting", "agents: a0001, a0002", "round 1", "stopped;");

    assertThat(runToEnd("status")).contains("2 alive", "checkpoints:");

    // A running colony killed with SIGKILL in the middle of its work.
    List<String> again = new ArrayList<>(List.of("run"));
    again.addAll(List.of(SMALL));
    Process p = vivarium(again.toArray(String[]::new)).start();
    BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null && !line.startsWith("round ")) {
      assertThat(line).doesNotContain("Exception");
    }
    assertThat(line).as("a status line before the kill").isNotNull();
    p.destroyForcibly();
    p.waitFor(30, TimeUnit.SECONDS);

    DataDir data = new DataDir(dir.resolve("data"));
    try (Registry r = Registry.openReadOnly(data.registry())) {
      assertThat(r.integrityCheck()).isEqualTo("ok");
    }
    CheckpointStore store = data.checkpoints();
    for (Checkpoint c : store.scan().checkpoints()) {
      assertThat(store.verify(c)).as("%s verifies", c.file()).isEmpty();
    }
    assertThat(store.scan().damaged()).isEmpty();

    List<String> resume = new ArrayList<>(List.of("run", "--minutes", "0.05"));
    resume.addAll(List.of(SMALL));
    String resumed = runToEnd(resume.toArray(String[]::new));
    assertThat(resumed).contains("vivarium run · resuming", "agents: a0001, a0002", "stopped;");
    try (Registry r = Registry.openReadOnly(data.registry())) {
      assertThat(r.scalar("SELECT COUNT(*) FROM events WHERE kind = 'resume'", 0)).isGreaterThanOrEqualTo(4);
      assertThat(r.agentsByState()).containsEntry("alive", 2);
    }
  }

  @Test
  void badSettingsAreExplained() throws Exception {
    Path out = dir.resolve("bad.txt");
    Process p = vivarium("run", "--preset", "gold-nope").redirectOutput(out.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(1);
    assertThat(Files.readString(out)).contains("world.preset 'gold-nope' is not a preset of gold; known presets:");
    Process q = vivarium("run", "learn.method=grpo").redirectOutput(out.toFile()).start();
    assertThat(q.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(out)).contains("vivarium run trains with learn.method=ppo for now");
  }
}
