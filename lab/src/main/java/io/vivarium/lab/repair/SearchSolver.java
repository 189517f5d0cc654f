package io.vivarium.lab.repair;

import io.vivarium.core.Channel;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.Observation;
import io.vivarium.lab.repair.RepairSearch.Family;
import io.vivarium.worlds.repair.Episode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The heuristic followed by a ranked repair search: the {@link RepairSearch} proposes inverse
 * operations on the damaged passage (before the heuristic touches it, since the heuristic's
 * word-level fixes disturb the junctions of moved spans), the heuristic then runs on each
 * proposal as on the passage itself, and a {@link TextScorer} compares every result with the
 * heuristic's answer alone. The best proposal is taken when its gain in log-likelihood beats
 * its family's margin ({@link SearchCalibration}); otherwise the answer is the heuristic's.
 *
 * <p>Thread-safe when its scorer is (the n-gram scorer is).
 */
public final class SearchSolver implements Solver {
  /** Candidates kept per family; with five families and the heuristic's answer, 16 texts are ranked. */
  public static final int PER_FAMILY = 3;
  /** Break points whose span moves are tried, each with its neighbours on both sides. */
  public static final int BREAKS = 24;

  /** One ranked option: a candidate after the heuristic, and its scorer gain over the heuristic's answer. */
  public record Option(Family family, String text, double gain) {}

  private final String name;
  private final UnaryOperator<String> heuristic;
  private final RepairSearch search;
  private final TextScorer scorer;
  private final double[] margins;

  /**
   * A solver named {@code name} that runs {@code heuristic} (e.g. {@link HeuristicSolver#repair},
   * or nothing: {@code text -> text}) on the passage and on each candidate; {@code margins} holds one acceptance margin (nats) per
   * {@link Family}, in declaration order ({@link Double#POSITIVE_INFINITY} switches a family off).
   */
  public SearchSolver(String name, UnaryOperator<String> heuristic, RepairSearch search, TextScorer scorer,
      double[] margins) {
    if (margins.length != Family.values().length) {
      throw new IllegalArgumentException("margins must have one value per family (" + Family.values().length
          + "); got " + margins.length);
    }
    this.name = name;
    this.heuristic = heuristic;
    this.search = search;
    this.scorer = scorer;
    this.margins = margins.clone();
  }

  @Override
  public String name() {
    return name;
  }

  /** The acceptance margins, one per family in declaration order. */
  public double[] margins() {
    return margins.clone();
  }

  @Override
  public Action act(Observation observation) {
    String shown = new String(observation.bytes(Channel.TEXT), StandardCharsets.UTF_8);
    return Action.text(repair(Episode.targetOf(shown)));
  }

  /** The repaired passage. */
  public String repair(String text) {
    List<Option> options = options(text);
    return options.get(pick(options, margins)).text();
  }

  /**
   * The index of the option picked under {@code margins}: the one whose gain exceeds its
   * family's margin by the most, or 0 (the heuristic's answer) when none exceeds it.
   */
  static int pick(List<Option> options, double[] margins) {
    int best = 0;
    double bestOver = 0;
    for (int i = 1; i < options.size(); i++) {
      Option o = options.get(i);
      double over = o.gain() - margins[o.family().ordinal()];
      if (over > bestOver) {
        best = i;
        bestOver = over;
      }
    }
    return best;
  }

  /**
   * The heuristic's answer (first, gain 0, family null) and each distinct candidate after the
   * heuristic, with its gain over that answer under the scorer.
   */
  public List<Option> options(String text) {
    String plain = heuristic.apply(text);
    List<Family> families = new ArrayList<>();
    List<String> texts = new ArrayList<>(List.of(plain));
    for (RepairSearch.Candidate c : search.candidates(text, PER_FAMILY)) {
      String fixed = heuristic.apply(c.text());
      if (!texts.contains(fixed)) {
        families.add(c.family());
        texts.add(fixed);
      }
    }
    double[] gains = scorer.gains(texts);
    List<Option> out = new ArrayList<>(texts.size());
    out.add(new Option(null, plain, 0));
    for (int i = 1; i < texts.size(); i++) {
      out.add(new Option(families.get(i - 1), texts.get(i), gains[i]));
    }
    return out;
  }

  @Override
  public String toString() {
    return name + " (margins " + Arrays.toString(margins) + ")";
  }
}
