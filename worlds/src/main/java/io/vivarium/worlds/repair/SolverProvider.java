package io.vivarium.worlds.repair;

import java.util.Optional;

/**
 * Makes solvers that live outside this module — a trained brain, for instance — found with
 * {@link java.util.ServiceLoader} (list implementations in
 * {@code META-INF/services/io.vivarium.worlds.repair.SolverProvider}). Implementations must be
 * thread-safe; the solvers they make state their own thread-safety.
 */
public interface SolverProvider {
  /**
   * The solver named by {@code spec} (e.g. the path of a brain file), or empty when this
   * provider does not recognise it; {@code corpus} is the corpus being evaluated on.
   */
  Optional<Solver> create(String spec, Corpus corpus);

  /** What this provider accepts, for error messages, e.g. {@code BRAIN_FILE (a trained brain)}. */
  String accepts();
}
