package io.vivarium.worlds.repair;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The registry of repair solvers: {@code identity} (answers the damaged passage unchanged),
 * {@code heuristic} (inverse rules with a word list learned from the corpus's training split),
 * {@code heuristic+ngram} (the heuristic and a repair search ranked by a character n-gram model,
 * {@link SearchSolver}), then whatever the {@link SolverProvider}s on the class path accept.
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
        List<String> known = new ArrayList<>(List.of("identity", "heuristic", "heuristic+ngram"));
        for (SolverProvider p : ServiceLoader.load(SolverProvider.class)) {
          Optional<Solver> s = p.create(spec, corpus);
          if (s.isPresent()) {
            return s.get();
          }
          known.add(p.accepts());
        }
        throw new IllegalArgumentException("unknown repair solver '" + spec + "'; known solvers: "
            + known + (known.size() == 3 ? " (a trained brain solver needs the brain module)" : ""));
      }
    }
  }
}
