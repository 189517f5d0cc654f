package io.vivarium.cli;

import static io.vivarium.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vivarium.cli.CliRun.Result;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.OutputRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.worlds.exec.ExecutorPool;
import io.vivarium.worlds.soup.SoupCheckpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge between soup and colony: {@code vivarium soup import} (program files and a colony's
 * exec outputs as tapes) and {@code vivarium soup export} (the soup's replicators as program
 * files, run in the exec sandbox), on real small soups.
 */
class SoupBridgeCommandTest {
  @TempDir Path dir;


  /** A hand-made replicator (as in the soup's SoupMetricsTest): it copies itself into the other half of a pair. */
  static byte[] replicator() {
    byte[] t = new byte[64];
    byte[] code = ("[}}>]}.{<[.{<][" + "A".repeat(48)).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(code, 0, t, 0, code.length); // the last byte stays 0
    return t;
  }

  private String soup(String name) {
    String o = dir.resolve(name).toString();
    Result r = run("soup", "--size", "256", "--epochs", "0", "--seed", "5", "--threads", "1", "--out", o);
    assertThat(r.code()).as(r.err()).isZero();
    return o;
  }

  @Test
  void programFilesBecomeTapesAndTheirReplicatorsComeBackOut() throws Exception {
    String o = soup("s");
    Path program = dir.resolve("rep.bin");
    Files.write(program, replicator());
    Path shortOne = dir.resolve("short.bin");
    Files.write(shortOne, new byte[] {'+', '+', '.'});
    Result r = run("soup", "import", "--out", o, "--copies", "8", program.toString(), shortOne.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("imported 2 programs (0 from the colony, 2 files) as 16 tapes into the soup at "
        + "epoch 0 (256 tapes)").contains("[0, 16, 32, 48");
    byte[] bytes = SoupCheckpoint.load(Path.of(o, "soup.ckpt")).bytes();
    assertThat(Arrays.copyOfRange(bytes, 0, 64)).isEqualTo(replicator());
    assertThat(Arrays.copyOfRange(bytes, 16 * 64, 17 * 64)).isEqualTo(Arrays.copyOf(new byte[] {'+', '+', '.'}, 64));
    assertThat(Arrays.copyOfRange(bytes, 32 * 64, 33 * 64)).isEqualTo(replicator());

    Result soup = run("soup", "--resume", "--epochs", "32", "--every", "32", "--top", "4", "--threads", "1", "--out", o);
    assertThat(soup.code()).as(soup.err()).isZero();
    Path to = dir.resolve("reps");
    Result e = run("soup", "export", "--replicators", to.toString(), "--out", o);
    assertThat(e.code()).as(e.err()).isZero();
    assertThat(e.out()).containsPattern("exported [1-9]\\d* replicators of the 16 most frequent tapes");
    assertThat(Files.readAllBytes(to.resolve("replicator-01.bin"))).hasSize(64);
    List<String> tsv = Files.readAllLines(to.resolve("replicators.tsv"));
    assertThat(tsv.get(0)).isEqualTo("file\tcopies\tscore\thex");
    assertThat(tsv.get(1)).startsWith("replicator-01.bin\t");
  }

  @Test
  void aColonysExecOutputsBecomeTapes() throws Exception {
    String o = soup("c");
    Path colony = dir.resolve("colony");
    try (Registry r = Registry.open(colony.resolve(Registry.FILE))) {
      r.recordStart("bridge", 1, "", "hash");
      r.putAgent(new AgentRow("a0001", null, 0, AgentState.ALIVE, "exec-machine", "tiny", 1000, 0.1, 1000, 0, null));
      r.putAgent(new AgentRow("a0002", null, 0, AgentState.ALIVE, "gold-bare-5x5", "tiny", 1000, 0.1, 1000, 0, null));
      r.addOutputs(List.of(new OutputRow("a0001", 1, new byte[] {1, 2, 3}, 0.5, "{}", 1000),
          new OutputRow("a0001", 2, new byte[] {4, 5, 6}, 0.5, "{}", 2000),
          new OutputRow("a0002", 3, new byte[] {9, 9, 9}, 0.5, "{}", 3000)));
    }
    Result r = run("soup", "import", "--out", o, "--from-colony", colony.toString(), "--limit", "1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("imported 1 programs (1 from the colony, 0 files) as 1 tapes");
    byte[] bytes = SoupCheckpoint.load(Path.of(o, "soup.ckpt")).bytes();
    assertThat(Arrays.copyOfRange(bytes, 0, 64)).isEqualTo(Arrays.copyOf(new byte[] {4, 5, 6}, 64)); // the newest
  }

  @Test
  void badInputGetsOneLine() throws Exception {
    String o = soup("b");
    Path program = dir.resolve("p.bin");
    Files.write(program, replicator());
    for (String[] args : new String[][] {
        {"soup", "import", "--out", dir.resolve("none").toString(), program.toString()},
        {"soup", "import", "--out", o, "--copies", "257", program.toString()},
        {"soup", "import", "--out", o},
        {"soup", "import", "--out", o, dir.resolve("missing.bin").toString()},
        {"soup", "export", "--replicators", dir.resolve("x").toString(), "--out", dir.resolve("none").toString()},
        {"soup", "export", "--replicators", dir.resolve("x").toString(), "--out", o, "--top", "65"}}) {
      Result r = run(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(1);
      assertThat(r.err().strip()).as(String.join(" ", args)).startsWith("vivarium: ").doesNotContain("\n");
    }
  }

  @Test
  void exportedReplicatorsRunInTheSandbox() throws Exception {
    System.setProperty("vivarium.exec.cache", dir.resolve("exec-cache").toString());
    String why = ExecutorPool.unavailableReason();
    assumeTrue(why == null, why);
    String o = soup("x");
    Path program = dir.resolve("rep.bin");
    Files.write(program, replicator());
    assertThat(run("soup", "import", "--out", o, "--copies", "64", program.toString()).code()).isZero();
    Result e = run("soup", "export", "--replicators", dir.resolve("reps").toString(), "--out", o, "--run");
    assertThat(e.code()).as(e.err()).isZero();
    assertThat(e.out()).contains("replicator-01.bin  64x").contains("  sandbox: ").contains("byte-entropy=");
  }
}
