package io.vivarium.cli;

import io.vivarium.brain.TorchBrain;
import io.vivarium.worlds.repair.Corpus;
import io.vivarium.worlds.repair.HeuristicSolver;
import io.vivarium.worlds.repair.Lexicon;
import io.vivarium.worlds.repair.Solver;
import io.vivarium.worlds.repair.SolverProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes {@link BrainRepairSolver}s for {@code vivarium eval --world repair}: a spec naming a
 * brain file ({@code FILE}, solver {@code brain}) or the heuristic followed by one
 * ({@code heuristic+FILE}, solver {@code heuristic+brain}).
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
      HeuristicSolver first = hybrid ? HeuristicSolver.calibrated(corpus, Lexicon.DEFAULT_PASSAGES) : null;
      return Optional.of(BrainRepairSolver.create(hybrid ? "heuristic+brain" : "brain", brain, first));
    } catch (IOException e) {
      throw new UncheckedIOException("brain file " + file + " is unreadable: " + e.getMessage(), e);
    }
  }

  @Override
  public String accepts() {
    return "BRAIN_FILE or heuristic+BRAIN_FILE (a brain from 'vivarium train repair')";
  }
}
