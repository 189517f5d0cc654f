package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.EpisodeRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.runtime.Colony;
import io.vivarium.core.config.ConfigResolver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The colony commands on a small real colony grown in a temporary directory. */
class ColonyCommandsTest {
  @TempDir static Path tmp;
  private static Path data;
  private static List<AgentRow> agents;

  @BeforeAll
  static void growColony() {
    data = tmp.resolve("colony");
    try (Colony c = new Colony(new DataDir(data), ConfigResolver.resolve(null, List.of("colony.agents=2",
        "colony.maxAgents=4", "colony.replicateEvery=1", "colony.protectTurns=1", "world.preset=gold-bare-5x5",
        "world.batch=4", "bus.enabled=false")), l -> {})) {
      c.runRounds(2);
    }
    try (Registry r = Registry.openReadOnly(new DataDir(data).registry())) {
      agents = r.agents();
    }
  }

  private static String alive(int k) {
    return agents.stream().filter(a -> a.state() == AgentState.ALIVE).map(AgentRow::id).toList().get(k);
  }

  @Test
  void agentsListsEveryAgentAsTableAndJson() throws Exception {
    Result table = run(data, "agents");
    assertThat(table.code).isZero();
    assertThat(table.out.lines().findFirst().orElseThrow()).contains("id", "parent", "gen", "state", "fitness", "episodes",
        "flags");
    for (AgentRow a : agents) {
      assertThat(table.out).contains(a.id());
    }
    JsonNode json = new ObjectMapper().readTree(run(data, "agents", "--json").out);
    assertThat(json.isArray()).isTrue();
    assertThat(json.size()).isEqualTo(agents.size());
    assertThat(json.get(0).fieldNames()).toIterable().contains("id", "parent", "generation", "state", "fitness",
        "episodes", "flags");
    long episodes = 0;
    for (JsonNode a : json) {
      episodes += a.get("episodes").asLong();
    }
    assertThat(episodes).as("episodes recorded").isPositive();
  }

  @Test
  void agentsShowsTheLearningHealthFlags() throws Exception {
    String id = agents.get(0).id();
    try (Registry r = Registry.open(new DataDir(data).registry())) {
      for (int i = 0; i < 20; i++) {
        r.addMetric(id, 1_000_000 + i, "explained_variance", -0.25);
      }
    }
    JsonNode json = new ObjectMapper().readTree(run(data, "agents", "--json").out);
    for (JsonNode a : json) {
      assertThat(a.get("flags").isArray()).isTrue();
      assertThat(a.get("flags").toString().contains("\"value not learning\"")).isEqualTo(a.get("id").asText().equals(id));
    }
    assertThat(run(data, "agents").out.lines().filter(l -> l.startsWith(id + " ")).findFirst().orElseThrow())
        .contains("value not learning");
  }

  @Test
  void statusJsonHasTheIssuesKeys() throws Exception {
    JsonNode s = new ObjectMapper().readTree(run(data, "status", "--json").out);
    assertThat(s.fieldNames()).toIterable().contains("agents", "max_generation", "median_success_rate",
        "steps_per_second", "latest_checkpoint");
    assertThat(s.get("agents").get("alive").asInt()).isPositive();
    assertThat(s.get("max_generation").asInt()).isEqualTo(agents.stream().mapToInt(AgentRow::generation).max().orElse(0));
    assertThat(s.get("median_success_rate").asDouble()).isBetween(0.0, 1.0);
    assertThat(s.get("steps_per_second").asDouble()).isPositive();
    assertThat(s.get("latest_checkpoint").get("agent").asText()).isNotEmpty();
  }

  @Test
  void lineageDrawsTheTreeAndOneAgent() {
    String tree = run(data, "lineage").out;
    for (AgentRow a : agents) {
      assertThat(tree).containsOnlyOnce(a.id() + "  gen");
    }
    AgentRow child = agents.stream().filter(a -> a.parent() != null).findFirst().orElseThrow();
    assertThat(run(data, "lineage", child.id()).out).startsWith("ancestry: ").contains(child.parent() + " → " + child.id());
    Result unknown = run(data, "lineage", "a9999");
    assertThat(unknown.code).isEqualTo(Main.FAILURE);
    assertThat(unknown.err).contains("no agent a9999");
  }

  @Test
  void replayPlaysTheLatestEpisodeAndWritesPngs() throws Exception {
    String a = episodeAgent();
    Result r = run(data, "replay", a);
    assertThat(r.code).as(r.err).isZero();
    assertThat(r.out).contains("step 0/", "replayed return").contains("episode ");
    Path pngs = tmp.resolve("frames-" + a);
    Result p = run(data, "replay", a, "--png-dir", pngs.toString());
    assertThat(p.code).as(p.err).isZero();
    try (var files = Files.list(pngs)) {
      assertThat(files.count()).isGreaterThan(1);
    }
    assertThat(run(data, "replay", a, "999999").err).contains("has no episode 999999");
    assertThat(run(data, "replay", "a9999").err).contains("no agent a9999");
  }

  private static String episodeAgent() {
    try (Registry r = Registry.openReadOnly(new DataDir(data).registry())) {
      return r.episodes().before(null, Long.MAX_VALUE, 1).stream().map(EpisodeRow::agent).findFirst().orElse(null);
    }
  }

  @Test
  void lifecycleExportAndImportOnACopy() throws Exception {
    Path copy = tmp.resolve("copy");
    try (var files = Files.walk(data)) {
      for (Path f : files.toList()) {
        Path to = copy.resolve(data.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
    String a = alive(0);
    assertThat(run(copy, "hibernate", a).out).contains(a + " is now hibernating");
    assertThat(run(copy, "wake", a).out).contains(a + " is now alive");
    Path tar = tmp.resolve("agent.tar");
    Result ex = run(copy, "export", a, "-o", tar.toString());
    assertThat(ex.code).as(ex.err).isZero();
    assertThat(ex.out).contains("exported " + a);
    assertThat(ex.err).as("progress on stderr").containsPattern("export " + a + ": 0/\\d+ bytes\n")
        .containsPattern("export " + a + ": done, (\\d+)/\\1 bytes in \\d+:\\d\\d");
    Result im = run(copy, "import", tar.toString());
    assertThat(im.code).as(im.err).isZero();
    assertThat(im.out).contains("as i0001 (alive)");
    assertThat(run(copy, "kill", "i0001").out).contains("i0001 is now dead");
    assertThat(run(copy, "checkpoints", "--verify").code).isZero();
    Files.write(tmp.resolve("junk.tar"), new byte[] {1, 2, 3});
    Result bad = run(copy, "import", tmp.resolve("junk.tar").toString());
    assertThat(bad.code).isEqualTo(Main.FAILURE);
    assertThat(bad.err).contains("junk.tar").contains("not a sound tar archive").contains("'vivarium export'")
        .doesNotContain("Exception");
    assertThat(run(tmp.resolve("nothing"), "import", tmp.resolve("junk.tar").toString()).code).isEqualTo(Main.FAILURE);
    assertThat(tmp.resolve("nothing")).doesNotExist();
    assertThat(run(copy, "import", tmp.resolve("none.tar").toString()).err).contains("no file");
    Result taken = run(copy, "import", tar.toString(), "--id", "i0001");
    assertThat(taken.code).isEqualTo(Main.FAILURE);
    assertThat(taken.err).contains("agent i0001 already exists").doesNotContain("Exception");
    assertThat(run(tmp.resolve("empty"), "agents").err).contains("no colony in");
    Path moved = tmp.resolve("moved");
    Result fresh = run(moved, "import", tar.toString());
    assertThat(fresh.code).as(fresh.err).isZero();
    assertThat(fresh.out).contains("created the colony in").contains("as " + a + " (alive)");
    assertThat(run(moved, "agents").out).contains(a);
    assertThat(run(moved, "checkpoints", "--verify").code).isZero();
    assertThat(Files.isRegularFile(moved.resolve("config.toml"))).isTrue();
  }

  private record Result(int code, String out, String err) {}

  private static Result run(Path dir, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 2];
    all[0] = "--data";
    all[1] = dir.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    int code = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString().replace(System.lineSeparator(), "\n"), err.toString());
  }
}
