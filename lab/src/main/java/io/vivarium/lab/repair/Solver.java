package io.vivarium.lab.repair;

import io.vivarium.core.Channel;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.Observation;
import io.vivarium.worlds.repair.Episode;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Answers repair episodes: sees an observation of the repair world exactly as an agent does
 * and returns the answer action (repaired text or a unified diff on the {@code text} channel).
 * Built-in solvers are {@code identity} and {@code heuristic}; a trained brain plugs in through
 * a {@link SolverProvider}.
 *
 * <p>Implementations state their own thread-safety; the built-in ones are thread-safe.
 */
public interface Solver {
  /** A short name for tables, e.g. {@code heuristic}. */
  String name();

  /** The answer to one observation. */
  Action act(Observation observation);

  /**
   * A solver that maps the passage to repair (found with {@link Episode#targetOf}) to its
   * repaired text with {@code repair}.
   */
  static Solver ofText(String name, UnaryOperator<String> repair) {
    return new Solver() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Action act(Observation observation) {
        String shown = new String(observation.bytes(Channel.TEXT), StandardCharsets.UTF_8);
        return Action.text(repair.apply(Episode.targetOf(shown)));
      }
    };
  }
}
