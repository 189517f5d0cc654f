package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vivarium train lm}, {@code sample}, {@code train tutorial} and {@code eval --task} end to end, in process. */
class TrainCommandTest {
  @TempDir Path dir;

  /** Runs the command line in process: exit code, standard output, standard error. */
  static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void trainsALanguageModelAndSamplesFromIt() throws Exception {
    Path corpus = Files.writeString(dir.resolve("corpus.txt"), "to be or not to be. ".repeat(300),
        StandardCharsets.US_ASCII);
    Path brain = dir.resolve("lm.brain");
    String[] r = run("--data", dir.toString(), "train", "lm", "--corpus", corpus.toString(),
        "--preset", "tiny", "--iters", "30", "--batch", "4", "--block", "32", "--lr", "3e-3",
        "--out", brain.toString(), "brain.layers=1");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).containsPattern("(?m)^val_loss: \\d+\\.\\d+$")
        .containsPattern("(?m)^tokens_per_second: \\d+$")
        .containsPattern("(?m)^ms_per_iter: \\d+\\.\\d+$")
        .containsPattern("(?m)^parameters: \\d+$")
        .contains("tensorboard: " + dir.resolve("runs").toAbsolutePath());
    // progress on standard error (plain lines, not a terminal): the total, each tenth with an ETA, the end
    assertThat(r[2]).contains("train lm: 0/30 iterations\n").containsPattern("train lm: 3/30 iterations \\(10%\\) · "
        + "\\d+:\\d\\d elapsed · ETA \\d+:\\d\\d").containsPattern("train lm: done, 30/30 iterations in \\d+:\\d\\d · loss");
    assertThat(r[1]).doesNotContain("train lm: ");
    assertThat(brain).exists();
    assertThat(dir.resolve("runs/lm")).as("the curve as TensorBoard events beside the brain")
        .isDirectoryContaining("glob:**/events.out.tfevents.*");
    String[] s = run("sample", "--brain", brain.toString(), "--prompt", "to be", "--bytes", "10");
    assertThat(s[0]).as(s[2]).isEqualTo("0");
    assertThat(s[1]).startsWith("to be");
  }

  @Test
  void badInputIsOneClearLine() {
    String[] r = run("sample", "--brain", dir.resolve("missing.brain").toString());
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2]).contains("vivarium: brain file").contains("does not exist");
    String[] p = run("--data", dir.toString(), "train", "lm", "--corpus",
        dir.resolve("none.txt").toString(), "--preset", "huge");
    assertThat(p[0]).isEqualTo("1");
    assertThat(p[2]).contains("unknown brain preset 'huge'");
  }

  @Test
  void trainsInTheGoldWorldAndEvaluatesGreedyAndSampled() throws Exception {
    Path brain = dir.resolve("gold.brain");
    String[] r = run("--data", dir.toString(), "train", "gold", "--method", "bc+ppo", "--steps", "600",
        "--brain-preset", "tiny", "--bc-updates", "4", "--bc-lr", "2e-3", "--eval-episodes", "32", "--out",
        brain.toString(), "brain.layers=1", "brain.dim=32");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).containsPattern("(?m)^bc · steps 256 ").containsPattern("(?m)^ppo · steps 1280 ")
        .containsPattern("(?m)^success_rate: \\d\\.\\d{4}$").containsPattern("(?m)^optimal_ratio: ")
        .containsPattern("(?m)^sampled_success_rate: \\d\\.\\d{4}$");
    assertThat(Files.readAllLines(dir.resolve("gold.brain.csv"))).hasSize(3);
    assertThat(dir.resolve("runs/gold")).isDirectoryContaining("glob:**/events.out.tfevents.*");
    String[] greedy = run("eval", "--brain", brain.toString(), "--episodes", "32");
    String[] sampled = run("eval", "--brain", brain.toString(), "--episodes", "32", "--sample");
    assertThat(greedy[0]).as(greedy[2]).isEqualTo("0");
    assertThat(greedy[1]).contains("policy: greedy", "episodes: 32", "optimal_ratio: ");
    assertThat(greedy[2]).as("progress on stderr").contains("eval gold-bare-5x5: 0/32 episodes\n")
        .contains("eval gold-bare-5x5: done, 32/32 episodes in ");
    assertThat(sampled[0]).as(sampled[2]).isEqualTo("0");
    assertThat(sampled[1]).contains("policy: sampled", "episodes: 32", "optimal_ratio: ");
    assertThat(greedy[1]).as("without --preset, the preset it was trained on").contains("preset: gold-bare-5x5");
    String[] other = run("eval", "--brain", brain.toString(), "--episodes", "32", "--preset", "gold-bare-5x5+ego9");
    assertThat(other[0]).isEqualTo("1");
    assertThat(other[2]).contains("the brain was trained on gold gold-bare-5x5 (", "--preset gold-bare-5x5)")
        .contains("this evaluation encodes gold gold-bare-5x5+ego9 (");
  }

  @Test
  void aTimeBudgetEndsTrainingEarly() {
    // 60 µs of budget: shorter than any first iteration of 256 steps, however fast the brain gets
    String[] r = run("--data", dir.toString(), "train", "gold", "--method", "bc", "--steps", "100000", "--minutes",
        "0.000001", "--brain-preset", "tiny", "--bc-updates", "1", "--eval-episodes", "32", "--out",
        dir.resolve("b.brain").toString(),
        "brain.layers=1", "brain.dim=32");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[1]).contains("100000 steps or 0.0 minutes").containsPattern("(?m)^bc · steps 256 ")
        .doesNotContainPattern("(?m)^bc · steps 512 ");
  }

  private static String value(String output, String key) {
    Matcher m = Pattern.compile("(?m)^" + key + ": (\\d+\\.\\d+)$").matcher(output);
    assertThat(m.find()).as("a '%s: X' line in\n%s", key, output).isTrue();
    return m.group(1);
  }

  @Test
  void eachTutorialTrainsSavesItsCurveAndEvaluatesTheSame() throws Exception {
    for (String[] task : new String[][] {{"qa", "accuracy"}, {"describe", "accuracy"}, {"line", "iou"}}) {
      Path brain = dir.resolve(task[0] + ".brain");
      String[] r = run("--data", dir.toString(), "train", "tutorial", task[0], "--steps", "6", "--batch", "4",
          "--every", "3", "--held-out", "12", "--brain-preset", "tiny", "--out", brain.toString(),
          "brain.layers=1", "brain.dim=32");
      assertThat(r[0]).as(r[2]).isEqualTo("0");
      assertThat(r[1]).contains("train tutorial · " + task[0] + " · gold-bare-5x5 · 6 steps of 4")
          .containsPattern("(?m)^step 3 · examples 12 · loss \\d+\\.\\d+ · " + task[1] + " \\d\\.\\d{3}")
          .containsPattern("(?m)^step 6 · examples 24 ")
          .contains("held_out: 12");
      double trained = Double.parseDouble(value(r[1], task[1]));
      assertThat(trained).isBetween(0.0, 1.0);
      List<String> curve = Files.readAllLines(dir.resolve(task[0] + ".brain.csv"));
      assertThat(curve).hasSize(3);
      assertThat(curve.get(0)).isEqualTo("step,examples,loss,metric,score,examples_per_second,seconds");
      String[] e = run("eval", "--brain", brain.toString(), "--task", task[0], "--episodes", "12");
      assertThat(e[0]).as(e[2]).isEqualTo("0");
      assertThat(e[1]).contains("examples: 12");
      assertThat(Double.parseDouble(value(e[1], task[1]))).as(task[0]).isEqualTo(trained);
      // qa also scores each question template, the same in training's report and in eval.
      List<String> templates = Pattern.compile("(?m)^accuracy_[a-z]+: \\d\\.\\d{4} \\((\\d+)\\)$").matcher(r[1])
          .results().map(MatchResult::group).toList();
      if (task[0].equals("qa")) {
        assertThat(templates).isNotEmpty();
        assertThat(templates.stream().mapToInt(l -> Integer.parseInt(l.replaceAll(".*\\((\\d+)\\)$", "$1"))).sum())
            .isEqualTo(12);
        assertThat(e[1]).contains(String.join("\n", templates));
      } else {
        assertThat(templates).isEmpty();
      }
    }
  }

  @Test
  void badTutorialInputIsOneClearLine() {
    String[] r = run("--data", dir.toString(), "train", "tutorial", "poetry", "--steps", "1");
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2]).contains("unknown tutorial 'poetry'; known tutorials: qa, line, describe");
    String[] e = run("eval", "--task", "qa", "--brain", dir.resolve("none.brain").toString());
    assertThat(e[0]).isEqualTo("1");
    assertThat(e[2]).contains("eval --task qa needs --brain FILE of an existing brain");
  }
}
