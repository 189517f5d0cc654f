package io.vivarium.worlds.repair;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.worlds.repair.Corpus.Split;
import io.vivarium.worlds.repair.Diffs.Patched;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Unified diffs: round trips on many random texts, and bad diffs rejected with a reason. */
class DiffsTest {
  private static final String[] ODD_LINES = {
    "", " ", "-- David", "--- x", "+++ y", "+ plus", "@@ -1,2 +1,2 @@", "\\ No newline",
    "tab\there", "carriage\r", "ünïcødé “quotes”", "emoji 😀 pair", "#File: x (3 lines)",
  };

  @Test
  void applyingTheDiffOfTwoTextsGivesTheSecond() {
    // A fresh seed each run widens coverage; rerun a failure with -Drepair.diffSeed=SEED.
    String fixed = System.getProperty("repair.diffSeed");
    long seed = fixed != null ? Long.parseLong(fixed) : new SplittableRandom().nextLong();
    System.out.println("DiffsTest round-trip seed: " + seed + " (rerun with -Drepair.diffSeed=" + seed + ")");
    SplittableRandom rng = new SplittableRandom(seed);
    for (int trial = 0; trial < 500; trial++) {
      String a = randomText(rng);
      String b = rng.nextInt(4) == 0 ? randomText(rng) : mutate(a, rng);
      String diff = Diffs.unified(a, b);
      Patched p = Diffs.apply(diff.isEmpty() ? "@@ -0,0 +0,0 @@\n" : diff, a);
      if (a.equals(b)) {
        assertThat(diff).isEmpty();
        continue;
      }
      assertThat(p).as("seed %d trial %d:\n%s", seed, trial, diff)
          .isEqualTo(new Patched.Applied(b));
      assertThat(Diffs.looksLikeDiff(diff)).isTrue();
    }
  }

  @Test
  void theDiffLooksLikeTheSeeds() {
    String diff = Diffs.unified("a\nb\nc", "a\nB\nc");
    assertThat(diff).isEqualTo("--- \n+++ \n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
    assertThat(Diffs.apply(diff, "a\nb\nc")).isEqualTo(new Patched.Applied("a\nB\nc"));
  }

  @Test
  void hunksWithoutHeadersAndStrippedBlankContextApply() {
    String diff = "@@ -1,3 +1,3 @@\n a\n\n-c\n+C";
    assertThat(Diffs.apply(diff, "a\n\nc")).isEqualTo(new Patched.Applied("a\n\nC"));
  }

  @Test
  void badDiffsAreRejectedWithAReason() {
    String text = "one\ntwo\nthree";
    assertRejected("garbage", text, "hunk header");
    assertRejected("--- \n+++ \n", text, "no hunk");
    assertRejected("--- \nnot a header\n@@ -1 +1 @@\n-one\n+1", text, "'+++ '");
    assertRejected("@@ -1,1 +1,1 @@\n-uno\n+1", text, "does not match");
    assertRejected("@@ -1,2 +1,2 @@\n-one\n+1", text, "line counts");
    assertRejected("@@ -1,1 +1,1 @@\n-one\n+1\n+2", text, "hunk header");
    assertRejected("@@ -1,1 +1,1 @@\n*one\n+1", text, "line counts");
    assertRejected("@@ -9,1 +9,1 @@\n-nine\n+9", text, "does not match");
    assertRejected("@@ -99999999999999,1 +1,1 @@\n-x\n+y", text, "hunk header");
    assertRejected("@@ -2,1 +2,1 @@\n-two\n+2\n@@ -1,1 +1,1 @@\n-one\n+1", text, "precedes");
  }

  private static void assertRejected(String diff, String text, String reason) {
    Patched p = Diffs.apply(diff, text);
    assertThat(p).as(diff).isInstanceOf(Patched.Rejected.class);
    assertThat(((Patched.Rejected) p).reason()).as(diff).contains(reason);
  }

  private static String randomText(SplittableRandom rng) {
    List<String> lines = new ArrayList<>();
    String passage = GeneratedCorpus.standard().passage(Split.TRAIN, rng.nextInt(1000));
    for (String line : Diffs.lines(passage)) {
      lines.add(rng.nextInt(6) == 0 ? ODD_LINES[rng.nextInt(ODD_LINES.length)] : line);
    }
    String text = String.join("\n", lines.subList(0, 1 + rng.nextInt(lines.size())));
    return rng.nextBoolean() ? text + "\n" : text;
  }

  private static String mutate(String text, SplittableRandom rng) {
    String out = text;
    int k = 1 + rng.nextInt(5);
    for (int i = 0; i < k; i++) {
      Operation op = Operation.values()[rng.nextInt(Operation.values().length)];
      Corruption c = op.apply(out, "donor text with several words in it", rng);
      if (c != null) {
        out = c.text();
      }
    }
    if (rng.nextInt(5) == 0) {
      out = out.endsWith("\n") ? out.substring(0, out.length() - 1) : out + "\n";
    }
    return out;
  }
}
