package io.vivarium.lab.judge;

import io.vivarium.core.Seeds;
import io.vivarium.lab.repair.HeuristicSolver;
import io.vivarium.lab.repair.RepairSource;
import io.vivarium.worlds.repair.Corpus.Split;
import io.vivarium.worlds.repair.Corruption;
import io.vivarium.worlds.repair.Diffs;
import io.vivarium.worlds.repair.Episode;
import io.vivarium.worlds.repair.EpisodeMaker;
import io.vivarium.worlds.repair.RepairWorld;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Graded answers to repair episodes for the question {@value #QUESTION}: per episode the clean
 * passage, the ground-truth diff, the damaged passage, each earlier stage of its damage (the
 * later corruptions undone), a half repair of the damaged span, the heuristic solver's answer, a
 * diff of the half repair, and the clean passage with one or two random character edits. Each is
 * graded by the world's own reading ({@link RepairWorld#judge}): yes exactly when the repair is
 * exact (reward 1), so a close but imperfect repair is a no. The prompt is the episode's
 * observation. Training answers come from the corpus's training passages, held-out ones from
 * its held-out passages.
 *
 * <p>Immutable and thread-safe.
 */
public final class RepairExamples implements Examples {
  /** The evaluator's question about a repair. */
  public static final String QUESTION = "Is the passage repaired?";
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz .,";

  private final RepairSource source;
  private final HeuristicSolver heuristic;

  /** Answers to episodes of {@code source}, one of them {@code heuristic}'s. */
  public RepairExamples(RepairSource source, HeuristicSolver heuristic) {
    this.source = source;
    this.heuristic = heuristic;
  }

  @Override
  public String world() {
    return "repair";
  }

  @Override
  public String question() {
    return QUESTION;
  }

  @Override
  public List<Graded> make(boolean heldOut, int count, long seed) {
    EpisodeMaker maker = new EpisodeMaker(source.preset(), source.corpus(), heldOut ? Split.HELDOUT : Split.TRAIN);
    List<Graded> out = new ArrayList<>();
    for (long i = 0; out.size() < count; i++) {
      long s = Seeds.derive(seed, "evaluator-repair", i);
      out.addAll(answers(maker.make(s), new SplittableRandom(s)));
    }
    return out;
  }

  /** The graded answers to {@code e}; {@code rng} draws the random edits. */
  public List<Graded> answers(Episode e, SplittableRandom rng) {
    List<Graded> out = new ArrayList<>();
    add(out, e, e.clean(), "clean");
    add(out, e, e.groundTruthDiff(), "diff");
    add(out, e, e.corrupted(), "damaged");
    List<Corruption> cs = e.corruptions();
    for (int j = 0; j < cs.size() - 1; j++) {
      add(out, e, cs.get(j).text(), "partial");
    }
    String half = halfRepair(e.corrupted(), e.clean());
    add(out, e, half, "half");
    add(out, e, heuristic.repair(e.corrupted()), "heuristic");
    if (!half.equals(e.corrupted())) {
      add(out, e, Diffs.unified(e.corrupted(), half), "half-diff");
    }
    add(out, e, randomEdits(e.clean(), 1 + rng.nextInt(2), rng), "random-edit");
    return out;
  }

  private static void add(List<Graded> out, Episode e, String answer, String kind) {
    boolean exact = RepairWorld.judge(e, answer).score().exact();
    out.add(new Graded(QUESTION, e.prompt(), answer, exact, kind));
  }

  /**
   * {@code damaged} with the first half of its differing span (after the common prefix, before
   * the common suffix) replaced by the first half of the clean one's.
   */
  static String halfRepair(String damaged, String clean) {
    int pre = 0;
    int max = Math.min(damaged.length(), clean.length());
    while (pre < max && damaged.charAt(pre) == clean.charAt(pre)) {
      pre++;
    }
    int suf = 0;
    while (suf < max - pre
        && damaged.charAt(damaged.length() - 1 - suf) == clean.charAt(clean.length() - 1 - suf)) {
      suf++;
    }
    String dMid = damaged.substring(pre, damaged.length() - suf);
    String cMid = clean.substring(pre, clean.length() - suf);
    return damaged.substring(0, pre) + cMid.substring(0, cMid.length() / 2) + dMid.substring(dMid.length() / 2)
        + damaged.substring(damaged.length() - suf);
  }

  /** {@code text} with {@code edits} random one-character insertions, deletions or substitutions. */
  static String randomEdits(String text, int edits, SplittableRandom rng) {
    StringBuilder b = new StringBuilder(text);
    for (int k = 0; k < edits; k++) {
      int at = rng.nextInt(b.length() + 1);
      char c = LETTERS.charAt(rng.nextInt(LETTERS.length()));
      switch (at == b.length() ? 0 : rng.nextInt(3)) {
        case 0 -> b.insert(at, c);
        case 1 -> b.deleteCharAt(at);
        default -> b.setCharAt(at, c);
      }
    }
    return b.toString();
  }
}
