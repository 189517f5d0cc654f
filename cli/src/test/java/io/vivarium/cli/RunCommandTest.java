package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.colony.ColonyLock;
import io.vivarium.colony.DataDir;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vivarium run} in-process, as a new user meets it: resume, refusals, what is left behind. */
class RunCommandTest {
  private static final List<String> SMALL = List.of("--minutes", "0.01", "--no-broker", "--no-zoo",
      "world.batch=4", "colony.replicateEvery=1000000");

  @TempDir Path dir;

  @Test
  void aResumedColonyKeepsItsSettingsAndSaysWhatChanged() throws Exception {
    Path data = dir.resolve("data");
    Result first = run(data, "--agents", "2", "--preset", "gold-bare-5x5", "learn.method=ppo", "learn.lr=0.001");
    assertThat(first.code).as(first.err).isZero();
    assertThat(first.out).contains("vivarium run · starting · gold gold-bare-5x5");

    Result plain = run(data);
    assertThat(plain.code).as(plain.err).isZero();
    assertThat(plain.out).contains("vivarium run · resuming · gold gold-bare-5x5").doesNotContain("changed on resume");
    String stored = Files.readString(data.resolve(DataDir.CONFIG));
    assertThat(stored).contains("method = \"ppo\"", "agents = 2", "preset = \"gold-bare-5x5\"");

    Result changed = run(data, "learn.lr=0.002");
    assertThat(changed.code).as(changed.err).isZero();
    assertThat(changed.out).contains("changed on resume: learn.lr 0.001 -> 0.002");
    assertThat(Files.readString(data.resolve(DataDir.CONFIG))).contains("lr = 0.002", "method = \"ppo\"");
  }

  @Test
  void aRefusedWorldTouchesNothingAndNamesItsOwnPreset() {
    Path data = dir.resolve("data");
    Result r = run(data, "--world", "exec", "learn.method=bc");
    assertThat(r.code).isNotZero();
    assertThat(r.out).isEmpty();
    assertThat(r.err).contains("exec exec-machine-64").contains("use learn.method=grpo or ppo")
        .doesNotContain("gold-bare-6x6+ego7");
    assertThat(Files.exists(data)).as("nothing created in the data directory").isFalse();

    Result unknown = run(data, "--world", "gold", "--preset", "gold-nowhere");
    assertThat(unknown.err).contains("unknown gold preset 'gold-nowhere'");
    assertThat(Files.exists(data)).isFalse();
  }

  @Test
  void aSecondRunOnARunningColonyIsRefusedInOneLine() throws Exception {
    Path data = dir.resolve("data");
    try (ColonyLock held = ColonyLock.acquire(new DataDir(data))) {
      Result r = run(data);
      assertThat(r.code).isNotZero();
      assertThat(r.out).isEmpty();
      assertThat(r.err.strip().lines()).hasSize(1);
      assertThat(r.err).contains("a colony is already running in");
    }
  }

  private record Result(int code, String out, String err) {}

  private static Result run(Path data, String... args) {
    List<String> all = new ArrayList<>(List.of("--data", data.toString(), "run"));
    all.addAll(SMALL);
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString().replace(System.lineSeparator(), "\n"), err.toString());
  }
}
