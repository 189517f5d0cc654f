package io.vivarium.lab.repair;

import io.vivarium.core.Seeds;
import io.vivarium.lab.repair.RepairSearch.Family;
import io.vivarium.lab.repair.SearchSolver.Option;
import io.vivarium.worlds.repair.Corpus;
import io.vivarium.worlds.repair.Corpus.Split;
import io.vivarium.worlds.repair.Episode;
import io.vivarium.worlds.repair.EpisodeMaker;
import io.vivarium.worlds.repair.Operation;
import io.vivarium.worlds.repair.RepairPresets;
import io.vivarium.worlds.repair.Score;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Calibrates a {@link SearchSolver}'s acceptance margins on the corpus's <em>training</em>
 * split, never on held-out passages: single-operation episodes of every operation (equally
 * many, as evaluation weighs operations equally) and clean passages (where any change costs
 * the full score), each answered with every option the search ranks. The margins are then
 * chosen, family by family in a few rounds of coordinate ascent, to maximise the summed
 * reward of the options the solver would pick.
 *
 * <p>Stateless and thread-safe when the solver's scorer is.
 */
public final class SearchCalibration {
  /** Training episodes per operation. */
  public static final int PER_OPERATION = 20;
  /** Clean training passages, on which the search must change nothing. */
  public static final int CLEAN = 40;
  private static final int ROUNDS = 3;

  private SearchCalibration() {}

  /** One calibration case: the options ranked for a passage and the reward of each. */
  record Case(List<Option> options, double[] rewards) {}

  /**
   * A solver named {@code name} over {@code corpus}: {@code heuristic} first, candidates from
   * {@code model}'s search, ranked by {@code scorer}, with margins calibrated on
   * {@link #PER_OPERATION} training episodes per operation and {@link #CLEAN} clean training
   * passages.
   */
  public static SearchSolver solver(String name, Corpus corpus, UnaryOperator<String> heuristic, CharNgram model,
      TextScorer scorer) {
    return calibrate(name, corpus, heuristic, new RepairSearch(model, SearchSolver.BREAKS, 1), scorer,
        PER_OPERATION, CLEAN, 1);
  }

  /**
   * A solver with its margins calibrated on {@code perOperation} training episodes per
   * operation and {@code clean} clean training passages of {@code corpus}, from {@code seed}.
   */
  public static SearchSolver calibrate(String name, Corpus corpus, UnaryOperator<String> heuristic, RepairSearch search,
      TextScorer scorer, int perOperation, int clean, long seed) {
    double[] off = new double[Family.values().length];
    Arrays.fill(off, Double.POSITIVE_INFINITY);
    SearchSolver uncalibrated = new SearchSolver(name, heuristic, search, scorer, off);
    List<Case> cases = cases(uncalibrated, corpus, perOperation, clean, seed);
    return new SearchSolver(name, heuristic, search, scorer, margins(cases));
  }

  static List<Case> cases(SearchSolver solver, Corpus corpus, int perOperation, int clean, long seed) {
    List<Case> cases = new ArrayList<>();
    for (Operation op : Operation.values()) {
      EpisodeMaker maker = new EpisodeMaker(RepairPresets.get("repair-only-" + op.key()), corpus, Split.TRAIN);
      for (int i = 0; i < perOperation; i++) {
        Episode e;
        try {
          e = maker.make(Seeds.derive(seed, "search-calibration-" + op.key(), i));
        } catch (IllegalArgumentException declined) {
          break; // the corpus gives this operation nothing to act on
        }
        cases.add(caseOf(solver, e.clean(), e.corrupted()));
      }
    }
    EpisodeMaker maker = new EpisodeMaker(RepairPresets.get("repair-single"), corpus, Split.TRAIN);
    for (int i = 0; i < clean; i++) {
      String passage = maker.make(Seeds.derive(seed, "search-calibration-clean", i)).clean();
      cases.add(caseOf(solver, passage, passage));
    }
    return cases;
  }

  private static Case caseOf(SearchSolver solver, String clean, String damaged) {
    List<Option> options = solver.options(damaged);
    double[] rewards = new double[options.size()];
    for (int i = 0; i < rewards.length; i++) {
      rewards[i] = Score.of(clean, damaged, options.get(i).text()).reward();
    }
    return new Case(options, rewards);
  }

  /** The margins (one per family, each 0 or more, or infinite) that maximise the summed reward. */
  static double[] margins(List<Case> cases) {
    double[] m = new double[Family.values().length];
    Arrays.fill(m, Double.POSITIVE_INFINITY);
    for (int round = 0; round < ROUNDS; round++) {
      for (Family f : Family.values()) {
        List<Double> tries = new ArrayList<>(List.of(Double.POSITIVE_INFINITY, 0.0));
        for (Case c : cases) {
          for (Option o : c.options()) {
            if (o.family() == f && o.gain() > 0) {
              tries.add(Math.nextDown(o.gain()));
            }
          }
        }
        double bestValue = m[f.ordinal()];
        double best = total(cases, m);
        for (double t : tries) {
          m[f.ordinal()] = t;
          double r = total(cases, m);
          if (r > best + 1e-9 || (r > best - 1e-9 && t > bestValue)) {
            best = r;
            bestValue = t;
          }
        }
        m[f.ordinal()] = bestValue;
      }
    }
    return m;
  }

  /** The summed reward of the options picked under margins {@code m}. */
  static double total(List<Case> cases, double[] m) {
    double sum = 0;
    for (Case c : cases) {
      sum += c.rewards()[SearchSolver.pick(c.options(), m)];
    }
    return sum;
  }
}
