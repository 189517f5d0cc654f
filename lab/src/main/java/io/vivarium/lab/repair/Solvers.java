package io.vivarium.lab.repair;

import io.vivarium.worlds.repair.Corpus;
import java.util.List;

/**
 * The registry of repair solvers: {@code identity} (answers the damaged passage unchanged),
 * {@code heuristic} (inverse rules with a word list learned from the corpus's training split),
 * {@code heuristic+ngram} (the heuristic and a repair search ranked by a character n-gram model,
 * {@link SearchSolver}), then a brain file or {@code heuristic+} one ({@link BrainSolvers}).
 *
 * <p>Stateless and thread-safe.
 */
public final class Solvers {
  private Solvers() {}

  /** The solver named {@code spec} for episodes over {@code corpus}; unknown names list the known. */
  public static Solver create(String spec, Corpus corpus) {
    switch (spec) {
      case "identity" -> {
        return Solver.ofText("identity", text -> text);
      }
      case "heuristic" -> {
        return HeuristicSolver.calibrated(corpus, Lexicon.DEFAULT_PASSAGES);
      }
      case "heuristic+ngram" -> {
        CharNgram model = CharNgram.learn(corpus, Lexicon.DEFAULT_PASSAGES);
        return SearchCalibration.solver(spec, corpus, HeuristicSolver.calibrated(corpus, Lexicon.DEFAULT_PASSAGES)::repair,
            model, model);
      }
      default -> {
        return BrainSolvers.create(spec, corpus).orElseThrow(() -> new IllegalArgumentException(
            "unknown repair solver '" + spec + "'; known solvers: "
                + List.of("identity", "heuristic", "heuristic+ngram", BrainSolvers.ACCEPTS)));
      }
    }
  }
}
