package io.vivarium.colony.registry;

import java.util.Objects;

/**
 * One recorded tree of thought. Immutable.
 *
 * @param id its row id
 * @param agent who thought it (an agent id, or {@code user} for {@code vivarium think})
 * @param timeMs when, in epoch milliseconds
 * @param query the question
 * @param tree the whole tree as JSON (nodes, scores, the chosen path)
 * @param conclusion the chosen path's text
 * @param score the conclusion's score in [0, 1]
 */
public record ThoughtRow(long id, String agent, long timeMs, String query, String tree, String conclusion,
    double score) {
  public ThoughtRow {
    Objects.requireNonNull(agent, "thought agent");
    Objects.requireNonNull(query, "thought query");
    Objects.requireNonNull(tree, "thought tree");
    Objects.requireNonNull(conclusion, "thought conclusion");
  }
}
