package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.bus.BusCredentials;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentState;
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
  private static final String[] SMALL = {"colony.agents=2", "colony.checkpointSeconds=1", "world.preset=gold-bare-5x5",
      "bus.port=0", "colony.replicateEvery=1000000"};
  /** The status line's shape, as the issue gives it. */
  private static final java.util.regex.Pattern STATUS = java.util.regex.Pattern.compile(
      "(?m)^gen \\d+ · agents \\d+ \\(\\d+ hibernating\\) · success \\d+% · best a\\d{4} "
          + "\\((founder|parent a\\d{4})\\) · [0-9.]+[kM]? steps/s"
          + "( · entropy [0-9.]+ bits)?( · bus down \\d+ s)?$"); // the bus's notes (docs/bus.md)

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
    assertThat(started).contains("vivarium run · starting", "agents: a0001, a0002", "stopped;");
    assertThat(STATUS.matcher(started).find()).as(started).isTrue();

    assertThat(runToEnd("status")).contains("2 alive", "checkpoints:");

    // A running colony killed with SIGKILL in the middle of its work.
    List<String> again = new ArrayList<>(List.of("run"));
    again.addAll(List.of(SMALL));
    Process p = vivarium(again.toArray(String[]::new)).start();
    BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null && !line.startsWith("gen ")) {
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
      assertThat(r.events().count("resume", null)).isGreaterThanOrEqualTo(4);
      assertThat(r.agentsByState()).containsEntry(AgentState.ALIVE, 2);
    }
  }

  @Test
  void eventsGoOutOnTheBusAndPeoplesRewardsComeIn() throws Exception {
    List<String> args = new ArrayList<>(List.of("run"));
    args.addAll(List.of(SMALL));
    Process colony = vivarium(args.toArray(String[]::new)).start();
    try {
      BufferedReader in = new BufferedReader(new InputStreamReader(colony.getInputStream(), StandardCharsets.UTF_8));
      String port = null;
      String line;
      while (port == null && (line = in.readLine()) != null) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^bus: tcp://127\\.0\\.0\\.1:(\\d+)").matcher(line);
        if (m.find()) {
          port = m.group(1);
        }
      }
      assertThat(port).as("the run names its broker").isNotNull();
      // A person listens with mosquitto_sub, and rewards a0001 with mosquitto_pub, logged in with the
      // credentials the colony wrote into its data directory; without them the broker refuses.
      BusCredentials login = BusCredentials.read(dir.resolve("data"));
      String user = login.user();
      String password = login.password();
      Process anonymous = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", port, "-q", "1",
          "-t", "vivarium/vivarium/agents/a0001/reward:from_parent", "-m", "9").redirectErrorStream(true).start();
      assertThat(anonymous.waitFor()).as("an anonymous mosquitto_pub").isNotZero();
      Process sub = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", port, "-u", user, "-P", password,
          "-t", "vivarium/vivarium/events", "-C", "1", "-W", "120").redirectErrorStream(true).start();
      String event = new String(sub.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(sub.waitFor()).as(event).isZero();
      assertThat(event).contains("\"kind\"").contains("\"agent\"");
      Process motor = new ProcessBuilder("mosquitto_sub", "-h", "127.0.0.1", "-p", port, "-u", user, "-P", password, "-v",
          "-t", "vivarium/vivarium/agents/+/motor:to_world", "-C", "1", "-W", "120").redirectErrorStream(true).start();
      String actions = new String(motor.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(motor.waitFor()).as(actions).isZero();
      assertThat(actions).matches("(?s)vivarium/vivarium/agents/a\\d{4}/motor:to_world [LRF]+\\s*");
      Process pub = new ProcessBuilder("mosquitto_pub", "-h", "127.0.0.1", "-p", port, "-u", user, "-P", password,
          "-q", "1", "-t", "vivarium/vivarium/agents/a0001/reward:from_parent", "-m", "0.5").redirectErrorStream(true).start();
      assertThat(pub.waitFor()).isZero();
      int rounds = 0;
      while (rounds < 2 && (line = in.readLine()) != null) {
        rounds += line.startsWith("gen ") ? 1 : 0;
      }
      colony.destroy(); // SIGTERM: checkpoint and exit
      assertThat(colony.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      colony.destroyForcibly();
    }
    DataDir data = new DataDir(dir.resolve("data"));
    try (Registry r = Registry.openReadOnly(data.registry())) {
      assertThat(r.events().count("reward", "a0001")).isEqualTo(1);
      assertThat(r.metrics().newest("a0001", "human_reward", 10)).containsExactly(0.5);
    }
  }

  @Test
  void badSettingsAreExplained() throws Exception {
    Path out = dir.resolve("bad.txt");
    Process p = vivarium("run", "--preset", "gold-nope").redirectOutput(out.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(1);
    assertThat(Files.readString(out)).contains("world.preset: unknown gold preset 'gold-nope'; known presets:");
    Process q = vivarium("run", "--world", "exec", "learn.method=bc+ppo").redirectOutput(out.toFile()).start();
    assertThat(q.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(out)).contains("learn.method=bc+ppo clones the world's expert, but exec");
  }
}
