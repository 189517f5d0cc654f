package io.vivarium.lab.judge;

import java.util.List;

/**
 * A maker of graded answers for one world's evaluator question. Implementations state their
 * thread-safety; the built-in ones are immutable and thread-safe.
 */
public interface Examples {
  /** The world whose answers are judged, e.g. {@code repair}; recorded in the evaluator's brain file. */
  String world();

  /** The yes/no question asked about every answer. */
  String question();

  /**
   * About {@code count} graded answers (whole tasks' worth, so a few more may come) made from
   * seed {@code seed}, from the training tasks, or from held-out ones when {@code heldOut}.
   */
  List<Graded> make(boolean heldOut, int count, long seed);
}
