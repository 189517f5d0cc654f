package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.EpisodeRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.runtime.Colony;
import io.vivarium.core.config.ConfigResolver;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code episodes export}, {@code lineage --json/--dot} and {@code replay --png/--gif} on a small real gold colony. */
class InteropCommandsTest {
  @TempDir static Path tmp;
  private static Path data;
  private static List<AgentRow> agents;
  private static EpisodeRow latest;

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
      latest = r.episodes().before(null, Long.MAX_VALUE, 1).getFirst();
    }
  }

  @Test
  void episodesExportWritesParquetAndCsv() throws Exception {
    Path pq = tmp.resolve("ep.parquet");
    Result r = run("episodes", "export", "--format", "parquet", "--out", pq.toString(), "--world", "gold");
    assertThat(r.code).as(r.err).isZero();
    Matcher m = Pattern.compile("exported (\\d+) episodes, (\\d+) steps, 16 columns to ").matcher(r.out);
    assertThat(m.find()).as(r.out).isTrue();
    byte[] b = Files.readAllBytes(pq);
    assertThat(new String(b, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
    assertThat(new String(b, b.length - 4, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
    Path csv = tmp.resolve("ep.csv");
    Result c = run("episodes", "export", "--format", "CSV", "-o", csv.toString(), "--agent", latest.agent(),
        "--limit", "1");
    assertThat(c.code).as(c.err).isZero();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("agent,episode,step,world,preset,level,seed,obs_text,obs_video,action,"
        + "action_name,reward,done,success,return_to_go,episode_return");
    assertThat(lines).hasSize(latest.steps() + 1);
    assertThat(lines.get(1)).startsWith(latest.agent() + "," + latest.id() + ",0,gold,gold-bare-5x5,");
    Result bad = run("episodes", "export", "--format", "xlsx", "--out", csv.toString());
    assertThat(bad.code).isEqualTo(Main.USAGE);
    assertThat(bad.err).contains("xlsx");
    Result none = run("episodes", "export", "--format", "csv", "--out", csv.toString(), "--world", "chat");
    assertThat(none.code).isEqualTo(Main.FAILURE);
    assertThat(none.err).contains("no recorded episodes in world chat").doesNotContain("Exception");
  }

  @Test
  void lineageAsJsonAndDot() throws Exception {
    JsonNode json = new ObjectMapper().readTree(run("lineage", "--json").out);
    assertThat(count(json.get("roots"))).isEqualTo(agents.size());
    AgentRow child = agents.stream().filter(a -> a.parent() != null).findFirst().orElseThrow();
    JsonNode one = new ObjectMapper().readTree(run("lineage", child.id(), "--json").out);
    assertThat(one.get("ancestry").toString()).contains("\"" + child.parent() + "\",\"" + child.id() + "\"");
    assertThat(one.get("roots").get(0).get("id").asText()).isEqualTo(child.id());
    String dot = run("lineage", "--dot").out;
    assertThat(dot).startsWith("digraph lineage {").contains("\"" + child.parent() + "\" -> \"" + child.id() + "\";");
    for (AgentRow a : agents) {
      assertThat(dot).containsOnlyOnce("  \"" + a.id() + "\" [label=");
    }
    assertThat(run("lineage", "--json", "--dot").code).isEqualTo(Main.USAGE);
    boolean graphviz = Files.isExecutable(Path.of("/usr/bin/dot"));
    Assumptions.assumeTrue(graphviz || "true".equals(System.getenv("CI")),
        "Graphviz is not installed (test.sh installs it); skipped locally only");
    Path file = tmp.resolve("tree.dot");
    Files.writeString(file, dot);
    Process p = new ProcessBuilder("dot", "-Tsvg", file.toString()).redirectErrorStream(true).start();
    String svg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(svg).isZero();
    assertThat(svg).contains("<svg").doesNotContain("Warning").doesNotContain("Error");
    for (AgentRow a : agents) {
      assertThat(svg).contains("<title>" + a.id() + "</title>");
    }
  }

  @Test
  void replayAsPngStripAndGif() throws Exception {
    String a = latest.agent();
    Path png = tmp.resolve("strip.png");
    Result r = run("replay", a, String.valueOf(latest.id()), "--png", png.toString(), "--columns", "4",
        "--scale", "3");
    assertThat(r.code).as(r.err).isZero();
    assertThat(r.out).contains("wrote " + (latest.steps() + 1) + " frames to ");
    Path gif = tmp.resolve("replay.gif");
    assertThat(run("replay", a, String.valueOf(latest.id()), "--gif", gif.toString(), "--scale", "3").code).isZero();
    ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
    int w;
    int h;
    try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
      reader.setInput(in);
      assertThat(reader.getNumImages(true)).isEqualTo(latest.steps() + 1);
      w = reader.getWidth(0);
      h = reader.getHeight(0);
      assertThat(w % 3).isZero();
    } finally {
      reader.dispose();
    }
    BufferedImage strip = ImageIO.read(png.toFile());
    int cols = Math.min(4, latest.steps() + 1);
    int rows = (latest.steps() + 1 + cols - 1) / cols;
    assertThat(strip.getWidth()).isEqualTo(cols * w + (cols - 1) * 2);
    assertThat(strip.getHeight()).isEqualTo(rows * h + (rows - 1) * 2);
    Result both = run("replay", a, "--png", png.toString(), "--gif", gif.toString());
    assertThat(both.code).isEqualTo(Main.FAILURE);
    assertThat(both.err).contains("give one of them");
  }

  private static int count(JsonNode nodes) {
    int n = 0;
    for (JsonNode node : nodes) {
      n += 1 + count(node.get("children"));
    }
    return n;
  }

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 2];
    all[0] = "--data";
    all[1] = data.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    int code = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString() + Arrays.toString(args));
  }
}
