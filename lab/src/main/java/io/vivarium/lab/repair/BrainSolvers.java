package io.vivarium.lab.repair;

import io.vivarium.brain.TorchBrain;
import io.vivarium.worlds.repair.Corpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Makes brain-ranked repair searches for {@link Solvers}: a spec naming a
 * brain file ({@code FILE}, solver {@code brain}: the search alone) or the heuristic followed
 * by one ({@code heuristic+FILE}, solver {@code heuristic+brain}). The search's candidates come
 * from a character n-gram learned from the corpus's training split; the brain
 * ({@link BrainTextScorer}) ranks them, with margins calibrated on training episodes.
 *
 * <p>Stateless and thread-safe.
 */
public final class BrainSolvers {
  private static final String HYBRID = "heuristic+";

  /** What {@link #create} accepts, for error messages. */
  static final String ACCEPTS = "BRAIN_FILE or heuristic+BRAIN_FILE (a brain from 'vivarium train repair')";

  private BrainSolvers() {}

  /**
   * The solver named by {@code spec} (a brain file, or {@code heuristic+} one) over
   * {@code corpus}, or empty when {@code spec} names no brain file.
   */
  static Optional<Solver> create(String spec, Corpus corpus) {
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
  public static SearchSolver solver(String name, TorchBrain brain, Corpus corpus, boolean hybrid) {
    UnaryOperator<String> first = hybrid ? HeuristicSolver.calibrated(corpus, Lexicon.DEFAULT_PASSAGES)::repair
        : text -> text;
    return SearchCalibration.solver(name, corpus, first, CharNgram.learn(corpus, Lexicon.DEFAULT_PASSAGES),
        new BrainTextScorer(brain));
  }
}
