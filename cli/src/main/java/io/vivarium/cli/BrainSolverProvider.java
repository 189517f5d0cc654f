package io.vivarium.cli;

import io.vivarium.brain.TorchBrain;
import io.vivarium.worlds.repair.CharNgram;
import io.vivarium.worlds.repair.Corpus;
import io.vivarium.worlds.repair.HeuristicSolver;
import io.vivarium.worlds.repair.Lexicon;
import io.vivarium.worlds.repair.SearchCalibration;
import io.vivarium.worlds.repair.SearchSolver;
import io.vivarium.worlds.repair.Solver;
import io.vivarium.worlds.repair.SolverProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Makes brain-ranked repair searches for {@code vivarium eval --world repair}: a spec naming a
 * brain file ({@code FILE}, solver {@code brain}: the search alone) or the heuristic followed
 * by one ({@code heuristic+FILE}, solver {@code heuristic+brain}). The search's candidates come
 * from a character n-gram learned from the corpus's training split; the brain
 * ({@link BrainTextScorer}) ranks them, with margins calibrated on training episodes.
 *
 * <p>Stateless and thread-safe.
 */
public final class BrainSolverProvider implements SolverProvider {
  private static final String HYBRID = "heuristic+";

  @Override
  public Optional<Solver> create(String spec, Corpus corpus) {
    boolean hybrid = spec.startsWith(HYBRID);
    String file = hybrid ? spec.substring(HYBRID.length()) : spec;
    if (!file.endsWith(".brain") && !Files.isRegularFile(Path.of(file))) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(Path.of(file))) {
      throw new IllegalArgumentException("repair solver '" + spec + "' names brain file " + file
          + ", which does not exist; train one with 'vivarium train repair --out " + file + "'");
    }
    try {
      TorchBrain brain = TorchBrain.load(Path.of(file));
      return Optional.of(solver(hybrid ? "heuristic+brain" : "brain", brain, corpus, hybrid));
    } catch (IOException e) {
      throw new UncheckedIOException("brain file " + file + " is unreadable: " + e.getMessage(), e);
    }
  }

  /**
   * The search ranked by {@code brain} over {@code corpus}, after the calibrated heuristic when
   * {@code hybrid}; the brain lives as long as the solver (the process owns it).
   */
  static SearchSolver solver(String name, TorchBrain brain, Corpus corpus, boolean hybrid) {
    UnaryOperator<String> first = hybrid ? HeuristicSolver.calibrated(corpus, Lexicon.DEFAULT_PASSAGES)::repair
        : text -> text;
    return SearchCalibration.solver(name, corpus, first, CharNgram.learn(corpus, Lexicon.DEFAULT_PASSAGES),
        new BrainTextScorer(brain));
  }

  @Override
  public String accepts() {
    return "BRAIN_FILE or heuristic+BRAIN_FILE (a brain from 'vivarium train repair')";
  }
}
