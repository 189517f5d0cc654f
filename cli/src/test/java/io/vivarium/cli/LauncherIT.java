package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.Registry;
import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.VivariumConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the real {@code ./vivarium} launcher (JDK discovery and all) runs the
 * distribution the build just assembled, as a user would.
 */
class LauncherIT {
  private static final Path LAUNCHER = Path.of("..", "vivarium").toAbsolutePath().normalize();

  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  private Result run(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().put("VIVARIUM_SKIP_BUILD", "1");
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("vivarium %s finished", List.of(args)).isTrue();
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void helpListsTheCommands() throws Exception {
    Result r = run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage: vivarium", "status", "config", "checkpoints", "prune", "--data=DIR");
    Result v = run("--version");
    assertThat(v.code()).isZero();
    assertThat(v.out()).startsWith("vivarium ").contains("Java ");
  }

  @Test
  void onlyTheBenchmarksThatNeedTheVectorModuleStartWithItsWarning() throws Exception {
    for (String[] args : new String[][] {{"bench", "--help"}, {"bench", "memory", "--help"}, {"memory", "--help"},
        {"bench", "world", "--help"}}) {
      Result r = run(args);
      assertThat(r.code()).isZero();
      assertThat(r.err()).as(String.join(" ", args)).doesNotContain("incubator");
    }
  }

  @Test
  void statusOnAnEmptyDirectorySaysHowToStart() throws Exception {
    Result r = run("status", "--data", dir.resolve("none").toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("no data directory").contains("vivarium run");
    assertThat(run("status", "--json", "--data", dir.resolve("none").toString()).out()).contains("\"colony\" : null");
  }

  @Test
  void statusOnAPopulatedDirectoryCountsAgentsAndCheckpoints() throws Exception {
    DataDir data = new DataDir(dir.resolve("colony"));
    VivariumConfig config = VivariumConfig.defaults();
    try (Registry reg = Registry.open(data.registry())) {
      reg.recordStart("zoo", 42, ConfigResolver.toToml(config), ConfigResolver.hash(config));
      reg.putAgent(new AgentRow("a0001", null, 0, AgentState.ALIVE, "gold-bare-6x6", "tiny", 0, 0.3, 1, 0, null));
      reg.putAgent(new AgentRow("a0002", "a0001", 1, AgentState.ALIVE, "gold-bare-6x6", "tiny", 0, 0.6, 2, 0, null));
      reg.putAgent(new AgentRow("a0003", "a0001", 1, AgentState.DEAD, "gold-bare-6x6", "tiny", 0, 0.1, 3, 4, null));
    }
    for (int step = 0; step < 3; step++) {
      data.checkpoints().write("a0002", step * 100, step == 0 ? 1.0 : 0.1, new byte[32], new byte[1000]);
    }
    Result r = run("status", "--data", data.root().toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("zoo (seed 42)", "2 alive", "1 dead", "generations:  0–1 (max generation 1, 2 in all)",
        "checkpoints:  3, latest a0002 step 200");
    Result list = run("checkpoints", "a0002", "--data", data.root().toString());
    assertThat(list.out()).contains("a0002").contains("ok").doesNotContain("DAMAGED");
    Result dry = run("prune", "--keep-last", "1", "--data", data.root().toString());
    assertThat(dry.out()).contains("dry run: 1 checkpoint(s)");
    assertThat(data.checkpoints().scan().checkpoints()).hasSize(3);
    Result yes = run("prune", "--keep-last", "1", "--yes", "--data", data.root().toString());
    assertThat(yes.out()).contains("deleted 1 checkpoint(s)");
    assertThat(data.checkpoints().scan().checkpoints()).hasSize(2); // newest and fittest
  }

  @Test
  void aBadOptionExitsWithTwoAndExplains() throws Exception {
    Result r = run("status", "--bogus");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option: '--bogus'").contains("Usage: vivarium status");
    Result missing = run("prune");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("Missing required option: '--keep-last=N'");
  }

  @Test
  void badInputIsOneClearLineWithoutAStackTrace() throws Exception {
    Result r = run("config", "colony.agnets=3");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip()).isEqualTo("vivarium: unknown configuration key 'colony.agnets' "
        + "(command line); did you mean 'colony.agents'? (vivarium config lists every key)");
    Result verbose = run("config", "colony.agents=0", "--verbose");
    assertThat(verbose.code()).isEqualTo(1);
    assertThat(verbose.err()).contains("colony.agents must be between 1 and 4096").contains("at io.vivarium");
  }

  @Test
  void configPrintsTheResolvedTree() throws Exception {
    Path file = dir.resolve("c.toml");
    Files.writeString(file, "[colony]\nagents = 9\n");
    Result r = run("--config", file.toString(), "config", "brain.threads=2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("[colony]", "agents = 9", "threads = 2");
    assertThat(run("config", "--json").out()).contains("\"agents\" : 8");
  }
}
